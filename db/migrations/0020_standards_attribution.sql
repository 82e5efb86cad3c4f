ALTER TABLE `corrections` ADD `published_section` text;--> statement-breakpoint
ALTER TABLE `corrections` ADD `published_byline` text;--> statement-breakpoint
CREATE INDEX `corrections_standards_facts_idx` ON `corrections` (`status`,`published_at`,`kind`,`published_section`,`published_byline`,`error_type`,`error_cause`,`found_by`,`exposed_from`,`amended_version_id`);--> statement-breakpoint
CREATE INDEX `corrections_standards_groups_idx` ON `corrections` (`status`,`published_section`,`kind`,`error_type`,`error_cause`,`found_by`,`published_at`);--> statement-breakpoint
CREATE INDEX `cases_standards_facts_idx` ON `cases` (`received_at`,`status`,`route`,`acknowledged_at`,`closed_at`);--> statement-breakpoint
CREATE INDEX `cases_correction_received_idx` ON `cases` (`correction_id`,`received_at`);--> statement-breakpoint
-- Corrections already out take the section and byline their article has now (the nearest record
-- of where they were published); drafts are given theirs when they are published. The record's
-- guard refuses any other change to a published correction, so it stands aside for this one
-- statement, which writes only the two new columns, and is put back as it was (0016).
DROP TRIGGER corrections_published_frozen;--> statement-breakpoint
UPDATE `corrections` SET `published_section` = (SELECT `section` FROM `articles` WHERE `articles`.`id` = `corrections`.`article_id`), `published_byline` = (SELECT `byline` FROM `articles` WHERE `articles`.`id` = `corrections`.`article_id`) WHERE `status` <> 'draft';--> statement-breakpoint
CREATE TRIGGER corrections_published_frozen BEFORE UPDATE ON corrections
WHEN OLD.status <> 'draft' AND NOT (
  NEW.kind IS OLD.kind AND NEW.mode IS OLD.mode AND NEW.wording IS OLD.wording
  AND NEW.said IS OLD.said AND NEW.about IS OLD.about
  AND NEW.article_id IS OLD.article_id AND NEW.base_version_id IS OLD.base_version_id
  AND NEW.drafted_by IS OLD.drafted_by AND NEW.drafted_at IS OLD.drafted_at
  AND NEW.published_by IS OLD.published_by AND NEW.published_at IS OLD.published_at
  AND (
    (OLD.status = 'published' AND NEW.status = 'withdrawn'
      AND NEW.withdrawn_reason IS NOT NULL AND length(trim(NEW.withdrawn_reason)) > 0
      AND NEW.withdrawn_at IS NOT NULL
      AND NEW.amended_version_id IS OLD.amended_version_id)
    OR
    (OLD.status = 'published' AND NEW.status = 'published'
      AND OLD.amended_version_id IS NULL AND NEW.amended_version_id IS NOT NULL
      AND NEW.withdrawn_at IS OLD.withdrawn_at AND NEW.withdrawn_reason IS OLD.withdrawn_reason AND NEW.withdrawn_by IS OLD.withdrawn_by)
  )
)
BEGIN SELECT RAISE(ABORT, 'a published correction is never edited: it can only be withdrawn with a reason, or carried out once by a new version'); END;--> statement-breakpoint
-- The triggers made after it (0016, 0019) are made again after it, in their order, so each still
-- answers first with its own message (SQLite runs the newest trigger first).
DROP TRIGGER corrections_amended_by_own_article;--> statement-breakpoint
CREATE TRIGGER corrections_amended_by_own_article BEFORE UPDATE OF amended_version_id ON corrections
WHEN NEW.amended_version_id IS NOT NULL AND NEW.amended_version_id IS NOT OLD.amended_version_id AND (
  (SELECT article_id FROM versions WHERE id = NEW.amended_version_id) IS NOT NEW.article_id
  OR (SELECT number FROM versions WHERE id = NEW.amended_version_id) <= (SELECT number FROM versions WHERE id = NEW.base_version_id)
)
BEGIN SELECT RAISE(ABORT, 'a correction is carried out by a later version of its own article'); END;--> statement-breakpoint
DROP TRIGGER corrections_revision_frozen;--> statement-breakpoint
CREATE TRIGGER corrections_revision_frozen BEFORE UPDATE ON corrections
WHEN OLD.status <> 'draft' AND NEW.revision IS NOT OLD.revision
BEGIN SELECT RAISE(ABORT, 'a published correction keeps its last revision'); END;--> statement-breakpoint
DROP TRIGGER `corrections_taxonomy_frozen`;--> statement-breakpoint
CREATE TRIGGER `corrections_taxonomy_frozen` BEFORE UPDATE ON `corrections`
WHEN OLD.`status` <> 'draft' AND (NEW.`error_type` IS NOT OLD.`error_type` OR NEW.`error_cause` IS NOT OLD.`error_cause` OR NEW.`found_by` IS NOT OLD.`found_by` OR NEW.`exposed_from` IS NOT OLD.`exposed_from`)
BEGIN SELECT RAISE(ABORT, 'a published correction keeps its classification and exposure'); END;--> statement-breakpoint
CREATE TRIGGER `corrections_attribution_frozen` BEFORE UPDATE ON `corrections`
WHEN OLD.`status` <> 'draft' AND (NEW.`published_section` IS NOT OLD.`published_section` OR NEW.`published_byline` IS NOT OLD.`published_byline`)
BEGIN SELECT RAISE(ABORT, 'a published correction keeps the section and byline it was published under'); END;--> statement-breakpoint
CREATE TRIGGER `corrections_published_attributed` BEFORE UPDATE OF `status` ON `corrections`
WHEN OLD.`status` = 'draft' AND NEW.`status` = 'published' AND NEW.`published_at` IS NOT NULL AND (NEW.`published_section` IS NULL OR NEW.`published_byline` IS NULL)
BEGIN SELECT RAISE(ABORT, 'a correction is published with its article''s section and byline'); END;
--> statement-breakpoint
-- A closed case is never changed: it takes no more notes either (the desk refuses first, 409).
CREATE TRIGGER `case_notes_open_case_only` BEFORE INSERT ON `case_notes`
WHEN (SELECT `status` FROM `cases` WHERE `id` = NEW.`case_id`) IS NOT 'open'
BEGIN SELECT RAISE(ABORT, 'a closed case takes no more notes'); END;
