// Collects the changed words as character ranges in each version's plain text (for claims).
import type { Block } from './blocks';
import type { WordToken } from './tokenise';
import type { TextRange } from './types';

export interface ChangedRanges {
  /** Ranges in the older version's plain text that were deleted or replaced. */
  deleted: TextRange[];
  /** Ranges in the newer version's plain text that were inserted or are replacements. */
  inserted: TextRange[];
}

export class RangeCollector {
  private lists: Record<'old' | 'new', TextRange[]> = { old: [], new: [] };

  token(side: 'old' | 'new', block: Block, token: WordToken): void {
    if (block.plainStart === undefined) return; // code blocks are not in the plain text
    const start = block.plainStart + token.start;
    const list = this.lists[side];
    const last = list[list.length - 1];
    // Neighbouring words separated only by their own whitespace read as one range.
    if (last && last.end === start - token.pre.length) last.end = start + token.text.length;
    else list.push({ start, end: start + token.text.length });
  }

  block(side: 'old' | 'new', block: Block): void {
    if (block.plainStart === undefined) return;
    const length = block.segments.reduce((n, s) => n + s.text.length, 0);
    if (length > 0) this.lists[side].push({ start: block.plainStart, end: block.plainStart + length });
  }

  result(): ChangedRanges {
    return { deleted: tidy(this.lists.old), inserted: tidy(this.lists.new) };
  }
}

function tidy(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const out: TextRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}
