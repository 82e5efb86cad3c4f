// The shape of the demo newsroom's content: plain data, seeded into an empty database.
import type { CaseChannel, CaseOutcome, CaseRoute, Taxonomy } from '../../lib/standards/config';
import type { ChangeKind, CorrectionKind, CorrectionMode, NewsroomSettings } from '../../lib/types';

export interface DemoUser {
  email: string;
  name: string;
  role: 'editor' | 'standards' | 'admin';
}

export interface DemoVersion {
  headline: string;
  standfirst: string;
  /** Markdown without raw HTML. */
  body: string;
  changeKind: ChangeKind;
  note: string;
  /** Hours after the article's first publication that this version was saved (0 for version 1). */
  hoursAfterFirst: number;
  /** Email of the DemoUser who saved it. */
  savedBy: string;
}

export interface DemoClaim {
  /** 1-based number of the version whose text the claim quotes. */
  version: number;
  /** The exact wrong words; must occur exactly once in that version's body. */
  exact: string;
  /** Replacement words, for an amend-mode correction. */
  replacement?: string;
}

export interface DemoCorrection {
  kind: CorrectionKind;
  mode: CorrectionMode;
  /** Public wording, e.g. "They actually lost 842 council seats and 11 councils." */
  wording: string;
  claims: DemoClaim[];
  /** For mode 'amend': the 1-based version number whose text applies the replacement(s). */
  amendedInVersion?: number;
  status: 'draft' | 'published' | 'withdrawn';
  /** Hours after the article's first publication; ignored for drafts. */
  publishedHoursAfterFirst?: number;
  /** Hours after the article's first publication it was drafted (default: an hour after its first claim's version). */
  draftedHoursAfterFirst?: number;
  /**
   * The error taxonomy (codes from lib/standards/config.ts's default lists): every published (or
   * withdrawn) correction has all three; a draft may have some or none.
   */
  taxonomy?: { [K in keyof Taxonomy]?: string };
  withdrawnReason?: string;
  draftedBy: string;
  publishedBy?: string;
}

export interface DemoArticle {
  slug: string;
  section: string;
  byline: string;
  /** The CMS's id for it, as if it came through the API: what the embeds (docs/embeds.md) are addressed by. */
  externalId?: string;
  /** Its address on the CMS's site. */
  canonicalUrl?: string;
  status: 'draft' | 'published' | 'withdrawn';
  /** ISO 8601 time of first publication. */
  firstPublishedAt: string;
  versions: DemoVersion[];
  corrections: DemoCorrection[];
}

/** A reader report: what the reader selected and said; the case it opens is the report's. */
export interface DemoReport {
  /** 1-based version the reader was reading; the case's quote must occur once in its plain text. */
  version: number;
  email?: string;
  /** Accepted: the correction (its index among the article's corrections) was drafted from it, when it was drafted. */
  accepted?: { correction: number; by: string };
  /** Declined, with the reason (the case closes as not upheld). */
  declined?: { reason: string; hoursAfter: number; by: string };
}

/** A complaint in the casebook. Times are hours after it was received. */
export interface DemoCase {
  channel: CaseChannel;
  /** The route it is handled under (a reader report opens as direct; another route here is standards' assignment). */
  route: CaseRoute;
  /** ISO 8601 time it was received. */
  receivedAt: string;
  /** The articles it is about (by slug), with the words complained about when given; a reader report is about one, with words. */
  articles: { slug: string; quote?: string }[];
  complainantName?: string;
  /** Email, phone or postal address: desk only. */
  complainantContact?: string;
  /** What the complainant says (a reader report's message). */
  summary: string;
  /** Code clauses (codes from the default list, IPSO 1–16). */
  clauses: string[];
  /** For channel reader_report: the report that opened it. */
  report?: DemoReport;
  /** Who logged it (every channel but reader_report). */
  loggedBy?: string;
  /** Standards' assignment of the route, clauses and owner (a logged case has its owner from the start). */
  assigned?: { owner?: string; by: string; hoursAfter: number };
  acknowledged?: { by: string; hoursAfter: number };
  notes?: { by: string; hoursAfter: number; body: string }[];
  /** Closed with an outcome, naming the correction (index among its first article's corrections) it led to. */
  closed?: { outcome: CaseOutcome; by: string; hoursAfter: number; note: string; correction?: number };
}

export interface DemoNewsroom {
  /** The moment the demo newsroom is set at: everything in it happened before; open cases' clocks are told against it. */
  now: string;
  settings: Omit<NewsroomSettings, 'siteUrl'>;
  users: DemoUser[];
  articles: DemoArticle[];
  cases: DemoCase[];
}
