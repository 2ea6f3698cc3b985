-- Resumable uploads (tus). One row per upload; the bytes live in
-- DATA_DIR/uploads/<id>.part until complete, then DATA_DIR/uploads/<id>.
-- upload_offset is the acknowledged offset: bytes below it are on disk and
-- flushed. Times are milliseconds since the Unix epoch.
-- state: uploading, complete, rejected, terminated, expired.
CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    length BIGINT NOT NULL,
    upload_offset BIGINT NOT NULL DEFAULT 0,
    state TEXT NOT NULL,
    filename TEXT NOT NULL DEFAULT '',
    filetype TEXT NOT NULL DEFAULT '',
    video_id TEXT,
    metadata TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    probe TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    completed_at BIGINT
);
CREATE INDEX uploads_user ON uploads (user_id, created_at);
CREATE INDEX uploads_state_expiry ON uploads (state, expires_at);
