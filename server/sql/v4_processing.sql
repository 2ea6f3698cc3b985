-- Processing jobs: one row per finished upload bound to a video, turned into
-- the video's HLS ladder (kind raw: transcoded; kind package: a studio-made
-- ladder in a ustar archive, validated and published as is).
-- state: queued, running, done, failed. A queued job is due at
-- next_attempt_at; a running one is held by owner (host:pid:nonce), which
-- refreshes heartbeat_at while it works. renditions is a JSON array of
-- {"name","state","percent"}. Times are milliseconds since the Unix epoch.
CREATE TABLE processing_jobs (
    id {{id_pk}},
    video_id TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    upload_id TEXT NOT NULL,
    user_id BIGINT NOT NULL,
    input_path TEXT NOT NULL,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    percent DOUBLE PRECISION NOT NULL DEFAULT 0,
    renditions TEXT NOT NULL DEFAULT '[]',
    owner TEXT NOT NULL DEFAULT '',
    heartbeat_at BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    finished_at BIGINT
);
CREATE INDEX processing_jobs_due ON processing_jobs (state, next_attempt_at);
CREATE INDEX processing_jobs_video ON processing_jobs (video_id, id);
