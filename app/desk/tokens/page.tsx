import { requireDeskPage } from '@/app/(auth)/access';
import { ActionForm } from '@/components/desk/action-form';
import { CreateTokenForm } from '@/components/desk/token-forms';
import { listTokens } from '@/db/queries/api-tokens';
import { getSettings } from '@/db/queries/settings';
import { formatDateTime } from '@/lib/wording';
import { createTokenAction, revokeTokenAction } from './actions';

export const metadata = { title: 'API tokens' };

export default async function TokensPage() {
  await requireDeskPage('tokens.manage', '/desk/tokens');
  const settings = await getSettings();
  const tokens = await listTokens();
  return (
    <section>
      <h1>API tokens</h1>
      <p className="meta">
        Credentials your CMS uses for <a href="/api/v1/openapi.json">the API</a>. Each secret is shown once, when it is made; only its hash is kept. Every call is in the audit trail.
      </p>
      {tokens.length === 0 ? (
        <p className="meta">No tokens yet.</p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>Tokens, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts</th>
                <th scope="col">Scopes</th>
                <th scope="col">Calls a minute</th>
                <th scope="col">Made</th>
                <th scope="col">Last used</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>
                    <code>{t.prefix}…</code>
                  </td>
                  <td>{t.scopes.split(' ').join(', ')}</td>
                  <td>{t.ratePerMinute}</td>
                  <td>{formatDateTime(t.createdAt, settings)}</td>
                  <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt, settings) : 'never'}</td>
                  <td>
                    {t.revokedAt ? (
                      `revoked ${formatDateTime(t.revokedAt, settings)}`
                    ) : (
                      <ActionForm action={revokeTokenAction} hidden={{ tokenId: String(t.id) }} submitLabel={`Revoke ${t.name}`} className="inline-form" />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>Make a token</h2>
      <div className="article">
        <CreateTokenForm action={createTokenAction} />
      </div>
    </section>
  );
}
