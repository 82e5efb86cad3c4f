CREATE INDEX `articles_status_published_idx` ON `articles` (`status`,`first_published_at`);--> statement-breakpoint
CREATE INDEX `corrections_published_at_idx` ON `corrections` (`published_at`);--> statement-breakpoint
CREATE INDEX `corrections_base_version_idx` ON `corrections` (`base_version_id`);--> statement-breakpoint
CREATE INDEX `corrections_amended_version_idx` ON `corrections` (`amended_version_id`);--> statement-breakpoint
CREATE INDEX `reports_correction_idx` ON `reports` (`correction_id`);