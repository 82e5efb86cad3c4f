// The one place that calls the diff library: a bounded diff of two integer sequences.
import { diffArrays } from 'diff';

export type EditOp = 'equal' | 'insert' | 'delete';

export interface Edit {
  op: EditOp;
  count: number;
}

export interface Bound {
  /** Most edits (deletions + insertions) to look for before giving up. */
  maxEditLength: number;
  /** Date.now() after which to give up. */
  deadline: number;
}

/**
 * The edit script from a to b, or undefined when it needs more than the bound allows. jsdiff's
 * Myers diff costs O((N+M)·D), so capping D (and the clock) caps the work for any input.
 */
export function diffIds(a: number[], b: number[], bound: Bound): Edit[] | undefined {
  // Trimming the common ends first keeps N+M (and so the cost of each step) small.
  let head = 0;
  const shortest = Math.min(a.length, b.length);
  while (head < shortest && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < shortest - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);

  const edits: Edit[] = [];
  const push = (op: EditOp, count: number) => {
    if (count > 0) edits.push({ op, count });
  };
  push('equal', head);
  if (midA.length === 0 || midB.length === 0) {
    if (midA.length + midB.length > bound.maxEditLength) return undefined;
    push('delete', midA.length);
    push('insert', midB.length);
  } else {
    const timeout = bound.deadline - Date.now();
    if (timeout <= 0) return undefined;
    const changes = diffArrays(midA, midB, { maxEditLength: bound.maxEditLength, timeout });
    if (!changes) return undefined;
    for (const c of changes) push(c.added ? 'insert' : c.removed ? 'delete' : 'equal', c.count);
  }
  push('equal', tail);
  return edits;
}

/** Gives equal strings equal small integers, so sequences of them diff as numbers. */
export class StringIds {
  private ids = new Map<string, number>();

  of(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(key, id);
    }
    return id;
  }
}
