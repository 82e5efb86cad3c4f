// The tables every query uses. With DATABASE_URL=postgres://… they are the PostgreSQL twins
// (db/pg/schema.ts, checked column for column against db/schema.ts by db/pg/schema-parity.test.ts);
// otherwise the SQLite tables. Either way they are typed as the SQLite ones: the queries are written
// once, in the subset both dialects share. Row types (Article, Version, …) come from db/schema.ts.
import * as pgSchema from './pg/schema';
import * as sqliteSchema from './schema';

/** Whether this process serves from PostgreSQL (decided once, at start, by DATABASE_URL). */
export const onPostgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '');

const t = (onPostgres ? pgSchema : sqliteSchema) as unknown as typeof sqliteSchema;

export const {
  users,
  settings,
  articles,
  articleStatusEvents,
  versions,
  versionTexts,
  withholdings,
  corrections,
  claims,
  columns,
  columnItems,
  reports,
  auditEvents,
  throttleEvents,
  knownDevices,
  knownAddresses,
  recordStamp,
  sessions,
  purgeLog,
  standardsSettings,
  cases,
  caseArticles,
  caseClauses,
  caseNotes,
  apiTokens,
  webhookSubscriptions,
  webhookOutbox,
  webhookDeliveries,
  versionFlags,
  cacheInvalidations,
} = t;
