import Link from 'next/link';
import { requireDeskPage } from '@/app/(auth)/access';
import { CreateEditionForm } from '@/components/desk/create-edition-form';
import { countInDrafts, listCorrectionPool, listEditions } from '@/db/queries/columns';
import { getSettings } from '@/db/queries/settings';
import { CORRECTION_KIND_LABELS } from '@/lib/types';
import { formatCalendarDay, formatShortDate, isCalendarDate, startOfCalendarDay, endOfCalendarDay } from '@/lib/wording';
import { generateEditionAction } from '../actions';

export const metadata = { title: 'Choose the corrections for an edition' };

type Search = Record<string, string | string[] | undefined>;

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
const day = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && isCalendarDate(v) ? v : undefined);

// The standards editor's choice for one edition: the corrections waiting for it (filtered by when
// they were published and by section), each shown as the item it would print; ticked ones are
// previewed as the column will run, then made into a draft to reorder, reword and publish.
// Plain GET forms throughout: choosing and previewing work without JavaScript.
export default async function ChooseEditionPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireDeskPage('column.generate', '/desk/column');
  const search = await searchParams;
  const settings = await getSettings();
  const date = day(one(search.date));
  if (!date) {
    return (
      <section className="article">
        <h1>Choose corrections</h1>
        <p className="form-error" role="alert">
          Give the edition’s date first: <Link href="/desk/column">back to the column</Link>.
        </p>
      </section>
    );
  }
  const taken = (await listEditions()).find((e) => e.date === date);
  const from = day(one(search.from));
  const to = day(one(search.to));
  const section = one(search.section);
  const flags = { ...(one(search.backdated) ? { backdated: 'on' } : {}), ...(one(search.ahead) ? { ahead: 'on' } : {}) };
  const all = await listCorrectionPool({ date, settings });
  const sections = [...new Set(all.map((c) => c.section))].sort((a, b) => a.localeCompare(b, 'en-GB'));
  const shown = await listCorrectionPool({
    date,
    settings,
    only: { from: from ? startOfCalendarDay(from, settings.timeZone) : undefined, until: to ? endOfCalendarDay(to, settings.timeZone) : undefined, section },
  });
  const anyPicked = Object.keys(search).some((k) => k.startsWith('pick-'));
  const isPicked = (id: number) => (anyPicked ? one(search[`pick-${id}`]) !== undefined : true);
  const chosen = shown.filter((c) => isPicked(c.correctionId));
  const preview = one(search.preview) !== undefined;
  const inDrafts = await countInDrafts();
  const drafts = (await listEditions()).filter((e) => e.status === 'draft');
  return (
    <section className="article">
      <p className="meta">
        <Link href="/desk/column">All editions</Link>
      </p>
      <h1>
        Choose corrections: {settings.columnName}, {formatCalendarDay(date, settings)}
      </h1>
      {taken ? (
        <p className="form-error" role="alert">
          There is already an edition dated {date}: <Link href={`/desk/column/${taken.id}`}>open it</Link>.
        </p>
      ) : null}
      <p className="meta">
        {all.length} published {all.length === 1 ? 'correction is' : 'corrections are'} waiting for an edition dated {date} (published by the end of that day and in no
        edition yet).
        {inDrafts > 0 ? ` ${inDrafts} more ${inDrafts === 1 ? 'is' : 'are'} in ${drafts.length === 1 ? 'a draft edition' : `${drafts.length} draft editions`} (${drafts.map((d) => d.date).join(', ')}): a correction is printed in one edition only, so discard or drop it there to offer it here.` : ''}
      </p>
      <form method="get" action="/desk/column/new" className="choose-edition">
        <input type="hidden" name="date" value={date} />
        {Object.entries(flags).map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <fieldset className="filters">
          <legend>Show corrections</legend>
          <label htmlFor="from">Published from</label>
          <input id="from" name="from" type="date" defaultValue={from} max={date} />
          <label htmlFor="to">to</label>
          <input id="to" name="to" type="date" defaultValue={to} max={date} />
          <label htmlFor="section">Section</label>
          <select id="section" name="section" defaultValue={section ?? ''}>
            <option value="">Any</option>
            {sections.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary">
            Filter
          </button>
        </fieldset>
        {shown.length === 0 ? (
          <p>No waiting corrections match.</p>
        ) : (
          <fieldset>
            <legend>
              Corrections to print ({chosen.length} of {shown.length} chosen)
            </legend>
            <p className="meta">Each is shown as the item it would print, in print order (by section, then oldest first). Untick any to leave it for a later edition.</p>
            <ul className="edition-pool">
              {shown.map((c) => (
                <li key={c.correctionId}>
                  <label>
                    <input type="checkbox" name={`pick-${c.correctionId}`} defaultChecked={isPicked(c.correctionId)} /> <strong>{c.headline}</strong> ({c.section}) ·{' '}
                    {CORRECTION_KIND_LABELS[c.kind]} #{c.correctionId}, published {formatShortDate(c.publishedAt, settings)}
                  </label>
                  <blockquote className="meta">{c.wording}</blockquote>
                </li>
              ))}
            </ul>
            <button type="submit" name="preview" value="1">
              Preview the edition
            </button>
          </fieldset>
        )}
      </form>
      {preview && !taken ? (
        <section className="edition-preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview: {chosen.length === 1 ? '1 item' : `${chosen.length} items`}, as they will print</h2>
          {chosen.length === 0 ? (
            <p>Nothing is chosen: tick at least one correction.</p>
          ) : (
            <>
              <div className="column-edition">
                <ol>
                  {chosen.map((c) => (
                    <li key={c.correctionId}>{c.wording}</li>
                  ))}
                </ol>
                {settings.contactLine ? <p className="meta">{settings.contactLine}</p> : null}
              </div>
              <p className="meta">The draft can still be reordered, reworded and trimmed before it is published.</p>
              <CreateEditionForm action={generateEditionAction} hidden={{ date, step: 'create', ...flags, ...Object.fromEntries(chosen.map((c) => [`pick-${c.correctionId}`, 'on'])) }} count={chosen.length} />
            </>
          )}
        </section>
      ) : null}
    </section>
  );
}
