import Link from 'next/link';
import { requireDeskPage } from '@/app/(auth)/access';
import { SettingsForm } from '@/components/desk/settings-form';
import { getStoredSettings } from '@/db/queries/settings';
import { timeZoneChoices } from '@/lib/settings';
import { publicSiteUrl } from '@/lib/site-url';
import { saveSettingsAction } from './actions';

export const metadata = { title: 'Settings' };

export default async function SettingsPage() {
  await requireDeskPage('settings.edit', '/desk/settings');
  const stored = await getStoredSettings();
  const current = { ...stored, siteUrl: stored.siteUrl ?? '', readersEditorEmail: stored.readersEditorEmail ?? '' };
  return (
    <section className="desk-narrow">
      <h1>Settings</h1>
      <p className="meta">What readers see on every page. A change shows everywhere at once and is kept in the audit trail.</p>
      <p>
        The code clauses, error taxonomy, response clocks and alert rule are on <Link href="/desk/standards/settings">Standards settings</Link>.
      </p>
      <SettingsForm action={saveSettingsAction} current={current} zones={timeZoneChoices()} serverSiteUrl={publicSiteUrl(process.env)} />
    </section>
  );
}
