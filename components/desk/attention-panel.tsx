// The desk home's "needs attention" row: what is waiting, each linked to the list that holds it.
import Link from 'next/link';
import type { Attention } from '@/lib/desk/attention';
import { countBadge } from '@/lib/desk/attention';
import { COUNT_CAP } from '@/lib/desk/keyset';

export function AttentionPanel({ attention, showColumn, due, columnName }: { attention: Attention; showColumn: boolean; due: boolean; columnName: string }) {
  const n = (x: number) => countBadge(x, COUNT_CAP);
  return (
    <section className="attention" aria-labelledby="attention-title">
      <h2 id="attention-title" className="visually-hidden">
        Needs attention
      </h2>
      <ul>
        <li className={attention.draftCorrections ? 'attention-item attention-waiting' : 'attention-item'}>
          <Link href="/desk/corrections?status=draft">
            <strong>{n(attention.draftCorrections)}</strong> draft {attention.draftCorrections === 1 ? 'correction' : 'corrections'} waiting
          </Link>
        </li>
        <li className={attention.newReports ? 'attention-item attention-waiting' : 'attention-item'}>
          <Link href="/desk/reports?status=new">
            <strong>{n(attention.newReports)}</strong> new reader {attention.newReports === 1 ? 'report' : 'reports'}
          </Link>
        </li>
        {attention.openFlags ? (
          <li className="attention-item attention-waiting">
            <Link href="/desk/flags">
              <strong>{n(attention.openFlags)}</strong> {attention.openFlags === 1 ? 'version' : 'versions'} from the CMS changed facts without a correction
            </Link>
          </li>
        ) : null}
        {showColumn ? (
          <li className={due ? 'attention-item attention-waiting' : 'attention-item'}>
            <Link href="/desk/column">
              <strong>{n(attention.unprinted)}</strong> {attention.unprinted === 1 ? 'correction' : 'corrections'} for {columnName}
              {due ? ': an edition is due' : attention.draftEdition ? ': a draft edition is open' : ''}
            </Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
