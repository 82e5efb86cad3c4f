// Page objects for the desk: signing in, and writing articles as an editor would.
import { type APIRequestContext, type Browser, expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../db/seed/password';
import { demoNewsroom } from '../../db/seed/demo-content';

export function demoUser(role: 'editor' | 'standards' | 'admin', index = 0) {
  const user = demoNewsroom.users.filter((u) => u.role === role)[index];
  if (!user) throw new Error(`the demo newsroom has no ${role} #${index}`);
  return { ...user, password: DEMO_PASSWORD };
}

export async function signIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signInAs(page: Page, role: 'editor' | 'standards' | 'admin', index = 0) {
  const user = demoUser(role, index);
  await signIn(page, user.email, user.password);
  await expect(page.getByRole('navigation', { name: 'Desk' })).toBeVisible();
  return user;
}

/** A second, separate browser session (another editor at another desk). */
export async function newSession(browser: Browser, role: 'editor' | 'standards' | 'admin', index = 0) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, role, index);
  return { context, page };
}

export interface NewArticle {
  slug: string;
  section: string;
  byline: string;
  headline: string;
  standfirst: string;
  body: string;
}

export async function createArticle(page: Page, article: NewArticle) {
  await page.goto('/desk/articles/new');
  await page.getByLabel('Slug', { exact: true }).fill(article.slug);
  await page.getByLabel('Section', { exact: true }).fill(article.section);
  await page.getByLabel('Byline', { exact: true }).fill(article.byline);
  await page.getByLabel('Headline', { exact: true }).fill(article.headline);
  await page.getByLabel('Standfirst', { exact: true }).fill(article.standfirst);
  await page.getByLabel('Body', { exact: true }).fill(article.body);
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page).toHaveURL(/\/desk\/articles\/\d+$/);
  return Number(page.url().split('/').pop());
}

export async function editArticle(page: Page, id: number, changes: { headline?: string; body?: string; changeKind?: string; note?: string }) {
  await page.goto(`/desk/articles/${id}/edit`);
  if (changes.headline !== undefined) await page.getByLabel('Headline', { exact: true }).fill(changes.headline);
  if (changes.body !== undefined) await page.getByLabel('Body', { exact: true }).fill(changes.body);
  if (changes.changeKind) await page.getByLabel('Kind of change', { exact: true }).selectOption(changes.changeKind);
  if (changes.note !== undefined) await page.getByLabel('Note on this change', { exact: true }).fill(changes.note);
}

export function uniqueSlug(prefix: string) {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** Opens an article's desk page from the desk's list, by its current headline. */
export async function openDeskArticle(page: Page, headline: string | RegExp) {
  // The desk lists a page at a time: search for a headline given as text, else show the newest hundred.
  await page.goto(typeof headline === 'string' ? `/desk?q=${encodeURIComponent(headline)}` : '/desk?per=100');
  await page.getByRole('link', { name: headline }).first().click();
  await expect(page).toHaveURL(/\/desk\/articles\/\d+/);
  return Number(new URL(page.url()).pathname.split('/').pop());
}

/** Selects words in the desk's rendered text, as a person dragging the mouse over them would. */
export async function selectWords(page: Page, words: string) {
  await page.evaluate((wanted) => {
    const body = document.querySelector('.claim-picker .article-body');
    if (!body) throw new Error('no article body on this page');
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = window.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return;
      }
    }
    throw new Error(`"${wanted}" is not in one text run of the body`);
  }, words);
}

/**
 * What a standards editor who ticks every correction offered for an edition dated `date` sends:
 * the step and one "pick-{id}" field per correction on the choosing page.
 */
export async function everyWaitingPick(request: APIRequestContext, date: string): Promise<Record<string, string>> {
  const html = await (await request.get(`/desk/column/new?date=${date}`)).text();
  return { step: 'create', ...Object.fromEntries([...html.matchAll(/name="pick-(\d+)"/g)].map(([, id]) => [`pick-${id}`, 'on'])) };
}

/** Through the desk as a standards editor would: the date, every offered correction ticked, the preview, the draft. */
export async function generateEditionThroughChoice(page: Page, date: string, confirm?: 'This edition is backdated' | 'This edition is dated more than a week ahead', only?: number[]) {
  await page.goto('/desk/column');
  await page.getByLabel('Edition date').fill(date);
  if (confirm) await page.getByLabel(confirm).check();
  await page.getByRole('button', { name: 'Choose corrections' }).click();
  await expect(page.getByRole('heading', { name: /^Choose corrections:/ })).toBeVisible();
  if (only) {
    // Only the caller's own corrections: another spec may withdraw or take one of its own meanwhile.
    const boxes = page.locator('.edition-pool > li').getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i++) {
      const box = boxes.nth(i);
      if (!only.includes(Number(((await box.getAttribute('name')) ?? '').replace('pick-', '')))) await box.uncheck();
    }
  }
  await page.getByRole('button', { name: 'Preview the edition' }).click();
  await page.getByRole('button', { name: /^Create the draft edition/ }).click();
  await expect(page.getByRole('heading', { name: /\(draft\)/ })).toBeVisible();
}

/** Discarding a draft edition: open the confirm step, tick it, discard. */
export async function discardDraftEdition(page: Page) {
  await page.getByText('Discard this draft…').click();
  await page.getByLabel('Yes, discard this draft').check();
  await page.getByRole('button', { name: 'Discard this draft' }).click();
}

/**
 * A classification from the default taxonomy (lib/standards/config.ts): publishing needs one, so
 * every call that publishes a correction sends it (fields errorType, errorCause, foundBy).
 */
export const CLASSIFIED = { errorType: 'number', errorCause: 'reporting', foundBy: 'staff' } as const;

/** The publish confirmation on a correction's desk page (opened when it is not). */
export async function publishConfirmation(page: Page) {
  const form = page.getByRole('form', { name: 'Publish this correction' });
  if (!(await form.isVisible())) await page.getByText('Publish correction…').click();
  await expect(form).toBeVisible();
  return form;
}

/** Fills the three taxonomy selects in the publish confirmation, as a standards editor does before publishing. */
export async function classifyForPublishing(page: Page, taxonomy: { errorType: string; errorCause: string; foundBy: string } = CLASSIFIED) {
  const form = await publishConfirmation(page);
  await form.getByLabel('Type of error', { exact: true }).selectOption(taxonomy.errorType);
  await form.getByLabel('Cause', { exact: true }).selectOption(taxonomy.errorCause);
  await form.getByLabel('Found by', { exact: true }).selectOption(taxonomy.foundBy);
  return form;
}

/** Classifies the error in the publish confirmation, then publishes (the caller checks what follows). */
export async function classifyAndPublish(page: Page, taxonomy?: { errorType: string; errorCause: string; foundBy: string }) {
  const form = await classifyForPublishing(page, taxonomy);
  await form.getByRole('button', { name: 'Publish correction' }).click();
}

/**
 * Published notice-only corrections waiting for the column, one per section given: an editor
 * writes and publishes a story and drafts the correction, a standards editor publishes it.
 */
export async function waitingCorrections(browser: Browser, sections: string[]): Promise<number[]> {
  const { actionNamed, callAction, redirectOf } = await import('./actions');
  const editor = await newSession(browser, 'editor');
  const standards = await newSession(browser, 'standards');
  const body = 'The harbour board said 41 berths would close.\n\nThe decision is final.';
  const ids: number[] = [];
  try {
    for (const section of sections) {
      const slug = uniqueSlug('waiting');
      const created = await callAction(editor.page.request, actionNamed('createArticleAction'), { slug, section, byline: 'Desk', headline: `Berths close (${slug})`, standfirst: '', body });
      const articleId = Number(/\/desk\/articles\/(\d+)/.exec((await redirectOf(created)) ?? '')?.[1]);
      expect(articleId, 'the article was created').toBeGreaterThan(0);
      await callAction(editor.page.request, actionNamed('publishArticleAction'), { articleId: String(articleId) });
      const start = body.indexOf('41 berths');
      const drafted = await callAction(editor.page.request, actionNamed('createCorrectionAction'), {
        articleId: String(articleId),
        versionNumber: '1',
        claims: JSON.stringify([{ start, end: start + 9 }]),
        kind: 'correction',
        mode: 'notice',
        wording: 'Fourteen berths will close, not 41.',
      });
      const correctionId = Number(/\/desk\/corrections\/(\d+)/.exec((await redirectOf(drafted)) ?? '')?.[1]);
      expect(correctionId, 'the correction was drafted').toBeGreaterThan(0);
      const published = await callAction(standards.page.request, actionNamed('publishCorrectionAction'), { correctionId: String(correctionId), revision: '1', ...CLASSIFIED });
      expect(await redirectOf(published)).toContain(`/desk/corrections/${correctionId}`);
      ids.push(correctionId);
    }
  } finally {
    await editor.context.close();
    await standards.context.close();
  }
  return ids;
}
