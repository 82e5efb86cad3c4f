CREATE INDEX `articles_status_id_idx` ON `articles` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `articles_section_id_idx` ON `articles` (`section`,`id`);--> statement-breakpoint
CREATE INDEX `articles_byline_id_idx` ON `articles` (`byline`,`id`);--> statement-breakpoint
CREATE INDEX `audit_events_actor_idx` ON `audit_events` (`actor_id`,`id`);--> statement-breakpoint
CREATE INDEX `claims_version_idx` ON `claims` (`version_id`);--> statement-breakpoint
CREATE INDEX `corrections_article_status_idx` ON `corrections` (`article_id`,`status`);--> statement-breakpoint
CREATE INDEX `corrections_status_id_idx` ON `corrections` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `corrections_kind_id_idx` ON `corrections` (`kind`,`id`);--> statement-breakpoint
CREATE INDEX `corrections_drafted_by_idx` ON `corrections` (`drafted_by`,`id`);--> statement-breakpoint
CREATE INDEX `reports_status_id_idx` ON `reports` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `reports_article_idx` ON `reports` (`article_id`,`id`);--> statement-breakpoint
CREATE INDEX `reports_version_idx` ON `reports` (`version_id`);--> statement-breakpoint
CREATE INDEX `versions_change_kind_saved_idx` ON `versions` (`change_kind`,`saved_at`);--> statement-breakpoint
CREATE INDEX `versions_saved_idx` ON `versions` (`saved_at`);