// The one-line summary of a diff, e.g. "3 changes: 2 words deleted, 5 inserted".
import type { DiffSummary } from './types';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function summariseDiff(result: { summary: DiffSummary }): string {
  const s = result.summary;
  if (s.changes === 0) return s.spacingChanges > 0 ? 'No changes to the words; spacing only' : 'No changes';
  const parts: string[] = [];
  if (s.wordsDeleted > 0) parts.push(`${count(s.wordsDeleted, 'word', 'words')} deleted`);
  // "2 words deleted, 5 inserted": the noun is said once.
  if (s.wordsInserted > 0) parts.push(s.wordsDeleted > 0 ? `${s.wordsInserted} inserted` : `${count(s.wordsInserted, 'word', 'words')} inserted`);
  if (s.paragraphsMoved > 0) parts.push(`${count(s.paragraphsMoved, 'paragraph', 'paragraphs')} moved`);
  if (parts.length === 0) parts.push('punctuation, formatting or layout only');
  return `${count(s.changes, 'change', 'changes')}: ${parts.join(', ')}`;
}
