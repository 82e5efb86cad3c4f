CREATE TABLE `article_status_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`reason` text,
	`actor_id` integer,
	`at` integer NOT NULL,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `article_status_events_article_idx` ON `article_status_events` (`article_id`,`id`);--> statement-breakpoint
ALTER TABLE `articles` ADD `status_event_id` integer;--> statement-breakpoint
ALTER TABLE `corrections` ADD `revision` integer DEFAULT 1 NOT NULL;