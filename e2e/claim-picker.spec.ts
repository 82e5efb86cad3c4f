// Making a claim on the desk: a sloppy drag snaps to whole words, the keyboard alone can select
// (Shift with the arrow keys), the bar sits by the selection, and words that already have a
// correction are marked and warned about.
import { expect, type Page, test } from '@playwright/test';
import { createArticle, signInAs, uniqueSlug } from './support/desk';

const BODY = 'Results: the Alliance, losing nine councils and 695 council seats overnight, blamed turnout.\n\nTurnout was 31 per cent.';

async function newStory(page: Page) {
  await signInAs(page, 'editor');
  const id = await createArticle(page, { slug: uniqueSlug('claims'), section: 'Politics', byline: 'Desk Test', headline: 'Alliance routed again', standfirst: '', body: BODY });
  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByText('Politics · published')).toBeVisible();
  return id;
}

/** Where one character of the body's text is drawn: [left, right, middle y]. */
async function charBox(page: Page, index: number) {
  return page.evaluate((i) => {
    // The first paragraph's text, across the runs a mark cuts it into.
    const body = document.querySelector('.claim-picker .article-body p');
    if (!body) throw new Error('no text');
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    let at = i;
    let node = walker.nextNode();
    while (node && at >= (node.textContent ?? '').length) {
      at -= (node.textContent ?? '').length;
      node = walker.nextNode();
    }
    if (!node) throw new Error('past the text');
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 1);
    const r = range.getBoundingClientRect();
    return { left: r.left, right: r.right, y: r.top + r.height / 2 };
  }, index);
}

test.describe('making a claim on the desk', () => {
  test('a sloppy drag snaps to whole words, shown and saved', async ({ page }) => {
    await newStory(page);
    const first = BODY.indexOf('sing nine');
    const last = BODY.indexOf('council seats') + 'council sea'.length - 1;
    const a = await charBox(page, first);
    const b = await charBox(page, last);
    // The drag starts inside "losing" and stops inside "seats".
    await page.mouse.move(a.left + 1, a.y);
    await page.mouse.down();
    await page.mouse.move((a.left + b.right) / 2, a.y, { steps: 4 });
    await page.mouse.move(b.right - 1, b.y, { steps: 4 });
    await page.mouse.up();
    const words = 'losing nine councils and 695 council seats';
    await expect(page.getByText(`Selected: “${words}”`)).toBeVisible();
    // The selection shown is the words that will be saved.
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(words);
    // The bar is by the selection, not a screen below.
    const bar = await page.locator('.claim-picker-bar').boundingBox();
    expect(bar).not.toBeNull();
    expect(Math.abs((bar?.y ?? 0) - b.y)).toBeLessThan(80);
    await page.getByRole('button', { name: 'Add correction' }).click();
    await expect(page.getByRole('heading', { name: 'New correction' })).toBeVisible();
    await expect(page.locator('.correction-form mark')).toHaveText(words);
  });

  test('keyboard only: Tab into the text, arrows to move, Shift+arrows to select, Tab to Add correction; the words are then marked and warned about', async ({ page }) => {
    const id = await newStory(page);
    const text = page.getByRole('region', { name: 'Article text: select words to correct' });
    for (let i = 0; i < 40 && !(await text.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(text).toBeFocused();
    for (let i = 0; i < BODY.indexOf('nine'); i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 'nine councils'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await expect(page.getByText('Selected: “nine councils”')).toBeVisible();
    // Ctrl+Shift+ArrowRight takes in the next word whole.
    await page.keyboard.press('Control+Shift+ArrowRight');
    await expect(page.getByText('Selected: “nine councils and”')).toBeVisible();
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(page.getByText('Selected: “nine councils”')).toBeVisible();
    const add = page.getByRole('button', { name: 'Add correction' });
    for (let i = 0; i < 5 && !(await add.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(add).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'New correction' })).toBeVisible();
    await expect(page.locator('.correction-form mark')).toHaveText('nine councils');
    await page.getByLabel('Public wording').fill('The Alliance lost 11 councils.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('heading', { name: 'Correction (draft)' })).toBeVisible();

    // Back on the desk the words are marked, and choosing them again says so.
    await page.goto(`/desk/articles/${id}`);
    await expect(page.locator('.claim-picker mark.claim')).toHaveText('nine councils');
    const start = await charBox(page, BODY.indexOf('losing') + 2);
    const end = await charBox(page, BODY.indexOf('councils') + 3);
    await page.mouse.move(start.left + 1, start.y);
    await page.mouse.down();
    await page.mouse.move(end.right - 1, end.y, { steps: 5 });
    await page.mouse.up();
    await expect(page.getByText('Selected: “losing nine councils”')).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'These words already have a correction' })).toContainText(/Correction #\d+ \(draft\)/);
  });
});
