import Link from 'next/link';
import { requireDeskPage } from '@/app/(auth)/access';
import { StandardsSettingsForm } from '@/components/standards/standards-settings-form';
import { getStandardsConfig } from '@/db/queries/cases';
import { optionLines } from '@/lib/standards/config';
import { saveStandardsSettingsAction } from './actions';

export const metadata = { title: 'Standards settings' };

export default async function StandardsSettingsPage() {
  await requireDeskPage('settings.edit', '/desk/standards/settings');
  const c = await getStandardsConfig();
  const current = {
    clauses: optionLines(c.clauses),
    errorTypes: optionLines(c.errorTypes),
    errorCauses: optionLines(c.errorCauses),
    foundBy: optionLines(c.foundBy),
    responseDirect: String(c.responseDays.direct),
    responseIpso: String(c.responseDays.ipso),
    responseImpress: String(c.responseDays.impress),
    responseOther: String(c.responseDays.other),
    dueSoonDays: String(c.dueSoonDays),
    alertCount: String(c.alertCount),
    alertDays: String(c.alertDays),
  };
  return (
    <section className="desk-narrow">
      <h1>Standards settings</h1>
      <p className="meta">
        The lists cases and corrections are classified by, the clocks cases run on, and the alert rule. Every change is kept in the audit trail. The newsroom’s other settings are on{' '}
        <Link href="/desk/settings">Settings</Link>.
      </p>
      <StandardsSettingsForm action={saveStandardsSettingsAction} current={current} />
    </section>
  );
}
