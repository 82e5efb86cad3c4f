// An article's notices as a CMS shows them on its own page (the embed): built from exactly what the
// reader article page shows (its notices, worded by lib/wording, and its marks), never from the
// record itself, so the embed can say nothing the article page does not. docs/embeds.md is the contract.
import { createAnchor } from '../anchoring';
import { claimId, type Notice } from '../article-view';
import type { ClaimMark } from '../markdown';
import { toPlainText } from '../markdown';
import { CORRECTION_KIND_LABELS, type CorrectionKind, type NewsroomSettings } from '../types';
import { formatShortDate } from '../wording';

/** The heading over the notices: the reader article page's own. */
export const NOTICES_TITLE = 'Corrections and clarifications';
/** The reader article page's banner on a withdrawn article (app/articles/[slug]/page.tsx). */
export const WITHDRAWN_LEAD = 'This article has been withdrawn.';
const NOTICE_LINK_LABEL = 'See this notice in the article’s public record';

/** Words of a claim as they stand in the text readers see now, for the host page's marks. */
export interface EmbedClaim {
  /** The mark's element id on the host page: "errata-claim-12", "errata-claim-12-2". */
  id: string;
  exact: string;
  prefix: string;
  suffix: string;
  /** The mark's title, as on the article page ("Corrected: see the note below"). */
  label: string;
}

export interface EmbedNotice {
  /** The correction's id; the notice is "errata-notice-{id}" on the host page. */
  id: number;
  kind: CorrectionKind;
  kindLabel: string;
  withdrawn: boolean;
  /** When the correction was published (ISO 8601). */
  date: string;
  /** The same date as readers read it, in the newsroom's zone and style. */
  dateLabel: string;
  /** The notice, word for word as under the article. */
  text: string;
  /** The notice on Errata's article page. */
  url: string;
  claims: EmbedClaim[];
}

/** The JSON the embed answers (and the fragment is rendered from). */
export interface EmbedNotices {
  lang: string;
  title: string;
  article: {
    externalId: string;
    url: string;
    headline: string;
    status: 'published' | 'withdrawn';
    withdrawn: { date: string | null; dateLabel: string | null; text: string } | null;
    history: { url: string; label: string };
  };
  noticeLinkLabel: string;
  notices: EmbedNotice[];
}

/** What the reader article page has in hand (db/queries/article-page.ts's ArticlePage), structurally. */
export interface EmbedSource {
  article: { slug: string; externalId: string | null; status: string; withdrawnAt: Date | null; withdrawnReason: string | null };
  /** The current version readers see. */
  version: { number: number; headline: string; body: string };
  notices: Notice[];
  marks: ClaimMark[];
  /** The public corrections, through the public view (a claim on a withheld version is flagged). */
  corrections: { id: number; kind: CorrectionKind; publishedAt: Date | null; claims: { withheld: boolean }[] }[];
  settings: NewsroomSettings;
}

function historyLabel(versions: number): string {
  // The article page's own link text.
  return `Version history (${versions} ${versions === 1 ? 'version' : 'versions'})`;
}

/**
 * The embed's view of one article. Claims are the article page's marks on the current version,
 * quoted from that version's text: a claim on a withheld version is never one (its words are not
 * readers'), and an amended claim is quoted as the words that replaced it, as the page marks it.
 */
export function embedNotices(source: EmbedSource): EmbedNotices | null {
  const { article, version, settings } = source;
  if (!article.externalId) return null;
  const base = `${settings.siteUrl}/articles/${article.slug}`;
  const text = toPlainText(version.body);
  const marks = new Map(source.marks.map((m) => [m.id, m]));
  const byId = new Map(source.corrections.map((c) => [c.id, c]));
  const withdrawn = article.status === 'withdrawn';

  const notices = source.notices.flatMap((notice): EmbedNotice[] => {
    const correction = byId.get(notice.correctionId);
    if (!correction?.publishedAt) return [];
    const claims = correction.claims.flatMap((claim, index): EmbedClaim[] => {
      const mark = marks.get(claimId(correction.id, index));
      if (claim.withheld || !mark || mark.end <= mark.start || mark.end > text.length) return [];
      const { quote } = createAnchor(text, mark.start, mark.end);
      return [{ id: `errata-${mark.id}`, ...quote, label: mark.label ?? '' }];
    });
    return [
      {
        id: correction.id,
        kind: correction.kind,
        kindLabel: CORRECTION_KIND_LABELS[correction.kind],
        withdrawn: notice.withdrawn,
        date: correction.publishedAt.toISOString(),
        dateLabel: formatShortDate(correction.publishedAt, settings),
        text: notice.text,
        url: `${base}#${notice.id}`,
        claims,
      },
    ];
  });

  return {
    lang: settings.locale,
    title: NOTICES_TITLE,
    article: {
      externalId: article.externalId,
      url: base,
      headline: version.headline,
      status: withdrawn ? 'withdrawn' : 'published',
      withdrawn: withdrawn
        ? {
            date: article.withdrawnAt?.toISOString() ?? null,
            dateLabel: article.withdrawnAt ? formatShortDate(article.withdrawnAt, settings) : null,
            text: [WITHDRAWN_LEAD, article.withdrawnReason ?? ''].join(' ').trim(),
          }
        : null,
      history: { url: `${base}/history`, label: historyLabel(version.number) },
    },
    noticeLinkLabel: NOTICE_LINK_LABEL,
    notices,
  };
}

/** The host page's class for a notice of this kind: "errata-notice--editors-note". */
export function kindModifier(kind: CorrectionKind): string {
  return `errata-notice--${kind.replace(/_/g, '-')}`;
}
