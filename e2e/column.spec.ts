import { expect, type Page, test } from '@playwright/test';
import { actionManifest, callAction } from './support/actions';
import { discardDraftEdition, generateEditionThroughChoice, newSession, signInAs, waitingCorrections } from './support/desk';
import { isoDateInZone } from '../lib/wording';

/**
 * Submits the pool's filter form (a plain GET) and waits for the page it loads: counting the
 * list straight after the click would count the page being left.
 */
async function filterPool(page: Page, want: { section?: string; from?: string }) {
  await Promise.all([
    page.waitForURL((url) =>
      url.pathname === '/desk/column/new' &&
      (url.searchParams.get('section') ?? '') === (want.section ?? '') &&
      (url.searchParams.get('from') ?? '') === (want.from ?? ''),
    ),
    page.getByRole('button', { name: 'Filter' }).click(),
  ]);
  await expect(page.getByRole('heading', { name: /^Choose corrections:/ })).toBeVisible();
}

test.describe('For the Record', () => {
  // Each test is a whole desk flow across two or three signed-in browsers (20–25 s on an idle
  // two-core machine since editions are chosen, previewed and confirmed): time for that, not for waiting.
  test.describe.configure({ timeout: 90_000 });
  test('the standards editor generates, rewords and publishes an edition; notices name it; a second edition does not repeat it', async ({ page, browser }) => {
    await signInAs(page, 'standards');
    await generateEditionThroughChoice(page, '2026-11-22', 'This edition is backdated');
    await expect(page.getByRole('heading', { name: /For the Record, Sunday 22 November 2026 \(draft\)/ })).toBeVisible();

    const item = page.getByLabel(/^Item \d+ \(Politics\)$/).filter({ hasText: '695 council seats and nine councils' });
    await expect(item).toHaveCount(1);
    await item.fill('An article about the local elections (Politics, 1 November 2026) said the Harbour Alliance lost 695 council seats and nine councils. It lost 842 seats and 11 councils.');
    await page.getByLabel('Intro').fill('Corrections and clarifications from the past week.');
    await page.getByRole('button', { name: 'Save edition' }).click();
    await expect(page.getByText('Edition saved.')).toBeVisible();
    // A reader has the article's page, now in the cache, before the edition is published: the
    // publish clicked in the browser (not only one posted to the action) must drop it.
    const reader = await browser.newPage();
    await reader.goto('/articles/local-elections-results');
    await expect(reader.getByRole('region', { name: 'Corrections and clarifications' })).not.toContainText('For the Record column, Sunday 22 November 2026');
    await page.getByRole('button', { name: 'Publish edition' }).click();
    await expect(page.getByRole('heading', { name: /\(published\)/ })).toBeVisible();

    await reader.goto('/articles/local-elections-results');
    await expect(reader.getByRole('region', { name: 'Corrections and clarifications' })).toContainText(
      'The following correction was printed in the Saltmarsh Courier’s For the Record column, Sunday 22 November 2026.',
    );
    await reader.goto('/for-the-record/2026-11-22');
    await expect(reader.locator('.column-edition')).toContainText('It lost 842 seats and 11 councils.');
    await expect(reader.locator('.column-intro')).toHaveText('Corrections and clarifications from the past week.');
    const text = await (await reader.request.get('/for-the-record/2026-11-22.txt')).text();
    expect(text).toContain('FOR THE RECORD\nSunday 22 November 2026');
    expect(text).toContain('It lost 842 seats and 11 councils.');
    await reader.goto('/for-the-record');
    await expect(reader.getByRole('link', { name: 'Sunday 22 November 2026' })).toBeVisible();
    await reader.close();

    // The next edition gathers only what was not printed.
    await page.goto('/desk/column');
    await page.getByLabel('Edition date').fill('2026-11-29');
    await page.getByLabel('This edition is backdated').check();
    await page.getByRole('button', { name: 'Choose corrections' }).click();
    await expect(page.getByRole('heading', { name: /^Choose corrections: For the Record, Sunday 29 November 2026/ })).toBeVisible();
    await expect(page.locator('main')).not.toContainText('Alliance routed in local elections');
  });

  test('an impossible date is refused with a field error, and a date before today needs the backdated box', async ({ page }) => {
    await signInAs(page, 'standards');
    await page.goto('/desk/column');
    const editions = await page.getByRole('link', { name: /^\d{4}-\d{2}-\d{2}$/ }).count();
    // A date picker cannot send 31 February, but the action can be called with it.
    const generate = actionManifest().get('app/desk/column/actions.ts#generateEditionAction');
    const response = await callAction(page.request, generate!, { date: '2030-02-31' });
    expect(response.status()).toBeLessThan(500);
    expect(response.headers()['x-action-redirect']).toBeUndefined();
    expect(await response.text()).toContain('That date does not exist.');

    await page.getByLabel('Edition date').fill('2025-01-15');
    await page.getByRole('button', { name: 'Choose corrections' }).click();
    await expect(page.locator('.field-error')).toContainText('2025-01-15 is before today');
    await expect(page.locator('.field-error')).toContainText('This edition is backdated');
    await expect(page).toHaveURL(/\/desk\/column$/);
    // A date far ahead (a typo in the year) would have notices claim a print date that never came.
    await page.getByLabel('Edition date').fill('2099-01-01');
    await page.getByRole('button', { name: 'Choose corrections' }).click();
    await expect(page.locator('.field-error')).toContainText('2099-01-01 is more than 7 days ahead');
    await expect(page).toHaveURL(/\/desk\/column$/);
    await page.goto('/desk/column');
    await expect(page.getByRole('link', { name: /^\d{4}-\d{2}-\d{2}$/ })).toHaveCount(editions);
  });

  test('publishing is refused when the draft changed after the standards editor opened it, and the current text is shown', async ({ page, browser }) => {
    const mine = await waitingCorrections(browser, ['Local']);
    await signInAs(page, 'standards');
    // Dated ahead, so nothing is backdated and every published correction is in the pool; this
    // edition takes only this test's own.
    await generateEditionThroughChoice(page, isoDateInZone(new Date(Date.now() + 400 * 86_400_000), 'Europe/London'), 'This edition is dated more than a week ahead', mine);
    const url = page.url();

    // Another standards editor rewords the intro while this tab is open.
    const other = await newSession(browser, 'standards', 1);
    await other.page.goto(url);
    await other.page.getByLabel('Intro').fill('Changed in another tab.');
    await other.page.getByRole('button', { name: 'Save edition' }).click();
    await expect(other.page.getByText('Edition saved.')).toBeVisible();
    await other.context.close();

    await page.getByRole('button', { name: 'Publish edition' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'This edition changed after you opened it' })).toBeVisible();
    await expect(page.getByRole('heading', { name: /\(draft\)/ })).toBeVisible();
    await expect(page.getByLabel('Intro')).toHaveValue('Changed in another tab.');

    // Thrown away: its items go back to the pool for the other specs.
    await discardDraftEdition(page);
    await expect(page.getByRole('heading', { name: 'For the Record' })).toBeVisible();
  });

  test('the standards editor chooses the items (filtered by section and date), previews them, and a discard asks first', async ({ page, browser }) => {
    await waitingCorrections(browser, ['Local', 'Arts', 'Local']);
    await signInAs(page, 'standards');
    const date = isoDateInZone(new Date(Date.now() + 500 * 86_400_000), 'Europe/London');
    await page.goto('/desk/column');
    await page.getByLabel('Edition date').fill(date);
    await page.getByLabel('This edition is dated more than a week ahead').check();
    await page.getByRole('button', { name: 'Choose corrections' }).click();
    await expect(page.getByRole('heading', { name: /^Choose corrections:/ })).toBeVisible();
    const offered = page.locator('.edition-pool > li');
    const everything = await offered.count();
    expect(everything).toBeGreaterThan(1);

    // By section: only that section's corrections are offered.
    const sections = (await page.locator('#section option').allTextContents()).filter((s) => s !== 'Any');
    const section = sections[0];
    await page.getByLabel('Section').selectOption(section);
    await filterPool(page, { section });
    const inSection = await offered.count();
    expect(inSection).toBeGreaterThan(0);
    expect(inSection).toBeLessThan(everything);
    for (const text of await offered.locator('label').allTextContents()) expect(text).toContain(`(${section})`);

    // By date: nothing was published after the edition's own day.
    await page.getByLabel('Section').selectOption('');
    await page.getByLabel('Published from').fill(date);
    await filterPool(page, { from: date });
    await expect(page.getByText('No waiting corrections match.')).toBeVisible();
    await page.getByLabel('Published from').fill('');
    await filterPool(page, {});
    // (Other specs may publish corrections meanwhile: never fewer.)
    expect(await offered.count()).toBeGreaterThanOrEqual(everything);

    // Choose: keep two, untick the rest; the preview shows exactly those, as they will print.
    const boxes = offered.getByRole('checkbox');
    const now = await boxes.count();
    for (let i = 2; i < now; i++) await boxes.nth(i).uncheck();
    const kept = await offered.locator('blockquote').evaluateAll((els) => els.slice(0, 2).map((e) => e.textContent ?? ''));
    const left = (await offered.nth(2).locator('blockquote').textContent()) ?? '';
    await page.getByRole('button', { name: 'Preview the edition' }).click();
    const preview = page.getByRole('region', { name: /^Preview: 2 items/ });
    await expect(preview.locator('.column-edition li')).toHaveText(kept);
    await expect(preview).not.toContainText(left);
    await page.getByRole('button', { name: 'Create the draft edition (2 items)' }).click();
    await expect(page.getByRole('heading', { name: /\(draft\)/ })).toBeVisible();
    await expect(page.locator('.edition-items > li')).toHaveCount(2);
    // Reordering the chosen items.
    const first = await page.getByLabel(/^Item 1 \(/).inputValue();
    await page.getByRole('button', { name: 'Move item 1 down' }).click();
    await expect(page.getByLabel(/^Item 2 \(/)).toHaveValue(first);

    // Discard asks first: the button alone throws nothing away.
    await page.getByText('Discard this draft…').click();
    await page.getByRole('button', { name: 'Discard this draft' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Tick “Yes, discard this draft”' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: /\(draft\)/ })).toBeVisible();
    await expect(page.locator('.edition-items > li')).toHaveCount(2);
    await discardDraftEdition(page);
    await expect(page.getByRole('heading', { name: 'For the Record' })).toBeVisible();
    await expect(page.getByRole('link', { name: date })).toHaveCount(0);
  });

  test('several draft editions may be open, one per date, never sharing a correction', async ({ page, browser }) => {
    // Each draft takes one of this test's own corrections: the pool is shared with the specs running
    // beside this one, whose drafts may take any other correction between a page's load and its submit.
    const [taken, kept] = await waitingCorrections(browser, ['Local', 'Local']);
    await signInAs(page, 'standards');
    const first = isoDateInZone(new Date(Date.now() + 600 * 86_400_000), 'Europe/London');
    const second = isoDateInZone(new Date(Date.now() + 607 * 86_400_000), 'Europe/London');
    /** Ticks only the correction `id` in the pool. */
    const pickOnly = async (id: number) => {
      const boxes = page.locator('.edition-pool > li').getByRole('checkbox');
      await expect(page.locator(`input[name="pick-${id}"]`)).toHaveCount(1);
      for (const box of await boxes.all()) if ((await box.getAttribute('name')) !== `pick-${id}`) await box.uncheck();
    };
    await page.goto(`/desk/column/new?date=${first}&ahead=on`);
    expect(await page.locator('.edition-pool > li').getByRole('checkbox').count()).toBeGreaterThan(1);
    await pickOnly(taken);
    await page.getByRole('button', { name: 'Preview the edition' }).click();
    await page.getByRole('button', { name: 'Create the draft edition (1 item)' }).click();
    await expect(page.getByRole('heading', { name: /\(draft\)/ })).toBeVisible();
    const firstUrl = page.url();

    // The second date's list leaves out what the first draft holds, and says where it is.
    await page.goto(`/desk/column/new?date=${second}&ahead=on`);
    await expect(page.locator(`input[name="pick-${taken}"]`)).toHaveCount(0);
    await expect(page.locator('.edition-pool > li').first()).toBeVisible();
    await expect(page.getByText(/more (is|are) in .*draft edition/)).toContainText(first);
    await pickOnly(kept);
    await page.getByRole('button', { name: 'Preview the edition' }).click();
    await page.getByRole('button', { name: 'Create the draft edition (1 item)' }).click();
    await expect(page.getByRole('heading', { name: /\(draft\)/ })).toBeVisible();
    await expect(page.locator('.edition-items')).toBeVisible();
    await discardDraftEdition(page);
    await page.goto(firstUrl);
    await discardDraftEdition(page);
    await expect(page.getByRole('heading', { name: 'For the Record' })).toBeVisible();
  });
});
