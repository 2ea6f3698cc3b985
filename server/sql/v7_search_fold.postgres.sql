-- Search on PostgreSQL folds accents like SQLite's FTS5 (remove_diacritics):
-- "creme brulee" finds "Crème brûlée" and the other way round. The
-- kinora_fold configuration is 'simple' with the unaccent dictionary before
-- it (unaccent is a trusted extension: the database owner may create it).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION kinora_fold (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION kinora_fold
    ALTER MAPPING FOR asciihword, asciiword, hword, hword_asciipart, hword_part, word WITH unaccent, simple;

ALTER TABLE video_search_pg DROP COLUMN document;
ALTER TABLE video_search_pg ADD COLUMN document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('kinora_fold'::regconfig, title), 'A')
    || setweight(to_tsvector('kinora_fold'::regconfig, tags), 'B')
    || setweight(to_tsvector('kinora_fold'::regconfig, description), 'C')) STORED;
CREATE INDEX video_search_pg_document ON video_search_pg USING GIN (document);
