-- An article's status changes are a record: each is an append-only article_status_events row
-- (who, when, from, to, why), and the articles table refuses a status change without one.
-- Existing articles get the events their columns imply (first publication, a withdrawal).
INSERT INTO article_status_events (article_id, from_status, to_status, reason, actor_id, at)
SELECT id, 'draft', 'published', NULL, created_by, first_published_at FROM articles
WHERE first_published_at IS NOT NULL AND status <> 'draft' ORDER BY id;
--> statement-breakpoint
INSERT INTO article_status_events (article_id, from_status, to_status, reason, actor_id, at)
SELECT id, 'published', 'withdrawn', coalesce(withdrawn_reason, ''), NULL, coalesce(withdrawn_at, first_published_at, created_at) FROM articles
WHERE status = 'withdrawn' ORDER BY id;
--> statement-breakpoint
UPDATE articles SET status_event_id = (SELECT max(e.id) FROM article_status_events e WHERE e.article_id = articles.id)
WHERE status <> 'draft';
--> statement-breakpoint
CREATE TRIGGER article_status_events_no_update BEFORE UPDATE ON article_status_events
BEGIN SELECT RAISE(ABORT, 'article status events are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER article_status_events_no_delete BEFORE DELETE ON article_status_events
BEGIN SELECT RAISE(ABORT, 'article status events are append-only'); END;
--> statement-breakpoint
-- An event starts from the article's current status, is one of the three legal moves, and a
-- withdrawal or a restoration gives its public reason.
CREATE TRIGGER article_status_events_legal BEFORE INSERT ON article_status_events
WHEN NEW.from_status IS NOT (SELECT status FROM articles WHERE id = NEW.article_id)
  OR NOT ((NEW.from_status = 'draft' AND NEW.to_status = 'published')
       OR (NEW.from_status = 'published' AND NEW.to_status = 'withdrawn')
       OR (NEW.from_status = 'withdrawn' AND NEW.to_status = 'published'))
  OR ((NEW.to_status = 'withdrawn' OR NEW.from_status = 'withdrawn') AND (NEW.reason IS NULL OR length(trim(NEW.reason)) = 0))
BEGIN SELECT RAISE(ABORT, 'an article status event must start from the current status, be a legal move, and give a reason for a withdrawal or a restoration'); END;
--> statement-breakpoint
CREATE TRIGGER articles_status_transitions BEFORE UPDATE ON articles
WHEN NEW.status IS NOT OLD.status AND NOT (
     (OLD.status = 'draft' AND NEW.status = 'published')
  OR (OLD.status = 'published' AND NEW.status = 'withdrawn')
  OR (OLD.status = 'withdrawn' AND NEW.status = 'published'))
BEGIN SELECT RAISE(ABORT, 'an article is published, withdrawn or restored; it never goes back to draft'); END;
--> statement-breakpoint
CREATE TRIGGER articles_status_needs_event BEFORE UPDATE ON articles
WHEN (NEW.status IS NOT OLD.status AND NOT EXISTS (
        SELECT 1 FROM article_status_events e
        WHERE e.id = NEW.status_event_id AND e.article_id = NEW.id
          AND e.from_status = OLD.status AND e.to_status = NEW.status
          AND (OLD.status_event_id IS NULL OR e.id > OLD.status_event_id)))
  OR (NEW.status IS OLD.status AND NEW.status_event_id IS NOT OLD.status_event_id)
BEGIN SELECT RAISE(ABORT, 'an article''s status changes only together with a new status event on the record'); END;
--> statement-breakpoint
CREATE TRIGGER articles_first_publication_fixed BEFORE UPDATE ON articles
WHEN (OLD.first_published_at IS NOT NULL AND NEW.first_published_at IS NOT OLD.first_published_at)
  OR (OLD.first_public_version IS NOT NULL AND NEW.first_public_version IS NOT OLD.first_public_version)
  OR (NEW.status <> 'draft' AND (NEW.first_published_at IS NULL OR NEW.first_public_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'an article''s first publication is on the record and never rewritten'); END;
--> statement-breakpoint
CREATE TRIGGER articles_withdrawal_guarded BEFORE UPDATE ON articles
WHEN (NEW.status = 'withdrawn' AND (NEW.withdrawn_at IS NULL OR NEW.withdrawn_reason IS NULL OR length(trim(NEW.withdrawn_reason)) = 0))
  OR (NEW.status IS OLD.status AND (NEW.withdrawn_at IS NOT OLD.withdrawn_at OR NEW.withdrawn_reason IS NOT OLD.withdrawn_reason))
BEGIN SELECT RAISE(ABORT, 'a withdrawal needs a date and a public reason, and changes only with the article''s status'); END;
--> statement-breakpoint
-- A draft correction leaves draft only by being published, with its publication date.
CREATE TRIGGER corrections_draft_leaves_by_publication BEFORE UPDATE ON corrections
WHEN OLD.status = 'draft' AND NEW.status <> 'draft' AND NOT (NEW.status = 'published' AND NEW.published_at IS NOT NULL)
BEGIN SELECT RAISE(ABORT, 'a draft correction is published (with its date) before it can be withdrawn'); END;
--> statement-breakpoint
-- Every edit of a draft's text bumps its revision, so a publisher can name the one they read;
-- a published or withdrawn correction keeps its last.
CREATE TRIGGER corrections_revision_frozen BEFORE UPDATE ON corrections
WHEN OLD.status <> 'draft' AND NEW.revision IS NOT OLD.revision
BEGIN SELECT RAISE(ABORT, 'a published correction keeps its last revision'); END;
--> statement-breakpoint
CREATE TRIGGER corrections_draft_edit_bumps_revision AFTER UPDATE ON corrections
WHEN OLD.status = 'draft' AND NEW.status = 'draft' AND NEW.revision <= OLD.revision
  AND (NEW.kind IS NOT OLD.kind OR NEW.mode IS NOT OLD.mode OR NEW.wording IS NOT OLD.wording)
BEGIN UPDATE corrections SET revision = OLD.revision + 1 WHERE id = NEW.id; END;
--> statement-breakpoint
-- A claim's replacement words are part of the draft: changing them bumps the draft's revision too.
CREATE TRIGGER claims_draft_edit_bumps_revision AFTER UPDATE ON claims
WHEN NEW.replacement IS NOT OLD.replacement
BEGIN UPDATE corrections SET revision = revision + 1 WHERE id = NEW.correction_id; END;
