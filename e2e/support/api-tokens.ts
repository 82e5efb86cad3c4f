// Making API tokens for a spec the way an admin does from the shell: `npm run token:add`, against
// the running project's database (the SQLite file, or PostgreSQL's; the command's output is the secret, once).
import { execFileSync } from 'node:child_process';
import { storeEnv } from './e2e-db';

export interface CliToken {
  id: number;
  name: string;
  scopes: string[];
  secret: string;
}

export function tokenFromCli(name: string, scopes: string[], rate?: number): CliToken {
  const args = ['--conditions=react-server', '--import', 'tsx', 'scripts/token-add.ts', '--name', name, '--scopes', scopes.join(','), '--json', ...(rate ? ['--rate', String(rate)] : [])];
  const out = execFileSync('node', args, { env: { ...process.env, ...storeEnv(), ERRATA_SEED: 'none' }, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() ?? '') as CliToken;
}

export function revokeFromCli(id: number): void {
  execFileSync('node', ['--conditions=react-server', '--import', 'tsx', 'scripts/token-add.ts', '--revoke', String(id)], { env: { ...process.env, ...storeEnv(), ERRATA_SEED: 'none' }, encoding: 'utf8' });
}

export const bearer = (t: CliToken) => ({ authorization: `Bearer ${t.secret}` });
