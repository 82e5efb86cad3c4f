// One step of a claim's journey: from one version's text to the next, as an editor maps positions.
import { mapThrough } from './edges';
import { blockAround, type DiffBound, DEFAULT_BOUND, diffHunks } from '../text';
import { pairParagraph, uniqueBlock } from './paragraphs';
import { resolveSlides } from './slides';
import { typographic } from './matching';

export type StepResult =
  /** The claim's words stand, at [start, end) of the newer text (they may have moved). */
  | { status: 'unchanged'; start: number; end: number }
  /** Some of the claim's words were replaced or deleted; [start, end) holds what replaced them (empty if nothing). */
  | { status: 'changed'; start: number; end: number }
  /** The diff hit its bound: this step cannot be mapped. */
  | { status: 'unknown' };

/** Maps the claim [start, end) of `from` into `to`. */
export function mapSpan(start: number, end: number, from: string, to: string, bound: DiffBound = DEFAULT_BOUND): StepResult {
  if (from === to) return { status: 'unchanged', start, end };
  const block = blockAround(from, start, end);
  // Paragraphs holding the claim that stand word for word, once in each version, carry it along.
  const at = from.indexOf(block.text) === block.start ? uniqueBlock(block.text, to) : undefined;
  if (at !== undefined) return { status: 'unchanged', start: at + start - block.start, end: at + end - block.start };
  const result = mapByDiff(start, end, from, to, bound);
  if (result.status !== 'changed' || block.text.includes('\n')) return result;
  // Changed may mean the paragraph was edited elsewhere and moved: diff it against its new self.
  const paired = pairParagraph(block, from, to);
  if (!paired) return result;
  const inside = mapByDiff(start - block.start, end - block.start, block.text, paired.text, bound);
  return inside.status === 'unknown' ? result : { ...inside, start: inside.start + paired.start, end: inside.end + paired.start };
}

function mapByDiff(start: number, end: number, from: string, to: string, bound: DiffBound): StepResult {
  const hunks = diffHunks(from, to, bound);
  if (!hunks) return { status: 'unknown' };
  const mapped = mapThrough(resolveSlides(hunks, start, end, from, to), start, end, from, to);
  // Respacing or straightening quotes inside the claim leaves the same words (see typographic).
  if (!mapped.touched || typographic(to.slice(mapped.start, mapped.end)) === typographic(from.slice(start, end))) {
    return { status: 'unchanged', start: mapped.start, end: mapped.end };
  }
  return { status: 'changed', start: mapped.start, end: mapped.end };
}
