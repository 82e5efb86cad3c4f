// Paragraph moves, which a word diff cannot see: it deletes the paragraph in one place and inserts it elsewhere.
import { type Paragraph, paragraphs, tokenise } from '../text';

const isParagraphEdge = (text: string, i: number) => i <= 0 || i >= text.length || text[i] === '\n' || text[i - 1] === '\n';

/** Where `block` stands as whole paragraphs exactly once in `text`, if it does. */
export function uniqueBlock(block: string, text: string): number | undefined {
  if (!block.trim()) return undefined;
  const at = text.indexOf(block);
  if (at < 0 || text.indexOf(block, at + 1) >= 0) return undefined;
  return isParagraphEdge(text, at) && isParagraphEdge(text, at + block.length) ? at : undefined;
}

/** A paragraph must share at least this share of its words (Dice) to be taken for an edited move. */
export const PAIRING_THRESHOLD = 0.6;
const PAIRING_MARGIN = 0.1;

function dice(a: string, b: string): number {
  const count = new Map<string, number>();
  const wa = tokenise(a.toLowerCase());
  const wb = tokenise(b.toLowerCase());
  for (const t of wa) count.set(t.text, (count.get(t.text) ?? 0) + 1);
  let shared = 0;
  for (const t of wb) {
    const n = count.get(t.text) ?? 0;
    if (n > 0) {
      shared++;
      count.set(t.text, n - 1);
    }
  }
  return wa.length + wb.length === 0 ? 0 : (2 * shared) / (wa.length + wb.length);
}

/**
 * The paragraph of `to` that an edited paragraph of `from` became, when it was also moved: a new
 * paragraph (not in `from` word for word) clearly more alike than any other. Paragraphs that stand
 * unchanged in both versions are never candidates, so a claim cannot slide onto one of them.
 */
export function pairParagraph(block: Paragraph, from: string, to: string): Paragraph | undefined {
  if (to.includes(block.text)) return undefined;
  const known = new Set(paragraphs(from).map((p) => p.text));
  const scored = paragraphs(to)
    .filter((p) => !known.has(p.text))
    .map((p) => ({ p, score: dice(block.text, p.text) }))
    .sort((x, y) => y.score - x.score);
  const [best, second] = scored;
  if (!best || best.score < PAIRING_THRESHOLD || (second && second.score > best.score - PAIRING_MARGIN)) return undefined;
  return best.p;
}
