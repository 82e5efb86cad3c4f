-- A version's stored plain text is derived from it once and never rewritten or deleted.
CREATE TRIGGER version_texts_no_update BEFORE UPDATE ON version_texts
BEGIN SELECT RAISE(ABORT, 'a version''s plain text is never changed'); END;
--> statement-breakpoint
CREATE TRIGGER version_texts_no_delete BEFORE DELETE ON version_texts
BEGIN SELECT RAISE(ABORT, 'a version''s plain text is never deleted'); END;
