// How the desk says an alert: "3 corrections in 30 days on the Politics section", and where it leads.

export interface AlertLike {
  on: 'author' | 'section';
  name: string;
  count: number;
  days: number;
}

export function alertPhrase(a: AlertLike): string {
  const n = `${a.count.toLocaleString('en-GB')} ${a.count === 1 ? 'correction' : 'corrections'} in ${a.days} ${a.days === 1 ? 'day' : 'days'}`;
  return a.on === 'section' ? `${n} on the ${a.name} section` : `${n} on articles by ${a.name}`;
}

/** The dashboard, filtered to the section; an author's alert leads to the audited per-author view. */
export function alertHref(a: AlertLike): string {
  return a.on === 'section' ? `/desk/standards?${new URLSearchParams({ section: a.name })}` : '/desk/standards?authors=1';
}

/**
 * What the desk home says of the authors' alerts: how many, never who. A name with its count is a
 * per-author figure, shown only on the dashboard's audited view.
 */
export function authorAlertsPhrase(alerts: readonly AlertLike[]): string | null {
  const authors = alerts.filter((a) => a.on === 'author');
  if (authors.length === 0) return null;
  const { count, days } = authors.reduce((low, a) => (a.count < low.count ? a : low));
  return `${authors.length === 1 ? 'One author has' : `${authors.length.toLocaleString('en-GB')} authors have`} ${count.toLocaleString('en-GB')} or more corrections in ${days} ${days === 1 ? 'day' : 'days'}`;
}
