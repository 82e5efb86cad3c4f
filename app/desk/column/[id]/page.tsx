import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireDeskPage } from '@/app/(auth)/access';
import { ActionForm } from '@/components/desk/action-form';
import { EditionEditor } from '@/components/desk/edition-editor';
import { getEditionById } from '@/db/queries/columns';
import { editionRevision } from '@/lib/record/edition-revision';
import { getSettings } from '@/db/queries/settings';
import { formatCalendarDay } from '@/lib/wording';
import { changeItemAction, discardEditionAction, publishEditionAction, saveEditionAction } from '../actions';
import { parseRecordId } from '@/lib/ids';

export const metadata = { title: 'Edition' };

export default async function EditionDeskPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { id } = await params;
  const { saved } = await searchParams;
  await requireDeskPage('column.view', `/desk/column/${id}`);
  const editionId = parseRecordId(id);
  const edition = editionId === null ? undefined : await getEditionById({ id: editionId });
  if (!edition) notFound();
  const settings = await getSettings();
  const { column, items, alsoAmended } = edition;
  const revision = editionRevision({ intro: column.intro, items });
  return (
    <section className="article">
      <p className="meta">
        <Link href="/desk/column">All editions</Link>
      </p>
      <h1>
        {settings.columnName}, {formatCalendarDay(column.date, settings)} ({column.status})
      </h1>
      {column.status === 'draft' ? (
        <>
          {saved ? (
            <p className="banner" role="status">
              Edition saved.
            </p>
          ) : null}
          {/* Keyed by the revision: when the draft changes (here, in another tab, or while a publish was
              refused), the fields are drawn again from the saved text, so what is shown is what publishes. */}
          <EditionEditor key={revision} columnId={column.id} revision={revision} intro={column.intro} items={items} save={saveEditionAction} change={changeItemAction} />
          <div className="desk-actions">
            {/* The revision of exactly the text shown above: publishing is refused if the draft changed since. */}
            <ActionForm action={publishEditionAction} hidden={{ columnId: String(column.id), revision }} submitLabel="Publish edition" />
            {/* A confirm step that needs no script: the form opens first, and the action refuses without the box ticked. */}
            <details className="confirm-discard">
              <summary>Discard this draft…</summary>
              <ActionForm action={discardEditionAction} hidden={{ columnId: String(column.id) }} submitLabel="Discard this draft">
                <p>
                  This throws away the draft edition dated {column.date}
                  {items.length ? `, its ${items.length === 1 ? 'item' : `${items.length} items`} and any rewording in ${items.length === 1 ? 'it' : 'them'}` : ''}. Its corrections go back to wait for
                  a later edition. Nothing readers have seen changes.
                </p>
                <label>
                  <input type="checkbox" name="confirm" value="yes" /> Yes, discard this draft
                </label>
              </ActionForm>
            </details>
          </div>
        </>
      ) : (
        <>
          <p>
            <Link href={`/for-the-record/${column.date}`} prefetch={false}>Read it as readers do</Link> · <a href={`/for-the-record/${column.date}.txt`}>Plain text</a>
          </p>
          {column.intro ? <p>{column.intro}</p> : null}
          <ol>
            {items.map((item) => (
              <li key={item.id}>{item.withheld ? <em>{item.readerWording} (The stored wording cites a version since withheld; readers see this line instead.)</em> : item.wording}</li>
            ))}
          </ol>
        </>
      )}
      {alsoAmended.length ? <p className="meta">Other recently amended articles include: {alsoAmended.map((a) => a.headline).join('; ')}.</p> : null}
    </section>
  );
}
