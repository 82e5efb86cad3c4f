// The newsroom's vocabulary as types shared by the domain code, the database and the pages.

export const CORRECTION_KINDS = ['correction', 'clarification', 'editors_note', 'update', 'retraction'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export const CORRECTION_KIND_LABELS: Record<CorrectionKind, string> = {
  correction: 'Correction',
  clarification: 'Clarification',
  editors_note: "Editor's note",
  update: 'Update',
  retraction: 'Retraction',
};

/** The kind of change a saved version records. */
export const CHANGE_KINDS = ['first_publication', 'correction', 'clarification', 'update', 'minor_edit', 'legal'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  first_publication: 'First publication',
  correction: 'Correction',
  clarification: 'Clarification',
  update: 'Update',
  minor_edit: 'Minor edit',
  legal: 'Legal',
};

export const CORRECTION_MODES = ['notice', 'amend'] as const;
/** notice: the text stays as published and a note is added; amend: a new version replaces the claim's words. */
export type CorrectionMode = (typeof CORRECTION_MODES)[number];

export const CORRECTION_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

export const ARTICLE_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const ROLES = ['editor', 'standards', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A W3C-style text quote selector: the exact words with some context either side. */
export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Newsroom settings the admin can change; wording and dates read them. */
export interface NewsroomSettings {
  publication: string;
  columnName: string;
  contactLine: string;
  timeZone: string;
  /** BCP 47 locale for dates; 'en-GB' gives "Sunday 15 May 2011". */
  locale: string;
  /** The public address: the admin's setting, else ERRATA_SITE_URL (lib/site-url.ts). */
  siteUrl: string;
  /** Where readers write to the readers' editor; null when the newsroom gives none. */
  readersEditorEmail: string | null;
}

/** What an API token may do (lib/api/scopes.ts maps each to the role table's permissions). */
export const API_SCOPES = ['ingest', 'read', 'corrections:write'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** The changes a webhook subscription can be told about. */
export const WEBHOOK_EVENTS = ['correction.published', 'correction.withdrawn', 'article.amended', 'column.published', 'report.received'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
