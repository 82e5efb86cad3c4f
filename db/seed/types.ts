// The shape of the demo newsroom's content: plain data, seeded into an empty database.
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
  withdrawnReason?: string;
  draftedBy: string;
  publishedBy?: string;
}

export interface DemoArticle {
  slug: string;
  section: string;
  byline: string;
  status: 'draft' | 'published' | 'withdrawn';
  /** ISO 8601 time of first publication. */
  firstPublishedAt: string;
  versions: DemoVersion[];
  corrections: DemoCorrection[];
}

export interface DemoNewsroom {
  settings: Omit<NewsroomSettings, 'siteUrl'>;
  users: DemoUser[];
  articles: DemoArticle[];
}
