// Where features meet, the record's promises hold: roles are checked on the parsed value, an editor
// cannot undo a withdrawal, and standards publishes only the wording it read.
import path from 'node:path';
import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { actionNamed, callAction, callActionEntries, redirectOf } from './support/actions';
import { CLASSIFIED, classifyForPublishing, newSession, publishConfirmation } from './support/desk';

const databasePath = process.env.E2E_DATABASE_PATH ?? path.join(process.cwd(), 'data', 'e2e', 'errata.db');

function query<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(databasePath, { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

const BODY = 'The council voted 7 to 2 to close the library on Fridays.\n\nThe mayor said the savings were small.';

async function publishedArticle(request: import('@playwright/test').APIRequestContext, slug: string): Promise<number> {
  const created = await callAction(request, actionNamed('createArticleAction'), { slug, section: 'Local', byline: 'Desk', headline: `Library ${slug}`, standfirst: 'Fridays', body: BODY });
  const id = Number(/\/desk\/articles\/(\d+)/.exec((await redirectOf(created)) ?? '')?.[1]);
  expect(id, 'the article was created').toBeGreaterThan(0);
  const published = await callAction(request, actionNamed('publishArticleAction'), { articleId: String(id) });
  expect(await redirectOf(published)).toContain(`/desk/articles/${id}`);
  return id;
}

/** A notice-only draft correction on the vote ("7 to 2") of an article written from BODY. */
async function draftVoteCorrection(request: import('@playwright/test').APIRequestContext, articleId: number): Promise<number> {
  const start = BODY.indexOf('7 to 2');
  const drafted = await callAction(request, actionNamed('createCorrectionAction'), {
    articleId: String(articleId),
    versionNumber: '1',
    claims: JSON.stringify([{ start, end: start + 6 }]),
    kind: 'correction',
    mode: 'notice',
    wording: 'The vote was 6 to 3.',
  });
  const correctionId = Number(/\/desk\/corrections\/(\d+)/.exec((await redirectOf(drafted)) ?? '')?.[1]);
  expect(correctionId, 'the correction was drafted').toBeGreaterThan(0);
  return correctionId;
}

test('a field sent twice is refused with a 400: an editor cannot save a legal withholding by repeating changeKind', async ({ browser }) => {
  const editor = await newSession(browser, 'editor');
  const id = await publishedArticle(editor.page.request, `twice-${Date.now().toString(36)}`);
  const entries: [string, string][] = [
    ['articleId', String(id)],
    ['baseNumber', '1'],
    ['changeKind', 'update'],
    ['changeKind', 'legal'],
    ['withhold', '1'],
    ['legalReason', 'A court order.'],
    ['headline', 'Library hours'],
    ['standfirst', 'Fridays'],
    ['body', BODY.replace('7 to 2', '6 to 3')],
  ];
  const response = await callActionEntries(editor.page.request, actionNamed('saveVersionAction'), entries);
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain('“changeKind” was sent more than once');
  expect(query<{ n: number }>('select count(*) as n from versions where article_id = ?', id).n).toBe(1);
  expect(query<{ n: number }>('select count(*) as n from withholdings w join versions v on v.id = w.version_id where v.article_id = ?', id).n).toBe(0);
  // Sent once, a legal version is checked against the role table on the parsed change kind: 403.
  const once = await callAction(editor.page.request, actionNamed('saveVersionAction'), Object.fromEntries(entries.filter(([k, v]) => !(k === 'changeKind' && v === 'update'))));
  expect(once.status()).toBe(403);
  expect(query<{ n: number }>('select count(*) as n from versions where article_id = ?', id).n).toBe(1);
  await editor.context.close();
});

test('an editor cannot undo a withdrawal; standards restores it with a reason, and readers see both', async ({ browser }) => {
  const editor = await newSession(browser, 'editor');
  const standards = await newSession(browser, 'standards');
  const slug = `withdrawn-${Date.now().toString(36)}`;
  const id = await publishedArticle(editor.page.request, slug);
  const withdrawn = await callAction(standards.page.request, actionNamed('withdrawArticleAction'), { articleId: String(id), reason: 'The vote count could not be stood up.' });
  expect(await redirectOf(withdrawn)).toContain(`/desk/articles/${id}`);

  // The editor's publish call changes nothing, and the desk does not offer it.
  await callAction(editor.page.request, actionNamed('publishArticleAction'), { articleId: String(id) });
  expect(query<{ status: string; withdrawn_reason: string }>('select status, withdrawn_reason from articles where id = ?', id)).toEqual({ status: 'withdrawn', withdrawn_reason: 'The vote count could not be stood up.' });
  const refused = await callAction(editor.page.request, actionNamed('unwithdrawArticleAction'), { articleId: String(id), reason: 'I liked it.' });
  expect(refused.status()).toBe(403);
  expect(query<{ status: string }>('select status from articles where id = ?', id).status).toBe('withdrawn');
  await editor.page.goto(`/desk/articles/${id}`);
  await expect(editor.page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
  await expect(editor.page.getByRole('button', { name: 'Restore' })).toHaveCount(0);

  // Standards restores it from the desk, with a reason for the record.
  await standards.page.goto(`/desk/articles/${id}`);
  await expect(standards.page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
  await standards.page.getByLabel('Reason for restoring it (public)').fill('The count was confirmed by the clerk.');
  await standards.page.getByRole('button', { name: 'Restore' }).click();
  await expect(standards.page.getByRole('button', { name: 'Withdraw' })).toBeVisible();
  expect(query<{ status: string }>('select status from articles where id = ?', id).status).toBe('published');

  for (const url of [`/articles/${slug}`, `/articles/${slug}/history`]) {
    await editor.page.goto(url);
    const record = editor.page.getByRole('region', { name: 'Withdrawals and restorations' });
    await expect(record).toContainText('Withdrawn on');
    await expect(record).toContainText('The vote count could not be stood up.');
    await expect(record).toContainText('Restored on');
    await expect(record).toContainText('The count was confirmed by the clerk.');
  }
  await editor.context.close();
  await standards.context.close();
});

test('standards publishes only the wording it read: a draft changed since is refused and its new text shown', async ({ browser }) => {
  const editor = await newSession(browser, 'editor');
  const standards = await newSession(browser, 'standards');
  const id = await publishedArticle(editor.page.request, `reviewed-${Date.now().toString(36)}`);
  const correctionId = await draftVoteCorrection(editor.page.request, id);

  await standards.page.goto(`/desk/corrections/${correctionId}`);
  // Publishing opens on what readers will see first; the error is classified there.
  await standards.page.getByText('Publish correction…').click();
  await expect(standards.page.getByRole('button', { name: 'Publish correction' })).toBeVisible();
  const confirmation = await classifyForPublishing(standards.page);
  // Meanwhile the editor turns it into a retraction that amends the text.
  const opened = String(query<{ revision: number }>('select revision from corrections where id = ?', correctionId).revision);
  const edited = await callAction(editor.page.request, actionNamed('updateCorrectionAction'), { correctionId: String(correctionId), revision: opened, kind: 'retraction', mode: 'amend', wording: 'We retract the story.', replacement0: 'no' });
  expect(await edited.text()).toContain('Draft saved.');

  await standards.page.getByRole('button', { name: 'Publish correction' }).click();
  await expect(standards.page.locator('.publish-form').getByRole('alert')).toContainText('The draft was changed since you opened it');
  await expect(standards.page.getByRole('region', { name: 'The draft as it is now' })).toContainText('We retract the story.');
  expect(query<{ status: string; kind: string }>('select status, kind from corrections where id = ?', correctionId)).toEqual({ status: 'draft', kind: 'retraction' });
  expect(query<{ n: number }>('select count(*) as n from versions where article_id = ?', id).n).toBe(1);
  // The classification chosen is still chosen after the refusal.
  await expect(confirmation.getByLabel('Type of error', { exact: true })).toHaveValue(CLASSIFIED.errorType);
  await expect(confirmation.getByLabel('Cause', { exact: true })).toHaveValue(CLASSIFIED.errorCause);
  await expect(confirmation.getByLabel('Found by', { exact: true })).toHaveValue(CLASSIFIED.foundBy);

  // Having now read it, standards can publish it.
  await standards.page.getByRole('button', { name: 'Publish correction' }).click();
  await expect(standards.page).toHaveURL(/published=1/);
  expect(query<{ status: string }>('select status from corrections where id = ?', correctionId).status).toBe('published');
  await editor.context.close();
  await standards.context.close();
});

test('a correction is classified before it is published: unclassified is refused beside its field (422), nothing written', async ({ browser }) => {
  const editor = await newSession(browser, 'editor');
  const standards = await newSession(browser, 'standards');
  const id = await publishedArticle(editor.page.request, `unclassified-${Date.now().toString(36)}`);
  const correctionId = await draftVoteCorrection(editor.page.request, id);
  const record = () => ({
    correction: query('select status, error_type, error_cause, found_by, exposed_from, published_at from corrections where id = ?', correctionId),
    versions: query<{ n: number }>('select count(*) as n from versions where article_id = ?', id).n,
    published: query<{ n: number }>("select count(*) as n from audit_events where action = 'correction.publish' and entity_id = ?", String(correctionId)).n,
  });
  const before = record();
  expect(before.correction).toMatchObject({ status: 'draft', error_type: null, error_cause: null, found_by: null, exposed_from: null });

  // Through the action: without the classification, a 422 naming the field, no redirect.
  const bare = await callAction(standards.page.request, actionNamed('publishCorrectionAction'), { correctionId: String(correctionId), revision: '1' });
  expect(bare.status()).toBe(422);
  expect(bare.headers()['x-action-redirect']).toBeUndefined();
  expect(await bare.text()).toContain('Classify the error before publishing: choose the type of error.');
  // A code not in the list is refused beside its field too.
  const unknown = await callAction(standards.page.request, actionNamed('publishCorrectionAction'), { correctionId: String(correctionId), revision: '1', ...CLASSIFIED, errorCause: 'gremlins' });
  expect(unknown.status()).toBe(422);
  expect(await unknown.text()).toContain('“gremlins” is not one of the cause options');
  expect(record()).toEqual(before);

  // Through the page: the selects are required; a browser that does not check them still gets the
  // service's refusal, beside the one left blank, with the other choices kept.
  await standards.page.goto(`/desk/corrections/${correctionId}`);
  const form = await publishConfirmation(standards.page);
  const type = form.getByLabel('Type of error', { exact: true });
  await expect(type).toHaveAttribute('required', '');
  await expect(type).toHaveValue('');
  await form.getByLabel('Cause', { exact: true }).selectOption('editing');
  await form.getByLabel('Found by', { exact: true }).selectOption('subject');
  await form.evaluate((f: HTMLFormElement) => {
    f.noValidate = true;
  });
  const answered = standards.page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes(`/desk/corrections/${correctionId}`));
  await form.getByRole('button', { name: 'Publish correction' }).click();
  expect((await answered).status()).toBe(422);
  await expect(form.locator('#publish-errorType-error')).toHaveText('Classify the error before publishing: choose the type of error.');
  await expect(type).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Cause', { exact: true })).toHaveValue('editing');
  await expect(form.getByLabel('Found by', { exact: true })).toHaveValue('subject');
  await expect(standards.page.getByRole('heading', { name: 'Correction (draft)' })).toBeVisible();
  expect(record()).toEqual(before);

  // Classified, it publishes, and its page says how.
  await type.selectOption('number');
  await form.getByRole('button', { name: 'Publish correction' }).click();
  await expect(standards.page.getByRole('heading', { name: 'Correction (published)' })).toBeVisible();
  expect(record().correction).toMatchObject({ status: 'published', error_type: 'number', error_cause: 'editing', found_by: 'subject' });
  const standardsView = standards.page.getByRole('region', { name: 'Standards', exact: true });
  await expect(standardsView).toContainText('Number');
  await expect(standardsView).toContainText('Editing');
  await expect(standardsView).toContainText('The subject of the story');
  await expect(standardsView).toContainText(/Inaccurate for (under a minute|\d+ min|\d+ h)/);
  await editor.context.close();
  await standards.context.close();
});

test('two tabs editing one correction draft: the save made from an older revision is refused (409), never silently overwriting', async ({ browser }) => {
  const editor = await newSession(browser, 'editor');
  const slug = `two-tabs-${Date.now().toString(36)}`;
  const id = await publishedArticle(editor.page.request, slug);
  const correctionId = await draftVoteCorrection(editor.page.request, id);
  const opened = String(query<{ revision: number }>('select revision from corrections where id = ?', correctionId).revision);
  const save = (wording: string) => callAction(editor.page.request, actionNamed('updateCorrectionAction'), { correctionId: String(correctionId), revision: opened, kind: 'correction', mode: 'notice', wording });
  // Tab A saves first, from the revision both tabs opened.
  const first = await save('The vote was 6 to 3, not 7 to 2.');
  expect(first.status()).toBe(200);
  expect(await first.text()).toContain('Draft saved.');
  // Tab B saves from the same, now older, revision.
  const second = await save('Vote: 6–3.');
  expect(second.status()).toBe(409);
  expect(await second.text()).toContain('This draft was changed since you opened it');
  expect(query<{ wording: string }>('select wording from corrections where id = ?', correctionId).wording).toBe('The vote was 6 to 3, not 7 to 2.');
  await editor.context.close();
});

test('saving the same text again (a resubmitted form) is refused, and puts no empty version on the record', async ({ browser }) => {
  const editor = await newSession(browser, 'editor');
  const id = await publishedArticle(editor.page.request, `unchanged-${Date.now().toString(36)}`);
  const latest = query<{ number: number; headline: string; standfirst: string; body: string }>('select number, headline, standfirst, body from versions where article_id = ? order by number desc limit 1', id);
  const again = await callAction(editor.page.request, actionNamed('saveVersionAction'), {
    articleId: String(id),
    baseNumber: String(latest.number),
    changeKind: 'update',
    note: '',
    headline: latest.headline,
    standfirst: latest.standfirst,
    body: latest.body,
  });
  expect(again.status()).toBe(422);
  expect(await again.text()).toContain(`Nothing has changed since version ${latest.number}`);
  expect(query<{ n: number }>('select count(*) as n from versions where article_id = ?', id).n).toBe(latest.number);
  await editor.context.close();
});

test('an edit made on text a legal version has since withheld is refused however often it is sent, and the text stays withheld', async ({ browser }) => {
  const editor = await newSession(browser, 'editor');
  const standards = await newSession(browser, 'standards');
  const slug = `stale-legal-${Date.now().toString(36)}`;
  const id = await publishedArticle(editor.page.request, slug);
  // Standards withholds version 1 with a legal version 2 that drops the sentence.
  const legal = await callAction(standards.page.request, actionNamed('saveVersionAction'), {
    articleId: String(id),
    baseNumber: '1',
    changeKind: 'legal',
    note: 'Legal',
    withhold: '1',
    legalReason: 'Solicitors’ letter',
    headline: `Library ${slug}`,
    standfirst: 'Fridays',
    body: 'The mayor said the savings were small.',
  });
  expect(await redirectOf(legal)).toContain('saved=2');
  // The editor's tab was opened on version 1: its save, sent once and again, is refused both times.
  const stale = { articleId: String(id), changeKind: 'update', note: 'Typo', headline: `Library ${slug}`, standfirst: 'Fridays', body: `${BODY} Typo fixed.` };
  for (const baseNumber of ['1', '1']) {
    const response = await callAction(editor.page.request, actionNamed('saveVersionAction'), { ...stale, baseNumber });
    expect(response.status()).toBe(409);
    expect(await response.text()).toContain('is a legal version');
  }
  expect(query<{ n: number }>('select count(*) as n from versions where article_id = ?', id).n).toBe(2);
  expect(await (await editor.page.request.get(`/articles/${slug}`)).text()).not.toContain('voted 7 to 2');
  await editor.context.close();
  await standards.context.close();
});
