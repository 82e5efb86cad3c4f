-- Full-text search over each article's current text, for "the same error elsewhere".
-- rowid is the article's id; the row is replaced whenever a version is saved.
CREATE VIRTUAL TABLE article_search USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
--> statement-breakpoint
INSERT INTO article_search (rowid, body)
SELECT v.article_id, v.headline || ' ' || v.standfirst || ' ' || v.body
FROM versions v
WHERE v.number = (SELECT max(number) FROM versions WHERE article_id = v.article_id);
