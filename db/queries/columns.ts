// "For the Record": generating an edition from the corrections not yet printed, editing the draft,
// publishing it in one transaction, and reading editions.
import 'server-only';
import { and, asc, count, desc, eq, gte, inArray, lt, notExists, type SQL, sql } from 'drizzle-orm';
import { COUNT_CAP } from '../../lib/desk/keyset';
import { ErrataError } from '../../lib/errors';
import { editionRevision } from '../../lib/record/edition-revision';
import { formatCites, saidForReaders } from '../../lib/record/public';
import { orderColumnItems, columnItemWording, endOfCalendarDay } from '../../lib/wording';
import type { NewsroomSettings } from '../../lib/types';
import { getDb } from '../index';
import type { Column, Correction } from '../schema';
import { articles, claims, columnItems, columns, corrections } from '../tables';
import { recordAudit } from './audit';
import { chunks, type Edition, editionView, getCurrentHeadlines, publicArticleCondition, readableVersionIds } from './public-record';
import type { Tx } from './types';
import { columnPublishedEvent } from './webhook-events';
import { transaction } from '../store';
import { countRows } from '../dialect';
import { flatMapSeries } from '../../lib/async';

export type { Edition, EditionItem } from './public-record';


/** The correction is in no edition yet (column_items.correction_id is unique: one index probe). */
function notPrinted(): SQL {
  return notExists(getDb().select({ one: sql`1` }).from(columnItems).where(eq(columnItems.correctionId, corrections.id)));
}

/** The most corrections one edition takes; an archive's backlog is printed over several. */
export const MAX_EDITION_ITEMS = 500;

interface PoolEntry {
  correctionId: number;
  section: string;
  publishedAt: Date;
  wording: string;
  /** The versions the wording quotes (the headline's, the claims'), for read-time withholding. */
  cites: string;
  headline: string;
  kind: Correction['kind'];
}

/** Narrows the pool: published on or after `from`, before `until`, in one section, or these corrections only. */
export interface PoolFilter {
  from?: Date;
  until?: Date;
  section?: string;
  ids?: number[];
}

export type WaitingCorrection = Omit<PoolEntry, 'cites'>;

/**
 * The corrections an edition dated `date` could carry (published by the end of that day, in no
 * edition or draft yet), narrowed by `only`, in print order, each with the item it would print.
 */
export async function listCorrectionPool({ date, settings, only }: { date: string; settings: NewsroomSettings; only?: PoolFilter }): Promise<WaitingCorrection[]> {
  const db = getDb();
  return orderColumnItems(await correctionPool(db, settings, endOfCalendarDay(date, settings.timeZone), only)).map(({ cites: _cites, ...entry }) => entry);
}

/** Published corrections already taken by a draft edition (not offered to another until it is published or discarded). */
export async function countInDrafts(): Promise<number> {
  const row = (await getDb().select({ n: count() }).from(columnItems).innerJoin(columns, eq(columns.id, columnItems.columnId)).where(eq(columns.status, 'draft')))[0];
  return Number(row?.n ?? 0);
}

/**
 * Published corrections that no edition has taken yet and that existed by the end of the edition's
 * day, on articles readers can see, worded from the public view: the current public headline, and
 * only the claims whose version readers may read.
 */
async function correctionPool(tx: Tx, settings: NewsroomSettings, until: Date, only: PoolFilter = {}): Promise<PoolEntry[]> {
  const rows = await tx
    .select({ correction: corrections, section: articles.section, firstPublishedAt: articles.firstPublishedAt })
    .from(corrections)
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    .where(
      and(
        eq(corrections.status, 'published'),
        publicArticleCondition(),
        lt(corrections.publishedAt, only.until && only.until < until ? only.until : until),
        only.from ? gte(corrections.publishedAt, only.from) : undefined,
        only.section ? eq(articles.section, only.section) : undefined,
        only.ids ? inArray(corrections.id, only.ids.length ? only.ids : [-1]) : undefined,
        notPrinted(),
      ),
    )
    // Oldest first, at most an edition's worth: whatever is left waits for the next edition.
    .orderBy(asc(corrections.publishedAt), asc(corrections.id))
    .limit(MAX_EDITION_ITEMS);
  const headlines = await getCurrentHeadlines({ articleIds: rows.map((r) => r.correction.articleId) }, tx);
  const claimRows = await flatMapSeries(chunks(rows.map((r) => r.correction.id)), async (ids) => await tx.select().from(claims).where(inArray(claims.correctionId, ids)).orderBy(asc(claims.position)));
  const readable = await readableVersionIds(claimRows.map((c) => c.versionId), tx);
  const claimsBy = new Map<number, typeof claimRows>();
  for (const c of claimRows) claimsBy.set(c.correctionId, [...(claimsBy.get(c.correctionId) ?? []), c]);
  return rows.flatMap(({ correction, section, firstPublishedAt }) => {
    const headline = headlines.get(correction.articleId);
    if (!headline) return [];
    const all = claimsBy.get(correction.id) ?? [];
    const quoted = all.filter((c) => readable.has(c.versionId));
    const wording = columnItemWording(
      {
        kind: correction.kind,
        wording: correction.wording,
        said: saidForReaders(correction.said, all.map((c) => ({ withheld: !readable.has(c.versionId) }))),
        claims: quoted.map((c) => ({ exact: c.exact, replacement: c.replacement ?? undefined, prefix: c.prefix })),
        article: { headline: headline.headline, section, firstPublishedAt: firstPublishedAt ?? correction.draftedAt, about: correction.about ?? undefined },
      },
      settings,
    );
    const cites = formatCites([headline.versionId, ...quoted.map((c) => c.versionId)]);
    return [{ correctionId: correction.id, section, publishedAt: correction.publishedAt as Date, wording, cites, headline: headline.headline, kind: correction.kind }];
  });
}

/**
 * A draft edition dated `date`. With `correctionIds`, exactly those corrections (the standards
 * editor's choice), each of which must still be waiting; without, every waiting one. Several drafts
 * may be open for different dates: a correction is in one edition at most (column_items is unique
 * on it), so drafts never share an item, and each publishes on its own reviewed revision.
 */
export async function generateEdition({ date, settings, actorId, correctionIds }: { date: string; settings: NewsroomSettings; actorId: number; correctionIds?: number[] }): Promise<Column> {
  return await transaction(getDb(), async (tx) => {
      if ((await tx.select().from(columns).where(eq(columns.date, date)).limit(1))[0]) throw new ErrataError('conflict', `There is already an edition dated ${date}.`, 'date');
      const pool = orderColumnItems(await correctionPool(tx, settings, endOfCalendarDay(date, settings.timeZone), correctionIds ? { ids: correctionIds } : {}));
      if (correctionIds) {
        const missing = correctionIds.filter((id) => !pool.some((p) => p.correctionId === id));
        if (missing.length) {
          throw new ErrataError(
            'conflict',
            `${missing.length === 1 ? 'One correction you chose is' : `${missing.length} corrections you chose are`} no longer waiting (printed, taken by another draft, withdrawn, or published after ${date}). Nothing was created: choose again.`,
            'date',
          );
        }
        if (pool.length === 0) throw new ErrataError('invalid', 'Choose at least one correction for the edition.', 'date');
      }
      const column = (await tx.insert(columns).values({ date, intro: '', footer: settings.contactLine, createdBy: actorId }).returning())[0];
      for (const [position, entry] of pool.entries()) {
        await tx.insert(columnItems).values({ columnId: column.id, correctionId: entry.correctionId, position, wording: entry.wording, cites: entry.cites });
      }
      await recordAudit(tx, { actorId, action: 'column.generate', entityType: 'column', entityId: column.id, after: { date, items: pool.length } });
      return column;
    });
}

async function draftColumn(tx: Tx, columnId: number): Promise<Column> {
  const column = (await tx.select().from(columns).where(eq(columns.id, columnId)).limit(1))[0];
  if (!column) throw new ErrataError('not_found', 'No such edition.');
  if (column.status !== 'draft') throw new ErrataError('conflict', 'A published edition is never edited.');
  return column;
}

export interface EditionEdit {
  columnId: number;
  /** The revision the editor opened (lib/record/edition-revision): a draft changed since is not overwritten. */
  revision: string;
  intro: string;
  items: { id: number; wording: string }[];
  actorId: number;
}

export async function saveEditionDraft(edit: EditionEdit): Promise<void> {
  await transaction(getDb(), async (tx) => {
      const column = await draftColumn(tx, edit.columnId);
      if ((await revisionOf(tx, column)) !== edit.revision) {
        throw new ErrataError('conflict', 'This edition was changed (in another tab, or by someone else) since you opened it, so your edit was not saved. Reload it, then make your change again on the current text.');
      }
      await tx.update(columns).set({ intro: edit.intro }).where(eq(columns.id, edit.columnId));
      for (const item of edit.items) {
        await tx.update(columnItems).set({ wording: item.wording }).where(and(eq(columnItems.id, item.id), eq(columnItems.columnId, edit.columnId)));
      }
      await recordAudit(tx, { actorId: edit.actorId, action: 'column.edit', entityType: 'column', entityId: edit.columnId, after: { intro: edit.intro, items: edit.items } });
    });
}

/** Moves an item up or down, or drops it back to the pool for a later edition. */
export async function changeEditionItem({ columnId, itemId, change, actorId }: { columnId: number; itemId: number; change: 'up' | 'down' | 'drop'; actorId: number }): Promise<void> {
  await transaction(getDb(), async (tx) => {
      await draftColumn(tx, columnId);
      const items = await tx.select().from(columnItems).where(eq(columnItems.columnId, columnId)).orderBy(asc(columnItems.position));
      const index = items.findIndex((i) => i.id === itemId);
      if (index < 0) throw new ErrataError('not_found', 'That item is not in this edition.');
      if (change === 'drop') {
        await tx.delete(columnItems).where(eq(columnItems.id, itemId));
      } else {
        const other = change === 'up' ? index - 1 : index + 1;
        if (other < 0 || other >= items.length) return;
        [items[index], items[other]] = [items[other], items[index]];
      }
      for (const [position, item] of items.filter((i) => !(change === 'drop' && i.id === itemId)).entries()) {
        await tx.update(columnItems).set({ position }).where(eq(columnItems.id, item.id));
      }
      await recordAudit(tx, { actorId, action: `column.item.${change}`, entityType: 'column', entityId: columnId, after: { itemId } });
    });
}

/** A draft edition can be thrown away: its items go back to the pool for the next one. */
export async function discardEdition({ columnId, actorId }: { columnId: number; actorId: number }): Promise<void> {
  await transaction(getDb(), async (tx) => {
      const column = await draftColumn(tx, columnId);
      await tx.delete(columnItems).where(eq(columnItems.columnId, columnId));
      await tx.delete(columns).where(eq(columns.id, columnId));
      await recordAudit(tx, { actorId, action: 'column.discard', entityType: 'column', entityId: columnId, before: { date: column.date } });
    });
}

/** The revision of a draft as it stands: what the desk page shows is what this hashes. */
async function revisionOf(tx: Tx, column: Column): Promise<string> {
  const items = await tx.select({ id: columnItems.id, wording: columnItems.wording }).from(columnItems).where(eq(columnItems.columnId, column.id)).orderBy(asc(columnItems.position));
  return editionRevision({ intro: column.intro, items });
}

export async function getEditionRevision({ columnId }: { columnId: number }): Promise<string | undefined> {
  const db = getDb();
  const column = (await db.select().from(columns).where(eq(columns.id, columnId)).limit(1))[0];
  return column ? (await revisionOf(db, column)) : undefined;
}

/** Publishes the draft, only if it is still the revision the standards editor reviewed. */
export async function publishEdition({ columnId, actorId, revision }: { columnId: number; actorId: number; revision: string }): Promise<Column> {
  return await transaction(getDb(), async (tx) => {
      const column = await draftColumn(tx, columnId);
      if ((await revisionOf(tx, column)) !== revision) {
        // Publishing is refused: the draft is no longer the text the standards editor reviewed.
        throw new ErrataError('conflict', 'This edition changed after you opened it (its intro or an item was edited, reordered or dropped). Nothing was published: read the current text below, then publish again.', 'revision');
      }
      const items = await tx
        .select({ correctionId: columnItems.correctionId, status: corrections.status })
        .from(columnItems)
        .innerJoin(corrections, eq(corrections.id, columnItems.correctionId))
        .where(eq(columnItems.columnId, columnId));
      const count = items.length;
      if (count === 0) throw new ErrataError('conflict', 'An edition needs at least one item.');
      // A correction withdrawn since the draft was made is never printed as if it stood.
      const gone = items.filter((i) => i.status !== 'published');
      if (gone.length > 0) {
        const which = gone.map((i) => `correction ${i.correctionId}`).join(', ');
        throw new ErrataError('conflict', `Nothing was published: ${which} ${gone.length === 1 ? 'was' : 'were'} withdrawn after this draft was made. Drop ${gone.length === 1 ? 'it' : 'them'}, then publish.`, 'revision');
      }
      const published = (await tx
        .update(columns)
        .set({ status: 'published', publishedAt: new Date(), publishedBy: actorId })
        .where(eq(columns.id, columnId))
        .returning())[0];
      await recordAudit(tx, { actorId, action: 'column.publish', entityType: 'column', entityId: columnId, after: { date: published.date, items: count, revision } });
      await columnPublishedEvent(tx, published, count);
      return published;
    });
}

/** A draft or published edition, as the desk sees it: each item flagged when readers may not be shown it. */
export async function getEditionById({ id }: { id: number }): Promise<Edition | undefined> {
  const column = (await getDb().select().from(columns).where(eq(columns.id, id)).limit(1))[0];
  return column ? (await editionView(column)) : undefined;
}

/** Every edition, draft or published, newest first (the desk's list; readers read listPublicEditions). */
export async function listEditions(): Promise<Column[]> {
  return await getDb().select().from(columns).orderBy(desc(columns.date));
}

/**
 * How many published corrections wait for the next edition, counted up to COUNT_CAP + 1 (newest
 * first along the published_at index) so a backlog of thousands costs no more than a thousand.
 */
export function countUnprinted(): Promise<number> {
  const waiting = getDb()
    .select({ id: corrections.id })
    .from(corrections)
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    // (A withdrawn correction's status is 'withdrawn' (triggers), so the status alone leaves it out,
    // and the walk stays on the (status, published_at) index, probing an article only when unprinted.)
    .where(and(eq(corrections.status, 'published'), publicArticleCondition(), notPrinted()))
    .orderBy(desc(corrections.publishedAt))
    .limit(COUNT_CAP + 1);
  return countRows(getDb(), waiting);
}
