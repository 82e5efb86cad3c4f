-- The record is sacred: PostgreSQL refuses to rewrite or delete what was published, as SQLite does.
-- Every trigger of a fully migrated SQLite database (db/migrations 0001–0021, as later migrations
-- left them) has a twin here with the same name and the same message; db/pg/record-guards.test.ts
-- fails if a SQLite guard has no twin, or a twin answers differently.
--
-- How SQLite's triggers are carried over:
--   * RAISE(ABORT, 'message') is RAISE EXCEPTION with the same text (SQLSTATE P0001, raise_exception).
--     Each guard gives its message as the trigger's argument, so it reads as SQLite's does.
--   * SQLite's `IS` / `IS NOT` are IS NOT DISTINCT FROM / IS DISTINCT FROM.
--   * A WHEN without a subquery stays the trigger's WHEN; a check that reads another table (which a
--     PostgreSQL WHEN may not) is in the trigger's function.
--   * Which guard answers: when several guards would refuse one write, SQLite answers with the
--     newest trigger; PostgreSQL fires triggers in the order of their names. So a guard that SQLite
--     consults after another, but PostgreSQL fires before it, stands aside when the other will
--     refuse (… AND NOT <other>_refuses(OLD, NEW)), and the write is refused with SQLite's message.
--     The <guard>_refuses functions are each such guard's condition, true or false (never null).
--   * UPDATE OF columns fires as SQLite's does: when a listed column is a target of the UPDATE.
--   * Instants are timestamptz: SQLite's unixepoch('subsec') is statement_timestamp(), the time of
--     the statement that made the change (as SQLite's 'now' is), not of its transaction.

-- Refuses the write with the trigger's argument as the message: SQLite's RAISE(ABORT, …).
CREATE FUNCTION record_guard_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING MESSAGE = TG_ARGV[0];
END
$$;
--> statement-breakpoint

-- ---------------------------------------------------------------------------------------------
-- Versions, articles, withholdings, corrections, claims, the column and the audit trail (SQLite 0001)
-- ---------------------------------------------------------------------------------------------

-- A version is the record of what was published: never changed, never deleted.
CREATE TRIGGER versions_no_update BEFORE UPDATE ON versions FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('versions are immutable: save a new version instead');
--> statement-breakpoint
CREATE TRIGGER versions_no_delete BEFORE DELETE ON versions FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('versions are immutable: they are never deleted');
--> statement-breakpoint
CREATE TRIGGER articles_no_delete BEFORE DELETE ON articles FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('articles are never deleted: withdraw them instead');
--> statement-breakpoint
CREATE TRIGGER withholdings_no_update BEFORE UPDATE ON withholdings FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('withholdings are append-only');
--> statement-breakpoint
CREATE TRIGGER withholdings_no_delete BEFORE DELETE ON withholdings FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('withholdings are append-only');
--> statement-breakpoint
CREATE TRIGGER corrections_no_delete BEFORE DELETE ON corrections FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('corrections are never deleted: withdraw a published one');
--> statement-breakpoint

-- A correction's claims are part of it: they change only while it is a draft. An update is judged
-- by the correction the claim belonged to (OLD), as SQLite's claims_frozen_update is.
CREATE FUNCTION claims_frozen_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  of_correction integer := CASE WHEN TG_OP = 'INSERT' THEN NEW.correction_id ELSE OLD.correction_id END;
BEGIN
  IF (SELECT status FROM corrections WHERE id = of_correction) <> 'draft' THEN
    RAISE EXCEPTION USING MESSAGE = TG_ARGV[0];
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER claims_frozen_insert BEFORE INSERT ON claims FOR EACH ROW
EXECUTE FUNCTION claims_frozen_guard('claims of a published correction are never changed');
--> statement-breakpoint
CREATE TRIGGER claims_frozen_update BEFORE UPDATE ON claims FOR EACH ROW
EXECUTE FUNCTION claims_frozen_guard('claims of a published correction are never changed');
--> statement-breakpoint
CREATE TRIGGER claims_frozen_delete BEFORE DELETE ON claims FOR EACH ROW
EXECUTE FUNCTION claims_frozen_guard('claims of a published correction are never changed');
--> statement-breakpoint

-- A published edition of the column is never edited or deleted, nor are its items; a draft may be.
CREATE TRIGGER columns_published_frozen BEFORE UPDATE ON columns FOR EACH ROW
WHEN (OLD.status = 'published')
EXECUTE FUNCTION record_guard_refuse('a published column edition is never edited');
--> statement-breakpoint
CREATE TRIGGER columns_published_no_delete BEFORE DELETE ON columns FOR EACH ROW
WHEN (OLD.status = 'published')
EXECUTE FUNCTION record_guard_refuse('a published column edition is never deleted');
--> statement-breakpoint
-- An item is judged by the edition it is in (NEW on insert, OLD on update and delete), as in SQLite.
CREATE FUNCTION column_items_frozen_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  of_column integer := CASE WHEN TG_OP = 'INSERT' THEN NEW.column_id ELSE OLD.column_id END;
BEGIN
  IF (SELECT status FROM columns WHERE id = of_column) = 'published' THEN
    RAISE EXCEPTION USING MESSAGE = TG_ARGV[0];
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER column_items_frozen_insert BEFORE INSERT ON column_items FOR EACH ROW
EXECUTE FUNCTION column_items_frozen_guard('a published column edition is never edited');
--> statement-breakpoint
CREATE TRIGGER column_items_frozen_update BEFORE UPDATE ON column_items FOR EACH ROW
EXECUTE FUNCTION column_items_frozen_guard('a published column edition is never edited');
--> statement-breakpoint
CREATE TRIGGER column_items_frozen_delete BEFORE DELETE ON column_items FOR EACH ROW
EXECUTE FUNCTION column_items_frozen_guard('a published column edition is never edited');
--> statement-breakpoint

-- The audit trail is append-only.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('the audit trail is append-only');
--> statement-breakpoint
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('the audit trail is append-only');
--> statement-breakpoint

-- ---------------------------------------------------------------------------------------------
-- The reader caches' change stamp (SQLite 0004)
-- ---------------------------------------------------------------------------------------------

-- The one row, at the newest audit event so far (none, on a new database; db:copy replaces it).
INSERT INTO record_stamp (id, stamp) SELECT 1, coalesce(max(id), 0) FROM audit_events ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
-- The stamp moves with every audit event except anonymous traffic: sign-ins (auth.*) and reader
-- reports arriving (report.create) never change the public record. Deny-listed rather than
-- allow-listed, so a new kind of write moves the stamp until told otherwise. ILIKE because SQLite's
-- LIKE ignores the case of ASCII letters ('AUTH.x' is skipped there too).
CREATE FUNCTION record_stamp_moves() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE record_stamp SET stamp = NEW.id WHERE id = 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER record_stamp_moves AFTER INSERT ON audit_events FOR EACH ROW
WHEN (NEW.action NOT ILIKE 'auth.%' AND NEW.action <> 'report.create')
EXECUTE FUNCTION record_stamp_moves();
--> statement-breakpoint

-- ---------------------------------------------------------------------------------------------
-- Sessions end when the account changes under them (SQLite 0006)
-- ---------------------------------------------------------------------------------------------

-- A new password, a new role, or being disabled or re-enabled ends every earlier session,
-- whichever code path made the change.
CREATE FUNCTION sessions_end_on_account_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE sessions SET ended_at = statement_timestamp(), end_reason = 'account-changed'
  WHERE user_id = NEW.id AND ended_at IS NULL;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_end_on_account_change AFTER UPDATE OF password_hash, role, disabled_at ON users FOR EACH ROW
WHEN (OLD.password_hash IS DISTINCT FROM NEW.password_hash OR OLD.role IS DISTINCT FROM NEW.role OR OLD.disabled_at IS DISTINCT FROM NEW.disabled_at)
EXECUTE FUNCTION sessions_end_on_account_change();
--> statement-breakpoint

-- ---------------------------------------------------------------------------------------------
-- An article's status changes are a record; a draft correction's revisions (SQLite 0008)
-- ---------------------------------------------------------------------------------------------

CREATE TRIGGER article_status_events_no_update BEFORE UPDATE ON article_status_events FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('article status events are append-only');
--> statement-breakpoint
CREATE TRIGGER article_status_events_no_delete BEFORE DELETE ON article_status_events FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('article status events are append-only');
--> statement-breakpoint
-- An event starts from the article's current status, is one of the three legal moves, and a
-- withdrawal or a restoration gives its public reason.
CREATE FUNCTION article_status_events_legal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.from_status IS DISTINCT FROM (SELECT status FROM articles WHERE id = NEW.article_id)
    OR NOT ((NEW.from_status = 'draft' AND NEW.to_status = 'published')
         OR (NEW.from_status = 'published' AND NEW.to_status = 'withdrawn')
         OR (NEW.from_status = 'withdrawn' AND NEW.to_status = 'published'))
    OR ((NEW.to_status = 'withdrawn' OR NEW.from_status = 'withdrawn') AND (NEW.reason IS NULL OR length(trim(NEW.reason)) = 0))
  THEN
    RAISE EXCEPTION USING MESSAGE = TG_ARGV[0];
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER article_status_events_legal BEFORE INSERT ON article_status_events FOR EACH ROW
EXECUTE FUNCTION article_status_events_legal('an article status event must start from the current status, be a legal move, and give a reason for a withdrawal or a restoration');
--> statement-breakpoint

-- articles_withdrawal_guarded's condition. SQLite consults it before articles_first_publication_fixed,
-- articles_status_needs_event and articles_status_transitions, which PostgreSQL fires first (by
-- name): they stand aside when it refuses.
CREATE FUNCTION articles_withdrawal_guarded_refuses(o articles, n articles) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(
       (n.status = 'withdrawn' AND (n.withdrawn_at IS NULL OR n.withdrawn_reason IS NULL OR length(trim(n.withdrawn_reason)) = 0))
    OR (n.status IS NOT DISTINCT FROM o.status AND (n.withdrawn_at IS DISTINCT FROM o.withdrawn_at OR n.withdrawn_reason IS DISTINCT FROM o.withdrawn_reason)),
    false)
$$;
--> statement-breakpoint
-- An article is published, withdrawn or restored; it never goes back to draft.
CREATE TRIGGER articles_status_transitions BEFORE UPDATE ON articles FOR EACH ROW
WHEN (NEW.status IS DISTINCT FROM OLD.status AND NOT (
       (OLD.status = 'draft' AND NEW.status = 'published')
    OR (OLD.status = 'published' AND NEW.status = 'withdrawn')
    OR (OLD.status = 'withdrawn' AND NEW.status = 'published'))
  AND NOT articles_withdrawal_guarded_refuses(OLD, NEW))
EXECUTE FUNCTION record_guard_refuse('an article is published, withdrawn or restored; it never goes back to draft');
--> statement-breakpoint
-- Its status changes only together with a new event recording exactly that change, and the event
-- it points at changes only with its status.
CREATE FUNCTION articles_status_needs_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF ((NEW.status IS DISTINCT FROM OLD.status AND NOT EXISTS (
          SELECT 1 FROM article_status_events e
          WHERE e.id = NEW.status_event_id AND e.article_id = NEW.id
            AND e.from_status = OLD.status AND e.to_status = NEW.status
            AND (OLD.status_event_id IS NULL OR e.id > OLD.status_event_id)))
      OR (NEW.status IS NOT DISTINCT FROM OLD.status AND NEW.status_event_id IS DISTINCT FROM OLD.status_event_id))
    AND NOT articles_withdrawal_guarded_refuses(OLD, NEW)
  THEN
    RAISE EXCEPTION USING MESSAGE = TG_ARGV[0];
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER articles_status_needs_event BEFORE UPDATE ON articles FOR EACH ROW
EXECUTE FUNCTION articles_status_needs_event('an article''s status changes only together with a new status event on the record');
--> statement-breakpoint
-- The first publication (when, and from which version) is set once, and every public article has one.
CREATE TRIGGER articles_first_publication_fixed BEFORE UPDATE ON articles FOR EACH ROW
WHEN (((OLD.first_published_at IS NOT NULL AND NEW.first_published_at IS DISTINCT FROM OLD.first_published_at)
    OR (OLD.first_public_version IS NOT NULL AND NEW.first_public_version IS DISTINCT FROM OLD.first_public_version)
    OR (NEW.status <> 'draft' AND (NEW.first_published_at IS NULL OR NEW.first_public_version IS NULL)))
  AND NOT articles_withdrawal_guarded_refuses(OLD, NEW))
EXECUTE FUNCTION record_guard_refuse('an article''s first publication is on the record and never rewritten');
--> statement-breakpoint
-- A withdrawal has a date and a public reason, and they change only with the status.
CREATE TRIGGER articles_withdrawal_guarded BEFORE UPDATE ON articles FOR EACH ROW
WHEN (articles_withdrawal_guarded_refuses(OLD, NEW))
EXECUTE FUNCTION record_guard_refuse('a withdrawal needs a date and a public reason, and changes only with the article''s status');
--> statement-breakpoint

-- The conditions of the guards on corrections that SQLite consults before others PostgreSQL fires
-- first. SQLite's order (newest first): corrections_published_attributed, corrections_attribution_frozen,
-- corrections_taxonomy_frozen, corrections_revision_frozen, corrections_amended_by_own_article,
-- corrections_published_frozen, corrections_draft_leaves_by_publication. Each guard below stands
-- aside for those before it in that order that PostgreSQL fires after it.
CREATE FUNCTION corrections_published_attributed_refuses(o corrections, n corrections) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(o.status = 'draft' AND n.status = 'published' AND n.published_at IS NOT NULL AND (n.published_section IS NULL OR n.published_byline IS NULL), false)
$$;
--> statement-breakpoint
CREATE FUNCTION corrections_attribution_frozen_refuses(o corrections, n corrections) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(o.status <> 'draft' AND (n.published_section, n.published_byline) IS DISTINCT FROM (o.published_section, o.published_byline), false)
$$;
--> statement-breakpoint
CREATE FUNCTION corrections_taxonomy_frozen_refuses(o corrections, n corrections) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(o.status <> 'draft' AND (n.error_type, n.error_cause, n.found_by, n.exposed_from) IS DISTINCT FROM (o.error_type, o.error_cause, o.found_by, o.exposed_from), false)
$$;
--> statement-breakpoint
CREATE FUNCTION corrections_revision_frozen_refuses(o corrections, n corrections) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(o.status <> 'draft' AND n.revision IS DISTINCT FROM o.revision, false)
$$;
--> statement-breakpoint
-- A published correction may be withdrawn (with a reason), or carried out ONCE by a later version
-- of its own article: its amended_version_id goes from null to that version and nothing else
-- changes. Every other change is refused.
CREATE FUNCTION corrections_published_frozen_refuses(o corrections, n corrections) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(o.status <> 'draft' AND NOT (
    (n.kind, n.mode, n.wording, n.said, n.about, n.article_id, n.base_version_id, n.drafted_by, n.drafted_at, n.published_by, n.published_at)
      IS NOT DISTINCT FROM (o.kind, o.mode, o.wording, o.said, o.about, o.article_id, o.base_version_id, o.drafted_by, o.drafted_at, o.published_by, o.published_at)
    AND (
      (o.status = 'published' AND n.status = 'withdrawn'
        AND n.withdrawn_reason IS NOT NULL AND length(trim(n.withdrawn_reason)) > 0
        AND n.withdrawn_at IS NOT NULL
        AND n.amended_version_id IS NOT DISTINCT FROM o.amended_version_id)
      OR
      (o.status = 'published' AND n.status = 'published'
        AND o.amended_version_id IS NULL AND n.amended_version_id IS NOT NULL
        AND (n.withdrawn_at, n.withdrawn_reason, n.withdrawn_by) IS NOT DISTINCT FROM (o.withdrawn_at, o.withdrawn_reason, o.withdrawn_by))
    )
  ), false)
$$;
--> statement-breakpoint

-- A draft correction leaves draft only by being published, with its publication date.
CREATE TRIGGER corrections_draft_leaves_by_publication BEFORE UPDATE ON corrections FOR EACH ROW
WHEN (OLD.status = 'draft' AND NEW.status <> 'draft' AND NOT (NEW.status = 'published' AND NEW.published_at IS NOT NULL)
  AND NOT corrections_published_attributed_refuses(OLD, NEW)
  AND NOT corrections_published_frozen_refuses(OLD, NEW)
  AND NOT corrections_revision_frozen_refuses(OLD, NEW)
  AND NOT corrections_taxonomy_frozen_refuses(OLD, NEW))
EXECUTE FUNCTION record_guard_refuse('a draft correction is published (with its date) before it can be withdrawn');
--> statement-breakpoint
-- Every edit of a draft's text bumps its revision, so a publisher can name the one they read;
-- a published or withdrawn correction keeps its last.
CREATE TRIGGER corrections_revision_frozen BEFORE UPDATE ON corrections FOR EACH ROW
WHEN (corrections_revision_frozen_refuses(OLD, NEW)
  AND NOT corrections_taxonomy_frozen_refuses(OLD, NEW))
EXECUTE FUNCTION record_guard_refuse('a published correction keeps its last revision');
--> statement-breakpoint
-- What the article said (and what it was about) is part of the draft's text too (SQLite 0016).
-- The update it makes fires the guards again, and this trigger with a higher revision, which stops.
CREATE FUNCTION corrections_draft_edit_bumps_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE corrections SET revision = OLD.revision + 1 WHERE id = NEW.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER corrections_draft_edit_bumps_revision AFTER UPDATE ON corrections FOR EACH ROW
WHEN (OLD.status = 'draft' AND NEW.status = 'draft' AND NEW.revision <= OLD.revision
  AND (NEW.kind, NEW.mode, NEW.wording, NEW.said, NEW.about) IS DISTINCT FROM (OLD.kind, OLD.mode, OLD.wording, OLD.said, OLD.about))
EXECUTE FUNCTION corrections_draft_edit_bumps_revision();
--> statement-breakpoint
-- A claim's replacement words are part of the draft: changing them bumps the draft's revision too.
CREATE FUNCTION claims_draft_edit_bumps_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE corrections SET revision = revision + 1 WHERE id = NEW.correction_id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER claims_draft_edit_bumps_revision AFTER UPDATE ON claims FOR EACH ROW
WHEN (NEW.replacement IS DISTINCT FROM OLD.replacement)
EXECUTE FUNCTION claims_draft_edit_bumps_revision();
--> statement-breakpoint

-- ---------------------------------------------------------------------------------------------
-- A version's plain text (SQLite 0013)
-- ---------------------------------------------------------------------------------------------

-- Derived from the version once, never rewritten or deleted.
CREATE TRIGGER version_texts_no_update BEFORE UPDATE ON version_texts FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('a version''s plain text is never changed');
--> statement-breakpoint
CREATE TRIGGER version_texts_no_delete BEFORE DELETE ON version_texts FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('a version''s plain text is never deleted');
--> statement-breakpoint

-- ---------------------------------------------------------------------------------------------
-- A published correction, carried out, classified and attributed (SQLite 0016, 0019, 0020)
-- ---------------------------------------------------------------------------------------------

-- corrections_published_frozen_refuses (above) says what may change.
CREATE TRIGGER corrections_published_frozen BEFORE UPDATE ON corrections FOR EACH ROW
WHEN (corrections_published_frozen_refuses(OLD, NEW)
  AND NOT corrections_revision_frozen_refuses(OLD, NEW)
  AND NOT corrections_taxonomy_frozen_refuses(OLD, NEW))
EXECUTE FUNCTION record_guard_refuse('a published correction is never edited: it can only be withdrawn with a reason, or carried out once by a new version');
--> statement-breakpoint
-- The version that carries a correction out is a later version of the same article.
CREATE FUNCTION corrections_amended_by_own_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT article_id FROM versions WHERE id = NEW.amended_version_id) IS DISTINCT FROM NEW.article_id
    OR (SELECT number FROM versions WHERE id = NEW.amended_version_id) <= (SELECT number FROM versions WHERE id = NEW.base_version_id)
  THEN
    RAISE EXCEPTION USING MESSAGE = TG_ARGV[0];
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER corrections_amended_by_own_article BEFORE UPDATE OF amended_version_id ON corrections FOR EACH ROW
WHEN (NEW.amended_version_id IS NOT NULL AND NEW.amended_version_id IS DISTINCT FROM OLD.amended_version_id
  AND NOT corrections_published_attributed_refuses(OLD, NEW)
  AND NOT corrections_attribution_frozen_refuses(OLD, NEW)
  AND NOT corrections_taxonomy_frozen_refuses(OLD, NEW)
  AND NOT corrections_revision_frozen_refuses(OLD, NEW))
EXECUTE FUNCTION corrections_amended_by_own_article('a correction is carried out by a later version of its own article');
--> statement-breakpoint
-- A published correction's classification and exposure are part of it: set by publishing, then never changed.
CREATE TRIGGER corrections_taxonomy_frozen BEFORE UPDATE ON corrections FOR EACH ROW
WHEN (corrections_taxonomy_frozen_refuses(OLD, NEW))
EXECUTE FUNCTION record_guard_refuse('a published correction keeps its classification and exposure');
--> statement-breakpoint
-- It is counted where it was published: the section and byline it went out under never change…
CREATE TRIGGER corrections_attribution_frozen BEFORE UPDATE ON corrections FOR EACH ROW
WHEN (corrections_attribution_frozen_refuses(OLD, NEW)
  AND NOT corrections_published_attributed_refuses(OLD, NEW))
EXECUTE FUNCTION record_guard_refuse('a published correction keeps the section and byline it was published under');
--> statement-breakpoint
-- …and publishing records them.
CREATE TRIGGER corrections_published_attributed BEFORE UPDATE OF status ON corrections FOR EACH ROW
WHEN (corrections_published_attributed_refuses(OLD, NEW))
EXECUTE FUNCTION record_guard_refuse('a correction is published with its article''s section and byline');
--> statement-breakpoint

-- ---------------------------------------------------------------------------------------------
-- The casebook (SQLite 0019, 0020)
-- ---------------------------------------------------------------------------------------------

CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('a case is never deleted');
--> statement-breakpoint
-- cases_received_fixed's condition: SQLite consults it before cases_closed_frozen, which
-- PostgreSQL fires first. (A change of value means the column was a target of the UPDATE, so this
-- is exactly when that UPDATE OF trigger refuses.)
CREATE FUNCTION cases_received_fixed_refuses(o cases, n cases) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT (n.received_at, n.reference, n.report_id, n.channel) IS DISTINCT FROM (o.received_at, o.reference, o.report_id, o.channel)
$$;
--> statement-breakpoint
-- A closed case is the record the annual statement counts: never changed; closing sets its time.
CREATE TRIGGER cases_closed_frozen BEFORE UPDATE ON cases FOR EACH ROW
WHEN ((OLD.status <> 'open' OR (NEW.status <> 'open' AND NEW.closed_at IS NULL) OR (NEW.status = 'open' AND NEW.closed_at IS NOT NULL))
  AND NOT cases_received_fixed_refuses(OLD, NEW))
EXECUTE FUNCTION record_guard_refuse('a closed case is never changed, and only closing sets its closed time');
--> statement-breakpoint
CREATE TRIGGER cases_received_fixed BEFORE UPDATE OF received_at, reference, report_id, channel ON cases FOR EACH ROW
WHEN (cases_received_fixed_refuses(OLD, NEW))
EXECUTE FUNCTION record_guard_refuse('a case keeps its reference, channel, report and received time');
--> statement-breakpoint
-- What a closed case is about and the clauses it is under are never changed. The case is the one
-- the row names (NEW on insert, OLD on delete); a case that is not there counts as not open, as in
-- SQLite (its `IS NOT 'open'`).
CREATE FUNCTION case_open_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  of_case integer := CASE WHEN TG_OP = 'INSERT' THEN NEW.case_id ELSE OLD.case_id END;
BEGIN
  IF (SELECT status FROM cases WHERE id = of_case) IS DISTINCT FROM 'open' THEN
    RAISE EXCEPTION USING MESSAGE = TG_ARGV[0];
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER case_clauses_closed_insert BEFORE INSERT ON case_clauses FOR EACH ROW
EXECUTE FUNCTION case_open_guard('a closed case is never changed');
--> statement-breakpoint
CREATE TRIGGER case_clauses_closed_delete BEFORE DELETE ON case_clauses FOR EACH ROW
EXECUTE FUNCTION case_open_guard('a closed case is never changed');
--> statement-breakpoint
CREATE TRIGGER case_clauses_no_update BEFORE UPDATE ON case_clauses FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('a case clause is removed and added, never rewritten');
--> statement-breakpoint
CREATE TRIGGER case_articles_no_delete BEFORE DELETE ON case_articles FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('what a case is about is never removed');
--> statement-breakpoint
CREATE TRIGGER case_articles_no_update BEFORE UPDATE ON case_articles FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('what a case is about is never rewritten');
--> statement-breakpoint
CREATE TRIGGER case_articles_closed_insert BEFORE INSERT ON case_articles FOR EACH ROW
EXECUTE FUNCTION case_open_guard('a closed case is never changed');
--> statement-breakpoint
-- The desk's notes on a case are append-only, and a closed case takes no more.
CREATE TRIGGER case_notes_no_update BEFORE UPDATE ON case_notes FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('a case note is never edited');
--> statement-breakpoint
CREATE TRIGGER case_notes_no_delete BEFORE DELETE ON case_notes FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('a case note is never deleted');
--> statement-breakpoint
CREATE TRIGGER case_notes_open_case_only BEFORE INSERT ON case_notes FOR EACH ROW
EXECUTE FUNCTION case_open_guard('a closed case takes no more notes');
--> statement-breakpoint

-- ---------------------------------------------------------------------------------------------
-- The CMS connection: external ids, tokens, webhooks and the stealth-edit flags (SQLite 0021)
-- ---------------------------------------------------------------------------------------------

CREATE TRIGGER articles_external_id_set_once BEFORE UPDATE OF external_id ON articles FOR EACH ROW
WHEN (OLD.external_id IS NOT NULL AND NEW.external_id IS DISTINCT FROM OLD.external_id)
EXECUTE FUNCTION record_guard_refuse('an article''s external id is set once');
--> statement-breakpoint
-- A token is revoked and replaced, never changed: naming any of these columns in an UPDATE is
-- refused, whatever the value. SQLite consults api_tokens_revoked_stays first, which PostgreSQL
-- fires after this one: this one stands aside when that one will refuse, which is certain when the
-- revoked time of a revoked token changes.
CREATE TRIGGER api_tokens_frozen BEFORE UPDATE OF name, prefix, token_hash, scopes, rate_per_minute, actor_id, created_by, created_at ON api_tokens FOR EACH ROW
WHEN (NOT (OLD.revoked_at IS NOT NULL AND NEW.revoked_at IS DISTINCT FROM OLD.revoked_at))
EXECUTE FUNCTION record_guard_refuse('a token is revoked and replaced, never changed');
--> statement-breakpoint
CREATE TRIGGER api_tokens_revoked_stays BEFORE UPDATE OF revoked_at ON api_tokens FOR EACH ROW
WHEN (OLD.revoked_at IS NOT NULL)
EXECUTE FUNCTION record_guard_refuse('a revoked token stays revoked');
--> statement-breakpoint
CREATE TRIGGER api_tokens_no_delete BEFORE DELETE ON api_tokens FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('tokens are revoked, never deleted');
--> statement-breakpoint
CREATE TRIGGER webhook_subscriptions_frozen BEFORE UPDATE OF url, events, secret, created_by, created_at ON webhook_subscriptions FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('a subscription is disabled and replaced, never changed');
--> statement-breakpoint
CREATE TRIGGER webhook_subscriptions_no_delete BEFORE DELETE ON webhook_subscriptions FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('subscriptions are disabled, never deleted');
--> statement-breakpoint
-- An outbox message is sent as it was written; the worker sets only the attempt fields.
CREATE TRIGGER webhook_outbox_message_frozen BEFORE UPDATE OF message_id, subscription_id, event, payload, entity_type, entity_id, created_at ON webhook_outbox FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('an outbox message is sent as it was written');
--> statement-breakpoint
CREATE TRIGGER webhook_outbox_delivered_stays BEFORE UPDATE OF delivered_at ON webhook_outbox FOR EACH ROW
WHEN (OLD.delivered_at IS NOT NULL)
EXECUTE FUNCTION record_guard_refuse('a delivered message stays delivered');
--> statement-breakpoint
CREATE TRIGGER webhook_outbox_no_delete BEFORE DELETE ON webhook_outbox FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('the outbox is the record of what was sent');
--> statement-breakpoint
CREATE TRIGGER webhook_deliveries_no_update BEFORE UPDATE ON webhook_deliveries FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('delivery attempts are append-only');
--> statement-breakpoint
CREATE TRIGGER webhook_deliveries_no_delete BEFORE DELETE ON webhook_deliveries FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('delivery attempts are append-only');
--> statement-breakpoint
-- A flag records what was found. SQLite consults version_flags_resolved_stays first, which
-- PostgreSQL fires after this one: this one stands aside for a resolved flag, which that one refuses.
CREATE TRIGGER version_flags_frozen BEFORE UPDATE OF version_id, article_id, changes, created_at ON version_flags FOR EACH ROW
WHEN (OLD.resolved_at IS NULL)
EXECUTE FUNCTION record_guard_refuse('a flag records what was found');
--> statement-breakpoint
CREATE TRIGGER version_flags_resolved_stays BEFORE UPDATE ON version_flags FOR EACH ROW
WHEN (OLD.resolved_at IS NOT NULL)
EXECUTE FUNCTION record_guard_refuse('a resolved flag stays resolved');
--> statement-breakpoint
CREATE TRIGGER version_flags_no_delete BEFORE DELETE ON version_flags FOR EACH ROW
EXECUTE FUNCTION record_guard_refuse('flags are resolved, never deleted');
