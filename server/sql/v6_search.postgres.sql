-- Full-text index of the videos that may appear in search results (public and
-- ready) on PostgreSQL; see server/search/postgressearchindex.h. One row per
-- indexed video, keyed by videos.seq and kept in step by the catalog service
-- code. The document weighs the title A, the tags B and the description C;
-- the 'simple' configuration lower-cases words without stemming or stop
-- words, like FTS5's unicode61 tokenizer.
CREATE TABLE video_search_pg (
    seq BIGINT PRIMARY KEY REFERENCES videos (seq) ON DELETE CASCADE,
    title TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title), 'A')
        || setweight(to_tsvector('simple', tags), 'B')
        || setweight(to_tsvector('simple', description), 'C')) STORED
);
CREATE INDEX video_search_pg_document ON video_search_pg USING GIN (document);

-- Videos listed before this migration (tags are stored one per line).
INSERT INTO video_search_pg (seq, title, tags, description)
SELECT seq, title, replace(tags, chr(10), ' '), description FROM videos
WHERE visibility = 'public' AND state = 'ready';
