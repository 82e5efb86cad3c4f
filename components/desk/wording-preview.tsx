'use client';
// The live preview beside a correction's draft: its notice under the article and its column item,
// composed by the same lib/wording functions the server uses when it publishes and prints them.
import { columnItemWording, noticeText } from '@/lib/wording';
import type { CorrectionKind, CorrectionMode, NewsroomSettings } from '@/lib/types';
import { CORRECTION_KINDS } from '@/lib/types';

/** What the server knows and the draft does not: the article, the claims' words, the house style. */
export interface PreviewContext {
  article: { headline: string; section: string; firstPublishedAt: string };
  claims: { exact: string; prefix: string }[];
  settings: NewsroomSettings;
  /** "Now", from the server, so the server's render and the browser's agree. */
  now: string;
}

export interface DraftValues {
  kind: string;
  mode: string;
  wording: string;
  said: string;
  about: string;
  replacements: string[];
}

export function WordingPreview({ context, values }: { context: PreviewContext; values: DraftValues }) {
  const kind: CorrectionKind = (CORRECTION_KINDS as readonly string[]).includes(values.kind) ? (values.kind as CorrectionKind) : 'correction';
  const mode: CorrectionMode = values.mode === 'amend' ? 'amend' : 'notice';
  const now = new Date(context.now);
  const notice = values.wording.trim() || values.said.trim() ? noticeText({ kind, mode, said: values.said, wording: values.wording, publishedAt: now, amendedAt: mode === 'amend' ? now : undefined }, context.settings) : '';
  const item = columnItemWording(
    {
      kind,
      said: values.said,
      wording: values.wording,
      claims: context.claims.map((c, i) => ({ ...c, replacement: mode === 'amend' ? values.replacements[i] || undefined : undefined })),
      article: { headline: context.article.headline, section: context.article.section, firstPublishedAt: new Date(context.article.firstPublishedAt), about: values.about.trim() || undefined },
    },
    context.settings,
  );
  return (
    <section className="wording-preview" aria-labelledby="wording-preview-heading" aria-live="polite">
      <h2 id="wording-preview-heading">What readers will read</h2>
      <p className="meta">Under the article, once published:</p>
      <p data-testid="notice-preview">{notice ? `• ${notice}` : <em>Write what is right to see the notice.</em>}</p>
      <p className="meta">In the {context.settings.columnName} column:</p>
      <p data-testid="column-preview">{item}</p>
    </section>
  );
}
