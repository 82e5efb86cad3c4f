// `npm run verify` holds on the demo newsroom and catches text altered behind the app's back.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './connection';
import { demoNewsroom } from './seed/demo-content';
import { seedDemoNewsroom } from './seed';
import { prepareDatabase } from './setup';
import { verifyDatabase } from './verify';

let dir: string;
let file: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-verify-'));
  file = path.join(dir, 'errata.db');
  const db = openDatabase(file);
  await prepareDatabase(db, () => {});
  db.$client.close();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function runVerify(): { code: number; output: string } {
  try {
    return { code: 0, output: execFileSync('npx', ['tsx', 'scripts/verify.ts', file], { encoding: 'utf8' }) };
  } catch (error) {
    const e = error as { status: number; stdout: string };
    return { code: e.status, output: e.stdout };
  }
}

describe('npm run verify', () => {
  it('passes on the demo newsroom', () => {
    const { code, output } = runVerify();
    expect(output).toContain('every chain holds');
    expect(code).toBe(0);
  });

  it('fails, naming the version, when version text is altered with the triggers dropped', async () => {
    const db = openDatabase(file);
    db.$client.exec('DROP TRIGGER versions_no_update');
    db.$client.prepare("UPDATE versions SET body = replace(body, '842', '843') WHERE number = 2 AND article_id = (SELECT id FROM articles WHERE slug = 'local-elections-results')").run();
    expect((await verifyDatabase(db)).breaks).toEqual([{ slug: 'local-elections-results', number: 2, problem: 'content does not match its hash' }]);
    db.$client.close();
    const { code, output } = runVerify();
    expect(output).toContain('BROKEN local-elections-results v2: content does not match its hash');
    expect(code).toBe(1);
  });
});

describe('the demo newsroom', () => {
  it('seeds through the real write paths without breaking a rule', async () => {
    const db = openDatabase(':memory:');
    await expect(seedDemoNewsroom(db, demoNewsroom)).resolves.not.toThrow();
    expect((await verifyDatabase(db)).breaks).toEqual([]);
  });
});
