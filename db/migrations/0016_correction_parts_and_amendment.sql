ALTER TABLE `corrections` ADD `said` text;--> statement-breakpoint
ALTER TABLE `corrections` ADD `about` text;--> statement-breakpoint
-- A published correction may be withdrawn (with a reason), or carried out ONCE by a later version
-- of its own article ("amend the text for this correction"): its amended_version_id goes from
-- null to that version and nothing else changes. Every other change is refused, as before.
DROP TRIGGER corrections_published_frozen;
--> statement-breakpoint
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
BEGIN SELECT RAISE(ABORT, 'a published correction is never edited: it can only be withdrawn with a reason, or carried out once by a new version'); END;
--> statement-breakpoint
-- The version that carries a correction out is a later version of the same article.
CREATE TRIGGER corrections_amended_by_own_article BEFORE UPDATE OF amended_version_id ON corrections
WHEN NEW.amended_version_id IS NOT NULL AND NEW.amended_version_id IS NOT OLD.amended_version_id AND (
  (SELECT article_id FROM versions WHERE id = NEW.amended_version_id) IS NOT NEW.article_id
  OR (SELECT number FROM versions WHERE id = NEW.amended_version_id) <= (SELECT number FROM versions WHERE id = NEW.base_version_id)
)
BEGIN SELECT RAISE(ABORT, 'a correction is carried out by a later version of its own article'); END;
--> statement-breakpoint
-- What the article said is part of the draft's text: changing it bumps the revision too.
DROP TRIGGER corrections_draft_edit_bumps_revision;
--> statement-breakpoint
CREATE TRIGGER corrections_draft_edit_bumps_revision AFTER UPDATE ON corrections
WHEN OLD.status = 'draft' AND NEW.status = 'draft' AND NEW.revision <= OLD.revision
  AND (NEW.kind IS NOT OLD.kind OR NEW.mode IS NOT OLD.mode OR NEW.wording IS NOT OLD.wording OR NEW.said IS NOT OLD.said OR NEW.about IS NOT OLD.about)
BEGIN UPDATE corrections SET revision = OLD.revision + 1 WHERE id = NEW.id; END;
--> statement-breakpoint
-- Re-created after the trigger above so it still answers first, with its own message.
DROP TRIGGER corrections_revision_frozen;
--> statement-breakpoint
CREATE TRIGGER corrections_revision_frozen BEFORE UPDATE ON corrections
WHEN OLD.status <> 'draft' AND NEW.revision IS NOT OLD.revision
BEGIN SELECT RAISE(ABORT, 'a published correction keeps its last revision'); END;
