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

/** The dashboard, filtered to the section (per-author figures are on the dashboard itself). */
export function alertHref(a: AlertLike): string {
  return a.on === 'section' ? `/desk/standards?${new URLSearchParams({ section: a.name })}` : '/desk/standards';
}
