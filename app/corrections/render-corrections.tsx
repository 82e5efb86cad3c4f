// Renders the list of corrections with its filters; shared by the dynamic and the cached routes.
import Link from 'next/link';
import { z } from 'zod';
import { CorrectionTeaser } from '@/components/corrections/correction-teaser';
import { readCorrections, readSections, readSettings } from '@/app/(cache)/reads';
import { CORRECTION_KIND_LABELS, CORRECTION_KINDS } from '@/lib/types';
import { isCalendarDate } from '@/lib/wording/dates';

// Hostile or malformed parameters are dropped, never an error: a filter is a convenience.
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isCalendarDate)
  .optional()
  .catch(undefined);

const searchSchema = z.object({
  kind: z.enum(CORRECTION_KINDS).optional().catch(undefined),
  section: z.string().trim().min(1).max(60).optional().catch(undefined),
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

/** The corrections list for raw parameters; shared by the dynamic and the cached routes. */
export async function renderCorrections(query: Record<string, string | string[] | undefined>) {
  const raw = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  const [settings, sections] = await Promise.all([readSettings(), readSections()]);
  const parsed = searchSchema.parse(raw);
  // The data is cached by the normalised filter: dates are whole days, and a section readers have
  // no articles in matches nothing without a read (an injected or made-up filter never widens to
  // everything), so made-up values add no entries of their own.
  const unknownSection = parsed.section !== undefined && !sections.includes(parsed.section);
  const search = { ...parsed, section: unknownSection ? undefined : parsed.section };
  const { items, more } = unknownSection ? { items: [], more: false } : await readCorrections({
    kind: search.kind,
    section: search.section,
    from: search.from ? new Date(`${search.from}T00:00:00Z`) : undefined,
    to: search.to ? new Date(Date.parse(`${search.to}T00:00:00Z`) + 86_400_000) : undefined,
    page: search.page,
  });
  const page = search.page ?? 1;
  const link = (p: number) => {
    const params = new URLSearchParams(Object.entries({ ...search, page: p > 1 ? String(p) : undefined }).filter((e): e is [string, string] => typeof e[1] === 'string'));
    const query = params.toString();
    return query ? `/corrections?${query}` : '/corrections';
  };
  return (
    <section className="article corrections-list">
      <h1>Corrections</h1>
      <p className="standfirst">Every correction, clarification and note {settings.publication} has published, newest first.</p>
      <form method="get" className="filters" aria-label="Filter corrections">
        <label htmlFor="kind">Kind</label>
        <select id="kind" name="kind" defaultValue={search.kind ?? ''}>
          <option value="">Any kind</option>
          {CORRECTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {CORRECTION_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <label htmlFor="section">Section</label>
        <select id="section" name="section" defaultValue={search.section ?? ''}>
          <option value="">Any section</option>
          {sections.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label htmlFor="from">From</label>
        <input id="from" name="from" type="date" defaultValue={search.from} />
        <label htmlFor="to">To</label>
        <input id="to" name="to" type="date" defaultValue={search.to} />
        <p>
          <button type="submit">Filter</button> <Link href="/corrections">Clear</Link>
        </p>
      </form>
      {items.length === 0 ? <p>No corrections match.</p> : null}
      <ol className="correction-list">
        {items.map((c) => (
          <li key={c.id}>
            <CorrectionTeaser correction={c} settings={settings} showClaims />
          </li>
        ))}
      </ol>
      <nav aria-label="Pages" className="pager">
        {page > 1 ? <Link href={link(page - 1)}>Newer</Link> : null} {more ? <Link href={link(page + 1)}>Older</Link> : null}
      </nav>
    </section>
  );
}
