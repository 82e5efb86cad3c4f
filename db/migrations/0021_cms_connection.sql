CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`token_hash` text NOT NULL,
	`scopes` text NOT NULL,
	`rate_per_minute` integer NOT NULL,
	`actor_id` integer NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`last_used_at` integer,
	`revoked_at` integer,
	`revoked_by` integer,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_actor_idx` ON `api_tokens` (`actor_id`);--> statement-breakpoint
CREATE TABLE `version_flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`changes` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`resolved_at` integer,
	`resolved_by` integer,
	`resolution` text,
	`correction_id` integer,
	FOREIGN KEY (`version_id`) REFERENCES `versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resolved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`correction_id`) REFERENCES `corrections`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `version_flags_version_id_unique` ON `version_flags` (`version_id`);--> statement-breakpoint
CREATE INDEX `version_flags_open_idx` ON `version_flags` (`resolved_at`,`id`);--> statement-breakpoint
CREATE INDEX `version_flags_article_idx` ON `version_flags` (`article_id`,`id`);--> statement-breakpoint
CREATE TABLE `webhook_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outbox_id` integer NOT NULL,
	`attempt` integer NOT NULL,
	`at` integer NOT NULL,
	`status` integer,
	`ok` integer NOT NULL,
	`error` text,
	`duration_ms` integer NOT NULL,
	FOREIGN KEY (`outbox_id`) REFERENCES `webhook_outbox`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `webhook_deliveries_outbox_idx` ON `webhook_deliveries` (`outbox_id`,`id`);--> statement-breakpoint
CREATE TABLE `webhook_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`message_id` text NOT NULL,
	`subscription_id` integer NOT NULL,
	`event` text NOT NULL,
	`payload` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`locked_until` integer,
	`delivered_at` integer,
	`failed_at` integer,
	`last_error` text,
	FOREIGN KEY (`subscription_id`) REFERENCES `webhook_subscriptions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `webhook_outbox_message_id_unique` ON `webhook_outbox` (`message_id`);--> statement-breakpoint
CREATE INDEX `webhook_outbox_due_idx` ON `webhook_outbox` (`delivered_at`,`failed_at`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `webhook_outbox_entity_idx` ON `webhook_outbox` (`entity_type`,`entity_id`,`id`);--> statement-breakpoint
CREATE INDEX `webhook_outbox_subscription_idx` ON `webhook_outbox` (`subscription_id`,`id`);--> statement-breakpoint
CREATE TABLE `webhook_subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`events` text NOT NULL,
	`secret` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`disabled_at` integer,
	`disabled_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`disabled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `articles` ADD `external_id` text;--> statement-breakpoint
ALTER TABLE `articles` ADD `canonical_url` text;--> statement-breakpoint
CREATE UNIQUE INDEX `articles_external_id_idx` ON `articles` (`external_id`);--> statement-breakpoint
CREATE TRIGGER `articles_external_id_set_once` BEFORE UPDATE OF `external_id` ON `articles`
WHEN OLD.`external_id` IS NOT NULL AND NEW.`external_id` IS NOT OLD.`external_id`
BEGIN SELECT RAISE(ABORT, 'an article''s external id is set once'); END;
--> statement-breakpoint
CREATE TRIGGER `api_tokens_frozen` BEFORE UPDATE OF `name`, `prefix`, `token_hash`, `scopes`, `rate_per_minute`, `actor_id`, `created_by`, `created_at` ON `api_tokens`
BEGIN SELECT RAISE(ABORT, 'a token is revoked and replaced, never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `api_tokens_revoked_stays` BEFORE UPDATE OF `revoked_at` ON `api_tokens`
WHEN OLD.`revoked_at` IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a revoked token stays revoked'); END;
--> statement-breakpoint
CREATE TRIGGER `api_tokens_no_delete` BEFORE DELETE ON `api_tokens`
BEGIN SELECT RAISE(ABORT, 'tokens are revoked, never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `webhook_subscriptions_frozen` BEFORE UPDATE OF `url`, `events`, `secret`, `created_by`, `created_at` ON `webhook_subscriptions`
BEGIN SELECT RAISE(ABORT, 'a subscription is disabled and replaced, never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `webhook_subscriptions_no_delete` BEFORE DELETE ON `webhook_subscriptions`
BEGIN SELECT RAISE(ABORT, 'subscriptions are disabled, never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER `webhook_outbox_message_frozen` BEFORE UPDATE OF `message_id`, `subscription_id`, `event`, `payload`, `entity_type`, `entity_id`, `created_at` ON `webhook_outbox`
BEGIN SELECT RAISE(ABORT, 'an outbox message is sent as it was written'); END;
--> statement-breakpoint
CREATE TRIGGER `webhook_outbox_delivered_stays` BEFORE UPDATE OF `delivered_at` ON `webhook_outbox`
WHEN OLD.`delivered_at` IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a delivered message stays delivered'); END;
--> statement-breakpoint
CREATE TRIGGER `webhook_outbox_no_delete` BEFORE DELETE ON `webhook_outbox`
BEGIN SELECT RAISE(ABORT, 'the outbox is the record of what was sent'); END;
--> statement-breakpoint
CREATE TRIGGER `webhook_deliveries_no_update` BEFORE UPDATE ON `webhook_deliveries`
BEGIN SELECT RAISE(ABORT, 'delivery attempts are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `webhook_deliveries_no_delete` BEFORE DELETE ON `webhook_deliveries`
BEGIN SELECT RAISE(ABORT, 'delivery attempts are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER `version_flags_frozen` BEFORE UPDATE OF `version_id`, `article_id`, `changes`, `created_at` ON `version_flags`
BEGIN SELECT RAISE(ABORT, 'a flag records what was found'); END;
--> statement-breakpoint
CREATE TRIGGER `version_flags_resolved_stays` BEFORE UPDATE ON `version_flags`
WHEN OLD.`resolved_at` IS NOT NULL
BEGIN SELECT RAISE(ABORT, 'a resolved flag stays resolved'); END;
--> statement-breakpoint
CREATE TRIGGER `version_flags_no_delete` BEFORE DELETE ON `version_flags`
BEGIN SELECT RAISE(ABORT, 'flags are resolved, never deleted'); END;
