-- The record is sacred: the database itself refuses to rewrite or delete what was published.
CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions
BEGIN SELECT RAISE(ABORT, 'versions are immutable: save a new version instead'); END;
--> statement-breakpoint
CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions
BEGIN SELECT RAISE(ABORT, 'versions are immutable: they are never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER articles_no_delete BEFORE DELETE ON articles
BEGIN SELECT RAISE(ABORT, 'articles are never deleted: withdraw them instead'); END;
--> statement-breakpoint
CREATE TRIGGER withholdings_no_update BEFORE UPDATE ON withholdings
BEGIN SELECT RAISE(ABORT, 'withholdings are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER withholdings_no_delete BEFORE DELETE ON withholdings
BEGIN SELECT RAISE(ABORT, 'withholdings are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections are never deleted: withdraw a published one'); END;
--> statement-breakpoint
-- A published correction may only be withdrawn (with a reason); nothing else about it changes.
CREATE TRIGGER corrections_published_frozen BEFORE UPDATE ON corrections
WHEN OLD.status <> 'draft' AND NOT (
  OLD.status = 'published' AND NEW.status = 'withdrawn'
  AND NEW.withdrawn_reason IS NOT NULL AND length(trim(NEW.withdrawn_reason)) > 0
  AND NEW.withdrawn_at IS NOT NULL
  AND NEW.kind IS OLD.kind AND NEW.mode IS OLD.mode AND NEW.wording IS OLD.wording
  AND NEW.article_id IS OLD.article_id AND NEW.base_version_id IS OLD.base_version_id
  AND NEW.amended_version_id IS OLD.amended_version_id
  AND NEW.drafted_by IS OLD.drafted_by AND NEW.drafted_at IS OLD.drafted_at
  AND NEW.published_by IS OLD.published_by AND NEW.published_at IS OLD.published_at
)
BEGIN SELECT RAISE(ABORT, 'a published correction is never edited: it can only be withdrawn with a reason'); END;
--> statement-breakpoint
CREATE TRIGGER claims_frozen_insert BEFORE INSERT ON claims
WHEN (SELECT status FROM corrections WHERE id = NEW.correction_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'claims of a published correction are never changed'); END;
--> statement-breakpoint
CREATE TRIGGER claims_frozen_update BEFORE UPDATE ON claims
WHEN (SELECT status FROM corrections WHERE id = OLD.correction_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'claims of a published correction are never changed'); END;
--> statement-breakpoint
CREATE TRIGGER claims_frozen_delete BEFORE DELETE ON claims
WHEN (SELECT status FROM corrections WHERE id = OLD.correction_id) <> 'draft'
BEGIN SELECT RAISE(ABORT, 'claims of a published correction are never changed'); END;
--> statement-breakpoint
CREATE TRIGGER columns_published_frozen BEFORE UPDATE ON columns
WHEN OLD.status = 'published'
BEGIN SELECT RAISE(ABORT, 'a published column edition is never edited'); END;
--> statement-breakpoint
CREATE TRIGGER columns_published_no_delete BEFORE DELETE ON columns
WHEN OLD.status = 'published'
BEGIN SELECT RAISE(ABORT, 'a published column edition is never deleted'); END;
--> statement-breakpoint
CREATE TRIGGER column_items_frozen_insert BEFORE INSERT ON column_items
WHEN (SELECT status FROM columns WHERE id = NEW.column_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'a published column edition is never edited'); END;
--> statement-breakpoint
CREATE TRIGGER column_items_frozen_update BEFORE UPDATE ON column_items
WHEN (SELECT status FROM columns WHERE id = OLD.column_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'a published column edition is never edited'); END;
--> statement-breakpoint
CREATE TRIGGER column_items_frozen_delete BEFORE DELETE ON column_items
WHEN (SELECT status FROM columns WHERE id = OLD.column_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'a published column edition is never edited'); END;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
