DROP INDEX `versions_saved_idx`;--> statement-breakpoint
CREATE INDEX `versions_saved_article_idx` ON `versions` (`saved_at`,`article_id`);