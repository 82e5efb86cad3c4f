// What the standards casebook knows about one correction, for its desk page: the cases that led
// to it (cases.correction_id), earliest complaint first.
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '../index';
import { cases } from '../tables';

export interface CorrectionCase {
  id: number;
  reference: string;
  status: (typeof cases.$inferSelect)['status'];
  route: (typeof cases.$inferSelect)['route'];
  receivedAt: Date;
}

export async function casesForCorrection({ correctionId }: { correctionId: number }): Promise<CorrectionCase[]> {
  return await getDb()
    .select({ id: cases.id, reference: cases.reference, status: cases.status, route: cases.route, receivedAt: cases.receivedAt })
    .from(cases)
    .where(eq(cases.correctionId, correctionId))
    .orderBy(asc(cases.receivedAt), asc(cases.id))
    .limit(50);
}
