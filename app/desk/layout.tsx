import Link from 'next/link';
import type { ReactNode } from 'react';
import { hasPermission, requireDeskPage } from '@/app/(auth)/access';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { countNewReports } from '@/db/queries/reports';

export const metadata = { robots: { index: false } };

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const user = await requireDeskPage('desk.view');
  const newReports = countNewReports();
  return (
    <div className="desk">
      <nav className="desk-nav" aria-label="Desk">
        <Link href="/desk">Articles</Link>
        <Link href="/desk/articles/new">New article</Link>
        <Link href="/desk/corrections">Corrections</Link>
        <Link href="/desk/reports">Reports{newReports ? ` (${newReports} new)` : ''}</Link>
        {hasPermission(user, 'column.view') ? <Link href="/desk/column">Column</Link> : null}
        {hasPermission(user, 'people.manage') ? <Link href="/desk/people">People</Link> : null}
        {hasPermission(user, 'audit.view') ? <Link href="/desk/audit">Audit</Link> : null}
        {hasPermission(user, 'purges.view') ? <Link href="/desk/purges">Purges</Link> : null}
        <span className="desk-user">
          {user.name} ({user.role})
        </span>
        <SignOutButton />
      </nav>
      {children}
    </div>
  );
}
