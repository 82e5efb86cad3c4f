CREATE TABLE `case_articles` (
	`case_id` integer NOT NULL,
	`article_id` integer NOT NULL,
	`quote` text,
	PRIMARY KEY(`case_id`, `article_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_articles_article_idx` ON `case_articles` (`article_id`);--> statement-breakpoint
CREATE TABLE `case_clauses` (
	`case_id` integer NOT NULL,
	`clause` text NOT NULL,
	PRIMARY KEY(`case_id`, `clause`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_clauses_clause_idx` ON `case_clauses` (`clause`);--> statement-breakpoint
CREATE TABLE `case_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`author_id` integer,
	`body` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_notes_case_idx` ON `case_notes` (`case_id`,`id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`channel` text NOT NULL,
	`route` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`complainant_name` text DEFAULT '' NOT NULL,
	`complainant_contact` text,
	`summary` text NOT NULL,
	`owner_id` integer,
	`report_id` integer,
	`correction_id` integer,
	`received_at` integer NOT NULL,
	`acknowledged_at` integer,
	`due_at` integer NOT NULL,
	`closed_at` integer,
	`outcome_note` text,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`correction_id`) REFERENCES `corrections`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_reference_unique` ON `cases` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `cases_report_id_unique` ON `cases` (`report_id`);--> statement-breakpoint
CREATE INDEX `cases_status_due_idx` ON `cases` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `cases_owner_status_idx` ON `cases` (`owner_id`,`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `cases_received_idx` ON `cases` (`received_at`);--> statement-breakpoint
CREATE INDEX `cases_correction_idx` ON `cases` (`correction_id`);--> statement-breakpoint
CREATE INDEX `cases_status_id_idx` ON `cases` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `standards_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`config` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `corrections` ADD `error_type` text;--> statement-breakpoint
ALTER TABLE `corrections` ADD `error_cause` text;--> statement-breakpoint
ALTER TABLE `corrections` ADD `found_by` text;--> statement-breakpoint
ALTER TABLE `corrections` ADD `exposed_from` integer;--> statement-breakpoint
CREATE INDEX `corrections_status_published_kind_idx` ON `corrections` (`status`,`published_at`,`kind`);--> statement-breakpoint
-- Every reader report already received opens its case (the route direct, due 21 days after it came).
INSERT INTO `cases` (`reference`, `channel`, `route`, `status`, `complainant_name`, `complainant_contact`, `summary`, `report_id`, `correction_id`, `received_at`, `due_at`, `closed_at`, `outcome_note`, `created_at`, `updated_at`)
SELECT 'C-' || substr(`reference`, 3), 'reader_report', 'direct',
  CASE WHEN `status` = 'declined' THEN 'not_upheld' ELSE 'open' END,
  '', `email`, `message`, `id`, `correction_id`, `created_at`, `created_at` + 21 * 86400000,
  CASE WHEN `status` = 'declined' THEN coalesce(`handled_at`, `created_at`) END,
  CASE WHEN `status` = 'declined' THEN `decline_reason` END,
  `created_at`, coalesce(`handled_at`, `created_at`)
FROM `reports` ORDER BY `id`;
--> statement-breakpoint
INSERT INTO `case_articles` (`case_id`, `article_id`, `quote`)
SELECT `cases`.`id`, `reports`.`article_id`, nullif(`reports`.`exact`, '') FROM `cases` JOIN `reports` ON `reports`.`id` = `cases`.`report_id`;
--> statement-breakpoint
CREATE TRIGGER `cases_no_delete` BEFORE DELETE ON `cases`
BEGIN SELECT RAISE(ABORT, 'a case is never deleted'); END;
--> statement-breakpoint
-- A closed case is the record the annual statement counts: never changed; closing sets its time.
CREATE TRIGGER `cases_closed_frozen` BEFORE UPDATE ON `cases`
WHEN OLD.`status` <> 'open' OR (NEW.`status` <> 'open' AND NEW.`closed_at` IS NULL) OR (NEW.`status` = 'open' AND NEW.`closed_at` IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'a closed case is never changed, and only closing sets its closed time'); END;
--> statement-breakpoint
CREATE TRIGGER `cases_received_fixed` BEFORE UPDATE OF `received_at`, `reference`, `report_id`, `channel` ON `cases`
WHEN NEW.`received_at` IS NOT OLD.`received_at` OR NEW.`reference` IS NOT OLD.`reference` OR NEW.`report_id` IS NOT OLD.`report_id` OR NEW.`channel` IS NOT OLD.`channel`
BEGIN SELECT RAISE(ABORT, 'a case keeps its reference, channel, report and received time'); END;
--> statement-breakpoint
CREATE TRIGGER `case_clauses_closed_insert` BEFORE INSERT ON `case_clauses`
WHEN (SELECT `status` FROM `cases` WHERE `id` = NEW.`case_id`) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'a closed case is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `case_clauses_closed_delete` BEFORE DELETE ON `case_clauses`
WHEN (SELECT `status` FROM `cases` WHERE `id` = OLD.`case_id`) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'a closed case is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `case_clauses_no_update` BEFORE UPDATE ON `case_clauses`
BEGIN SELECT RAISE(ABORT, 'a case clause is removed and added, never rewritten'); END;
--> statement-breakpoint
CREATE TRIGGER `case_articles_no_delete` BEFORE DELETE ON `case_articles`
BEGIN SELECT RAISE(ABORT, 'what a case is about is never removed'); END;
--> statement-breakpoint
CREATE TRIGGER `case_articles_no_update` BEFORE UPDATE ON `case_articles`
BEGIN SELECT RAISE(ABORT, 'what a case is about is never rewritten'); END;
--> statement-breakpoint
CREATE TRIGGER `case_articles_closed_insert` BEFORE INSERT ON `case_articles`
WHEN (SELECT `status` FROM `cases` WHERE `id` = NEW.`case_id`) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'a closed case is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER `case_notes_no_update` BEFORE UPDATE ON `case_notes`
BEGIN SELECT RAISE(ABORT, 'a case note is never edited'); END;
--> statement-breakpoint
CREATE TRIGGER `case_notes_no_delete` BEFORE DELETE ON `case_notes`
BEGIN SELECT RAISE(ABORT, 'a case note is never deleted'); END;
--> statement-breakpoint
-- A published correction's classification and exposure are part of it: set by publishing, then never changed.
CREATE TRIGGER `corrections_taxonomy_frozen` BEFORE UPDATE ON `corrections`
WHEN OLD.`status` <> 'draft' AND (NEW.`error_type` IS NOT OLD.`error_type` OR NEW.`error_cause` IS NOT OLD.`error_cause` OR NEW.`found_by` IS NOT OLD.`found_by` OR NEW.`exposed_from` IS NOT OLD.`exposed_from`)
BEGIN SELECT RAISE(ABORT, 'a published correction keeps its classification and exposure'); END;
