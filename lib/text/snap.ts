// A selection made by hand rarely lands on word boundaries: a sloppy drag over "losing nine
// councils and 695 council seats" starts in "losing" and stops in "seats". Claims are about whole
// words, so the span is widened to the words it cuts and trimmed of the spaces at its ends.
import { tokenise } from './tokens';

export interface Span {
  start: number;
  end: number;
}

/**
 * [start, end) of `text` snapped to whole words: a word it cuts into is taken whole (tokens as the
 * text engine reads them, so "O’Brien", "£4.20" and "1,200" stay whole), whitespace at either end
 * is dropped, and punctuation the selection took in on purpose is kept. An empty or all-space span
 * is returned empty, at its start.
 */
export function snapToWords(text: string, start: number, end: number): Span {
  let a = Math.max(0, Math.min(start, end, text.length));
  let b = Math.min(text.length, Math.max(start, end, 0));
  for (const t of tokenise(text)) {
    if (t.end <= a) continue;
    if (t.start >= b) break;
    if (t.word && t.start < a && a < t.end) a = t.start;
    if (t.word && t.start < b && b < t.end) b = t.end;
  }
  while (a < b && /\s/.test(text[a])) a++;
  while (b > a && /\s/.test(text[b - 1])) b--;
  return a < b ? { start: a, end: b } : { start: a, end: a };
}
