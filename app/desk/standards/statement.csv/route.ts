// The annual statement as CSV: every table in one file, or one (?table=ID), for the same range as
// the printable page and from the same queries. Standards and admin only.
import { interrupt, requirePermission } from '@/app/(auth)/access';
import { deskNow } from '@/app/(auth)/clock';
import { getStandardsConfig } from '@/db/queries/cases';
import { getSettings } from '@/db/queries/settings';
import { loadStatement } from '@/db/queries/standards';
import { statementCsv, statementTableCsv } from '@/lib/standards/csv';
import { parseStandardsRange, STATEMENT_DAYS } from '@/lib/standards/range';
import { isoDateInZone } from '@/lib/wording';

export const dynamic = 'force-dynamic';

const plain = (status: number, message: string) =>
  new Response(`${message}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' } });

export async function GET(request: Request) {
  try {
    await requirePermission('standards.view');
  } catch (error) {
    interrupt(error);
  }
  const params = new URL(request.url).searchParams;
  const settings = await getSettings();
  const now = await deskNow();
  const parsed = parseStandardsRange({ from: params.get('from'), to: params.get('to'), section: params.get('section') }, { today: isoDateInZone(now, settings.timeZone), defaultDays: STATEMENT_DAYS });
  if (!parsed.ok) return plain(400, parsed.message);
  const table = params.get('table')?.trim() || null;
  if (table !== null && !/^[a-z][a-z-]{0,39}$/.test(table)) return plain(404, 'There is no such table in the statement.');
  const { range } = parsed;
  const { statement } = await loadStatement(range, settings.timeZone, await getStandardsConfig());
  const body = table === null ? statementCsv(statement) : statementTableCsv(statement, table);
  if (body === null) return plain(404, `The statement has no table “${table}”.`);
  const name = `statement-${range.from}-${range.to}${table ? `-${table}` : ''}.csv`;
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
