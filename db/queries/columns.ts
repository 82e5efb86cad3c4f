// "For the Record": generating an edition from the corrections not yet printed, editing the draft,
// publishing it in one transaction, and reading editions.
import 'server-only';
import { and, asc, desc, eq, gt, inArray, isNull, lt, notInArray } from 'drizzle-orm';
import { orderColumnItems, columnItemWording } from '../../lib/wording';
import type { NewsroomSettings } from '../../lib/types';
import { getDb } from '../index';
import { articles, claims, type Column, type ColumnItem, columnItems, columns, corrections, versions } from '../schema';
import { recordAudit } from './audit';
import type { Tx } from './types';

export class ColumnError extends Error {}

interface PoolEntry {
  correctionId: number;
  section: string;
  publishedAt: Date;
  wording: string;
}

/** Published corrections that no edition (draft or published) has taken yet, with their house-style wording. */
function correctionPool(tx: Tx, settings: NewsroomSettings): PoolEntry[] {
  const taken = tx.select({ id: columnItems.correctionId }).from(columnItems).all().map((r) => r.id);
  const rows = tx
    .select({ correction: corrections, section: articles.section, firstPublishedAt: articles.firstPublishedAt })
    .from(corrections)
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    .where(and(eq(corrections.status, 'published'), taken.length ? notInArray(corrections.id, taken) : undefined))
    .all();
  return rows.map(({ correction, section, firstPublishedAt }) => {
    const base = tx.select().from(versions).where(eq(versions.id, correction.baseVersionId)).get();
    const claimRows = tx.select().from(claims).where(eq(claims.correctionId, correction.id)).orderBy(asc(claims.position)).all();
    const wording = columnItemWording(
      {
        kind: correction.kind,
        wording: correction.wording,
        claims: claimRows.map((c) => ({ exact: c.exact, replacement: c.replacement ?? undefined, prefix: c.prefix })),
        article: { headline: base?.headline ?? '', section, firstPublishedAt: firstPublishedAt ?? correction.draftedAt },
      },
      settings,
    );
    return { correctionId: correction.id, section, publishedAt: correction.publishedAt as Date, wording };
  });
}

export function generateEdition({ date, settings, actorId }: { date: string; settings: NewsroomSettings; actorId: number }): Column {
  return getDb().transaction(
    (tx) => {
      if (tx.select().from(columns).where(eq(columns.date, date)).get()) throw new ColumnError(`There is already an edition dated ${date}.`);
      if (tx.select().from(columns).where(eq(columns.status, 'draft')).get()) throw new ColumnError('Publish or finish the draft edition first.');
      const pool = orderColumnItems(correctionPool(tx, settings));
      const column = tx.insert(columns).values({ date, intro: '', footer: settings.contactLine, createdBy: actorId }).returning().get();
      pool.forEach((entry, position) => {
        tx.insert(columnItems).values({ columnId: column.id, correctionId: entry.correctionId, position, wording: entry.wording }).run();
      });
      recordAudit(tx, { actorId, action: 'column.generate', entityType: 'column', entityId: column.id, after: { date, items: pool.length } });
      return column;
    },
    { behavior: 'immediate' },
  );
}

function draftColumn(tx: Tx, columnId: number): Column {
  const column = tx.select().from(columns).where(eq(columns.id, columnId)).get();
  if (!column) throw new ColumnError('No such edition.');
  if (column.status !== 'draft') throw new ColumnError('A published edition is never edited.');
  return column;
}

export interface EditionEdit {
  columnId: number;
  intro: string;
  items: { id: number; wording: string }[];
  actorId: number;
}

export function saveEditionDraft(edit: EditionEdit): void {
  getDb().transaction(
    (tx) => {
      draftColumn(tx, edit.columnId);
      tx.update(columns).set({ intro: edit.intro }).where(eq(columns.id, edit.columnId)).run();
      for (const item of edit.items) {
        tx.update(columnItems).set({ wording: item.wording }).where(and(eq(columnItems.id, item.id), eq(columnItems.columnId, edit.columnId))).run();
      }
      recordAudit(tx, { actorId: edit.actorId, action: 'column.edit', entityType: 'column', entityId: edit.columnId, after: { intro: edit.intro, items: edit.items } });
    },
    { behavior: 'immediate' },
  );
}

/** Moves an item up or down, or drops it back to the pool for a later edition. */
export function changeEditionItem({ columnId, itemId, change, actorId }: { columnId: number; itemId: number; change: 'up' | 'down' | 'drop'; actorId: number }): void {
  getDb().transaction(
    (tx) => {
      draftColumn(tx, columnId);
      const items = tx.select().from(columnItems).where(eq(columnItems.columnId, columnId)).orderBy(asc(columnItems.position)).all();
      const index = items.findIndex((i) => i.id === itemId);
      if (index < 0) throw new ColumnError('That item is not in this edition.');
      if (change === 'drop') {
        tx.delete(columnItems).where(eq(columnItems.id, itemId)).run();
      } else {
        const other = change === 'up' ? index - 1 : index + 1;
        if (other < 0 || other >= items.length) return;
        [items[index], items[other]] = [items[other], items[index]];
      }
      items
        .filter((i) => !(change === 'drop' && i.id === itemId))
        .forEach((item, position) => tx.update(columnItems).set({ position }).where(eq(columnItems.id, item.id)).run());
      recordAudit(tx, { actorId, action: `column.item.${change}`, entityType: 'column', entityId: columnId, after: { itemId } });
    },
    { behavior: 'immediate' },
  );
}

/** A draft edition can be thrown away: its items go back to the pool for the next one. */
export function discardEdition({ columnId, actorId }: { columnId: number; actorId: number }): void {
  getDb().transaction(
    (tx) => {
      const column = draftColumn(tx, columnId);
      tx.delete(columnItems).where(eq(columnItems.columnId, columnId)).run();
      tx.delete(columns).where(eq(columns.id, columnId)).run();
      recordAudit(tx, { actorId, action: 'column.discard', entityType: 'column', entityId: columnId, before: { date: column.date } });
    },
    { behavior: 'immediate' },
  );
}

export function publishEdition({ columnId, actorId }: { columnId: number; actorId: number }): Column {
  return getDb().transaction(
    (tx) => {
      draftColumn(tx, columnId);
      const count = tx.select({ id: columnItems.id }).from(columnItems).where(eq(columnItems.columnId, columnId)).all().length;
      if (count === 0) throw new ColumnError('An edition needs at least one item.');
      const published = tx
        .update(columns)
        .set({ status: 'published', publishedAt: new Date(), publishedBy: actorId })
        .where(eq(columns.id, columnId))
        .returning()
        .get();
      recordAudit(tx, { actorId, action: 'column.publish', entityType: 'column', entityId: columnId, after: { date: published.date, items: count } });
      return published;
    },
    { behavior: 'immediate' },
  );
}

export interface EditionItem extends ColumnItem {
  articleId: number;
  slug: string;
  section: string;
}

export interface Edition {
  column: Column;
  items: EditionItem[];
  /** Articles amended since the previous edition that have no item here. */
  alsoAmended: { slug: string; headline: string }[];
}

function editionFor(column: Column): Edition {
  const db = getDb();
  const items = db
    .select({ item: columnItems, articleId: articles.id, slug: articles.slug, section: articles.section })
    .from(columnItems)
    .innerJoin(corrections, eq(corrections.id, columnItems.correctionId))
    .innerJoin(articles, eq(articles.id, corrections.articleId))
    .where(eq(columnItems.columnId, column.id))
    .orderBy(asc(columnItems.position))
    .all()
    .map((r) => ({ ...r.item, articleId: r.articleId, slug: r.slug, section: r.section }));
  const previous = db
    .select()
    .from(columns)
    .where(and(eq(columns.status, 'published'), lt(columns.date, column.date)))
    .orderBy(desc(columns.date))
    .limit(1)
    .get();
  const since = previous?.publishedAt ?? new Date(0);
  const until = column.publishedAt ?? new Date();
  const covered = new Set(items.map((i) => i.slug));
  const amended = db
    .select({ articleId: versions.articleId, slug: articles.slug, savedAt: versions.savedAt, number: versions.number })
    .from(versions)
    .innerJoin(articles, eq(articles.id, versions.articleId))
    .where(and(inArray(versions.changeKind, ['correction', 'clarification']), gt(versions.savedAt, since), eq(articles.status, 'published')))
    .all()
    .filter((v) => v.savedAt <= until && !covered.has(v.slug));
  const seen = new Set<number>();
  const alsoAmended = amended.flatMap((v) => {
    if (seen.has(v.articleId)) return [];
    seen.add(v.articleId);
    const latest = db.select({ headline: versions.headline }).from(versions).where(eq(versions.articleId, v.articleId)).orderBy(desc(versions.number)).limit(1).get();
    return [{ slug: v.slug, headline: latest?.headline ?? v.slug }];
  });
  return { column, items, alsoAmended };
}

export function getEditionById({ id }: { id: number }): Edition | undefined {
  const column = getDb().select().from(columns).where(eq(columns.id, id)).get();
  return column ? editionFor(column) : undefined;
}

export function getPublishedEdition({ date }: { date: string }): Edition | undefined {
  const column = getDb()
    .select()
    .from(columns)
    .where(and(eq(columns.date, date), eq(columns.status, 'published')))
    .get();
  return column ? editionFor(column) : undefined;
}

export function listEditions({ publishedOnly }: { publishedOnly: boolean }): Column[] {
  return getDb()
    .select()
    .from(columns)
    .where(publishedOnly ? eq(columns.status, 'published') : undefined)
    .orderBy(desc(columns.date))
    .all();
}

/** How many published corrections wait for the next edition. */
export function countUnprinted(): number {
  const db = getDb();
  const taken = db.select({ id: columnItems.correctionId }).from(columnItems).all().map((r) => r.id);
  return db
    .select({ id: corrections.id })
    .from(corrections)
    .where(and(eq(corrections.status, 'published'), isNull(corrections.withdrawnAt), taken.length ? notInArray(corrections.id, taken) : undefined))
    .all().length;
}
