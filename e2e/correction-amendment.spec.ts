// The seed story's pattern end to end: a notice-only correction is published, printed in the
// column, and then the text is amended FOR it — one notice that says so, the mark on the new words,
// the history attributing the version to the correction. Runs in its own project after `main`
// (it generates and publishes a column edition, one draft at a time).
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { actionNamed, callAction } from './support/actions';
import { classifyAndPublish, createArticle, generateEditionThroughChoice, newSession, selectWords, signInAs, uniqueSlug } from './support/desk';
import { isoDateInZone } from '../lib/wording';

const databasePath = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), 'data', 'e2e', 'errata.db');
const WRONG = 'seven districts and 412 district seats';
const RIGHT = '10 districts and 538 district seats';
const BODY = [
  'The Fen Valley Party had its worst night in a generation on Thursday, losing seven districts and 412 district seats across the county.',
  'Its leader, Orla Penhaligon, said the party would "listen and rebuild" before next spring.',
].join('\n\n');

function read<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(databasePath, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

test.describe('amending the text for a published correction', () => {
  test('notice only → column → "Amend the text for this correction": one notice that says amended, the mark on the new words, the history attributes the version', async ({ page, browser }) => {
    test.setTimeout(180_000);
    const slug = uniqueSlug('fen-valley-count');
    const headline = `Fen Valley Party routed in county count ${slug.slice(-6)}`;
    await signInAs(page, 'editor');
    const articleId = await createArticle(page, { slug, section: 'Politics', byline: 'Ines Marlow', headline, standfirst: 'A bruising night for the party of government.', body: BODY });
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);

    // The editor drafts a notice-only correction from its parts, watching the live preview.
    await selectWords(page, WRONG);
    await page.getByRole('button', { name: 'Add correction' }).click();
    await expect(page.getByRole('heading', { name: 'New correction' })).toBeVisible();
    await page.getByLabel('What the article said').fill('This article said the Fen Valley Party lost seven districts and 412 district seats');
    await page.getByLabel('Public wording').fill('It lost 10 districts and 538 district seats');
    await page.getByLabel('An article about').fill('the county elections');
    const noticePreview = page.getByTestId('notice-preview');
    const columnPreview = page.getByTestId('column-preview');
    await expect(noticePreview).toContainText(/Correction, \d{1,2} \w+ \d{4}: This article said the Fen Valley Party lost seven districts and 412 district seats\. It lost 10 districts and 538 district seats\./);
    await expect(columnPreview).toContainText(/^An article about the county elections \(Politics, \d{1,2} \w+ \d{4}\) said the Fen Valley Party lost seven districts and 412 district seats\. It lost 10 districts and 538 district seats\.$/);
    // The preview follows the kind as it is chosen.
    await page.getByLabel('Kind').selectOption('clarification');
    await expect(columnPreview).toContainText(/^To clarify: An article about/);
    await page.getByLabel('Kind').selectOption('correction');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('heading', { name: 'Correction (draft)' })).toBeVisible();
    const correctionUrl = page.url();
    const correctionId = Number(correctionUrl.split('/').pop());

    // Standards publishes it: notice only, the text stays as it was.
    const standards = await newSession(browser, 'standards');
    await standards.page.goto(correctionUrl);
    // Publishing asks first, showing the notice as readers will read it.
    await standards.page.getByText('Publish correction…').click();
    await classifyAndPublish(standards.page);
    await expect(standards.page.getByRole('heading', { name: 'Correction (published)' })).toBeVisible();

    // The column is generated (dated two days ahead: not backdated, every published correction in its pool) and published.
    const editionDate = isoDateInZone(new Date(Date.now() + 2 * 86_400_000), 'Europe/London');
    await generateEditionThroughChoice(standards.page, editionDate);
    const item = standards.page.getByLabel(/^Item \d+ \(Politics\)$/).filter({ hasText: 'the county elections' });
    await expect(item).toHaveCount(1);
    const itemText = await item.inputValue();
    expect(itemText).toMatch(/^An article about the county elections \(Politics, \d{1,2} \w+ \d{4}\) said the Fen Valley Party lost seven districts and 412 district seats\. It lost 10 districts and 538 district seats\.$/);
    expect(itemText.match(/\bsaid\b/g)).toHaveLength(1);
    await standards.page.getByRole('button', { name: 'Publish edition' }).click();
    await expect(standards.page.getByRole('heading', { name: /\(published\)/ })).toBeVisible();

    const reader = await browser.newPage();
    await reader.goto(`/articles/${slug}`);
    const notices = reader.getByRole('region', { name: 'Corrections and clarifications' });
    await expect(notices.locator('li.notice')).toHaveCount(1);
    await expect(notices).toContainText('The following correction was printed in the Saltmarsh Courier’s For the Record column');
    await expect(reader.locator('mark.claim')).toHaveText(WRONG);

    // The editor amends the text for it, from the correction's page.
    await page.goto(correctionUrl);
    await page.getByRole('link', { name: 'Amend the text for this correction' }).click();
    await expect(page).toHaveURL(new RegExp(`/desk/articles/${articleId}/edit\\?correction=${correctionId}$`));
    await expect(page.getByLabel('This edit carries out a correction')).toHaveValue(String(correctionId));
    await expect(page.getByLabel('Kind of change')).toHaveValue('correction');
    const body = await page.getByLabel('Body', { exact: true }).inputValue();
    await page.getByLabel('Body', { exact: true }).fill(body.replace(WRONG, RIGHT));
    await page.getByRole('button', { name: 'Save new version' }).click();
    await expect(page.getByText('Saved version 2.')).toBeVisible();

    // One notice, saying the article was amended; the mark on the new words.
    await reader.goto(`/articles/${slug}`);
    await expect(notices.locator('li.notice')).toHaveCount(1);
    await expect(notices).toContainText(/This article was amended on \d{1,2} \w+ \d{4}\. The following correction was printed in the Saltmarsh Courier’s For the Record column, \w+ \d{1,2} \w+ \d{4}\. An earlier version of this article said the Fen Valley Party lost seven districts and 412 district seats\. It lost 10 districts and 538 district seats\./);
    await expect(reader.locator('.article-body')).toContainText(RIGHT);
    await expect(reader.locator('mark.claim')).toHaveCount(1);
    await expect(reader.locator('mark.claim')).toContainText('10 districts and 538');

    // The history shows version 2 as the correction's amendment, and nothing "changed without a correction".
    await reader.goto(`/articles/${slug}/history`);
    await expect(reader.locator('#version-2')).toContainText('Correction: It lost 10 districts and 538 district seats');
    await expect(reader.locator('body')).not.toContainText('Changed without a correction');
    await reader.goto(`/articles/${slug}/compare?from=1&to=2`);
    await expect(reader.locator('body')).not.toContainText('Changed without a correction');

    // The correction's desk page says which version carried it out, and offers no second amendment.
    await page.goto(correctionUrl);
    await expect(page.getByText('The text was amended for this correction in')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Amend the text for this correction' })).toHaveCount(0);
    await reader.close();
    await standards.context.close();
  });

  test('an edit cannot carry out another article’s, an already-amended, a withdrawn or a draft correction, nor one whose words it leaves alone; nothing is saved', async ({ page }) => {
    test.setTimeout(180_000);
    await signInAs(page, 'standards');
    const save = actionNamed('saveVersionAction');
    const make = async (label: string) => {
      const slug = uniqueSlug(label);
      const id = await createArticle(page, { slug, section: 'Politics', byline: 'Ines Marlow', headline: `Count ${slug.slice(-6)}`, standfirst: 'The count.', body: BODY });
      await page.getByRole('button', { name: 'Publish', exact: true }).click();
      await expect(page.getByRole('button', { name: 'Withdraw', exact: true })).toBeVisible();
      await selectWords(page, WRONG);
      await page.getByRole('button', { name: 'Add correction' }).click();
      await page.getByLabel('Public wording').fill('It lost 10 districts and 538 district seats.');
      await page.getByRole('button', { name: 'Save draft' }).click();
      await expect(page.getByRole('heading', { name: 'Correction (draft)' })).toBeVisible();
      return { articleId: id, correctionId: Number(page.url().split('/').pop()) };
    };
    const publish = async (correctionId: number) => {
      await page.goto(`/desk/corrections/${correctionId}`);
      await page.getByText('Publish correction…').click();
      await classifyAndPublish(page);
      await expect(page.getByRole('heading', { name: 'Correction (published)' })).toBeVisible();
    };
    const a = await make('amend-a');
    const b = await make('amend-b');
    await publish(a.correctionId);
    await publish(b.correctionId);
    const versions = (articleId: number) => read<{ n: number }>('select count(*) as n from versions where article_id = ?', articleId).n;
    const fields = (articleId: number, carriesOut: number, over: Record<string, string> = {}) => ({
      articleId: String(articleId),
      baseNumber: '1',
      headline: 'Count',
      standfirst: 'The count.',
      body: BODY.replace(WRONG, RIGHT),
      changeKind: 'correction',
      carriesOut: String(carriesOut),
      ...over,
    });
    const refused = async (call: Record<string, string>, status: number, words: RegExp) => {
      const before = versions(Number(call.articleId));
      const response = await callAction(page.request, save, call);
      expect(response.status()).toBe(status);
      expect(response.headers()['x-action-redirect']).toBeUndefined();
      const text = await response.text();
      expect(text).toMatch(words);
      // The typed text comes back.
      expect(text).toContain('"body":"The Fen Valley Party had its worst night in a generation');
      expect(versions(Number(call.articleId))).toBe(before);
    };

    // Another article's correction.
    await refused(fields(a.articleId, b.correctionId), 422, /is not one of this article’s corrections/);
    // A minor edit cannot carry one out.
    await refused(fields(a.articleId, a.correctionId, { changeKind: 'minor_edit' }), 422, /is a correction, clarification or update/);
    // An edit that leaves the corrected words alone.
    await refused(fields(a.articleId, a.correctionId, { body: `${BODY}\n\nA new closing line.` }), 422, /does not change the words correction/);
    // Carried out once; a second time is refused, and so is an edit made on the version before.
    const ok = await callAction(page.request, save, fields(a.articleId, a.correctionId));
    expect(ok.headers()['x-action-redirect']).toMatch(new RegExp(`/desk/articles/${a.articleId}\\?saved=2`));
    await refused(fields(a.articleId, a.correctionId, { body: BODY.replace(WRONG, '11 districts and 539 district seats') }), 409, /Version 2 was saved .*while you were editing/);
    await refused(fields(a.articleId, a.correctionId, { baseNumber: '2', body: BODY.replace(WRONG, '11 districts and 539 district seats') }), 409, /already carried out by version 2/);
    // A withdrawn correction.
    await page.goto(`/desk/corrections/${b.correctionId}`);
    await page.getByLabel('Public reason for withdrawing it').fill('The first count was right.');
    await page.getByRole('button', { name: 'Withdraw correction' }).click();
    await expect(page.getByText('Withdrawn: The first count was right.')).toBeVisible();
    await refused(fields(b.articleId, b.correctionId), 409, /was withdrawn/);
    // A draft.
    const c = await make('amend-c');
    await refused(fields(c.articleId, c.correctionId), 422, /is still a draft/);

    // In the form: the refusal stands beside the field, the typed text stays.
    await page.goto(`/desk/articles/${c.articleId}/edit`);
    await expect(page.getByLabel('This edit carries out a correction')).toHaveCount(0);
    await page.goto(`/desk/articles/${a.articleId}/edit`);
    await expect(page.getByLabel('This edit carries out a correction')).toHaveCount(0);
  });
});
