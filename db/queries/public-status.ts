// What readers see of an article's status record: its withdrawals and restorations, with their public reasons.
import 'server-only';
import { getDb } from '../index';
import { listStatusEvents } from './article-status';

/** The withdrawals and restorations readers see in an article's record (their reasons are public). */
export async function getPublicStatusRecord({ articleId }: { articleId: number }): Promise<PublicStatusChange[]> {
  return (await listStatusEvents(getDb(), articleId))
    .filter((e) => e.toStatus === 'withdrawn' || e.fromStatus === 'withdrawn')
    .map((e) => ({ kind: e.toStatus === 'withdrawn' ? 'withdrawn' : 'restored', at: e.at, reason: e.reason ?? '' }));
}

export interface PublicStatusChange {
  kind: 'withdrawn' | 'restored';
  at: Date;
  reason: string;
}
