ALTER TABLE `settings` ADD `site_url` text;--> statement-breakpoint
ALTER TABLE `settings` ADD `readers_editor_email` text;