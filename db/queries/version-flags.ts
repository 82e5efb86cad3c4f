// Stealth-edit flags on versions that arrived from a CMS (db/queries/ingest.ts): listed on the desk
// until a standards editor resolves each, with the correction that covers it or a reason none is needed.
import 'server-only';
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { ErrataError } from '../../lib/errors';
import type { SubstantiveChange } from '../../lib/stealth-edit';
import { getDb } from '../index';
import type { VersionFlag } from '../schema';
import { corrections, versionFlags, versions } from '../tables';
import { recordAudit } from './audit';
import { transaction } from '../store';

export async function listFlagsForArticle({ articleId }: { articleId: number }): Promise<(Omit<VersionFlag, 'changes'> & { versionNumber: number; changes: SubstantiveChange[] })[]> {
  return (await getDb()
    .select({ flag: versionFlags, versionNumber: versions.number })
    .from(versionFlags)
    .innerJoin(versions, eq(versions.id, versionFlags.versionId))
    .where(eq(versionFlags.articleId, articleId))
    .orderBy(asc(versionFlags.id)))
    .map(({ flag, versionNumber }) => ({ ...flag, versionNumber, changes: JSON.parse(flag.changes) as SubstantiveChange[] }));
}

export async function countOpenFlags(): Promise<number> {
  return (await getDb().select({ n: count() }).from(versionFlags).where(isNull(versionFlags.resolvedAt)).limit(1))[0]?.n ?? 0;
}

/** Resolves a flag: with a correction on the same article (published or draft), or with a reason. */
export async function resolveFlag({ flagId, correctionId, reason, actorId }: { flagId: number; correctionId?: number; reason: string; actorId: number }): Promise<VersionFlag> {
  return await transaction(getDb(), async (tx) => {
      const flag = (await tx.select().from(versionFlags).where(eq(versionFlags.id, flagId)).limit(1))[0];
      if (!flag) throw new ErrataError('not_found', 'No such flag.');
      if (flag.resolvedAt) throw new ErrataError('conflict', 'This flag was already resolved.');
      if (correctionId !== undefined) {
        const c = (await tx.select({ id: corrections.id, status: corrections.status }).from(corrections).where(and(eq(corrections.id, correctionId), eq(corrections.articleId, flag.articleId))).limit(1))[0];
        if (!c) throw new ErrataError('invalid', 'Choose a correction on this article.', 'correctionId');
        // Only a correction readers can see covers a change readers saw.
        if (c.status !== 'published') throw new ErrataError('invalid', `Correction ${correctionId} is ${c.status === 'draft' ? 'still a draft: publish it first' : 'withdrawn'}; a flag is resolved by a published correction.`, 'correctionId');
      } else if (!reason) {
        throw new ErrataError('invalid', 'Give the reason this change needs no correction, or choose the correction that covers it.', 'reason');
      }
      const resolution = correctionId !== undefined ? `Covered by correction ${correctionId}.${reason ? ` ${reason}` : ''}` : reason;
      const after = (await tx
        .update(versionFlags)
        .set({ resolvedAt: new Date(), resolvedBy: actorId, resolution, correctionId: correctionId ?? null })
        .where(eq(versionFlags.id, flagId))
        .returning())[0];
      await recordAudit(tx, { actorId, action: 'version.flag_resolve', entityType: 'version', entityId: flag.versionId, after: { flagId, correctionId: correctionId ?? null, resolution } });
      return after;
    });
}

/** The open flags, oldest first, with their article's current headline (the desk's /desk/flags). */
export async function listOpenFlags({ limit = 200 }: { limit?: number } = {}) {
  return (await getDb()
    .select({ id: versionFlags.id, articleId: versionFlags.articleId, versionNumber: versions.number, headline: versions.headline, createdAt: versionFlags.createdAt, changes: versionFlags.changes })
    .from(versionFlags)
    .innerJoin(versions, eq(versions.id, versionFlags.versionId))
    .where(isNull(versionFlags.resolvedAt))
    .orderBy(asc(versionFlags.id))
    .limit(limit))
    .map((f) => ({ ...f, changes: JSON.parse(f.changes) as SubstantiveChange[] }));
}
