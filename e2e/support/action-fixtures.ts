// Valid fields for every desk server action, each call on fresh things to act on (a new draft to
// publish, a new report to triage…), made through the app itself as an admin. The invariant suite
// derives its field shapes from these.
import type { APIRequestContext } from '@playwright/test';
import { editionRevision } from '../../lib/record/edition-revision';
import { DEFAULT_STANDARDS } from '../../lib/standards/config';
import { actionNamed, callAction, redirectOf } from './actions';
import { CLASSIFIED } from './desk';
import { execute, instant, queryAll, queryOne } from './e2e-db';

export interface ValidCall {
  fields: Record<string, string>;
  /** The fields the action cannot do without (the rest have defaults). */
  required: string[];
}

export type Fixture = () => Promise<ValidCall>;

const BODY = 'The council voted 7 to 2 to close the library on Fridays.\n\nThe mayor said the savings were small.';
const CLAIM = JSON.stringify([{ start: 4, end: 11 }]);

export function actionFixtures(admin: APIRequestContext) {
  let counter = 0;
  const uid = () => `${Date.now().toString(36)}-${(counter++).toString(36)}`;
  const read = <T>(sql: string, ...params: unknown[]): T => queryOne<T>(sql, ...params);
  const run = async (name: string, fields: Record<string, string>, expectPath?: RegExp): Promise<number> => {
    const response = await callAction(admin, actionNamed(name), fields);
    if (!expectPath) {
      if (response.status() >= 400) throw new Error(`setup: ${name} answered ${response.status()}`);
      return 0;
    }
    const where = (await redirectOf(response)) ?? '';
    const match = expectPath.exec(where);
    if (!match) throw new Error(`setup: ${name} did not redirect as expected (${response.status()}): ${(await response.text()).slice(0, 300)}`);
    return Number(match[1] ?? 0);
  };

  const draftArticle = () =>
    run('createArticleAction', { slug: `inv-${uid()}`, section: 'Local', byline: 'Invariants', headline: 'Library hours', standfirst: 'Fridays', body: BODY }, /\/desk\/articles\/(\d+)/);
  const publishedArticle = async () => {
    const id = await draftArticle();
    await run('publishArticleAction', { articleId: String(id) }, /\/desk\/articles\/(\d+)/);
    return id;
  };
  const withdrawnArticle = async () => {
    const id = await publishedArticle();
    await run('withdrawArticleAction', { articleId: String(id), reason: 'Setup withdrawal.' }, /\/desk\/articles\/(\d+)/);
    return id;
  };
  let shared: { articleId: number; draftId: number; draftArticleId: number; userId: number; otherUserId: number } | null = null;
  const draftCorrection = (articleId: number) =>
    run('createCorrectionAction', { articleId: String(articleId), versionNumber: '1', claims: CLAIM, kind: 'correction', mode: 'notice', wording: `Setup ${uid()}.` }, /\/desk\/corrections\/(\d+)/);
  const user = async () => {
    const email = `inv-${uid()}@example.org`;
    await run('createUserAction', { email, name: 'Invariant', role: 'editor', password: `an invariant passphrase ${uid()}` });
    return read<{ id: number }>('select id from users where email = ?', email).id;
  };
  const ensureShared = async () => {
    if (shared) return shared;
    const articleId = await publishedArticle();
    shared = { articleId, draftId: await draftCorrection(articleId), draftArticleId: await draftArticle(), userId: await user(), otherUserId: await user() };
    return shared;
  };
  const publishedCorrection = async () => {
    const { articleId } = await ensureShared();
    const id = await draftCorrection(articleId);
    await run('publishCorrectionAction', { correctionId: String(id), revision: '1', ...CLASSIFIED }, /\/desk\/corrections\/(\d+)/);
    return id;
  };
  // Edition dates are unique: each new one the day after the latest the suite has used (from 2040).
  const editionDate = () => {
    const { latest } = read<{ latest: string | null }>("select max(date) as latest from columns where date >= '2040-01-01'");
    const after = latest ? Date.parse(`${latest}T00:00:00Z`) + 86_400_000 : Date.UTC(2040, 0, 1);
    return new Date(after).toISOString().slice(0, 10);
  };
  const discardDraftEdition = async () => {
    const draft = read<{ id: number } | undefined>("select id from columns where status = 'draft'");
    if (draft) await run('discardEditionAction', { columnId: String(draft.id), confirm: 'yes' }, /\/desk\/column/);
  };
  /** The revision a standards editor opening this draft sees: its intro and items, in print order. */
  const reviewedRevision = (id: number) => {
    const { intro } = read<{ intro: string }>('select intro from columns where id = ?', id);
    const items = queryAll<{ id: number; wording: string }>('select id, wording from column_items where column_id = ? order by position', id);
    return editionRevision({ intro, items });
  };
  /** A fresh draft edition with at least one item in it. */
  const draftEdition = async () => {
    await discardDraftEdition();
    const correctionId = await publishedCorrection();
    const id = await run('generateEditionAction', { date: editionDate(), ahead: 'on', step: 'create', [`pick-${correctionId}`]: 'on' }, /\/desk\/column\/(\d+)/);
    const item = read<{ id: number }>('select id from column_items where column_id = ? order by position limit 1', id);
    return { id, itemId: item.id };
  };
  const report = async () => {
    const { articleId } = await ensureShared();
    const version = read<{ id: number }>('select id from versions where article_id = ? order by number desc limit 1', articleId);
    const [row] = execute<{ id: number }>("insert into reports (reference, article_id, version_id, exact, prefix, suffix, message) values (?, ?, ?, 'council', 'The ', ' voted', 'Is this right?') returning id", `R-INV-${uid()}`, articleId, version.id);
    return row.id;
  };

  // The casebook: a case logged through the app (as a complaint by email about the shared article).
  const twoDaysAgo = () => new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
  const caseFields = async (): Promise<Record<string, string>> => {
    const { articleId, userId } = await ensureShared();
    const { slug } = read<{ slug: string }>('select slug from articles where id = ?', articleId);
    return {
      channel: 'email',
      route: 'direct',
      complainantName: 'A Complainant',
      complainantContact: 'complainant@example.org',
      summary: `The vote was not 7 to 2 (${uid()}).`,
      articles: `${slug} | council`,
      // Two days back (UTC) is never after today in the newsroom's zone.
      receivedAt: twoDaysAgo(),
      'clause-1': 'on',
      ownerId: String(userId),
    };
  };
  const openCase = async () => run('logCaseAction', await caseFields(), /\/desk\/cases\/(\d+)/);

  const article = (extra: Record<string, string> = {}) => ({ headline: 'Library hours', standfirst: 'Fridays', body: `${BODY} (${uid()})`, ...extra });
  const versionCall = (changeKind: string): Fixture => async () => {
    const { draftArticleId } = await ensureShared();
    const { n } = read<{ n: number }>('select max(number) as n from versions where article_id = ?', draftArticleId);
    const legal: Record<string, string> = changeKind === 'legal' ? { withhold: '1', legalReason: 'A court order.' } : {};
    return {
      fields: { articleId: String(draftArticleId), baseNumber: String(n), changeKind, note: 'invariant', ...article(legal) },
      required: ['articleId', 'baseNumber', 'changeKind', 'headline', 'body', ...Object.keys(legal)],
    };
  };

  // Webhooks: subscriptions and messages written straight into the database, each call its own.
  // Their addresses are never reached: the e2e server sends nothing (ERRATA_WEBHOOK_WORKER=off), and
  // even if it did, a private address is refused before sending and the message has no attempts left.
  const insert = <T>(sql: string, ...params: unknown[]): T => execute<T>(sql, ...params)[0];
  const subscription = () =>
    insert<{ id: number }>(
      "insert into webhook_subscriptions (url, events, secret, description) values (?, 'report.received', 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'Invariants') returning id",
      `http://127.0.0.1:9/invariants/${uid()}`,
    ).id;
  const failedMessage = () => {
    const now = instant(Date.now());
    return insert<{ id: number }>(
      "insert into webhook_outbox (message_id, subscription_id, event, payload, entity_type, entity_id, created_at, attempts, next_attempt_at, failed_at, last_error) values (?, ?, 'report.received', '{}', 'report', '0', ?, 8, ?, ?, 'HTTP 503') returning id",
      `msg_inv_${uid()}`,
      subscription(),
      now,
      now,
      now,
    ).id;
  };

  // An API token's row and account, and a stealth-edit flag on a fresh article's first version, as
  // ingestion would leave them (db/queries/api-tokens.ts, db/queries/ingest.ts).
  const token = () => {
    const actor = insert<{ id: number }>("insert into users (email, name, role, password_hash) values (?, 'API token (invariants)', 'editor', '!api-token') returning id", `token-${uid()}@api-tokens.invalid`).id;
    return insert<{ id: number }>("insert into api_tokens (name, prefix, token_hash, scopes, rate_per_minute, actor_id) values (?, 'errata_inv', ?, 'read', 60, ?) returning id", `inv-${uid()}`, `hash-${uid()}`, actor).id;
  };
  const flag = async () => {
    const articleId = await publishedArticle();
    const versionId = read<{ id: number }>('select id from versions where article_id = ? and number = 1', articleId).id;
    return { articleId, flagId: insert<{ id: number }>("insert into version_flags (version_id, article_id, changes) values (?, ?, '[]') returning id", versionId, articleId).id };
  };

  /** Each action's fixtures; an action with several (one per change kind) is tried with each. */
  const fixtures: Record<string, Record<string, Fixture>> = {
    createArticleAction: {
      valid: async () => ({ fields: { slug: `inv-${uid()}`, section: 'Local', byline: 'Invariants', ...article() }, required: ['slug', 'section', 'byline', 'headline', 'body'] }),
    },
    saveVersionAction: Object.fromEntries(['update', 'correction', 'clarification', 'minor_edit', 'legal'].map((k) => [k, versionCall(k)])),
    publishArticleAction: { valid: async () => ({ fields: { articleId: String(await draftArticle()) }, required: ['articleId'] }) },
    withdrawArticleAction: { valid: async () => ({ fields: { articleId: String(await publishedArticle()), reason: 'Could not be stood up.' }, required: ['articleId', 'reason'] }) },
    unwithdrawArticleAction: { valid: async () => ({ fields: { articleId: String(await withdrawnArticle()), reason: 'Stood up after all.' }, required: ['articleId', 'reason'] }) },
    createCorrectionAction: {
      valid: async () => ({
        // Classified as far as the desk knows (optional while drafting).
        fields: { articleId: String((await ensureShared()).articleId), versionNumber: '1', claims: CLAIM, kind: 'correction', mode: 'notice', wording: `The vote was 6 to 3 (${uid()}).`, errorType: 'number', foundBy: 'reader' },
        required: ['articleId', 'versionNumber', 'claims', 'kind', 'mode', 'wording'],
      }),
    },
    updateCorrectionAction: {
      valid: async () => {
        const { draftId } = await ensureShared();
        const { revision } = read<{ revision: number }>('select revision from corrections where id = ?', draftId);
        return {
          fields: { correctionId: String(draftId), revision: String(revision), kind: 'clarification', mode: 'notice', wording: `Clarified (${uid()}).`, ...CLASSIFIED },
          required: ['correctionId', 'revision', 'kind', 'mode', 'wording'],
        };
      },
    },
    publishCorrectionAction: {
      // The draft is unclassified: without any of the three, publishing is refused beside that field.
      valid: async () => ({
        fields: { correctionId: String(await draftCorrection((await ensureShared()).articleId)), revision: '1', ...CLASSIFIED },
        required: ['correctionId', 'revision', 'errorType', 'errorCause', 'foundBy'],
      }),
    },
    withdrawCorrectionAction: { valid: async () => ({ fields: { correctionId: String(await publishedCorrection()), reason: 'The first figure was right.' }, required: ['correctionId', 'reason'] }) },
    generateEditionAction: {
      valid: async () => {
        await discardDraftEdition();
        // The standards editor's choice: a correction waiting for the edition, ticked.
        const correctionId = await publishedCorrection();
        return { fields: { date: editionDate(), ahead: 'on', step: 'create', [`pick-${correctionId}`]: 'on' }, required: ['date', 'ahead', 'step', `pick-${correctionId}`] };
      },
    },
    saveEditionAction: {
      valid: async () => {
        const { id } = await draftEdition();
        return { fields: { columnId: String(id), revision: reviewedRevision(id), intro: `Intro ${uid()}` }, required: ['columnId', 'revision'] };
      },
    },
    changeItemAction: {
      valid: async () => {
        const edition = await draftEdition();
        return { fields: { columnId: String(edition.id), itemId: String(edition.itemId), change: 'drop' }, required: ['columnId', 'itemId', 'change'] };
      },
    },
    publishEditionAction: {
      valid: async () => {
        const { id } = await draftEdition();
        return { fields: { columnId: String(id), revision: reviewedRevision(id) }, required: ['columnId', 'revision'] };
      },
    },
    discardEditionAction: { valid: async () => ({ fields: { columnId: String((await draftEdition()).id), confirm: 'yes' }, required: ['columnId', 'confirm'] }) },
    createUserAction: {
      valid: async () => ({ fields: { email: `inv-${uid()}@example.org`, name: 'Invariant', role: 'editor', password: `an invariant passphrase ${uid()}` }, required: ['email', 'name', 'role', 'password'] }),
    },
    changeRoleAction: {
      valid: async () => {
        const { userId } = await ensureShared();
        const { role } = read<{ role: string }>('select role from users where id = ?', userId);
        return { fields: { userId: String(userId), role: role === 'editor' ? 'standards' : 'editor' }, required: ['userId', 'role'] };
      },
    },
    setDisabledAction: {
      valid: async () => {
        const { otherUserId } = await ensureShared();
        const { disabled } = read<{ disabled: number }>('select disabled_at is not null as disabled from users where id = ?', otherUserId);
        return { fields: { userId: String(otherUserId), disabled: disabled ? 'false' : 'true' }, required: ['userId', 'disabled'] };
      },
    },
    saveSettingsAction: {
      // The demo newsroom's names, with a contact line each call has not seen (so the call writes).
      valid: async () => ({
        fields: { publication: 'The Saltmarsh Courier', columnName: 'For the Record', contactLine: `Write to the readers’ editor (${uid()}).`, timeZone: 'Europe/London', locale: 'en-GB', siteUrl: '', readersEditorEmail: '' },
        required: ['publication', 'columnName', 'contactLine', 'timeZone', 'locale', 'siteUrl', 'readersEditorEmail'],
      }),
    },
    acceptReportAction: { valid: async () => ({ fields: { reportId: String(await report()) }, required: ['reportId'] }) },
    declineReportAction: { valid: async () => ({ fields: { reportId: String(await report()), reason: 'It was right.' }, required: ['reportId', 'reason'] }) },
    logCaseAction: { valid: async () => ({ fields: await caseFields(), required: ['channel', 'route', 'complainantName', 'summary', 'articles', 'receivedAt'] }) },
    assignCaseAction: {
      valid: async () => ({
        fields: { caseId: String(await openCase()), route: 'ipso', ownerId: String((await ensureShared()).userId), 'clause-1': 'on', 'clause-12': 'on' },
        required: ['caseId', 'route', 'ownerId'],
      }),
    },
    acknowledgeCaseAction: { valid: async () => ({ fields: { caseId: String(await openCase()) }, required: ['caseId'] }) },
    closeCaseAction: {
      valid: async () => ({ fields: { caseId: String(await openCase()), outcome: 'not_upheld', correctionId: '', outcomeNote: 'No breach of the code.' }, required: ['caseId', 'outcome', 'outcomeNote'] }),
    },
    addCaseNoteAction: { valid: async () => ({ fields: { caseId: String(await openCase()), note: `Rang the complainant back (${uid()}).` }, required: ['caseId', 'note'] }) },
    saveStandardsSettingsAction: {
      // The default lists and clocks, with a last clause's label each call has not seen (so the call writes).
      valid: async () => {
        const lines = (list: readonly { code: string; label: string }[]) => list.map((o) => `${o.code}: ${o.label}`).join('\n');
        const clauses = [...DEFAULT_STANDARDS.clauses.slice(0, -1), { ...DEFAULT_STANDARDS.clauses.at(-1)!, label: `16. Payment to criminals (${uid()})` }];
        const d = DEFAULT_STANDARDS;
        const fields = {
          clauses: lines(clauses),
          errorTypes: lines(d.errorTypes),
          errorCauses: lines(d.errorCauses),
          foundBy: lines(d.foundBy),
          responseDirect: String(d.responseDays.direct),
          responseIpso: String(d.responseDays.ipso),
          responseImpress: String(d.responseDays.impress),
          responseOther: String(d.responseDays.other),
          dueSoonDays: String(d.dueSoonDays),
          alertCount: String(d.alertCount),
          alertDays: String(d.alertDays),
        };
        return { fields, required: Object.keys(fields) };
      },
    },
    createSubscriptionAction: {
      valid: async () => ({
        fields: { url: `https://receiver.invalid/errata/${uid()}`, 'event-report.received': 'on', description: 'The invariants’ CMS' },
        required: ['url', 'event-report.received'],
      }),
    },
    disableSubscriptionAction: { valid: async () => ({ fields: { subscriptionId: String(subscription()) }, required: ['subscriptionId'] }) },
    retryWebhookAction: { valid: async () => ({ fields: { outboxId: String(failedMessage()) }, required: ['outboxId'] }) },
    createTokenAction: { valid: async () => ({ fields: { name: `inv-${uid()}`, scope_read: 'on', rate: '60' }, required: ['name'] }) },
    revokeTokenAction: { valid: async () => ({ fields: { tokenId: String(token()) }, required: ['tokenId'] }) },
    resolveFlagAction: {
      valid: async () => {
        const { articleId, flagId } = await flag();
        return { fields: { articleId: String(articleId), flagId: String(flagId), reason: 'A typo, not a fact.' }, required: ['articleId', 'flagId'] };
      },
    },
  };
  return fixtures;
}
