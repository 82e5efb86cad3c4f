// The text of a version that facts are read from: headline, standfirst and the body's plain text.
import { toPlainText } from '../markdown';

/** `plain`, when given, is the body's plain text already at hand (a stored version's). */
export function versionFacts(v: { headline: string; standfirst: string; body: string }, plain: string = toPlainText(v.body)): string {
  return `${v.headline}\n\n${v.standfirst}\n\n${plain}`;
}
