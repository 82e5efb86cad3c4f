import Link from 'next/link';
import { requireDeskPage } from '@/app/(auth)/access';
import { LogCaseForm } from '@/components/cases/case-forms';
import { caseOwners, getStandardsConfig } from '@/db/queries/cases';
import { getSettings } from '@/db/queries/settings';
import { CASE_CHANNEL_LABELS, CASE_ROUTE_LABELS, CASE_ROUTES } from '@/lib/standards/config';
import { isoDateInZone } from '@/lib/wording';
import { logCaseAction } from '../actions';

export const metadata = { title: 'Log a case' };

const LOGGED = ['email', 'phone', 'letter', 'regulator'] as const;

export default async function NewCasePage() {
  await requireDeskPage('case.log', '/desk/cases/new');
  const config = await getStandardsConfig();
  const { timeZone } = await getSettings();
  return (
    <section className="desk-narrow">
      <p className="meta">
        <Link href="/desk/cases">Cases</Link>
      </p>
      <h1>Log a case</h1>
      <p className="meta">A complaint that came by email, phone, letter or from a regulator. Reader reports from the article pages open their own cases.</p>
      <LogCaseForm
        action={logCaseAction}
        channels={LOGGED.map((c) => ({ value: c, label: CASE_CHANNEL_LABELS[c] }))}
        routes={CASE_ROUTES.map((r) => ({ value: r, label: `${CASE_ROUTE_LABELS[r]} (${config.responseDays[r]} days)` }))}
        clauses={config.clauses.map((c) => ({ value: c.code, label: c.label }))}
        owners={(await caseOwners()).map((o) => ({ id: o.id, name: o.name, role: o.role }))}
        today={isoDateInZone(new Date(), timeZone)}
      />
    </section>
  );
}
