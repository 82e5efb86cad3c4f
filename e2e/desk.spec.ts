import { expect, test } from '@playwright/test';
import { createArticle, editArticle, newSession, signIn, signInAs, uniqueSlug } from './support/desk';
import { signInFrom } from './support/from-address';

const body = 'The ferry to Gull Island will run twice a day from Monday.\n\nThe harbour master said the timetable would be reviewed in spring.';

test.describe('the desk', () => {
  test('an editor creates, publishes and amends an article, and a reader sees the new version', async ({ page, browser }) => {
    await signInAs(page, 'editor');
    const slug = uniqueSlug('ferry-timetable');
    const id = await createArticle(page, { slug, section: 'Local', byline: 'Desk Test', headline: 'Ferry to run twice daily', standfirst: 'A new timetable.', body });
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Local · published')).toBeVisible();

    await editArticle(page, id, { body: body.replace('twice a day', 'three times a day'), changeKind: 'correction', note: 'Frequency corrected' });
    await page.getByRole('button', { name: 'Save new version' }).click();
    await expect(page.getByText('Saved version 2.')).toBeVisible();

    const reader = await browser.newPage();
    await reader.goto(`/articles/${slug}`);
    await expect(reader.locator('.article-body')).toContainText('three times a day');
    await reader.goto(`/articles/${slug}/versions/1`);
    await expect(reader.locator('.article-body')).toContainText('twice a day');
    await reader.close();
  });

  test('a second editor saving over a newer version is refused, sees the change, and keeps their text', async ({ page, browser }) => {
    await signInAs(page, 'editor');
    const slug = uniqueSlug('pier-repairs');
    const id = await createArticle(page, { slug, section: 'Local', byline: 'Desk Test', headline: 'Pier repairs begin', standfirst: '', body });
    const other = await newSession(browser, 'editor', 1);

    // Both open the edit form on version 1.
    await editArticle(page, id, { body: `${body}\n\nFirst editor's paragraph.` });
    await editArticle(other.page, id, { body: `${body}\n\nSecond editor's paragraph.` });
    await page.getByRole('button', { name: 'Save new version' }).click();
    await expect(page.getByText('Saved version 2.')).toBeVisible();

    await other.page.getByRole('button', { name: 'Save new version' }).click();
    await expect(other.page.locator('.form-error')).toContainText('Version 2 was saved');
    await expect(other.page.getByTestId('conflict-body')).toContainText("First editor's paragraph.");
    await expect(other.page.getByLabel('Body', { exact: true })).toHaveValue(/Second editor's paragraph\./);

    // Merging and saving again now succeeds, as version 3, on top of the first editor's.
    await other.page.getByLabel('Body', { exact: true }).fill(`${body}\n\nFirst editor's paragraph.\n\nSecond editor's paragraph.`);
    await other.page.getByRole('button', { name: 'Save new version' }).click();
    await expect(other.page.getByText('Saved version 3.')).toBeVisible();
    await other.context.close();
  });

  test('truly concurrent saves from the same version: exactly one wins, the rest keep their text', async ({ page, context }) => {
    await signInAs(page, 'editor');
    const id = await createArticle(page, { slug: uniqueSlug('concurrent'), section: 'Local', byline: 'Desk Test', headline: 'Race', standfirst: '', body });
    // Five tabs open the same version, each with its own text, then all save at once.
    const tabs = await Promise.all([1, 2, 3, 4, 5].map(() => context.newPage()));
    for (const [i, tab] of tabs.entries()) await editArticle(tab, id, { body: `${body}\n\nTab ${i + 1} was here.` });
    await Promise.all(tabs.map((tab) => tab.getByRole('button', { name: 'Save new version' }).click()));
    let saved = 0;
    for (const [i, tab] of tabs.entries()) {
      await expect(tab.getByText(/Saved version 2\.|Version 2 was saved/)).toBeVisible();
      if (await tab.getByText('Saved version 2.').isVisible()) saved += 1;
      else await expect(tab.getByLabel('Body', { exact: true })).toHaveValue(new RegExp(`Tab ${i + 1} was here`));
    }
    expect(saved).toBe(1);
    await page.goto(`/desk/articles/${id}`);
    await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(2);
  });

  test('field errors are shown beside the field and nothing is saved', async ({ page }) => {
    await signInAs(page, 'editor');
    await page.goto('/desk/articles/new');
    await page.getByLabel('Slug', { exact: true }).fill('Not A Slug!');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect(page.getByText('Use lower-case letters, digits and single hyphens')).toBeVisible();
    await expect(page.getByText('Give the article a headline.')).toBeVisible();
    await expect(page.getByText('The body is empty.')).toBeVisible();
    await expect(page.getByLabel('Slug', { exact: true })).toHaveValue('Not A Slug!');
    await page.getByLabel('Slug', { exact: true }).fill('local-elections-results');
    await page.getByLabel('Section', { exact: true }).fill('Politics');
    await page.getByLabel('Byline', { exact: true }).fill('X');
    await page.getByLabel('Headline', { exact: true }).fill('Duplicate');
    await page.getByLabel('Body', { exact: true }).fill('Text.');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await expect(page.getByText('That slug is already in use')).toBeVisible();
  });

  test('a session that ends mid-edit keeps the typed text: the save is refused with 401 and a message, on the same form', async ({ page, context }) => {
    await signInAs(page, 'editor');
    const id = await createArticle(page, { slug: uniqueSlug('session-ends'), section: 'Local', byline: 'Desk Test', headline: 'Quay lights', standfirst: '', body: 'The quay lights go on at six.' });
    await editArticle(page, id, { headline: 'Quay lights switched on at seven', note: 'Time corrected' });
    // Signed out in another tab of the same browser.
    const other = await context.newPage();
    await other.goto('/desk');
    await other.getByRole('button', { name: 'Sign out' }).click();
    await expect(other).toHaveURL(/\/login|\/$/);
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && !!r.request().headers()['next-action']);
    await page.getByRole('button', { name: 'Save new version' }).click();
    expect((await answered).status()).toBe(401);
    await expect(page.locator('.form-error')).toContainText('Your session has ended');
    await expect(page).toHaveURL(new RegExp(`/desk/articles/${id}/edit$`));
    await expect(page.getByLabel('Headline', { exact: true })).toHaveValue('Quay lights switched on at seven');
    await expect(page.getByLabel('Note on this change', { exact: true })).toHaveValue('Time corrected');
  });

  test('an editor cannot reach /desk/people; an admin can', async ({ page, browser }) => {
    await signInAs(page, 'editor');
    const response = await page.goto('/desk/people');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    const admin = await newSession(browser, 'admin');
    await admin.page.goto('/desk/people');
    await expect(admin.page.getByRole('heading', { name: 'People' })).toBeVisible();
    await admin.context.close();
  });

  test('a disabled account is refused on its very next request', async ({ page, browser }) => {
    const admin = await newSession(browser, 'admin');
    const email = `temp-${Date.now()}@example.org`;
    const password = 'tide tables at dawn';
    await admin.page.goto('/desk/people');
    await admin.page.getByLabel('Email', { exact: true }).fill(email);
    await admin.page.getByLabel('Name', { exact: true }).fill('Temporary Editor');
    await admin.page.getByLabel('Password', { exact: true }).fill(password);
    await admin.page.getByRole('button', { name: 'Add account' }).click();
    await expect(admin.page.getByText(`Added ${email} as editor.`)).toBeVisible();

    await signIn(page, email, password);
    await expect(page.getByRole('navigation', { name: 'Desk' })).toBeVisible();

    await admin.page.reload();
    await admin.page.getByRole('button', { name: `Disable ${email}` }).click();
    await expect(admin.page.getByText('Account disabled.')).toBeVisible();

    await page.goto('/desk');
    await expect(page).toHaveURL(/\/login/);
    await admin.context.close();
  });

  test('the sixth bad password in 15 minutes from browsers an account does not know is refused, for a real and an unknown account alike', async ({ browser }) => {
    // A real account made for this test, so locking it out troubles no other test.
    const real = `throttle-real-${Date.now()}@example.org`;
    const admin = await newSession(browser, 'admin');
    await admin.page.goto('/desk/people');
    await admin.page.getByLabel('Email', { exact: true }).fill(real);
    await admin.page.getByLabel('Name', { exact: true }).fill('Throttle Test');
    await admin.page.getByLabel('Password', { exact: true }).fill('a real password for throttling');
    await admin.page.getByRole('button', { name: 'Add account' }).click();
    await expect(admin.page.getByText(`Added ${real} as editor.`)).toBeVisible();
    await admin.context.close();
    for (const [n, email] of ['throttle-unknown@example.org', real].entries()) {
      const statuses: number[] = [];
      // Each guess from an address of its own: the limit is the account's, wherever the guesses come from.
      for (let i = 0; i < 6; i++) statuses.push((await signInFrom(`127.0.9${n}.${i + 1}`, email, 'wrong password here')).status);
      expect(statuses.slice(0, 5).every((s) => s !== 429), String(statuses)).toBe(true);
      expect(statuses[5]).toBe(429);
    }
    // The right password from a browser the account does not know is refused too, until the window passes.
    expect((await signInFrom('127.0.91.9', real, 'a real password for throttling')).status).toBe(429);
  });

  test('the sign-in form shows the throttling message', async ({ browser }) => {
    // An account of its own, so the lockout it trips troubles no other test's sign-ins.
    const context = await browser.newContext();
    const page = await context.newPage();
    for (let i = 0; i < 6; i++) {
      await signIn(page, 'nobody-here@example.org', 'still the wrong password');
      await expect(page.locator('.form-error')).toBeVisible();
    }
    await expect(page.locator('.form-error')).toContainText('Too many failed sign-ins');
    await context.close();
  });
});

test.describe('the stealth-edit guard', () => {
  test('a “minor edit” that changes a figure asks for a correction or a reason, and the history marks it', async ({ page }) => {
    await signInAs(page, 'editor');
    const slug = uniqueSlug('stealth');
    const id = await createArticle(page, { slug, section: 'Local', byline: 'Desk Test', headline: 'Ferry fares rise', standfirst: '', body: 'Fares will rise to £4.20 in March, the operator said.' });
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByText('Local · published')).toBeVisible();

    await editArticle(page, id, { body: 'Fares will rise to £4.80 in March, the operator said.', changeKind: 'minor_edit' });
    await page.getByRole('button', { name: 'Save new version' }).click();
    await expect(page.locator('.form-error')).toContainText('changes facts readers may have relied on');
    await expect(page.getByText(/Changed: number/)).toBeVisible();
    // The change is shown once, its words marked.
    await expect(page.getByText('Changed: number [“£4.20” → “£4.80”].')).toBeVisible();
    await expect(page.getByLabel('Body', { exact: true })).toHaveValue(/£4\.80/);
    // The refusal keeps the editor's choice of kind: it never quietly becomes an Update.
    await expect(page.getByLabel('Kind of change', { exact: true })).toHaveValue('minor_edit');

    await page.getByLabel('Why this is only a minor edit (kept on the record)', { exact: true }).fill('The operator’s press release had a typo we copied.');
    await page.getByRole('button', { name: 'Save new version' }).click();
    await expect(page.getByText('Saved version 2.')).toBeVisible();
    await page.goto(`/articles/${slug}/history`);
    await expect(page.locator('#version-2 .meta').first()).toContainText('Minor edit');
    await expect(page.locator('#version-2 .uncorrected')).toContainText('“£4.20” became “£4.80”');
  });
});
