// `npm run token:add -- --name cms --scopes ingest,read [--rate 120]`: makes an API token from the
// shell and prints its secret once (only its SHA-256 is kept). `--revoke ID` revokes one instead.
// Runs with the react-server condition (package.json), so it uses the same service as the desk.
import { parseArgs } from 'node:util';
import { createToken, revokeToken } from '../db/queries/api-tokens';
import { parseScopes } from '../lib/api/tokens';
import { ErrataError } from '../lib/errors';
import { initStore } from '../db';

const { values } = parseArgs({ options: { name: { type: 'string' }, scopes: { type: 'string' }, rate: { type: 'string' }, revoke: { type: 'string' }, json: { type: 'boolean' } } });
const usage = 'usage: npm run token:add -- --name cms --scopes ingest,read[,corrections:write] [--rate 120] [--json]\n       npm run token:add -- --revoke ID';

function fail(message: string, code = 2): never {
  console.error(message);
  console.error(usage);
  process.exit(code);
}

async function main(): Promise<void> {
  await initStore();
  try {
    if (values.revoke !== undefined) {
      if (!/^[1-9][0-9]*$/.test(values.revoke)) fail('--revoke takes a token id (see the desk’s Tokens page).');
      const token = await revokeToken({ id: Number(values.revoke), actorId: null });
      console.log(`Revoked token ${token.id} (“${token.name}”).`);
    } else {
      if (!values.name) fail('--name is required.');
      const scopes = parseScopes(values.scopes ?? '');
      if (!scopes.ok) fail(`--scopes: ${scopes.message}`);
      if (values.rate !== undefined && !/^[1-9][0-9]{0,5}$/.test(values.rate)) fail('--rate is calls per minute, a whole number.');
      const { token, secret } = await createToken({ name: values.name, scopes: scopes.scopes, ratePerMinute: values.rate ? Number(values.rate) : undefined, actorId: null });
      if (values.json) console.log(JSON.stringify({ id: token.id, name: token.name, scopes: scopes.scopes, secret }));
      else console.log(`Token ${token.id} “${token.name}” (${scopes.scopes.join(', ')}, ${token.ratePerMinute} calls a minute). Secret, shown once:\n${secret}`);
    }
  } catch (error) {
    if (error instanceof ErrataError) fail(`${error.field ? `--${error.field === 'ratePerMinute' ? 'rate' : error.field}: ` : ''}${error.message}`, 1);
    throw error;
  }
}

void main();
