// Errata as a CMS's corrections layer, end to end: an admin subscribes a local receiver to
// correction.published on the desk; the CMS gets a token from `npm run token:add`, PUTs an article
// as HTML and then a revision that quietly changes its figures; the desk sees two versions and a
// stealth-edit flag, an editor drafts a correction, a standards editor publishes it and resolves
// the flag with it; the receiver gets the event signed per Standard Webhooks (verified with the
// standardwebhooks library); the embed fragment shows the notice.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { Webhook } from 'standardwebhooks';
import { bearer, tokenFromCli } from './support/api-tokens';
import { classifyAndPublish, newSession, selectWords } from './support/desk';
import { queryOne } from './support/e2e-db';

const run = Math.random().toString(36).replace(/[^a-z0-9]/g, '').slice(0, 6);
const externalId = `wp-${run}`;
const HEADLINE = `Alliance routed in ${run} council elections`;

const html = (seats: string, councils: string) => `
<div class="entry-content">
  <p>The Harbour Alliance lost <strong>${seats} council seats and ${councils} councils</strong> in Thursday’s elections, its worst result in a generation.</p>
  <figure class="wp-block-image"><img src="https://cms.example/count.jpg" alt="Counting"><figcaption>The count at Saltmarsh town hall</figcaption></figure>
  <h2>What the leader said</h2>
  <blockquote><p>“We have heard the voters,” said the leader, <em>Ros Penhale</em>.</p></blockquote>
  <ul><li>Turnout: 34%</li><li>Recounts: two</li></ul>
  <p>Full results are on the <a href="https://cms.example/results">results page</a>.</p>
  <figure class="wp-block-embed is-provider-youtube"><iframe src="https://www.youtube.com/embed/abc"></iframe></figure>
</div>`;

interface Delivery {
  headers: Record<string, string>;
  body: string;
}

test('a CMS connects: token, HTML in, a flagged revision, a correction from the desk, a signed webhook, the embed', async ({ browser, request }) => {
  // The CMS's webhook receiver.
  const deliveries: Delivery[] = [];
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      deliveries.push({ headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)])), body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/errata`;

  try {
    // An admin subscribes it on the desk and copies the signing secret shown once.
    const admin = await newSession(browser, 'admin');
    await admin.page.goto('/desk/webhooks');
    await admin.page.getByLabel('Receiver’s address').fill(receiverUrl);
    await admin.page.getByRole('checkbox', { name: /correction\.published/ }).check();
    await admin.page.getByLabel('Description (optional)').fill(`The CMS (${run})`);
    await admin.page.getByRole('button', { name: 'Add subscription' }).click();
    const secret = await admin.page.locator('#webhook-secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await admin.context.close();

    // The CMS's token, from the shell.
    const token = tokenFromCli(`wordpress-${run}`, ['ingest', 'read']);
    const put = (body: string) =>
      request.put(`/api/v1/articles/${externalId}`, {
        headers: { ...bearer(token), 'content-type': 'application/json' },
        data: JSON.stringify({ headline: HEADLINE, standfirst: 'Its worst night in a generation', byline: 'Morwenna Tallack', section: 'Politics', canonicalUrl: `https://cms.example/politics/${externalId}`, bodyFormat: 'html', body }),
      });
    const first = await put(html('695', 'nine'));
    expect(first.status(), await first.text()).toBe(201);
    const created = await first.json();
    expect(created.article.current.body).toBe(
      [
        'The Harbour Alliance lost **695 council seats and nine councils** in Thursday’s elections, its worst result in a generation.',
        '*Picture: The count at Saltmarsh town hall*',
        '## What the leader said',
        '> “We have heard the voters,” said the leader, *Ros Penhale*.',
        '- Turnout: 34%\n- Recounts: two',
        'Full results are on the [results page](https://cms.example/results).',
      ].join('\n\n'),
    );
    expect(created.notes.join(' ')).toMatch(/youtube/);
    // The CMS's quiet fix: new figures, no correction.
    const revised = await put(html('842', '11'));
    expect(revised.status()).toBe(200);
    expect(await revised.json()).toMatchObject({ outcome: 'appended', version: 2, flagged: true });
    const read = await (await request.get(`/api/v1/articles/${externalId}`, { headers: bearer(token) })).json();
    expect(read.versions.map((v: { number: number }) => v.number)).toEqual([1, 2]);

    // The desk: two versions and the flag.
    const articleId = queryOne<{ id: number }>('select id from articles where external_id = ?', externalId).id;
    const editor = await newSession(browser, 'editor');
    await editor.page.goto(`/desk/articles/${articleId}`);
    await expect(editor.page.getByRole('heading', { name: 'Stealth-edit flags (1 open)' })).toBeVisible();
    await expect(editor.page.getByText(/Version 2.*came from the CMS and changed facts without a correction/)).toBeVisible();
    await expect(editor.page.getByRole('cell', { name: '2', exact: true })).toBeVisible();
    await expect(editor.page.getByRole('cell', { name: '1', exact: true })).toBeVisible();
    // The editor drafts the correction on the new figures.
    await selectWords(editor.page, '842 council seats and 11 councils');
    await editor.page.getByRole('button', { name: 'Add correction' }).click();
    await editor.page.getByLabel('Public wording').fill('An earlier version said the Harbour Alliance lost 695 seats and nine councils. They lost 842 council seats and 11 councils.');
    await editor.page.getByRole('button', { name: 'Save draft' }).click();
    await expect(editor.page).toHaveURL(/\/desk\/corrections\/\d+/);
    const correctionId = Number(new URL(editor.page.url()).pathname.split('/').pop());
    await editor.context.close();

    // A standards editor publishes it, then resolves the flag with it.
    const standards = await newSession(browser, 'standards');
    await standards.page.goto(`/desk/corrections/${correctionId}`);
    await classifyAndPublish(standards.page);
    await expect(standards.page.getByRole('heading', { name: 'Correction (published)' })).toBeVisible();
    await standards.page.goto(`/desk/articles/${articleId}`);
    await standards.page.getByLabel('Covered by').selectOption(String(correctionId));
    await standards.page.getByRole('button', { name: 'Resolve flag' }).click();
    await expect(standards.page.getByText(`Covered by correction ${correctionId}.`)).toBeVisible();
    await expect(standards.page.getByRole('heading', { name: 'Stealth-edit flags', exact: true })).toBeVisible();
    await standards.context.close();

    // The signed webhook arrives at the receiver.
    await expect.poll(() => deliveries.filter((d) => d.body.includes('"correction.published"') && d.body.includes(externalId)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    const delivery = deliveries.find((d) => d.body.includes('"correction.published"') && d.body.includes(externalId)) as Delivery;
    expect(delivery.headers['webhook-id']).toMatch(/^msg_/);
    expect(delivery.headers['webhook-signature']).toMatch(/^v1,/);
    const event = new Webhook(secret).verify(delivery.body, delivery.headers) as { type: string; data: { correction: { id: number; wording: string }; article: { externalId: string } } };
    expect(event.type).toBe('correction.published');
    expect(event.data.correction.id).toBe(correctionId);
    expect(event.data.article.externalId).toBe(externalId);
    // A forged body does not verify.
    expect(() => new Webhook(secret).verify(delivery.body.replace('842', '843'), delivery.headers)).toThrow();
    // The desk lists the delivery on the correction.
    const check = await newSession(browser, 'admin');
    await check.page.goto(`/desk/corrections/${correctionId}`);
    await expect(check.page.getByRole('region', { name: /Webhook deliveries/ })).toContainText('correction.published');
    await check.context.close();

    // The CMS's page shows the notice through the embed.
    const fragment = await request.get(`/embed/articles/${externalId}/notices`);
    expect(fragment.status()).toBe(200);
    const text = await fragment.text();
    expect(text).toContain('They lost 842 council seats and 11 councils.');
    expect(text).toContain('class="errata-notices"');
    expect(text).not.toMatch(/<script|style=/);
  } finally {
    receiver.close();
  }
});
