import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireDeskPage } from '@/app/(auth)/access';
import { CorrectionForm } from '@/components/desk/correction-form';
import { getStandardsConfig } from '@/db/queries/cases';
import { getDeskArticle } from '@/db/queries/desk';
import { getSettings } from '@/db/queries/settings';
import { anchorQuote, createAnchor } from '@/lib/anchoring';
import { toPlainText } from '@/lib/markdown';
import { createCorrectionAction } from '../../../../corrections/actions';
import { parseRecordId } from '@/lib/ids';

export const metadata = { title: 'New correction' };

type SearchParams = Promise<{ v?: string; claim?: string | string[]; quote?: string | string[] }>;

const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/** Trims the span to the words: a selection often catches a space either side. */
function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

async function taxonomyOptions() {
  const { errorTypes, errorCauses, foundBy } = await getStandardsConfig();
  return { errorTypes, errorCauses, foundBy };
}

export default async function NewCorrectionPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { id } = await params;
  await requireDeskPage('correction.draft', `/desk/articles/${id}`);
  const deskArticleId = parseRecordId(id);
  const desk = deskArticleId === null ? undefined : await getDeskArticle({ id: deskArticleId });
  if (!desk) notFound();
  const query = await searchParams;
  const version = desk.versions.find((v) => String(v.number) === query.v) ?? desk.latest;
  const text = toPlainText(version.body);
  const problems: string[] = [];
  const claims: { start: number; end: number; exact: string }[] = [];
  for (const raw of list(query.claim).slice(0, 20)) {
    const m = /^(\d{1,7})-(\d{1,7})$/.exec(raw);
    const [start, end] = m ? trimSpan(text, Number(m[1]), Number(m[2])) : [0, 0];
    if (!m || end <= start || end > text.length) problems.push('A selection did not match the text; select the words again.');
    else claims.push({ start, end, exact: text.slice(start, end) });
  }
  for (const quote of list(query.quote).slice(0, 20)) {
    const result = anchorQuote(text, quote.trim());
    if (result.ok) claims.push({ start: result.anchor.start, end: result.anchor.end, exact: result.anchor.quote.exact });
    else problems.push(result.error === 'ambiguous' ? `“${quote}” appears more than once: type a few more words around it.` : `“${quote}” is not in version ${version.number}'s text.`);
  }
  return (
    <section className="article">
      <h1>New correction</h1>
      <p className="meta">
        On <Link href={`/desk/articles/${desk.article.id}`}>{version.headline}</Link>, version {version.number}.
      </p>
      {problems.map((p) => (
        <p key={p} className="form-error" role="alert">
          {p}
        </p>
      ))}
      <form method="get" className="quote-picker">
        <input type="hidden" name="v" value={version.number} />
        {claims.map((c) => (
          <input key={c.start} type="hidden" name="claim" value={`${c.start}-${c.end}`} />
        ))}
        <label htmlFor="quote">{claims.length ? 'Add another claim: type or paste the exact words' : 'Type or paste the exact words that were wrong'}</label>
        <input id="quote" name="quote" />
        <button type="submit" className="secondary">
          Find the words
        </button>
      </form>
      {claims.length ? (
        <CorrectionForm
          action={createCorrectionAction}
          hidden={{ articleId: String(desk.article.id), versionNumber: String(version.number), claims: JSON.stringify(claims.map(({ start, end }) => ({ start, end }))) }}
          claims={claims.map((c) => c.exact)}
          initial={{ kind: 'correction', mode: 'notice', wording: '' }}
          taxonomy={await taxonomyOptions()}
          submitLabel="Save draft"
          preview={{
            article: { headline: version.headline, section: desk.article.section, firstPublishedAt: (desk.article.firstPublishedAt ?? new Date()).toISOString() },
            claims: claims.map((c) => ({ exact: c.exact, prefix: createAnchor(text, c.start, c.end).quote.prefix })),
            settings: await getSettings(),
            now: new Date().toISOString(),
          }}
        />
      ) : null}
    </section>
  );
}
