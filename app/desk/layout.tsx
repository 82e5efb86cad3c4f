import Link from 'next/link';
import type { ReactNode } from 'react';
import { hasPermission, requireDeskPage } from '@/app/(auth)/access';
import { deskNow } from '@/app/(auth)/clock';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { CountBadge } from '@/components/desk/status-badge';
import { countOverdueCases } from '@/db/queries/cases';
import { getDeskAttention } from '@/db/queries/desk-attention';
import { getSettings } from '@/db/queries/settings';
import { countBadge, editionDue } from '@/lib/desk/attention';
import { COUNT_CAP } from '@/lib/desk/keyset';
import { isoDateInZone } from '@/lib/wording';
import './desk.css';

export const metadata = { robots: { index: false } };

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const user = await requireDeskPage('desk.view');
  const attention = await getDeskAttention();
  const settings = await getSettings();
  const due = hasPermission(user, 'column.view') && editionDue(attention, isoDateInZone(new Date(), settings.timeZone));
  // Overdue cases: the account's own, or every one for standards (the clock is the desk's now).
  const overdueCases = hasPermission(user, 'case.view') ? await countOverdueCases({ ownerId: hasPermission(user, 'case.manage') ? null : user.id, now: await deskNow() }) : 0;
  return (
    <div className="desk">
      <nav className="desk-nav" aria-label="Desk">
        <ul className="desk-menu">
          <li>
            <Link href="/desk">Articles</Link>
          </li>
          <li>
            <Link href="/desk/articles/new">New article</Link>
          </li>
          <li>
            <Link href="/desk/corrections">
              Corrections
              {attention.draftCorrections ? <CountBadge count={countBadge(attention.draftCorrections, COUNT_CAP)} label={attention.draftCorrections === 1 ? 'draft waiting' : 'drafts waiting'} /> : null}
            </Link>
          </li>
          <li>
            <Link href="/desk/reports">
              Reports
              {attention.newReports ? <CountBadge count={countBadge(attention.newReports, COUNT_CAP)} label="new" /> : null}
            </Link>
          </li>
          {hasPermission(user, 'case.view') ? (
            <li>
              <Link href="/desk/cases">
                Cases
                {overdueCases ? <CountBadge count={countBadge(overdueCases, COUNT_CAP)} label="overdue" /> : null}
              </Link>
            </li>
          ) : null}
          {hasPermission(user, 'column.view') ? (
            <li>
              <Link href="/desk/column">
                Column{due ? <CountBadge count="due" label="an edition" /> : null}
              </Link>
            </li>
          ) : null}
          {hasPermission(user, 'standards.view') ? (
            <li>
              <Link href="/desk/standards">Standards</Link>
            </li>
          ) : null}
          {hasPermission(user, 'people.manage') ? (
            <li>
              <Link href="/desk/people">People</Link>
            </li>
          ) : null}
          {hasPermission(user, 'audit.view') ? (
            <li>
              <Link href="/desk/audit">Audit</Link>
            </li>
          ) : null}
          {hasPermission(user, 'purges.view') ? (
            <li>
              <Link href="/desk/purges">Purges</Link>
            </li>
          ) : null}
          {hasPermission(user, 'settings.edit') ? (
            <li>
              <Link href="/desk/settings">Settings</Link>
            </li>
          ) : null}
          {hasPermission(user, 'tokens.manage') ? (
            <li>
              <Link href="/desk/tokens">API tokens</Link>
            </li>
          ) : null}
          {hasPermission(user, 'webhooks.manage') ? (
            <li>
              <Link href="/desk/webhooks">Webhooks</Link>
            </li>
          ) : null}
        </ul>
        <div className="desk-user">
          <span>
            {user.name} <span className="meta">({user.role})</span>
          </span>
          <SignOutButton />
        </div>
      </nav>
      <div className="desk-body">{children}</div>
    </div>
  );
}
