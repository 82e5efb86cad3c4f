// The Saltmarsh Courier's desk: the demo newsroom's accounts, by email (invented people).
export const DOMAIN = 'saltmarshcourier.example';
export const PRIYA = `priya.raman@${DOMAIN}`; // editor (news editor)
export const TOMAS = `tomas.quinlan@${DOMAIN}`; // editor (deputy news editor)
export const MARGARET = `margaret.oyelaran@${DOMAIN}`; // standards (readers' editor)
export const HAMISH = `hamish.dunmore@${DOMAIN}`; // standards (deputy readers' editor)
export const DAFYDD = `dafydd.rhys@${DOMAIN}`; // admin

/** Joins blocks of Markdown with a blank line between them. */
export const md = (...blocks: string[]): string => blocks.join('\n\n');

/** Replaces the single occurrence of `exact` in `text`; throws if the words are missing or repeated. */
export function swap(text: string, exact: string, replacement: string): string {
  const at = text.indexOf(exact);
  if (at < 0 || text.indexOf(exact, at + 1) >= 0) throw new Error(`demo content: "${exact}" must occur exactly once`);
  return text.slice(0, at) + replacement + text.slice(at + exact.length);
}
