// The record's guards on PostgreSQL (db/pg/migrations/0001_record_guards.sql): every trigger of a
// fully migrated SQLite database has a PostgreSQL twin of the same name, kind and message, and the
// twin refuses what SQLite refuses, lets through what SQLite lets through, and does what SQLite's
// AFTER triggers do. Each case runs on both stores, on the same newsroom, in a transaction that is
// rolled back; where several guards would refuse one write, PostgreSQL answers with SQLite's message.
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { createPgTestDatabase, type PgTestDatabase } from './test-support';

type Row = Record<string, unknown>;

/** What a write came to: refused by a guard (with its message), failed otherwise, or done. */
type Outcome = { refused: string } | { failed: string } | { ok: true; rows?: Row[] };

interface Attempt {
  /** The write, in words. */
  what: string;
  /** Statements run first in the same transaction (not the write under test). */
  setup?: string;
  /** The write: SQL both stores read, with instants as ts('…') (see render). */
  sql: string;
  /** For an allowed write: a query run after it and the rows it must see, on both stores. */
  after?: [query: string, rows: Row[]];
}

interface Guard {
  /** Writes this trigger refuses, with its own message (SQLite's, read from sqlite_master). */
  refuses: Attempt[];
  /** Writes it lets through, or (an AFTER trigger) what it does. */
  allows: Attempt[];
}

type Dialect = 'sqlite' | 'pg';

/** ts('2026-01-05T09:00:00Z') is an instant: milliseconds on SQLite, a timestamptz on PostgreSQL. DROP TRIGGER loses its ON on SQLite. */
function render(sql: string, dialect: Dialect): string {
  return sql
    .replace(/\bts\('([^']+)'\)/g, (_, iso: string) => (dialect === 'pg' ? `timestamptz '${iso}'` : String(Date.parse(iso))))
    .replace(/DROP TRIGGER (\w+) ON \w+/g, (whole, name: string) => (dialect === 'pg' ? whole : `DROP TRIGGER ${name}`));
}

const w = (what: string, sql: string, more: Omit<Attempt, 'what' | 'sql'> = {}): Attempt => ({ what, sql, ...more });

// ---------------------------------------------------------------------------------------------
// The newsroom both stores start from, written the legal way (the guards are on while it is).
// ---------------------------------------------------------------------------------------------

const T0 = "ts('2026-01-05T09:00:00Z')";
const T1 = "ts('2026-01-06T09:00:00Z')";
const LATER = "ts('2026-02-01T12:00:00Z')";

const NEWSROOM = `
INSERT INTO users (id, email, name, role, password_hash) VALUES
  (1, 'editor@example.org', 'Eda Editor', 'editor', 'x'),
  (2, 'admin@example.org', 'Ada Admin', 'admin', 'x');
-- 1 a draft, 2 published (from the CMS), 3 published then withdrawn.
INSERT INTO articles (id, slug, section, byline, created_by, external_id) VALUES
  (1, 'draft-article', 'Local', 'Eda Editor', 1, NULL),
  (2, 'harbour-party', 'Local', 'Eda Editor', 1, 'cms-2'),
  (3, 'withdrawn-article', 'Politics', 'Eda Editor', 1, NULL);
INSERT INTO versions (id, article_id, number, headline, standfirst, body, change_kind, note, saved_by, saved_at, content_hash, prev_hash, hash) VALUES
  (1, 1, 1, 'Not out yet', 'S', 'A draft.', 'first_publication', '', 1, ${T0}, 'c1', '', 'h1'),
  (2, 2, 1, 'Harbour Party loses seats', 'S', 'They lost 695 seats.', 'first_publication', '', 1, ${T0}, 'c2', '', 'h2'),
  (3, 2, 2, 'Harbour Party loses seats', 'S', 'They lost 842 seats.', 'correction', 'Corrected.', 1, ${T1}, 'c3', 'h2', 'h3'),
  (4, 2, 3, 'Harbour Party loses seats', 'S', 'They lost seats.', 'legal', 'Legal.', 1, ${T1}, 'c4', 'h3', 'h4'),
  (5, 3, 1, 'A story that fell', 'S', 'It fell.', 'first_publication', '', 1, ${T0}, 'c5', '', 'h5');
INSERT INTO version_texts (version_id, plain) VALUES (1, 'A draft.'), (2, 'They lost 695 seats.'), (3, 'They lost 842 seats.'), (4, 'They lost seats.'), (5, 'It fell.');
INSERT INTO withholdings (id, version_id, legal_version_id, reason) VALUES (1, 3, 4, 'A court order.');
INSERT INTO article_status_events (id, article_id, from_status, to_status, reason, actor_id, at) VALUES (1, 2, 'draft', 'published', NULL, 1, ${T0});
UPDATE articles SET status = 'published', status_event_id = 1, first_published_at = ${T0}, first_public_version = 1 WHERE id = 2;
INSERT INTO article_status_events (id, article_id, from_status, to_status, reason, actor_id, at) VALUES (2, 3, 'draft', 'published', NULL, 1, ${T0});
UPDATE articles SET status = 'published', status_event_id = 2, first_published_at = ${T0}, first_public_version = 1 WHERE id = 3;
INSERT INTO article_status_events (id, article_id, from_status, to_status, reason, actor_id, at) VALUES (3, 3, 'published', 'withdrawn', 'Could not be stood up.', 1, ${T1});
UPDATE articles SET status = 'withdrawn', status_event_id = 3, withdrawn_at = ${T1}, withdrawn_reason = 'Could not be stood up.' WHERE id = 3;
-- Corrections of article 2: 1 a draft, 2 published, 3 withdrawn, 4 published and carried out by version 3.
INSERT INTO corrections (id, article_id, kind, mode, wording, said, base_version_id, drafted_by, drafted_at, updated_at) VALUES
  (1, 2, 'correction', 'notice', 'They lost 842.', 'They lost 695.', 2, 1, ${T0}, ${T0}),
  (2, 2, 'correction', 'notice', 'They lost 842.', 'They lost 695.', 2, 1, ${T0}, ${T0}),
  (3, 2, 'clarification', 'notice', 'To be clear.', NULL, 2, 1, ${T0}, ${T0}),
  (4, 2, 'correction', 'amend', 'They lost 842.', NULL, 2, 1, ${T0}, ${T0});
INSERT INTO claims (id, correction_id, version_id, exact, prefix, suffix, start, "end", position) VALUES
  (1, 1, 2, '695', 'They lost ', ' seats.', 10, 13, 0),
  (2, 2, 2, '695', 'They lost ', ' seats.', 10, 13, 0),
  (3, 3, 2, '695', 'They lost ', ' seats.', 10, 13, 0),
  (4, 4, 2, '695', 'They lost ', ' seats.', 10, 13, 0);
UPDATE corrections SET status = 'published', published_by = 1, published_at = ${T1}, published_section = 'Local', published_byline = 'Eda Editor',
  error_type = 'number', error_cause = 'reporting', found_by = 'reader', exposed_from = ${T0} WHERE id IN (2, 3, 4);
UPDATE corrections SET status = 'withdrawn', withdrawn_by = 1, withdrawn_at = ${T1}, withdrawn_reason = 'The first figure was right.' WHERE id = 3;
UPDATE corrections SET amended_version_id = 3 WHERE id = 4;
-- The column: 1 a draft edition, 2 published.
INSERT INTO columns (id, date, intro, created_by) VALUES (1, '2026-01-10', 'Draft edition.', 1), (2, '2026-01-11', 'Published edition.', 1);
INSERT INTO column_items (id, column_id, correction_id, position, wording) VALUES (1, 1, 2, 0, 'We said 695.'), (2, 2, 4, 0, 'We said 695 too.');
UPDATE columns SET status = 'published', published_by = 1, published_at = ${T1} WHERE id = 2;
-- The casebook: 1 open (from report 1), 2 closed.
INSERT INTO reports (id, reference, article_id, version_id, exact, prefix, suffix, message) VALUES
  (1, 'R-1', 2, 2, '695', 'They lost ', ' seats.', 'It was 842.'),
  (2, 'R-2', 2, 2, '695', 'They lost ', ' seats.', 'Still wrong.');
INSERT INTO cases (id, reference, channel, route, summary, report_id, received_at, due_at, updated_at) VALUES
  (1, 'C-1', 'reader_report', 'direct', 'The seat count.', 1, ${T0}, ${LATER}, ${T0}),
  (2, 'C-2', 'email', 'direct', 'The headline.', NULL, ${T0}, ${LATER}, ${T0});
INSERT INTO case_clauses (case_id, clause) VALUES (1, 'accuracy'), (2, 'accuracy');
INSERT INTO case_articles (case_id, article_id, quote) VALUES (1, 2, '695'), (2, 2, NULL);
INSERT INTO case_notes (id, case_id, author_id, body, at) VALUES (1, 1, 1, 'Checking.', ${T0}), (2, 2, 1, 'Checked.', ${T0});
UPDATE cases SET status = 'upheld', closed_at = ${T1}, outcome_note = 'Corrected.', correction_id = 2 WHERE id = 2;
-- The CMS connection: token 1 live, 2 revoked; outbox 1 waiting, 2 delivered; flag 1 open, 2 resolved.
INSERT INTO api_tokens (id, name, prefix, token_hash, scopes, rate_per_minute, actor_id, created_by) VALUES
  (1, 'CMS', 'errata_aaaa', 'hash-1', 'articles:write', 60, 1, 2),
  (2, 'Old CMS', 'errata_bbbb', 'hash-2', 'articles:read', 60, 1, 2);
UPDATE api_tokens SET revoked_at = ${T1}, revoked_by = 2 WHERE id = 2;
INSERT INTO webhook_subscriptions (id, url, events, secret, created_by) VALUES (1, 'https://cms.example.com/hooks', 'correction.published', 'whsec_x', 2);
INSERT INTO webhook_outbox (id, message_id, subscription_id, event, payload, entity_type, entity_id, next_attempt_at) VALUES
  (1, 'msg_1', 1, 'correction.published', '{"id":2}', 'correction', '2', ${T1}),
  (2, 'msg_2', 1, 'correction.published', '{"id":4}', 'correction', '4', ${T1});
UPDATE webhook_outbox SET attempts = 1, delivered_at = ${T1} WHERE id = 2;
INSERT INTO webhook_deliveries (id, outbox_id, attempt, at, status, ok, error, duration_ms) VALUES (1, 2, 1, ${T1}, 200, TRUE, NULL, 12);
INSERT INTO version_flags (id, version_id, article_id, changes) VALUES (1, 3, 2, '[{"kind":"number"}]'), (2, 4, 2, '[{"kind":"name"}]');
UPDATE version_flags SET resolved_at = ${T1}, resolved_by = 1, resolution = 'Covered by correction 2.', correction_id = 2 WHERE id = 2;
-- The audit trail (the stamp moves to 1) and sessions: s1 live, s2 signed out (user 1), s3 live (user 2).
INSERT INTO audit_events (id, action, entity_type, entity_id) VALUES (1, 'article.publish', 'article', '2');
INSERT INTO sessions (id, user_id, last_seen_at) VALUES ('s1', 1, ${T0}), ('s2', 1, ${T0}), ('s3', 2, ${T0});
UPDATE sessions SET ended_at = ${T1}, end_reason = 'sign-out' WHERE id = 's2';
`;

// Writes the guards' cases share.
const PUBLISH_ARTICLE_1 =
  `INSERT INTO article_status_events (id, article_id, from_status, to_status, reason, actor_id, at) VALUES (10, 1, 'draft', 'published', NULL, 1, ${LATER});` +
  `UPDATE articles SET status = 'published', status_event_id = 10, first_published_at = ${LATER}, first_public_version = 1 WHERE id = 1`;
const WITHDRAW_ARTICLE_2 =
  `INSERT INTO article_status_events (id, article_id, from_status, to_status, reason, actor_id, at) VALUES (10, 2, 'published', 'withdrawn', 'Could not be stood up.', 1, ${LATER});` +
  `UPDATE articles SET status = 'withdrawn', status_event_id = 10, withdrawn_at = ${LATER}, withdrawn_reason = 'Could not be stood up.' WHERE id = 2`;
const RESTORE_ARTICLE_3 =
  `INSERT INTO article_status_events (id, article_id, from_status, to_status, reason, actor_id, at) VALUES (10, 3, 'withdrawn', 'published', 'Stood up after all.', 1, ${LATER});` +
  `UPDATE articles SET status = 'published', status_event_id = 10, withdrawn_at = NULL, withdrawn_reason = NULL WHERE id = 3`;
const PUBLISH_CORRECTION_1 = `UPDATE corrections SET status = 'published', published_by = 1, published_at = ${LATER}, published_section = 'Local', published_byline = 'Eda Editor' WHERE id = 1`;
const WITHDRAW_CORRECTION = (id: number) =>
  `UPDATE corrections SET status = 'withdrawn', withdrawn_by = 1, withdrawn_at = ${LATER}, withdrawn_reason = 'The first figure was right.' WHERE id = ${id}`;
const EVENT = (id: number, article: number, from: string, to: string, reason: string | null) =>
  `INSERT INTO article_status_events (id, article_id, from_status, to_status, reason, actor_id, at) VALUES (${id}, ${article}, '${from}', '${to}', ${reason === null ? 'NULL' : `'${reason}'`}, 1, ${LATER})`;
const CLAIM = (id: number, correction: number) =>
  `INSERT INTO claims (id, correction_id, version_id, exact, prefix, suffix, start, "end", position) VALUES (${id}, ${correction}, 2, 'lost', 'They ', ' 695', 5, 9, 1)`;
const NOTE = (id: number, ofCase: number) => `INSERT INTO case_notes (id, case_id, author_id, body, at) VALUES (${id}, ${ofCase}, 1, 'Another note.', ${LATER})`;
const AUDIT = (...actions: string[]) =>
  `INSERT INTO audit_events (id, action, entity_type, entity_id) VALUES ${actions.map((a, i) => `(${10 + i}, '${a}', 'test', NULL)`).join(', ')}`;

const REVISION_OF = (id: number) => `SELECT revision FROM corrections WHERE id = ${id}`;
const STAMP = 'SELECT CAST(stamp AS integer) AS stamp FROM record_stamp';
const SESSIONS = 'SELECT id, end_reason, CASE WHEN ended_at IS NULL THEN 0 ELSE 1 END AS ended FROM sessions ORDER BY id';
const SESSIONS_BEFORE = [
  { id: 's1', end_reason: null, ended: 0 },
  { id: 's2', end_reason: 'sign-out', ended: 1 },
  { id: 's3', end_reason: null, ended: 0 },
];
const SESSIONS_OF_1_ENDED = [
  { id: 's1', end_reason: 'account-changed', ended: 1 },
  { id: 's2', end_reason: 'sign-out', ended: 1 },
  { id: 's3', end_reason: null, ended: 0 },
];

// ---------------------------------------------------------------------------------------------
// Every trigger, what it refuses and what it lets through. A test below fails when a trigger of
// the PostgreSQL store has no entry here.
// ---------------------------------------------------------------------------------------------

const GUARDS: Record<string, Guard> = {
  // Versions are the record of what was published.
  versions_no_update: {
    refuses: [w('a rewritten body', "UPDATE versions SET body = 'They lost 842 seats.' WHERE id = 2"), w('a headline set to itself', 'UPDATE versions SET headline = headline WHERE id = 2')],
    allows: [],
  },
  versions_no_delete: { refuses: [w('deleting a version', 'DELETE FROM versions WHERE id = 4')], allows: [] },
  version_texts_no_update: { refuses: [w('a rewritten plain text', "UPDATE version_texts SET plain = 'rewritten' WHERE version_id = 2")], allows: [] },
  version_texts_no_delete: { refuses: [w('deleting a plain text', 'DELETE FROM version_texts WHERE version_id = 2')], allows: [] },
  withholdings_no_update: { refuses: [w('a withholding rewritten', "UPDATE withholdings SET reason = 'No longer.' WHERE id = 1")], allows: [] },
  withholdings_no_delete: { refuses: [w('a withholding lifted by deleting it', 'DELETE FROM withholdings WHERE id = 1')], allows: [] },

  // Articles: never deleted; status changes are events; first publication and withdrawal fixed.
  articles_no_delete: { refuses: [w('deleting a draft article', 'DELETE FROM articles WHERE id = 1'), w('deleting a published one', 'DELETE FROM articles WHERE id = 2')], allows: [] },
  article_status_events_no_update: { refuses: [w('a withdrawal reason rewritten', "UPDATE article_status_events SET reason = 'rewritten' WHERE id = 3")], allows: [] },
  article_status_events_no_delete: { refuses: [w('deleting an event', 'DELETE FROM article_status_events WHERE id = 1')], allows: [] },
  article_status_events_legal: {
    refuses: [
      w('an event that does not start from the article’s status', EVENT(10, 2, 'draft', 'published', null)),
      w('a move back to draft', EVENT(10, 2, 'published', 'draft', 'oops')),
      w('a withdrawal with no reason', EVENT(10, 2, 'published', 'withdrawn', null)),
      w('a withdrawal with a blank reason', EVENT(10, 2, 'published', 'withdrawn', '   ')),
      w('a restoration with no reason', EVENT(10, 3, 'withdrawn', 'published', null)),
      w('an event for an article that is not there', EVENT(10, 99, 'draft', 'published', null)),
    ],
    allows: [
      w('a first publication', EVENT(10, 1, 'draft', 'published', null), { after: ['SELECT to_status FROM article_status_events WHERE id = 10', [{ to_status: 'published' }]] }),
      w('a withdrawal with its reason', EVENT(10, 2, 'published', 'withdrawn', 'Could not be stood up.')),
      w('a restoration with its reason', EVENT(10, 3, 'withdrawn', 'published', 'Stood up after all.')),
    ],
  },
  articles_status_transitions: {
    refuses: [
      w('a published article sent back to draft, even with an event saying so', "UPDATE articles SET status = 'draft', status_event_id = 10 WHERE id = 2", {
        setup: `DROP TRIGGER article_status_events_legal ON article_status_events; ${EVENT(10, 2, 'published', 'draft', 'oops')}`,
      }),
      w('a draft withdrawn without being published', `UPDATE articles SET status = 'withdrawn', status_event_id = 10, withdrawn_at = ${LATER}, withdrawn_reason = 'x', first_published_at = ${LATER}, first_public_version = 1 WHERE id = 1`, {
        setup: `DROP TRIGGER article_status_events_legal ON article_status_events; ${EVENT(10, 1, 'draft', 'withdrawn', 'x')}`,
      }),
    ],
    allows: [
      w('a draft published', PUBLISH_ARTICLE_1, { after: ['SELECT status FROM articles WHERE id = 1', [{ status: 'published' }]] }),
      w('a published article withdrawn', WITHDRAW_ARTICLE_2, { after: ['SELECT status FROM articles WHERE id = 2', [{ status: 'withdrawn' }]] }),
      w('a withdrawn article restored', RESTORE_ARTICLE_3, { after: ['SELECT status, withdrawn_reason FROM articles WHERE id = 3', [{ status: 'published', withdrawn_reason: null }]] }),
    ],
  },
  articles_status_needs_event: {
    refuses: [
      w('a withdrawal with no event', `UPDATE articles SET status = 'withdrawn', withdrawn_at = ${LATER}, withdrawn_reason = 'why' WHERE id = 2`),
      w('pointing at an old event', 'UPDATE articles SET status_event_id = 2 WHERE id = 3'),
      w('a restoration pointing at another article’s event', "UPDATE articles SET status = 'published', status_event_id = 10, withdrawn_at = NULL, withdrawn_reason = NULL WHERE id = 3", {
        setup: EVENT(10, 2, 'published', 'withdrawn', 'x'),
      }),
    ],
    allows: [w('a status change with its new event', WITHDRAW_ARTICLE_2, { after: ['SELECT status_event_id FROM articles WHERE id = 2', [{ status_event_id: 10 }]] })],
  },
  articles_first_publication_fixed: {
    refuses: [
      w('the first publication date moved', `UPDATE articles SET first_published_at = ${LATER} WHERE id = 2`),
      w('the first publication date cleared', 'UPDATE articles SET first_published_at = NULL WHERE id = 2'),
      w('the first public version changed', 'UPDATE articles SET first_public_version = 2 WHERE id = 2'),
      w('a publication with no first publication recorded', "UPDATE articles SET status = 'published', status_event_id = 10 WHERE id = 1", { setup: EVENT(10, 1, 'draft', 'published', null) }),
    ],
    allows: [
      w('a draft’s first publication set ahead of publishing', `UPDATE articles SET first_published_at = ${LATER}, first_public_version = 1 WHERE id = 1`),
      w('the date set to itself', 'UPDATE articles SET first_published_at = first_published_at WHERE id = 2'),
    ],
  },
  articles_withdrawal_guarded: {
    refuses: [
      w('a withdrawal reason changed quietly', "UPDATE articles SET withdrawn_reason = 'quietly' WHERE id = 3"),
      w('a withdrawal date moved', `UPDATE articles SET withdrawn_at = ${LATER} WHERE id = 3`),
      w('a reason given to a live article', "UPDATE articles SET withdrawn_reason = 'quietly' WHERE id = 2"),
      w('a withdrawal with no reason on the article', `UPDATE articles SET status = 'withdrawn', status_event_id = 10, withdrawn_at = ${LATER} WHERE id = 2`, {
        setup: EVENT(10, 2, 'published', 'withdrawn', 'x'),
      }),
      w('a withdrawal with no date', "UPDATE articles SET status = 'withdrawn', status_event_id = 10, withdrawn_reason = 'x' WHERE id = 2", { setup: EVENT(10, 2, 'published', 'withdrawn', 'x') }),
      // SQLite consults this guard before articles_status_needs_event.
      w('a withdrawal with no event, date or reason', "UPDATE articles SET status = 'withdrawn' WHERE id = 2"),
    ],
    allows: [w('a withdrawal with its event, date and reason', WITHDRAW_ARTICLE_2, { after: ['SELECT withdrawn_reason FROM articles WHERE id = 2', [{ withdrawn_reason: 'Could not be stood up.' }]] })],
  },
  articles_external_id_set_once: {
    refuses: [w('an external id changed', "UPDATE articles SET external_id = 'cms-other' WHERE id = 2"), w('an external id cleared', 'UPDATE articles SET external_id = NULL WHERE id = 2')],
    allows: [
      w('an external id given to an article that had none', "UPDATE articles SET external_id = 'cms-1' WHERE id = 1", { after: ['SELECT external_id FROM articles WHERE id = 1', [{ external_id: 'cms-1' }]] }),
      w('an external id set to itself', 'UPDATE articles SET external_id = external_id WHERE id = 2'),
    ],
  },

  // Corrections: never deleted; a draft changes freely and leaves draft by publication; a published
  // one is only withdrawn with a reason, or carried out once by a later version of its article.
  corrections_no_delete: { refuses: [w('deleting a draft correction', 'DELETE FROM corrections WHERE id = 1'), w('deleting a withdrawn one', 'DELETE FROM corrections WHERE id = 3')], allows: [] },
  corrections_published_frozen: {
    refuses: [
      w('a published correction reworded', "UPDATE corrections SET wording = 'Quietly rewritten.' WHERE id = 2"),
      w('what it said, changed', "UPDATE corrections SET said = 'quietly' WHERE id = 2"),
      w('its publication date moved', `UPDATE corrections SET published_at = ${LATER} WHERE id = 2`),
      w('its updated time', `UPDATE corrections SET updated_at = ${LATER} WHERE id = 2`),
      w('a withdrawal with no reason', `UPDATE corrections SET status = 'withdrawn', withdrawn_at = ${LATER} WHERE id = 2`),
      w('a withdrawal with a blank reason', `UPDATE corrections SET status = 'withdrawn', withdrawn_at = ${LATER}, withdrawn_reason = '   ' WHERE id = 2`),
      w('a withdrawal with no date', "UPDATE corrections SET status = 'withdrawn', withdrawn_reason = 'Wrong.' WHERE id = 2"),
      w('a withdrawn correction published again', "UPDATE corrections SET status = 'published' WHERE id = 3"),
      w('a withdrawn correction carried out', 'UPDATE corrections SET amended_version_id = 3 WHERE id = 3'),
      w('a carried-out correction re-pointed', 'UPDATE corrections SET amended_version_id = 4 WHERE id = 4'),
      w('a carried-out correction un-pointed', 'UPDATE corrections SET amended_version_id = NULL WHERE id = 4'),
      w('carried out with a new wording', "UPDATE corrections SET amended_version_id = 3, wording = 'Reworded.' WHERE id = 2"),
    ],
    allows: [
      w('a published correction withdrawn with a date and a reason', WITHDRAW_CORRECTION(2), { after: ['SELECT status, amended_version_id FROM corrections WHERE id = 2', [{ status: 'withdrawn', amended_version_id: null }]] }),
      w('carried out once by a later version of its article', 'UPDATE corrections SET amended_version_id = 3 WHERE id = 2', {
        after: ['SELECT status, amended_version_id FROM corrections WHERE id = 2', [{ status: 'published', amended_version_id: 3 }]],
      }),
      w('a carried-out correction withdrawn, keeping the link', WITHDRAW_CORRECTION(4), { after: ['SELECT status, amended_version_id FROM corrections WHERE id = 4', [{ status: 'withdrawn', amended_version_id: 3 }]] }),
      w('a draft edited', "UPDATE corrections SET wording = 'Anything.', kind = 'clarification', mode = 'amend' WHERE id = 1"),
    ],
  },
  corrections_draft_leaves_by_publication: {
    refuses: [
      w('a draft marked published with no date', "UPDATE corrections SET status = 'published', published_section = 'Local', published_byline = 'Eda Editor' WHERE id = 1"),
      w('a draft withdrawn', `UPDATE corrections SET status = 'withdrawn', withdrawn_at = ${LATER}, withdrawn_reason = 'x' WHERE id = 1`),
    ],
    allows: [w('a draft published with its date', PUBLISH_CORRECTION_1, { after: ['SELECT status FROM corrections WHERE id = 1', [{ status: 'published' }]] })],
  },
  corrections_revision_frozen: {
    refuses: [
      w('a published correction’s revision changed', 'UPDATE corrections SET revision = 9 WHERE id = 2'),
      // SQLite consults this guard before corrections_published_frozen.
      w('its revision and its wording changed', "UPDATE corrections SET revision = 9, wording = 'x' WHERE id = 2"),
      w('a withdrawn correction’s revision changed', 'UPDATE corrections SET revision = 2 WHERE id = 3'),
    ],
    allows: [w('a draft’s revision set', 'UPDATE corrections SET revision = 5 WHERE id = 1', { after: [REVISION_OF(1), [{ revision: 5 }]] })],
  },
  corrections_draft_edit_bumps_revision: {
    refuses: [],
    allows: [
      w('rewording a draft bumps its revision', "UPDATE corrections SET wording = 'They actually lost 842.' WHERE id = 1", { after: [REVISION_OF(1), [{ revision: 2 }]] }),
      w('so does what it said', "UPDATE corrections SET said = 'They lost 696.' WHERE id = 1", { after: [REVISION_OF(1), [{ revision: 2 }]] }),
      w('what it was about', "UPDATE corrections SET about = 'the local elections' WHERE id = 1", { after: [REVISION_OF(1), [{ revision: 2 }]] }),
      w('its kind', "UPDATE corrections SET kind = 'clarification' WHERE id = 1", { after: [REVISION_OF(1), [{ revision: 2 }]] }),
      w('and its mode', "UPDATE corrections SET mode = 'amend' WHERE id = 1", { after: [REVISION_OF(1), [{ revision: 2 }]] }),
      w('two edits, two bumps', "UPDATE corrections SET wording = 'a' WHERE id = 1; UPDATE corrections SET wording = 'b' WHERE id = 1", { after: [REVISION_OF(1), [{ revision: 3 }]] }),
      w('an edit that names a higher revision keeps it', "UPDATE corrections SET wording = 'x', revision = 7 WHERE id = 1", { after: [REVISION_OF(1), [{ revision: 7 }]] }),
      w('an edit that names a lower one is bumped past the old', "UPDATE corrections SET wording = 'x', revision = 0 WHERE id = 1", { after: [REVISION_OF(1), [{ revision: 2 }]] }),
      w('the same words bump nothing', 'UPDATE corrections SET wording = wording WHERE id = 1', { after: [REVISION_OF(1), [{ revision: 1 }]] }),
      w('nor does its classification', "UPDATE corrections SET error_type = 'name' WHERE id = 1", { after: [REVISION_OF(1), [{ revision: 1 }]] }),
      w('nor publishing it', PUBLISH_CORRECTION_1, { after: [REVISION_OF(1), [{ revision: 1 }]] }),
    ],
  },
  corrections_amended_by_own_article: {
    refuses: [
      w('carried out by another article’s version', 'UPDATE corrections SET amended_version_id = 5 WHERE id = 2'),
      w('carried out by the version it was drafted against', 'UPDATE corrections SET amended_version_id = 2 WHERE id = 2'),
      w('carried out by a version that is not there', 'UPDATE corrections SET amended_version_id = 99 WHERE id = 2'),
      w('a draft, by another article’s version', 'UPDATE corrections SET amended_version_id = 5 WHERE id = 1'),
    ],
    allows: [
      w('carried out by a later version of its article', 'UPDATE corrections SET amended_version_id = 3 WHERE id = 2'),
      w('a draft, by a later version', 'UPDATE corrections SET amended_version_id = 4 WHERE id = 1', { after: ['SELECT amended_version_id FROM corrections WHERE id = 1', [{ amended_version_id: 4 }]] }),
    ],
  },
  corrections_taxonomy_frozen: {
    refuses: [
      w('a published correction’s error type', "UPDATE corrections SET error_type = 'name' WHERE id = 2"),
      w('its cause', "UPDATE corrections SET error_cause = 'editing' WHERE id = 2"),
      w('who found it', "UPDATE corrections SET found_by = 'staff' WHERE id = 2"),
      w('when the wrong words were first public', 'UPDATE corrections SET exposed_from = NULL WHERE id = 2'),
      w('a withdrawn correction’s error type', "UPDATE corrections SET error_type = 'name' WHERE id = 3"),
    ],
    allows: [
      w('a draft classified', `UPDATE corrections SET error_type = 'name', error_cause = 'editing', found_by = 'staff', exposed_from = ${T0} WHERE id = 1`, {
        after: ['SELECT error_type FROM corrections WHERE id = 1', [{ error_type: 'name' }]],
      }),
    ],
  },
  corrections_attribution_frozen: {
    refuses: [
      w('a published correction moved to another section', "UPDATE corrections SET published_section = 'Sport' WHERE id = 2"),
      w('a withdrawn one given another byline', "UPDATE corrections SET published_byline = 'Someone else' WHERE id = 3"),
      w('its section cleared', 'UPDATE corrections SET published_section = NULL WHERE id = 4'),
    ],
    allows: [
      w('a draft given a section', "UPDATE corrections SET published_section = 'Sport' WHERE id = 1"),
      w('withdrawing keeps them', WITHDRAW_CORRECTION(2), { after: ['SELECT published_section, published_byline FROM corrections WHERE id = 2', [{ published_section: 'Local', published_byline: 'Eda Editor' }]] }),
    ],
  },
  corrections_published_attributed: {
    refuses: [
      w('a draft published with no section or byline', `UPDATE corrections SET status = 'published', published_at = ${LATER} WHERE id = 1`),
      w('a draft published with a section but no byline', `UPDATE corrections SET status = 'published', published_at = ${LATER}, published_section = 'Local' WHERE id = 1`),
    ],
    allows: [w('a draft published with its article’s section and byline', PUBLISH_CORRECTION_1, { after: ['SELECT published_section FROM corrections WHERE id = 1', [{ published_section: 'Local' }]] })],
  },

  // Claims are part of their correction.
  claims_frozen_insert: {
    refuses: [w('a claim added to a published correction', CLAIM(10, 2)), w('a claim added to a withdrawn one', CLAIM(10, 3))],
    allows: [w('a claim added to a draft', CLAIM(10, 1), { after: ['SELECT CAST(count(*) AS integer) AS n FROM claims WHERE correction_id = 1', [{ n: 2 }]] })],
  },
  claims_frozen_update: {
    refuses: [
      w('a published correction’s claim changed', "UPDATE claims SET exact = '696' WHERE id = 2"),
      w('its replacement words', "UPDATE claims SET replacement = '842' WHERE id = 2"),
      w('a claim moved off a published correction', 'UPDATE claims SET correction_id = 1 WHERE id = 2'),
    ],
    allows: [
      w('a draft’s claim changed', "UPDATE claims SET exact = '69' WHERE id = 1", { after: ['SELECT exact FROM claims WHERE id = 1', [{ exact: '69' }]] }),
      // As SQLite's guard does, an update is judged by the correction the claim belonged to.
      w('a draft’s claim moved onto a published correction', 'UPDATE claims SET correction_id = 2 WHERE id = 1'),
    ],
  },
  claims_frozen_delete: {
    refuses: [w('a published correction’s claim deleted', 'DELETE FROM claims WHERE id = 2')],
    allows: [w('a draft’s claim deleted', 'DELETE FROM claims WHERE id = 1', { after: ['SELECT CAST(count(*) AS integer) AS n FROM claims', [{ n: 3 }]] })],
  },
  claims_draft_edit_bumps_revision: {
    refuses: [],
    allows: [
      w('new replacement words bump the draft’s revision', "UPDATE claims SET replacement = '842' WHERE id = 1", { after: [REVISION_OF(1), [{ revision: 2 }]] }),
      w('the same replacement bumps nothing', 'UPDATE claims SET replacement = replacement WHERE id = 1', { after: [REVISION_OF(1), [{ revision: 1 }]] }),
      w('nor does anything else of the claim', 'UPDATE claims SET position = 3 WHERE id = 1', { after: [REVISION_OF(1), [{ revision: 1 }]] }),
    ],
  },

  // The column: a published edition and its items are never edited or deleted.
  columns_published_frozen: {
    refuses: [w('a published edition’s intro rewritten', "UPDATE columns SET intro = 'Rewritten.' WHERE id = 2"), w('a published edition unpublished', "UPDATE columns SET status = 'draft' WHERE id = 2")],
    allows: [
      w('a draft edition edited', "UPDATE columns SET intro = 'Better.' WHERE id = 1"),
      w('a draft edition published', `UPDATE columns SET status = 'published', published_by = 1, published_at = ${LATER} WHERE id = 1`, { after: ['SELECT status FROM columns WHERE id = 1', [{ status: 'published' }]] }),
    ],
  },
  columns_published_no_delete: {
    refuses: [w('a published edition deleted', 'DELETE FROM columns WHERE id = 2')],
    allows: [w('a draft edition deleted, with its items', 'DELETE FROM column_items WHERE column_id = 1; DELETE FROM columns WHERE id = 1', { after: ['SELECT CAST(count(*) AS integer) AS n FROM columns', [{ n: 1 }]] })],
  },
  column_items_frozen_insert: {
    refuses: [w('an item added to a published edition', "INSERT INTO column_items (id, column_id, correction_id, position, wording) VALUES (3, 2, 3, 1, 'Late.')")],
    allows: [w('an item added to a draft edition', "INSERT INTO column_items (id, column_id, correction_id, position, wording) VALUES (3, 1, 3, 1, 'In time.')")],
  },
  column_items_frozen_update: {
    refuses: [w('a published item reworded', "UPDATE column_items SET wording = 'Rewritten.' WHERE id = 2"), w('a published item moved to a draft edition', 'UPDATE column_items SET column_id = 1 WHERE id = 2')],
    allows: [
      w('a draft item reworded', "UPDATE column_items SET wording = 'Better.' WHERE id = 1"),
      // As SQLite's guard does, an update is judged by the edition the item was in.
      w('a draft item moved into a published edition', 'UPDATE column_items SET column_id = 2, position = 1 WHERE id = 1'),
    ],
  },
  column_items_frozen_delete: {
    refuses: [w('a published item deleted', 'DELETE FROM column_items WHERE id = 2')],
    allows: [w('a draft item deleted', 'DELETE FROM column_items WHERE id = 1')],
  },

  // The audit trail, and the readers' change stamp it moves.
  audit_events_no_update: { refuses: [w('an audit event rewritten', "UPDATE audit_events SET action = 'other' WHERE id = 1")], allows: [] },
  audit_events_no_delete: { refuses: [w('the audit trail emptied', 'DELETE FROM audit_events')], allows: [] },
  record_stamp_moves: {
    refuses: [],
    allows: [
      w('a desk write moves the stamp to its event', AUDIT('correction.publish'), { after: [STAMP, [{ stamp: 10 }]] }),
      w('a sign-in does not', AUDIT('auth.sign-in'), { after: [STAMP, [{ stamp: 1 }]] }),
      w('nor one spelt in capitals (SQLite’s LIKE ignores ASCII case)', AUDIT('AUTH.Failed'), { after: [STAMP, [{ stamp: 1 }]] }),
      w('nor a reader report arriving', AUDIT('report.create'), { after: [STAMP, [{ stamp: 1 }]] }),
      w('but a report.create in other letters does (= is exact)', AUDIT('Report.create'), { after: [STAMP, [{ stamp: 10 }]] }),
      w('and so does an action that only begins like auth', AUDIT('author.update'), { after: [STAMP, [{ stamp: 10 }]] }),
      w('several at once: the last that counts', AUDIT('article.save', 'correction.publish', 'auth.sign-in'), { after: [STAMP, [{ stamp: 11 }]] }),
    ],
  },

  // Sessions end when the account changes under them.
  sessions_end_on_account_change: {
    refuses: [],
    allows: [
      w('a new password ends the account’s live sessions', "UPDATE users SET password_hash = 'y' WHERE id = 1", { after: [SESSIONS, SESSIONS_OF_1_ENDED] }),
      w('so does a new role', "UPDATE users SET role = 'standards' WHERE id = 1", { after: [SESSIONS, SESSIONS_OF_1_ENDED] }),
      w('and disabling', `UPDATE users SET disabled_at = ${LATER} WHERE id = 1`, { after: [SESSIONS, SESSIONS_OF_1_ENDED] }),
      w('and re-enabling', `UPDATE users SET disabled_at = ${LATER} WHERE id = 1; UPDATE sessions SET ended_at = NULL, end_reason = NULL WHERE id = 's1'; UPDATE users SET disabled_at = NULL WHERE id = 1`, {
        after: [SESSIONS, SESSIONS_OF_1_ENDED],
      }),
      w('a new name ends nothing', "UPDATE users SET name = 'Renamed' WHERE id = 1", { after: [SESSIONS, SESSIONS_BEFORE] }),
      w('nor the same password', 'UPDATE users SET password_hash = password_hash WHERE id = 1', { after: [SESSIONS, SESSIONS_BEFORE] }),
    ],
  },

  // The casebook: a case is never deleted; a closed one never changes.
  cases_no_delete: { refuses: [w('a case deleted', 'DELETE FROM cases WHERE id = 1')], allows: [] },
  cases_closed_frozen: {
    refuses: [
      w('a closed case’s summary rewritten', "UPDATE cases SET summary = 'Rewritten.' WHERE id = 2"),
      w('a closed case reopened', 'UPDATE cases SET status = \'open\', closed_at = NULL WHERE id = 2'),
      w('a case closed with no closed time', "UPDATE cases SET status = 'upheld' WHERE id = 1"),
      w('an open case given a closed time', `UPDATE cases SET closed_at = ${LATER} WHERE id = 1`),
    ],
    allows: [
      w('an open case edited', "UPDATE cases SET summary = 'Better summary.', owner_id = 2 WHERE id = 1"),
      w('a case closed with its time', `UPDATE cases SET status = 'not_upheld', closed_at = ${LATER}, outcome_note = 'Accurate.' WHERE id = 1`, { after: ['SELECT status FROM cases WHERE id = 1', [{ status: 'not_upheld' }]] }),
    ],
  },
  cases_received_fixed: {
    refuses: [
      w('a new reference', "UPDATE cases SET reference = 'C-9' WHERE id = 1"),
      w('a new channel', "UPDATE cases SET channel = 'phone' WHERE id = 1"),
      w('a new received time', `UPDATE cases SET received_at = ${LATER} WHERE id = 1`),
      w('another report', 'UPDATE cases SET report_id = 2 WHERE id = 1'),
      w('no report', 'UPDATE cases SET report_id = NULL WHERE id = 1'),
      // SQLite consults this guard before cases_closed_frozen.
      w('a closed case’s reference', "UPDATE cases SET reference = 'C-9' WHERE id = 2"),
    ],
    allows: [w('the same reference and channel', 'UPDATE cases SET reference = reference, channel = channel WHERE id = 1')],
  },
  case_clauses_closed_insert: {
    refuses: [w('a clause added to a closed case', "INSERT INTO case_clauses (case_id, clause) VALUES (2, 'privacy')"), w('a clause for a case that is not there', "INSERT INTO case_clauses (case_id, clause) VALUES (99, 'privacy')")],
    allows: [w('a clause added to an open case', "INSERT INTO case_clauses (case_id, clause) VALUES (1, 'privacy')")],
  },
  case_clauses_closed_delete: {
    refuses: [w('a closed case’s clause removed', 'DELETE FROM case_clauses WHERE case_id = 2')],
    allows: [w('an open case’s clause removed', 'DELETE FROM case_clauses WHERE case_id = 1')],
  },
  case_clauses_no_update: { refuses: [w('a clause rewritten', "UPDATE case_clauses SET clause = 'privacy' WHERE case_id = 1")], allows: [] },
  case_articles_no_delete: { refuses: [w('an open case’s article removed', 'DELETE FROM case_articles WHERE case_id = 1')], allows: [] },
  case_articles_no_update: { refuses: [w('the words complained about rewritten', "UPDATE case_articles SET quote = 'other words' WHERE case_id = 1")], allows: [] },
  case_articles_closed_insert: {
    refuses: [w('an article added to a closed case', 'INSERT INTO case_articles (case_id, article_id, quote) VALUES (2, 3, NULL)')],
    allows: [w('an article added to an open case', 'INSERT INTO case_articles (case_id, article_id, quote) VALUES (1, 3, NULL)')],
  },
  case_notes_no_update: { refuses: [w('a note edited', "UPDATE case_notes SET body = 'Edited.' WHERE id = 1")], allows: [] },
  case_notes_no_delete: { refuses: [w('a note deleted', 'DELETE FROM case_notes WHERE id = 1')], allows: [] },
  case_notes_open_case_only: {
    refuses: [w('a note on a closed case', NOTE(3, 2))],
    allows: [w('a note on an open case', NOTE(3, 1), { after: ['SELECT CAST(count(*) AS integer) AS n FROM case_notes WHERE case_id = 1', [{ n: 2 }]] })],
  },

  // The CMS connection: tokens, webhooks and the stealth-edit flags.
  api_tokens_frozen: {
    refuses: [
      w('a token renamed', "UPDATE api_tokens SET name = 'Renamed' WHERE id = 1"),
      w('given more calls a minute', 'UPDATE api_tokens SET rate_per_minute = 120 WHERE id = 1'),
      w('its scopes named, even unchanged', 'UPDATE api_tokens SET scopes = scopes WHERE id = 1'),
      w('a revoked token renamed', "UPDATE api_tokens SET name = 'Renamed' WHERE id = 2"),
    ],
    allows: [
      w('a token used', `UPDATE api_tokens SET last_used_at = ${LATER} WHERE id = 1`),
      w('a token revoked', `UPDATE api_tokens SET revoked_at = ${LATER}, revoked_by = 2 WHERE id = 1`, { after: ['SELECT revoked_by FROM api_tokens WHERE id = 1', [{ revoked_by: 2 }]] }),
    ],
  },
  api_tokens_revoked_stays: {
    refuses: [
      w('a revoked token revived', 'UPDATE api_tokens SET revoked_at = NULL WHERE id = 2'),
      w('its revocation moved', `UPDATE api_tokens SET revoked_at = ${LATER} WHERE id = 2`),
      // SQLite consults this guard before api_tokens_frozen.
      w('revived and renamed', "UPDATE api_tokens SET name = 'Back', revoked_at = NULL WHERE id = 2"),
    ],
    allows: [w('a revoked token’s last use recorded', `UPDATE api_tokens SET last_used_at = ${LATER} WHERE id = 2`)],
  },
  api_tokens_no_delete: { refuses: [w('a revoked token deleted', 'DELETE FROM api_tokens WHERE id = 2')], allows: [] },
  webhook_subscriptions_frozen: {
    refuses: [w('a subscription pointed elsewhere', "UPDATE webhook_subscriptions SET url = 'https://elsewhere.example.com/' WHERE id = 1"), w('its secret changed', "UPDATE webhook_subscriptions SET secret = 'whsec_y' WHERE id = 1")],
    allows: [
      w('a subscription disabled', `UPDATE webhook_subscriptions SET disabled_at = ${LATER}, disabled_by = 2 WHERE id = 1`),
      w('its description changed', "UPDATE webhook_subscriptions SET description = 'The CMS.' WHERE id = 1"),
    ],
  },
  webhook_subscriptions_no_delete: { refuses: [w('a subscription deleted', 'DELETE FROM webhook_subscriptions WHERE id = 1')], allows: [] },
  webhook_outbox_message_frozen: {
    refuses: [w('a message’s payload rewritten', "UPDATE webhook_outbox SET payload = '{}' WHERE id = 1"), w('a delivered message’s event changed', "UPDATE webhook_outbox SET event = 'correction.withdrawn' WHERE id = 2")],
    allows: [
      w('the worker’s fields', `UPDATE webhook_outbox SET attempts = 1, locked_until = ${LATER}, next_attempt_at = ${LATER}, last_error = 'timeout' WHERE id = 1`),
      w('a message given up on', `UPDATE webhook_outbox SET failed_at = ${LATER} WHERE id = 1`),
    ],
  },
  webhook_outbox_delivered_stays: {
    refuses: [
      w('a delivered message undelivered', 'UPDATE webhook_outbox SET delivered_at = NULL WHERE id = 2'),
      w('its delivery moved', `UPDATE webhook_outbox SET delivered_at = ${LATER} WHERE id = 2`),
      w('undelivered and rewritten', "UPDATE webhook_outbox SET delivered_at = NULL, payload = '{}' WHERE id = 2"),
    ],
    allows: [
      w('a waiting message delivered', `UPDATE webhook_outbox SET delivered_at = ${LATER} WHERE id = 1`, { after: ['SELECT CASE WHEN delivered_at IS NULL THEN 0 ELSE 1 END AS delivered FROM webhook_outbox WHERE id = 1', [{ delivered: 1 }]] }),
      w('a delivered message’s attempts counted', 'UPDATE webhook_outbox SET attempts = 2 WHERE id = 2'),
    ],
  },
  webhook_outbox_no_delete: { refuses: [w('a message deleted', 'DELETE FROM webhook_outbox WHERE id = 1')], allows: [] },
  webhook_deliveries_no_update: { refuses: [w('an attempt’s answer rewritten', 'UPDATE webhook_deliveries SET status = 500 WHERE id = 1')], allows: [] },
  webhook_deliveries_no_delete: { refuses: [w('an attempt deleted', 'DELETE FROM webhook_deliveries WHERE id = 1')], allows: [] },
  version_flags_frozen: {
    refuses: [w('what a flag found, rewritten', "UPDATE version_flags SET changes = '[]' WHERE id = 1"), w('a flag moved to another version', 'UPDATE version_flags SET version_id = 2 WHERE id = 1')],
    allows: [w('an open flag resolved', `UPDATE version_flags SET resolved_at = ${LATER}, resolved_by = 1, resolution = 'It stands.' WHERE id = 1`)],
  },
  version_flags_resolved_stays: {
    refuses: [
      w('a resolved flag’s resolution rewritten', "UPDATE version_flags SET resolution = 'Other.' WHERE id = 2"),
      w('a resolved flag reopened', 'UPDATE version_flags SET resolved_at = NULL WHERE id = 2'),
      // SQLite consults this guard before version_flags_frozen.
      w('what a resolved flag found, rewritten', "UPDATE version_flags SET changes = '[]' WHERE id = 2"),
    ],
    allows: [w('an open flag resolved', `UPDATE version_flags SET resolved_at = ${LATER}, resolved_by = 1, resolution = 'It stands.', correction_id = 2 WHERE id = 1`, { after: ['SELECT correction_id FROM version_flags WHERE id = 1', [{ correction_id: 2 }]] })],
  },
  version_flags_no_delete: { refuses: [w('a flag deleted', 'DELETE FROM version_flags WHERE id = 1')], allows: [] },
};

// ---------------------------------------------------------------------------------------------
// Combined writes: every update of one to three of these changes, on every row, answered the same
// on both stores (refused with the same message, or done with the same result). This is what
// proves that the guard PostgreSQL answers with is the one SQLite answers with.
// ---------------------------------------------------------------------------------------------

interface Combinations {
  table: string;
  ids: number[];
  setup?: string;
  /** What the row (or its neighbours) looks like after a write that went through. */
  snapshot: (id: number) => string;
  changes: string[];
}

const COMBINATIONS: Combinations[] = [
  {
    table: 'corrections',
    ids: [1, 2, 3, 4],
    snapshot: () => 'SELECT id, status, revision, amended_version_id FROM corrections ORDER BY id',
    changes: [
      "wording = 'Quietly rewritten.'",
      "said = 'quietly'",
      'revision = 9',
      "error_type = 'name'",
      'exposed_from = NULL',
      "published_section = 'Sport'",
      "status = 'published'",
      "status = 'withdrawn'",
      "status = 'draft'",
      // A NOT NULL column set to NULL: the guards' conditions are NULL there, as in SQLite.
      'status = NULL',
      `published_at = ${LATER}`,
      'published_at = NULL',
      `withdrawn_at = ${LATER}`,
      "withdrawn_reason = 'Right after all.'",
      'amended_version_id = 3',
      'amended_version_id = 5',
      'amended_version_id = 2',
      'amended_version_id = NULL',
    ],
  },
  {
    table: 'articles',
    ids: [1, 2, 3],
    // Events waiting for the status changes to point at: a legal one for each article, and (with
    // their guard off for the setup) two illegal ones, the only way articles_status_transitions is
    // the guard that answers.
    setup: [
      EVENT(10, 1, 'draft', 'published', null),
      EVENT(11, 2, 'published', 'withdrawn', 'Could not be stood up.'),
      EVENT(12, 3, 'withdrawn', 'published', 'Stood up after all.'),
      'DROP TRIGGER article_status_events_legal ON article_status_events',
      EVENT(13, 1, 'draft', 'withdrawn', 'x'),
      EVENT(14, 2, 'published', 'draft', 'oops'),
    ].join('; '),
    snapshot: (id) => `SELECT status, status_event_id, withdrawn_reason, external_id FROM articles WHERE id = ${id}`,
    changes: [
      "status = 'published'",
      "status = 'withdrawn'",
      "status = 'draft'",
      'status = NULL',
      'status_event_id = (SELECT min(e.id) FROM article_status_events e WHERE e.article_id = articles.id AND e.id >= 10)',
      'status_event_id = (SELECT max(e.id) FROM article_status_events e WHERE e.article_id = articles.id)',
      'status_event_id = 1',
      `withdrawn_at = ${LATER}`,
      'withdrawn_at = NULL',
      "withdrawn_reason = 'Could not be stood up.'",
      "withdrawn_reason = ' '",
      'withdrawn_reason = NULL',
      `first_published_at = ${LATER}`,
      'first_published_at = NULL',
      'first_public_version = 1',
      'first_public_version = 2',
      "external_id = 'cms-9'",
      'external_id = NULL',
      "section = 'Sport'",
    ],
  },
  {
    table: 'cases',
    ids: [1, 2],
    snapshot: (id) => `SELECT status, reference, CASE WHEN closed_at IS NULL THEN 0 ELSE 1 END AS closed FROM cases WHERE id = ${id}`,
    changes: [
      "status = 'upheld'",
      "status = 'open'",
      'status = NULL',
      `closed_at = ${LATER}`,
      'closed_at = NULL',
      "summary = 'Rewritten.'",
      "reference = 'C-9'",
      'reference = reference',
      "channel = 'phone'",
      `received_at = ${LATER}`,
      'report_id = 2',
      'report_id = NULL',
      "outcome_note = 'Noted.'",
    ],
  },
  {
    table: 'claims',
    ids: [1, 2],
    snapshot: () => 'SELECT c.id, c.revision, CAST(count(l.id) AS integer) AS claims FROM corrections c LEFT JOIN claims l ON l.correction_id = c.id GROUP BY c.id ORDER BY c.id',
    changes: ["exact = '696'", "replacement = '842'", 'replacement = replacement', 'correction_id = 1', 'correction_id = 2', 'position = 3'],
  },
  {
    table: 'column_items',
    ids: [1, 2],
    snapshot: () => 'SELECT id, column_id, wording FROM column_items ORDER BY id',
    changes: ["wording = 'Rewritten.'", 'column_id = 1', 'column_id = 2', 'position = 5'],
  },
  {
    table: 'api_tokens',
    ids: [1, 2],
    snapshot: (id) => `SELECT name, CASE WHEN revoked_at IS NULL THEN 0 ELSE 1 END AS revoked FROM api_tokens WHERE id = ${id}`,
    // Not `revoked_at = revoked_at` with a frozen column: see the known difference below.
    changes: ["name = 'Renamed'", 'scopes = scopes', 'revoked_at = NULL', `revoked_at = ${LATER}`, 'revoked_by = 1', `last_used_at = ${LATER}`],
  },
  {
    table: 'version_flags',
    ids: [1, 2],
    snapshot: (id) => `SELECT resolution, CASE WHEN resolved_at IS NULL THEN 0 ELSE 1 END AS resolved FROM version_flags WHERE id = ${id}`,
    changes: ["changes = '[]'", 'changes = changes', `resolved_at = ${LATER}`, 'resolved_at = NULL', "resolution = 'It stands.'", 'correction_id = 2', 'resolved_by = 1'],
  },
  {
    table: 'webhook_outbox',
    ids: [1, 2],
    snapshot: (id) => `SELECT payload, attempts, CASE WHEN delivered_at IS NULL THEN 0 ELSE 1 END AS delivered FROM webhook_outbox WHERE id = ${id}`,
    changes: ["payload = '{}'", 'payload = payload', `delivered_at = ${LATER}`, 'delivered_at = NULL', 'attempts = 3', `failed_at = ${LATER}`, `locked_until = ${LATER}`],
  },
  {
    table: 'webhook_subscriptions',
    ids: [1],
    snapshot: (id) => `SELECT url, description FROM webhook_subscriptions WHERE id = ${id}`,
    changes: ["url = 'https://elsewhere.example.com/'", 'url = url', `disabled_at = ${LATER}`, "description = 'The CMS.'", 'created_by = 1'],
  },
];

/** Every set of one to three changes, no column twice. */
function combinations(changes: string[]): string[][] {
  const column = (change: string) => change.split(' = ')[0];
  const out: string[][] = [];
  const walk = (from: number, picked: string[]) => {
    if (picked.length > 0) out.push(picked);
    if (picked.length === 3) return;
    for (let i = from; i < changes.length; i++) if (!picked.some((p) => column(p) === column(changes[i]))) walk(i + 1, [...picked, changes[i]]);
  };
  walk(0, []);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The two stores.
// ---------------------------------------------------------------------------------------------

interface TriggerShape {
  name: string;
  table: string;
  timing: 'BEFORE' | 'AFTER';
  event: 'INSERT' | 'UPDATE' | 'DELETE';
  /** UPDATE OF these columns (sorted), or none. */
  columns: string[];
  /** The message it refuses with; null for an AFTER trigger that does something instead. */
  message: string | null;
}

const unquote = (sql: string) => sql.replace(/''/g, "'");

function sqliteShape(name: string, table: string, sql: string): TriggerShape {
  const head = /^CREATE TRIGGER\s+\w+\s+(BEFORE|AFTER)\s+(INSERT|UPDATE|DELETE)(?:\s+OF\s+([\w\s,]+?))?\s+ON\s+(\w+)/i.exec(sql.replace(/`/g, ''));
  if (!head) throw new Error(`Cannot read SQLite trigger ${name}: ${sql}`);
  const raise = /RAISE\s*\(\s*ABORT\s*,\s*'((?:[^']|'')*)'\s*\)/i.exec(sql);
  return {
    name,
    table,
    timing: head[1].toUpperCase() as TriggerShape['timing'],
    event: head[2].toUpperCase() as TriggerShape['event'],
    columns: head[3] ? head[3].split(',').map((c) => c.trim()).sort() : [],
    message: raise ? unquote(raise[1]) : null,
  };
}

function pgShape(name: string, definition: string): TriggerShape {
  const head = /^CREATE TRIGGER (\S+) (BEFORE|AFTER) (INSERT|UPDATE|DELETE)(?: OF (.+?))? ON (?:\w+\.)?(\w+) FOR EACH ROW /.exec(definition);
  if (!head) throw new Error(`Cannot read PostgreSQL trigger ${name} (row-level triggers only): ${definition}`);
  const argument = /EXECUTE FUNCTION \w+\((?:'((?:[^']|'')*)')?\)$/.exec(definition);
  if (!argument) throw new Error(`Cannot read the function of PostgreSQL trigger ${name}: ${definition}`);
  return {
    name,
    table: head[5],
    timing: head[2] as TriggerShape['timing'],
    event: head[3] as TriggerShape['event'],
    columns: head[4] ? head[4].split(',').map((c) => c.trim().replace(/"/g, '')).sort() : [],
    message: argument[1] === undefined ? null : unquote(argument[1]),
  };
}

const sqlite = openDatabase(':memory:');
const sqliteTriggers = new Map(
  (sqlite.$client.prepare("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as { name: string; tbl_name: string; sql: string }[]).map((t) => [
    t.name,
    sqliteShape(t.name, t.tbl_name, t.sql),
  ]),
);

let store: PgTestDatabase;
let pgTriggers: Map<string, TriggerShape>;

const SQLITE_GUARD_CODE = 'SQLITE_CONSTRAINT_TRIGGER';
/** RAISE EXCEPTION's SQLSTATE (raise_exception): what every guard of 0001_record_guards.sql answers with. */
const PG_GUARD_CODE = 'P0001';

function outcomeOf(error: unknown, guardCode: string): Outcome {
  const e = error as { code?: string; message?: string };
  return e.code === guardCode ? { refused: String(e.message) } : { failed: `${e.code}: ${e.message}` };
}

/** Runs a write (and its after query) on SQLite inside a transaction, behind a savepoint it rolls back to. */
function trySqlite(a: Pick<Attempt, 'sql' | 'after'>): Outcome {
  const db = sqlite.$client;
  db.exec('SAVEPOINT attempt');
  try {
    db.exec(render(a.sql, 'sqlite'));
    return a.after ? { ok: true, rows: db.prepare(render(a.after[0], 'sqlite')).all() as Row[] } : { ok: true };
  } catch (error) {
    return outcomeOf(error, SQLITE_GUARD_CODE);
  } finally {
    db.exec('ROLLBACK TO attempt; RELEASE attempt');
  }
}

/** The same on PostgreSQL: the savepoint, the write and its query go in one round trip. */
async function tryPg(client: pg.PoolClient, a: Pick<Attempt, 'sql' | 'after'>): Promise<Outcome> {
  try {
    const results = (await client.query<Row>([`SAVEPOINT attempt`, render(a.sql, 'pg'), ...(a.after ? [render(a.after[0], 'pg')] : [])].join(';\n'))) as unknown as pg.QueryResult<Row>[];
    return a.after ? { ok: true, rows: results[results.length - 1].rows } : { ok: true };
  } catch (error) {
    return outcomeOf(error, PG_GUARD_CODE);
  } finally {
    await client.query('ROLLBACK TO SAVEPOINT attempt; RELEASE SAVEPOINT attempt');
  }
}

/** Runs attempts on SQLite in one transaction, after its setup, and rolls it all back. */
function onSqlite<A extends Pick<Attempt, 'sql' | 'after'>>(setup: string | undefined, attempts: A[]): Outcome[] {
  const db = sqlite.$client;
  db.exec('BEGIN');
  try {
    if (setup) db.exec(render(setup, 'sqlite'));
    return attempts.map(trySqlite);
  } finally {
    db.exec('ROLLBACK');
  }
}

/** The same on PostgreSQL; `without` drops that trigger first (inside the transaction). */
async function onPg<A extends Pick<Attempt, 'sql' | 'after'>>(setup: string | undefined, attempts: A[], options: { without?: string } = {}): Promise<Outcome[]> {
  const client = await store.db.$client.connect();
  try {
    await client.query('BEGIN');
    if (options.without) await client.query(`DROP TRIGGER ${options.without} ON ${pgTriggers.get(options.without)!.table}`);
    if (setup) await client.query(render(setup, 'pg'));
    const outcomes: Outcome[] = [];
    for (const a of attempts) outcomes.push(await tryPg(client, a));
    return outcomes;
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

/** One attempt, on its own, on each store. */
const sqliteAnswer = (a: Attempt) => onSqlite(a.setup, [a])[0];
const pgAnswer = async (a: Attempt, options: { without?: string } = {}) => (await onPg(a.setup, [a], options))[0];

beforeAll(async () => {
  store = await createPgTestDatabase();
  const { rows } = await store.db.$client.query<{ tgname: string; definition: string }>(
    'SELECT tgname, pg_get_triggerdef(oid) AS definition FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname',
  );
  pgTriggers = new Map(rows.map((r) => [r.tgname, pgShape(r.tgname, r.definition)]));
  // The same newsroom on both stores, through the guards.
  sqlite.$client.exec(render(NEWSROOM, 'sqlite'));
  await store.db.$client.query(render(NEWSROOM, 'pg'));
  // Identity columns go on after the ids the newsroom gave.
  const identities = await store.db.$client.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id' AND is_identity = 'YES'",
  );
  for (const { table_name: t } of identities.rows) {
    await store.db.$client.query(`SELECT setval(pg_get_serial_sequence('"${t}"', 'id'), coalesce((SELECT max(id) FROM "${t}"), 0) + 1, false)`);
  }
}, 60_000);

afterAll(async () => {
  sqlite.$client.close();
  await store?.drop();
});

// ---------------------------------------------------------------------------------------------

describe('every SQLite trigger has a PostgreSQL twin', () => {
  it('with the same name, and no PostgreSQL trigger without a SQLite one', () => {
    expect([...pgTriggers.keys()].sort()).toEqual([...sqliteTriggers.keys()].sort());
  });

  it('on the same table, at the same time, for the same write (and the same UPDATE OF columns)', () => {
    for (const [name, shape] of sqliteTriggers) {
      const twin = pgTriggers.get(name);
      expect(twin && { ...twin, message: undefined }, name).toEqual({ ...shape, message: undefined });
    }
  });

  it('refusing with the same message (or, an AFTER trigger, with none)', () => {
    for (const [name, shape] of sqliteTriggers) expect(pgTriggers.get(name)?.message, name).toBe(shape.message);
  });

  it('each with its cases below: a refusal for every guard, an effect for every AFTER trigger', () => {
    expect(Object.keys(GUARDS).sort()).toEqual([...pgTriggers.keys()].sort());
    for (const [name, shape] of pgTriggers) {
      if (shape.timing === 'BEFORE') expect(GUARDS[name].refuses.length, `${name} refuses nothing in GUARDS`).toBeGreaterThan(0);
      else expect(GUARDS[name].allows.filter((a) => a.after).length, `${name} shows no effect in GUARDS`).toBeGreaterThan(0);
    }
  });
});

describe('the record’s guards on PostgreSQL, case by case, as on SQLite', () => {
  for (const [name, guard] of Object.entries(GUARDS)) {
    describe(name, () => {
      for (const attempt of guard.refuses) {
        it(`refuses ${attempt.what}`, async () => {
          const message = sqliteTriggers.get(name)?.message;
          expect(message, `${name} is not a refusing SQLite trigger`).toEqual(expect.any(String));
          expect(sqliteAnswer(attempt)).toEqual({ refused: message });
          expect(await pgAnswer(attempt)).toEqual({ refused: message });
          // And it is this trigger that refuses: without it, the write is not refused with its message.
          expect(await pgAnswer(attempt, { without: name })).not.toEqual({ refused: message });
        });
      }
      for (const attempt of guard.allows) {
        it(`allows ${attempt.what}`, async () => {
          const done: Outcome = attempt.after ? { ok: true, rows: attempt.after[1] } : { ok: true };
          expect(sqliteAnswer(attempt)).toEqual(done);
          expect(await pgAnswer(attempt)).toEqual(done);
        });
      }
    });
  }
});

describe('where several guards would refuse one write, PostgreSQL answers as SQLite does', () => {
  for (const { table, ids, setup, snapshot, changes } of COMBINATIONS) {
    it(`on ${table}: every update of one to three changes`, async () => {
      const attempts = ids.flatMap((id) => combinations(changes).map((set) => ({ sql: `UPDATE ${table} SET ${set.join(', ')} WHERE id = ${id}`, after: [snapshot(id), []] as [string, Row[]] })));
      const fromSqlite = onSqlite(setup, attempts);
      const fromPg = await onPg(setup, attempts);
      const differences = attempts.flatMap((a, i) => {
        // Errors other than the guards' (a foreign key, say) are worded differently by the two.
        const same = 'failed' in fromSqlite[i] ? 'failed' in fromPg[i] : JSON.stringify(fromPg[i]) === JSON.stringify(fromSqlite[i]);
        return same ? [] : [`${a.sql}\n  SQLite: ${JSON.stringify(fromSqlite[i])}\n  PostgreSQL: ${JSON.stringify(fromPg[i])}`];
      });
      expect(differences).toEqual([]);
      // The writes reach every guard on the table that fires on an UPDATE, and some go through.
      const refusals = new Set(fromSqlite.flatMap((o) => ('refused' in o ? [o.refused] : [])));
      const guards = [...sqliteTriggers.values()].filter((t) => t.table === table && t.event === 'UPDATE' && t.message);
      for (const g of guards) expect([...refusals], `no write on ${table} was refused by ${g.name}`).toContain(g.message);
      expect(fromSqlite.some((o) => 'ok' in o)).toBe(true);
    }, 120_000);
  }
});

describe('known differences', () => {
  it('a revoked token’s revoked time named unchanged, with a frozen column: both refuse, with different messages', async () => {
    // SQLite fires api_tokens_revoked_stays because revoked_at is a target of the UPDATE; a
    // PostgreSQL trigger cannot see an UPDATE's targets, only the values, which did not change, so
    // api_tokens_frozen does not stand aside.
    const attempt = w('a revoked token renamed, naming its revoked time', "UPDATE api_tokens SET name = 'Renamed', revoked_at = revoked_at WHERE id = 2");
    expect(sqliteAnswer(attempt)).toEqual({ refused: 'a revoked token stays revoked' });
    expect(await pgAnswer(attempt)).toEqual({ refused: 'a token is revoked and replaced, never changed' });
  });
});

describe('article_search (0002): derived data, outside the guards', () => {
  it('is replaced freely, and finds an article by its words in any case', async () => {
    const words = async (q: string) =>
      (await store.db.$client.query<{ article_id: number }>("SELECT article_id FROM article_search WHERE tsv @@ plainto_tsquery('simple', $1) ORDER BY article_id", [q])).rows.map((r) => r.article_id);
    await store.db.$client.query("INSERT INTO article_search (article_id, body) VALUES (2, 'Harbour Party loses seats They lost 695 seats. harbour party Eda Editor')");
    expect(await words('HARBOUR seats')).toEqual([2]);
    await store.db.$client.query('DELETE FROM article_search WHERE article_id = 2');
    await store.db.$client.query("INSERT INTO article_search (article_id, body) VALUES (2, 'They lost 842 seats.')");
    expect(await words('harbour')).toEqual([]);
    expect(await words('842')).toEqual([2]);
    await store.db.$client.query('DELETE FROM article_search');
  });

  it('keeps one row per article that exists, its words made by the database, with a GIN index', async () => {
    await expect(store.db.$client.query("INSERT INTO article_search (article_id, body) VALUES (99, 'No such article.')")).rejects.toThrow(/foreign key/);
    await expect(store.db.$client.query("INSERT INTO article_search (article_id, body, tsv) VALUES (1, 'x', to_tsvector('simple', 'y'))")).rejects.toThrow(/non-DEFAULT value into column "tsv"/);
    const { rows } = await store.db.$client.query<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE tablename = 'article_search'");
    expect(rows.map((r) => r.indexdef)).toEqual(expect.arrayContaining([expect.stringMatching(/USING gin \(tsv\)/)]));
  });
});
