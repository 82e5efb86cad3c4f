-- The desk searches slug and byline as well as the current text: rebuild the search index with them.
-- article_search is derived data (rowid = article id), rebuilt from the append-only versions.
DELETE FROM article_search;
--> statement-breakpoint
INSERT INTO article_search (rowid, body)
SELECT v.article_id, v.headline || ' ' || v.standfirst || ' ' || v.body || ' ' || replace(a.slug, '-', ' ') || ' ' || a.byline
FROM versions v JOIN articles a ON a.id = v.article_id
WHERE v.number = (SELECT max(number) FROM versions WHERE article_id = v.article_id);
