// The edition as plain text for the print system (served at /for-the-record/DATE.txt).
import { readEdition, readSettings } from '@/app/(cache)/reads';
import { columnPlainText } from '@/lib/wording';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ date: string }> }) {
  const { date } = await params;
  const edition = /^\d{4}-\d{2}-\d{2}$/.test(date) ? await readEdition(date) : null;
  if (!edition) return new Response('No such edition.\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  const settings = await readSettings();
  const text = columnPlainText(
    { date: edition.column.date, intro: edition.column.intro, items: edition.items.map((i) => i.readerWording), alsoAmended: edition.alsoAmended.map((a) => a.headline), footer: edition.column.footer },
    settings,
  );
  return new Response(text, { headers: { 'content-type': 'text/plain; charset=utf-8', 'content-disposition': `inline; filename="for-the-record-${date}.txt"` } });
}
