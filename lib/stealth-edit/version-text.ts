// The text of a version that facts are read from: headline, standfirst and the body's plain text.
import { toPlainText } from '../markdown';

export function versionFacts(v: { headline: string; standfirst: string; body: string }): string {
  return `${v.headline}\n\n${v.standfirst}\n\n${toPlainText(v.body)}`;
}
