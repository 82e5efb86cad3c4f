// Renders a comparison of two versions; shared by the dynamic and the cached compare routes.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CompareVersions } from '@/components/compare/compare-versions';
import { readArticleRecord, readDiff } from '@/app/(cache)/reads';
import { noticeId } from '@/lib/article-view';
import type { DiffBlock } from '@/lib/diff';
import { formatDateTime, formatShortDate } from '@/lib/wording';
import '@/components/compare/diff.css';

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

function parseVersion(raw: string | undefined): number | null {
  return raw && /^[1-9][0-9]{0,8}$/.test(raw) ? Number(raw) : null;
}

function blockText(block: DiffBlock): string {
  return block.runs
    .filter((r) => r.op !== 'delete')
    .map((r) => r.text)
    .join('');
}

/** The comparison page for raw parameters; the proxy sends valid ones to the cached route. */
export async function renderCompare({ slug, query }: { slug: string; query: Record<string, string | string[] | undefined> }) {
  const record = await readArticleRecord(slug);
  if (!record) notFound();
  const { article, versions, current, corrections, settings } = record;
  const view = one(query.view) === 'side' ? 'side-by-side' : 'inline';
  const from = parseVersion(one(query.from));
  const to = parseVersion(one(query.to));
  const older = versions.find((v) => v.number === from);
  const newer = versions.find((v) => v.number === to);
  const numbers = versions.filter((v) => !v.withheld).map((v) => v.number);

  let problem: string | null = null;
  if (from === null || to === null) problem = 'Choose two versions to compare, by number.';
  else if (from === to) problem = `Version ${from} is the same version on both sides: choose two different versions.`;
  else if (!older || !newer) problem = `This article has versions ${versions[0].number} to ${current.number}; version ${!older ? from : to} does not exist.`;
  else if (older.withheld || newer.withheld) {
    const held = older.withheld ? older : newer;
    problem = `Version ${held.number} cannot be shown or compared: its text was withheld for legal reasons on ${formatShortDate(held.withheld?.at ?? new Date(), settings)}.`;
  }

  const header = (
    <>
      <p className="kicker">Compare versions</p>
      <h1>
        <Link href={`/articles/${article.slug}`}>{current.headline}</Link>
      </h1>
    </>
  );
  const picker = (
    <form method="get" className="compare-form">
      <label htmlFor="from">Compare version</label>
      <select id="from" name="from" defaultValue={String(older && !older.withheld ? older.number : numbers[Math.max(0, numbers.length - 2)])}>
        {numbers.map((n) => (
          <option key={n}>{n}</option>
        ))}
      </select>
      <label htmlFor="to">with version</label>
      <select id="to" name="to" defaultValue={String(newer && !newer.withheld ? newer.number : current.number)}>
        {numbers.map((n) => (
          <option key={n}>{n}</option>
        ))}
      </select>
      <input type="hidden" name="view" value={view === 'side-by-side' ? 'side' : 'inline'} />
      <button type="submit">Compare</button>
    </form>
  );

  if (problem || !older || !newer) {
    return (
      <section className="article compare">
        {header}
        <p className="banner" role="alert">
          {problem}
        </p>
        {numbers.length > 1 ? picker : <p>This article has only one version readers can see.</p>}
        <p>
          <Link href={`/articles/${article.slug}/history`}>See every version</Link>
        </p>
      </section>
    );
  }

  const [a, b] = older.number < newer.number ? [older, newer] : [newer, older];
  const diff = await readDiff(article.slug, a.number, b.number);
  if (!diff) notFound();
  // A change links to the correction behind it: one that amended a version in this range and whose
  // replacement words are in the changed paragraph.
  const amending = corrections.filter((c) => c.amendedVersion && c.amendedVersion.number > a.number && c.amendedVersion.number <= b.number);
  const links = new Map<number, string>();
  diff.fields.body.forEach((block, index) => {
    if (block.op === 'equal') return;
    const text = blockText(block);
    const c = amending.find((x) => x.claims.some((claim) => claim.replacement && text.includes(claim.replacement)));
    if (c) links.set(index, `/articles/${article.slug}#${noticeId(c.id)}`);
  });
  const base = `/articles/${article.slug}/compare?from=${a.number}&to=${b.number}`;
  return (
    <section className="article compare">
      {header}
      <p className="meta">
        Version {a.number} ({formatDateTime(a.savedAt, settings)}) compared with version {b.number} ({formatDateTime(b.savedAt, settings)}).
      </p>
      <nav className="view-switch" aria-label="View">
        {view === 'inline' ? <strong aria-current="page">Inline</strong> : <Link href={`${base}&view=inline`}>Inline</Link>}
        {' · '}
        {view === 'side-by-side' ? <strong aria-current="page">Side by side</strong> : <Link href={`${base}&view=side`}>Side by side</Link>}
      </nav>
      <CompareVersions
        diff={diff}
        view={view}
        oldLabel={`Version ${a.number}`}
        newLabel={`Version ${b.number}`}
        changeLinks={(index) => links.get(index)}
        changeLinkLabel="The correction behind this change"
      />
      {picker}
      <p>
        <Link href={`/articles/${article.slug}/history`}>Every version</Link>
      </p>
    </section>
  );
}
