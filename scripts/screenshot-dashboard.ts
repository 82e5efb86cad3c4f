// The README's picture of the standards dashboard: starts the built app on a fresh demo newsroom,
// signs in as the demo standards editor and saves /desk/standards as docs/standards-dashboard.png.
// `npx tsx scripts/screenshot-dashboard.ts [--port N]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { DEMO_PASSWORD } from '../db/seed/password';
import { signIn, startApp } from './support/app-client';

async function main() {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 3960;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'errata-shot-'));
  const app = await startApp({ port, databasePath: path.join(dir, 'errata.db'), env: { ERRATA_SITE_URL: `http://127.0.0.1:${port}`, ERRATA_PURGER: 'none' } });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const cookie = await signIn(app.base, 'margaret.oyelaran@saltmarshcourier.example', DEMO_PASSWORD);
    const at = cookie.indexOf('=');
    const name = cookie.slice(0, at);
    const value = cookie.slice(at + 1);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    await context.addCookies([{ name, value, url: app.base }]);
    const page = await context.newPage();
    await page.goto(`${app.base}/desk/standards`);
    fs.mkdirSync('docs', { recursive: true });
    await page.screenshot({ path: 'docs/standards-dashboard.png', fullPage: true });
    console.log('Saved docs/standards-dashboard.png');
  } finally {
    await browser.close();
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
