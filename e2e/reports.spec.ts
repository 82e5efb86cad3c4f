import { expect, test } from '@playwright/test';
import { newSession } from './support/desk';
import { reportFrom } from './support/from-address';

const XSS = `<script>window.__xss = 1; alert(1)</script><img src=x onerror="window.__xss = 1; alert(1)"> [x](javascript:alert(1))`;

test.describe('reader reports', () => {
  test('a reader reports the wrong figures; an editor accepts it into a prefilled draft, and declines another with a reason', async ({ browser }) => {
    // The browser connects from 127.0.0.1; the other tests here report from loopback addresses of their own.
    const readerContext = await browser.newContext();
    const reader = await readerContext.newPage();
    await reader.goto('/articles/local-elections-results');
    await reader.evaluate(() => {
      const body = document.querySelector('.article .article-body');
      const walker = document.createTreeWalker(body as Node, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf('31 per cent') ?? -1;
        if (at >= 0) {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + '31 per cent'.length);
          window.getSelection()?.removeAllRanges();
          window.getSelection()?.addRange(range);
          return;
        }
      }
    });
    await reader.getByRole('link', { name: 'Report an error in “31 per cent”' }).click();
    await expect(reader.getByLabel('The words that are wrong')).toHaveValue('31 per cent');
    await reader.getByLabel('What is wrong?').fill('The council says turnout was 29 per cent.');
    await reader.getByRole('button', { name: 'Send report' }).click();
    const reference = (await reader.locator('.reference').textContent()) ?? '';
    expect(reference).toMatch(/^R-[A-Z2-9]{8}$/);

    // A second report, to be declined, typed without selecting anything.
    await reader.goto('/articles/local-elections-results/report');
    await reader.getByLabel('The words that are wrong').fill('its worst night in a decade');
    await reader.getByLabel('What is wrong?').fill('I think it was only its second worst.');
    await reader.getByRole('button', { name: 'Send report' }).click();
    const declined = (await reader.locator('.reference').textContent()) ?? '';
    await readerContext.close();

    const editor = await newSession(browser, 'editor');
    await editor.page.goto('/desk/reports');
    const item = editor.page.locator('.report', { hasText: reference });
    await expect(item.locator('mark')).toHaveText('31 per cent');
    await expect(item).toContainText('turnout was 29 per cent');
    await item.getByRole('button', { name: `Accept ${reference}` }).click();
    await expect(editor.page.getByRole('heading', { name: 'Correction (draft)' })).toBeVisible();
    await expect(editor.page.locator('.correction-form mark')).toHaveText('31 per cent');

    await editor.page.goto('/desk/reports');
    const other = editor.page.locator('.report', { hasText: declined });
    await other.getByLabel(`Reason for declining ${declined}`).fill('Our figure matches the returning officer’s.');
    const answered = editor.page.waitForResponse((r) => r.request().method() === 'POST' && !!r.request().headers()['next-action']);
    await other.getByRole('button', { name: `Decline ${declined}` }).click();
    expect((await answered).status()).toBe(200);
    await editor.page.reload();
    await expect(editor.page.locator('.report', { hasText: declined })).toContainText('Declined by');
    await expect(editor.page.locator('.report', { hasText: declined })).toContainText('Our figure matches the returning officer’s.');
    await editor.context.close();
  });

  test('the sixth report in an hour from one address gets the limit message (429)', async () => {
    const send = () => reportFrom('127.0.62.1', { slug: 'local-elections-results', version: 1, words: 'Turnout', message: 'Testing the limit.' });
    for (let i = 0; i < 5; i++) expect((await send()).status).toBe(201);
    const sixth = await send();
    expect(sixth.status).toBe(429);
    expect(JSON.parse(sixth.text).error).toContain('several reports in the last hour');
  });

  test('bad input gets a clear 4xx, never a 500', async ({ request }) => {
    const bad = await request.post('/api/reports', { data: { slug: 'local-elections-results', version: 1, words: '', message: '' } });
    expect(bad.status()).toBe(422);
    expect((await bad.json()).errors.message).toBeTruthy();
    expect((await request.post('/api/reports', { data: 'not json' })).status()).toBe(400);
    expect((await request.post('/api/reports', { data: { slug: 'nope', version: 1, words: 'a', message: 'b' } })).status()).toBe(404);
    expect((await request.post('/api/reports', { data: { slug: 'x', version: 1, words: 'a', message: 'b'.repeat(20_000) } })).status()).toBe(413);
  });

  test('a report whose text is an XSS payload renders inert on the desk', async ({ browser }) => {
    const response = await reportFrom('127.0.64.1', { slug: 'local-elections-results', version: 1, words: 'Turnout', message: XSS, email: '' });
    expect(response.status).toBe(201);
    const { reference } = JSON.parse(response.text);
    const editor = await newSession(browser, 'editor');
    let dialogs = 0;
    editor.page.on('dialog', (d) => {
      dialogs += 1;
      void d.dismiss();
    });
    await editor.page.goto('/desk/reports');
    const item = editor.page.locator('.report', { hasText: reference });
    await expect(item.locator('.report-message')).toHaveText(XSS);
    expect(await editor.page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await item.locator('script, img').count()).toBe(0);
    expect(dialogs).toBe(0);
    await editor.context.close();
  });
});
