-- Playback sessions: one row per device playing a video, for the
-- concurrent-stream limits and analytics. user_id is NULL for anonymous
-- viewers, who are counted per client address (client_key). Times are
-- milliseconds since the Unix epoch.
-- state: active, stopped, expired, replaced.
CREATE TABLE playback_sessions (
    id TEXT PRIMARY KEY,
    user_id BIGINT REFERENCES users (id) ON DELETE CASCADE,
    client_key TEXT NOT NULL DEFAULT '',
    device_id TEXT NOT NULL,
    device_name TEXT NOT NULL DEFAULT '',
    video_id TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    last_heartbeat_at BIGINT NOT NULL,
    ended_at BIGINT,
    view_counted INTEGER NOT NULL DEFAULT 0,
    position_ms BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX playback_sessions_user ON playback_sessions (user_id, state);
CREATE INDEX playback_sessions_client ON playback_sessions (client_key, state);
CREATE INDEX playback_sessions_active ON playback_sessions (state, last_heartbeat_at);

-- One row per heartbeat: what the player reported (quality of experience).
CREATE TABLE playback_heartbeats (
    id {{id_pk}},
    session_id TEXT NOT NULL REFERENCES playback_sessions (id) ON DELETE CASCADE,
    video_id TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    position_ms BIGINT NOT NULL,
    rendition TEXT NOT NULL,
    bitrate BIGINT NOT NULL,
    buffer_ms BIGINT NOT NULL,
    stalls INTEGER NOT NULL,
    stall_ms BIGINT NOT NULL,
    bandwidth_bps BIGINT NOT NULL,
    dropped_frames BIGINT NOT NULL,
    startup_ms BIGINT,
    rung_switches INTEGER NOT NULL
);
CREATE INDEX playback_heartbeats_session ON playback_heartbeats (session_id, received_at);
CREATE INDEX playback_heartbeats_video ON playback_heartbeats (video_id, received_at);
