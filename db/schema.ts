// Errata's tables. Versions, published corrections and audit events are append-only:
// triggers in the migrations make the database itself refuse to rewrite them.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ARTICLE_STATUSES,
  CHANGE_KINDS,
  CORRECTION_KINDS,
  CORRECTION_MODES,
  CORRECTION_STATUSES,
  ROLES,
  WEBHOOK_EVENTS,
} from '../lib/types';
import { CASE_CHANNELS, CASE_ROUTES, CASE_STATUSES } from '../lib/standards/config';

const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  passwordHash: text('password_hash').notNull(),
  disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
  createdAt: createdAt(),
});
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/** One row (id = 1): the names and conventions the admin can change. */
export const settings = sqliteTable('settings', {
  id: integer('id').primaryKey(),
  publication: text('publication').notNull(),
  columnName: text('column_name').notNull(),
  contactLine: text('contact_line').notNull(),
  timeZone: text('time_zone').notNull(),
  locale: text('locale').notNull(),
  /** The public address when the admin has set one; null means ERRATA_SITE_URL (or localhost). */
  siteUrl: text('site_url'),
  readersEditorEmail: text('readers_editor_email'),
});
export type SettingsRow = typeof settings.$inferSelect;

export const articles = sqliteTable(
  'articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    slug: text('slug').notNull().unique(),
    section: text('section').notNull(),
    byline: text('byline').notNull(),
    status: text('status', { enum: ARTICLE_STATUSES }).notNull().default('draft'),
    firstPublishedAt: integer('first_published_at', { mode: 'timestamp_ms' }),
    /** Versions before this number were desk drafts, never shown to readers. */
    firstPublicVersion: integer('first_public_version'),
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
    withdrawnReason: text('withdrawn_reason'),
    /**
     * The article_status_events row that made the current status: a trigger refuses any status
     * change that does not point at a new event recording exactly that change.
     */
    statusEventId: integer('status_event_id'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    /** The CMS's own id for the article, when it came through the API or an import (set once). */
    externalId: text('external_id'),
    /** The article's address on the CMS's site, as the CMS last sent it. */
    canonicalUrl: text('canonical_url'),
  },
  (t) => [
    uniqueIndex('articles_external_id_idx').on(t.externalId),
    index('articles_section_idx').on(t.section, t.firstPublishedAt),
    // The desk's filtered lists walk these newest first (keyset on id).
    index('articles_status_id_idx').on(t.status, t.id),
    index('articles_section_id_idx').on(t.section, t.id),
    index('articles_byline_id_idx').on(t.byline, t.id),
    index('articles_status_published_idx').on(t.status, t.firstPublishedAt),
  ],
);
export type Article = typeof articles.$inferSelect;

/** Append-only: every change of an article's status (publish, withdraw, restore), who made it, when and why. */
export const articleStatusEvents = sqliteTable(
  'article_status_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    fromStatus: text('from_status', { enum: ARTICLE_STATUSES }).notNull(),
    toStatus: text('to_status', { enum: ARTICLE_STATUSES }).notNull(),
    /** Public: the reason readers see for a withdrawal or a restoration. */
    reason: text('reason'),
    actorId: integer('actor_id').references(() => users.id),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('article_status_events_article_idx').on(t.articleId, t.id)],
);
export type ArticleStatusEvent = typeof articleStatusEvents.$inferSelect;

export const versions = sqliteTable(
  'versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    number: integer('number').notNull(),
    headline: text('headline').notNull(),
    standfirst: text('standfirst').notNull(),
    body: text('body').notNull(),
    changeKind: text('change_kind', { enum: CHANGE_KINDS }).notNull(),
    note: text('note').notNull().default(''),
    savedBy: integer('saved_by').references(() => users.id),
    savedAt: integer('saved_at', { mode: 'timestamp_ms' }).notNull(),
    /** SHA-256 of this version's content, behind its salt (see lib/history/hash). */
    contentHash: text('content_hash').notNull(),
    /** The secret mixed into the content hash; null on versions saved before salts came in. */
    salt: text('salt'),
    /** The previous version's `hash`, or '' for version 1. */
    prevHash: text('prev_hash').notNull(),
    /** SHA-256 over the previous hash and this version's content hash and metadata. */
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('versions_article_number_idx').on(t.articleId, t.number),
    index('versions_change_kind_saved_idx').on(t.changeKind, t.savedAt),
    // Covering for the desk's "changed since" count: the range gives the article ids without reading rows.
    index('versions_saved_article_idx').on(t.savedAt, t.articleId),
  ],
);
export type Version = typeof versions.$inferSelect;

/**
 * Each version's plain text (lib/markdown's toPlainText of its body), stored when the version is
 * saved: the text its claims' offsets point into, so following a claim through fifty versions
 * does not parse fifty bodies. Derived from the version, written once, never changed (triggers).
 */
export const versionTexts = sqliteTable('version_texts', {
  versionId: integer('version_id')
    .primaryKey()
    .references(() => versions.id),
  plain: text('plain').notNull(),
});

/** A legal version withholds the text of earlier versions from everyone outside the desk. */
export const withholdings = sqliteTable(
  'withholdings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    versionId: integer('version_id')
      .notNull()
      .references(() => versions.id),
    legalVersionId: integer('legal_version_id')
      .notNull()
      .references(() => versions.id),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('withholdings_version_idx').on(t.versionId)],
);
export type Withholding = typeof withholdings.$inferSelect;

export const corrections = sqliteTable(
  'corrections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    kind: text('kind', { enum: CORRECTION_KINDS }).notNull(),
    mode: text('mode', { enum: CORRECTION_MODES }).notNull(),
    /** The public wording: what is right. */
    wording: text('wording').notNull(),
    /**
     * What the article said, in the newsroom's words (a paraphrase of the claims), when the desk gave
     * it: the notice and the column item are composed from it (lib/wording). Null on corrections
     * drafted before it was kept, whose wording stands alone.
     */
    said: text('said'),
    /** "the local elections": the column names the article "An article about …" instead of its headline. */
    about: text('about'),
    status: text('status', { enum: CORRECTION_STATUSES }).notNull().default('draft'),
    /** The version the draft's claims were anchored against. */
    baseVersionId: integer('base_version_id')
      .notNull()
      .references(() => versions.id),
    /**
     * The version that carried the correction out: the one publishing made (amend mode), or a later
     * edit tied to a published correction ("this edit carries out correction N"). Set once, never
     * changed (triggers).
     */
    amendedVersionId: integer('amended_version_id').references(() => versions.id),
    draftedBy: integer('drafted_by').references(() => users.id),
    draftedAt: integer('drafted_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
    publishedBy: integer('published_by').references(() => users.id),
    publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
    withdrawnBy: integer('withdrawn_by').references(() => users.id),
    withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
    withdrawnReason: text('withdrawn_reason'),
    /** Bumped on every edit of the draft: publishing names the revision the publisher read. */
    revision: integer('revision').notNull().default(1),
    /** The error taxonomy (lib/standards/config.ts): set while drafting, required to publish, frozen after. */
    errorType: text('error_type'),
    errorCause: text('error_cause'),
    foundBy: text('found_by'),
    /**
     * When the wrong words were first public (lib/standards/exposure.ts), worked out when the
     * correction is published; null before, or when no public version carried them.
     */
    exposedFrom: integer('exposed_from', { mode: 'timestamp_ms' }),
    /**
     * The article's section and byline when the correction was published, kept with it (frozen,
     * like the taxonomy): the standards figures count a correction where it was published, so a
     * statement does not change when an article moves section later, and they need no join.
     */
    publishedSection: text('published_section'),
    publishedByline: text('published_byline'),
  },
  (t) => [
    index('corrections_article_idx').on(t.articleId),
    index('corrections_published_idx').on(t.status, t.publishedAt),
    index('corrections_article_status_idx').on(t.articleId, t.status),
    index('corrections_status_id_idx').on(t.status, t.id),
    index('corrections_kind_id_idx').on(t.kind, t.id),
    index('corrections_drafted_by_idx').on(t.draftedBy, t.id),
    index('corrections_published_at_idx').on(t.publishedAt),
    // Foreign keys' child side, so a check from the parent is a probe, not a scan.
    index('corrections_base_version_idx').on(t.baseVersionId),
    index('corrections_amended_version_idx').on(t.amendedVersionId),
    index('corrections_status_published_kind_idx').on(t.status, t.publishedAt, t.kind),
    // Everything the standards figures read of a correction, so a year's figures are one walk along
    // this index and never a probe of the table per correction (db/queries/standards.ts).
    index('corrections_standards_facts_idx').on(t.status, t.publishedAt, t.kind, t.publishedSection, t.publishedByline, t.errorType, t.errorCause, t.foundBy, t.exposedFrom, t.amendedVersionId),
    // The counts by section, kind and taxonomy over a long range: walked in the groups' own order,
    // so the database counts without sorting tens of thousands of rows; and the sections
    // corrections were published under, one probe each.
    index('corrections_standards_groups_idx').on(t.status, t.publishedSection, t.kind, t.errorType, t.errorCause, t.foundBy, t.publishedAt),
  ],
);
export type Correction = typeof corrections.$inferSelect;

/** A span of one version's plain text that a correction is about. */
export const claims = sqliteTable(
  'claims',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    correctionId: integer('correction_id')
      .notNull()
      .references(() => corrections.id),
    versionId: integer('version_id')
      .notNull()
      .references(() => versions.id),
    exact: text('exact').notNull(),
    prefix: text('prefix').notNull(),
    suffix: text('suffix').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    replacement: text('replacement'),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('claims_correction_idx').on(t.correctionId), index('claims_version_idx').on(t.versionId)],
);
export type Claim = typeof claims.$inferSelect;

/** One edition of the "For the Record" column. */
export const columns = sqliteTable('columns', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The edition's date in the newsroom's time zone, YYYY-MM-DD. */
  date: text('date').notNull().unique(),
  intro: text('intro').notNull().default(''),
  footer: text('footer').notNull().default(''),
  status: text('status', { enum: ['draft', 'published'] })
    .notNull()
    .default('draft'),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: createdAt(),
  publishedBy: integer('published_by').references(() => users.id),
  publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
});
export type Column = typeof columns.$inferSelect;

export const columnItems = sqliteTable(
  'column_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    columnId: integer('column_id')
      .notNull()
      .references(() => columns.id),
    // Unique: a correction is printed in one edition only.
    correctionId: integer('correction_id')
      .notNull()
      .references(() => corrections.id)
      .unique(),
    position: integer('position').notNull(),
    wording: text('wording').notNull(),
    /**
     * The versions whose words the generated wording quotes (its headline, its claims), as a JSON
     * array of version ids; null on items generated before this was kept. Read-time withholding uses it.
     */
    cites: text('cites'),
  },
  (t) => [index('column_items_column_idx').on(t.columnId, t.position)],
);
export type ColumnItem = typeof columnItems.$inferSelect;

export const reports = sqliteTable(
  'reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The public reference number shown to the reader. */
    reference: text('reference').notNull().unique(),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    versionId: integer('version_id')
      .notNull()
      .references(() => versions.id),
    exact: text('exact').notNull(),
    prefix: text('prefix').notNull(),
    suffix: text('suffix').notNull(),
    start: integer('start'),
    end: integer('end'),
    message: text('message').notNull(),
    email: text('email'),
    status: text('status', { enum: ['new', 'accepted', 'declined'] })
      .notNull()
      .default('new'),
    correctionId: integer('correction_id').references(() => corrections.id),
    declineReason: text('decline_reason'),
    handledBy: integer('handled_by').references(() => users.id),
    handledAt: integer('handled_at', { mode: 'timestamp_ms' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('reports_status_idx').on(t.status, t.createdAt),
    index('reports_status_id_idx').on(t.status, t.id),
    index('reports_article_idx').on(t.articleId, t.id),
    index('reports_version_idx').on(t.versionId),
    index('reports_correction_idx').on(t.correctionId),
  ],
);
export type Report = typeof reports.$inferSelect;

/** Append-only: who did what to which thing, when, with before and after. */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: createdAt(),
    actorId: integer('actor_id').references(() => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: text('before'),
    after: text('after'),
    ip: text('ip'),
  },
  (t) => [index('audit_events_entity_idx').on(t.entityType, t.entityId), index('audit_events_action_idx').on(t.action, t.at), index('audit_events_actor_idx').on(t.actorId, t.id)],
);
export type AuditEvent = typeof auditEvents.$inferSelect;

/** Attempts counted for throttling (sign-ins, reader reports); old rows are pruned. */
export const throttleEvents = sqliteTable(
  'throttle_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('throttle_events_key_idx').on(t.bucket, t.key, t.at)],
);

/**
 * Browsers that have signed in to an account (OWASP "device cookies"): the cookie holds a random
 * token, we keep only its SHA-256. A known browser is exempt from the account's lockout, so an
 * attacker guessing passwords cannot lock the owner out of their own browser.
 */
export const knownDevices = sqliteTable(
  'known_devices',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('known_devices_user_idx').on(t.userId, t.createdAt)],
);
export type KnownDevice = typeof knownDevices.$inferSelect;

/**
 * Addresses (IPv6 by /64) an account has signed in from: the owner's usual address is limited on
 * its own too, so that strangers' failures, even enough to trip the global limit, never lock the
 * owner out of signing in from where they usually do, in a new browser.
 */
export const knownAddresses = sqliteTable(
  'known_addresses',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    address: text('address').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.address] })],
);

/**
 * One row: the id of the newest audit event that changed the public record. Moved by a trigger on
 * audit_events that skips anonymous traffic (sign-ins, reader reports), so that traffic cannot keep
 * the reader caches cold.
 */
export const recordStamp = sqliteTable('record_stamp', {
  id: integer('id').primaryKey(),
  stamp: integer('stamp').notNull(),
});

/**
 * One row per sign-in. The session cookie carries the row's id; every request checks that the row
 * is live (not ended, not idle too long, not too old). Sign-out ends it; a trigger ends every
 * session of an account whose password, role or disabled state changes.
 */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
    endedAt: integer('ended_at', { mode: 'timestamp_ms' }),
    endReason: text('end_reason'),
  },
  (t) => [index('sessions_user_idx').on(t.userId, t.endedAt)],
);
export type Session = typeof sessions.$inferSelect;

/**
 * Purges sent to the HTTP cache in front of the app (nginx, Varnish, a CDN): which tags, through
 * which purger, how it went. Not the record: only the newest rows are kept (db/queries/purge-log.ts).
 */
export const purgeLog = sqliteTable('purge_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: createdAt(),
  actorId: integer('actor_id').references(() => users.id),
  /** Space-separated cache tags (TAGS.md). */
  tags: text('tags').notNull(),
  purger: text('purger').notNull(),
  status: text('status', { enum: ['pending', 'done', 'failed'] }).notNull(),
  attempts: integer('attempts').notNull().default(0),
  error: text('error'),
  finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
});
export type PurgeLogEntry = typeof purgeLog.$inferSelect;

/** One row (id = 1): the standards desk's lists and clocks as JSON (lib/standards/config.ts), set by an admin. */
export const standardsSettings = sqliteTable('standards_settings', {
  id: integer('id').primaryKey(),
  config: text('config').notNull(),
});

/**
 * A complaint: every reader report opens one, and staff log those that come by email, phone,
 * letter or from a regulator. The complainant's contact is for the desk only, never public. A case
 * is never deleted; once closed with an outcome it is never changed (triggers).
 */
export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The reference quoted to the complainant (C-…). */
    reference: text('reference').notNull().unique(),
    channel: text('channel', { enum: CASE_CHANNELS }).notNull(),
    route: text('route', { enum: CASE_ROUTES }).notNull(),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('open'),
    complainantName: text('complainant_name').notNull().default(''),
    /** An email address, a phone number or a postal address; optional, never shown to readers. */
    complainantContact: text('complainant_contact'),
    summary: text('summary').notNull(),
    ownerId: integer('owner_id').references(() => users.id),
    /** The reader report that opened the case, if one did. */
    reportId: integer('report_id')
      .references(() => reports.id)
      .unique(),
    /** The correction the case led to. */
    correctionId: integer('correction_id').references(() => corrections.id),
    receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull(),
    acknowledgedAt: integer('acknowledged_at', { mode: 'timestamp_ms' }),
    /** Received plus the route's days (lib/standards/clock.ts), set when the route is. */
    dueAt: integer('due_at', { mode: 'timestamp_ms' }).notNull(),
    closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
    /** The desk's one-line record of how it was closed. */
    outcomeNote: text('outcome_note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    index('cases_status_due_idx').on(t.status, t.dueAt),
    index('cases_owner_status_idx').on(t.ownerId, t.status, t.dueAt),
    index('cases_received_idx').on(t.receivedAt),
    // What the standards figures count of a case in a range, read off the index alone.
    index('cases_standards_facts_idx').on(t.receivedAt, t.status, t.route, t.acknowledgedAt, t.closedAt),
    index('cases_correction_idx').on(t.correctionId),
    // Each correction's first complaint for the standards figures, read off the index alone.
    index('cases_correction_received_idx').on(t.correctionId, t.receivedAt),
    index('cases_status_id_idx').on(t.status, t.id),
  ],
);
export type Case = typeof cases.$inferSelect;

/** The articles (and the words in them, when given) a case is about. */
export const caseArticles = sqliteTable(
  'case_articles',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    /** The words complained about, as the complainant or the desk gave them. */
    quote: text('quote'),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.articleId] }), index('case_articles_article_idx').on(t.articleId)],
);

/** The code clauses a case is complained under (codes from the configured list). */
export const caseClauses = sqliteTable(
  'case_clauses',
  {
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    clause: text('clause').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.clause] }), index('case_clauses_clause_idx').on(t.clause)],
);

/** Append-only: the desk's notes on a case. */
export const caseNotes = sqliteTable(
  'case_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    authorId: integer('author_id').references(() => users.id),
    body: text('body').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.id)],
);
export type CaseNote = typeof caseNotes.$inferSelect;

/**
 * A credential a CMS uses for /api/v1. Only the SHA-256 of the secret is kept (it is shown once);
 * each token acts through its own desk account (actor_id), whose role the scopes decide, so the
 * API goes through the same role table and audit as the desk. Revoked, never deleted.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    /** The secret's first characters, to tell tokens apart on the desk ("errata_3fQ9…"). */
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** Space-separated scopes (lib/types API_SCOPES). */
    scopes: text('scopes').notNull(),
    /** Calls allowed per minute. */
    ratePerMinute: integer('rate_per_minute').notNull(),
    actorId: integer('actor_id')
      .notNull()
      .references(() => users.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    lastUsedAt: integer('last_used_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
    revokedBy: integer('revoked_by').references(() => users.id),
  },
  (t) => [index('api_tokens_actor_idx').on(t.actorId)],
);
export type ApiToken = typeof apiTokens.$inferSelect;

/** Where to send which events, signed with the subscription's secret (Standard Webhooks). Disabled, never deleted. */
export const webhookSubscriptions = sqliteTable('webhook_subscriptions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  url: text('url').notNull(),
  /** Space-separated events (lib/types WEBHOOK_EVENTS). */
  events: text('events').notNull(),
  /** "whsec_" + base64: the signing secret, shown to the admin when the subscription is made. */
  secret: text('secret').notNull(),
  description: text('description').notNull().default(''),
  createdBy: integer('created_by').references(() => users.id),
  createdAt: createdAt(),
  disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
  disabledBy: integer('disabled_by').references(() => users.id),
});
export type WebhookSubscription = typeof webhookSubscriptions.$inferSelect;

/**
 * The durable outbox: one row per event and subscription, written in the transaction that made
 * the change. Its message id and payload never change (triggers); the delivery worker sets only
 * the attempt fields, and retries send the same webhook-id.
 */
export const webhookOutbox = sqliteTable(
  'webhook_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The webhook-id header: the same on every attempt, so a receiver can drop a repeat. */
    messageId: text('message_id').notNull().unique(),
    subscriptionId: integer('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id),
    event: text('event', { enum: WEBHOOK_EVENTS }).notNull(),
    /** The JSON body, exactly as signed and sent. */
    payload: text('payload').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    createdAt: createdAt(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
    /** A worker's claim on the row until then, so two workers never send it at once. */
    lockedUntil: integer('locked_until', { mode: 'timestamp_ms' }),
    deliveredAt: integer('delivered_at', { mode: 'timestamp_ms' }),
    /** Set when the retries ran out. */
    failedAt: integer('failed_at', { mode: 'timestamp_ms' }),
    lastError: text('last_error'),
  },
  (t) => [
    index('webhook_outbox_due_idx').on(t.deliveredAt, t.failedAt, t.nextAttemptAt),
    index('webhook_outbox_entity_idx').on(t.entityType, t.entityId, t.id),
    index('webhook_outbox_subscription_idx').on(t.subscriptionId, t.id),
  ],
);
export type WebhookOutboxRow = typeof webhookOutbox.$inferSelect;

/** Append-only: every attempt to deliver an outbox row, what the receiver answered and how long it took. */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    outboxId: integer('outbox_id')
      .notNull()
      .references(() => webhookOutbox.id),
    attempt: integer('attempt').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    /** The receiver's HTTP status; null when no answer came (refused, timed out). */
    status: integer('status'),
    ok: integer('ok', { mode: 'boolean' }).notNull(),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('webhook_deliveries_outbox_idx').on(t.outboxId, t.id)],
);
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;

/**
 * The stealth-edit check on versions that arrived from a CMS: a version whose facts changed with
 * no correction is saved (the CMS has already published it) and flagged here for the desk, until
 * someone resolves the flag with a correction or a reason.
 */
export const versionFlags = sqliteTable(
  'version_flags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    versionId: integer('version_id')
      .notNull()
      .unique()
      .references(() => versions.id),
    articleId: integer('article_id')
      .notNull()
      .references(() => articles.id),
    /** JSON: the substantive changes (lib/stealth-edit) found. */
    changes: text('changes').notNull(),
    createdAt: createdAt(),
    resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
    resolvedBy: integer('resolved_by').references(() => users.id),
    /** Why it was resolved: the correction that covers it, or the reason it stands. */
    resolution: text('resolution'),
    correctionId: integer('correction_id').references(() => corrections.id),
  },
  (t) => [index('version_flags_open_idx').on(t.resolvedAt, t.id), index('version_flags_article_idx').on(t.articleId, t.id)],
);
export type VersionFlag = typeof versionFlags.$inferSelect;

/**
 * The tags each write expired, for the other app servers on the same database: each polls the rows
 * after the last it saw and expires the same tags in its own caches and the HTTP cache in front
 * (scripts/support/shared-invalidations.mjs). Derived, not the record: only the newest rows are kept.
 */
export const cacheInvalidations = sqliteTable('cache_invalidations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Space-separated cache tags (lib/cache/tags.ts). */
  tags: text('tags').notNull(),
  /** The app server that made the write (it has expired its own caches already). */
  origin: text('origin').notNull(),
  createdAt: createdAt(),
});
