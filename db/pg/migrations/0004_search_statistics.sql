-- The desk's search walks article_search newest first and stops at a page, which is right for a
-- common word and ruinous for a rare one: with PostgreSQL's default statistics a word it has not
-- seen among the most common is guessed at 0.5% of the rows, so "story 4242" (one article in
-- 100,000) walked every row, 200–470 ms, rather than asking the GIN index (under 1 ms). A larger
-- sample keeps far more of the words' frequencies (up to 100,000), and a rare word is then estimated
-- as rare. Statistics only: no row is read or written by this change, and ANALYZE refreshes them
-- (autovacuum does so again as the table changes).
ALTER TABLE article_search ALTER COLUMN tsv SET STATISTICS 10000;
--> statement-breakpoint
ANALYZE article_search;
