-- Catalog and social features: channels, videos, ratings, subscriptions,
-- comments, playlists and watch history. Times are milliseconds since the
-- Unix epoch. The SQLite variant (v2_catalog.sqlite.sql) holds the same
-- statements plus the FTS5 search table; keep both files in step.
CREATE TABLE channels (
    id {{id_pk}},
    owner_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    avatar_type TEXT,
    subscriber_count BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX channels_owner ON channels (owner_id);

CREATE TABLE videos (
    seq {{id_pk}},
    id TEXT NOT NULL,
    owner_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    channel_id BIGINT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    visibility TEXT NOT NULL,
    state TEXT NOT NULL,
    failure_reason TEXT NOT NULL DEFAULT '',
    scheduled_at BIGINT,
    published_at BIGINT,
    duration_ms BIGINT NOT NULL DEFAULT 0,
    thumbnail TEXT NOT NULL DEFAULT '0',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    view_count BIGINT NOT NULL DEFAULT 0,
    like_count BIGINT NOT NULL DEFAULT 0,
    dislike_count BIGINT NOT NULL DEFAULT 0,
    comment_count BIGINT NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX videos_id ON videos (id);
CREATE INDEX videos_listed_newest ON videos (visibility, state, published_at, seq);
CREATE INDEX videos_listed_popular ON videos (visibility, state, view_count, seq);
CREATE INDEX videos_channel ON videos (channel_id, published_at, seq);
CREATE INDEX videos_owner ON videos (owner_id);

CREATE TABLE video_ratings (
    video_id TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    rating INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (video_id, user_id)
);
CREATE INDEX video_ratings_user ON video_ratings (user_id);

CREATE TABLE subscriptions (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    channel_id BIGINT NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, channel_id)
);
CREATE INDEX subscriptions_channel ON subscriptions (channel_id);

CREATE TABLE comments (
    id {{id_pk}},
    video_id TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    author_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    parent_id BIGINT REFERENCES comments (id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    reply_count BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    edited_at BIGINT
);
CREATE INDEX comments_thread ON comments (video_id, parent_id, id);
CREATE INDEX comments_parent ON comments (parent_id, id);

CREATE TABLE playlists (
    id {{id_pk}},
    owner_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    visibility TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'user',
    item_count BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX playlists_owner ON playlists (owner_id, id);

CREATE TABLE playlist_items (
    id {{id_pk}},
    playlist_id BIGINT NOT NULL REFERENCES playlists (id) ON DELETE CASCADE,
    video_id TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    position BIGINT NOT NULL,
    added_at BIGINT NOT NULL
);
CREATE INDEX playlist_items_order ON playlist_items (playlist_id, position);
CREATE INDEX playlist_items_video ON playlist_items (video_id);

CREATE TABLE watch_history (
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    video_id TEXT NOT NULL REFERENCES videos (id) ON DELETE CASCADE,
    position_ms BIGINT NOT NULL,
    watched_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, video_id)
);
CREATE INDEX watch_history_recent ON watch_history (user_id, watched_at);
