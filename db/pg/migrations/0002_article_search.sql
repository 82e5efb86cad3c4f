-- Full-text search over each article's current text, slug words and byline, for the desk's search
-- and "the same error elsewhere": SQLite's FTS5 table article_search (rowid = article id; migrations
-- 0002 and 0015) as a plain table. The row is replaced whenever a version is saved; it is derived
-- data, rebuilt from the append-only versions (db/pg/copy.ts rebuildArticleSearchPg), so no guards.
--
-- The 'simple' configuration: words lower-cased, no stemming and no stop words, as FTS5's unicode61
-- tokenizer gives. Unlike `unicode61 remove_diacritics 2`, it does not fold diacritics ("café" is
-- not "cafe"): folding needs the unaccent extension (a contrib module the server may not have, and
-- one CREATE EXTENSION the app's database user may not be allowed), and unaccent() is not
-- immutable, so a generated column could only use it through a wrapper that pretends it is. A
-- search that must fold can add it later with its own configuration and a rebuilt column.
CREATE TABLE article_search (
	article_id integer PRIMARY KEY REFERENCES articles(id),
	body text NOT NULL,
	tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', body)) STORED
);
--> statement-breakpoint
CREATE INDEX article_search_tsv_idx ON article_search USING gin (tsv);
