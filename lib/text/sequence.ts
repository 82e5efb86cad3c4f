// The bounded diff of two integer sequences (interned tokens or paragraphs) that every diff in the
// app goes through: Myers' greedy O((N+M)·D) search over typed arrays.
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
 * Edit lengths up to this are searched here, keeping every path node for the way back (at most
 * ~D²/2 nodes: a few MB at this cap). A longer diff, rare and already bounded by maxEditLength,
 * continues in jsdiff's diffArrays, which runs the same search with the same choices.
 */
const TRACE_CAP = 1_500;

// Path nodes, reused between calls: where a path stands in the old sequence after its snake, the
// node it grew from, and whether its last edit was a deletion (else an insertion).
let nodeX = new Int32Array(4_096);
let nodeParent = new Int32Array(4_096);
let nodeDel = new Uint8Array(4_096);
let nodes = 0;
// The furthest path on each diagonal (a node index, or -1), offset so diagonal 0 is at OFFSET.
const OFFSET = TRACE_CAP + 2;
const best = new Int32Array(2 * OFFSET + 1).fill(-1);

function grow(): void {
  const size = nodeX.length * 2;
  const [x, p, d] = [new Int32Array(size), new Int32Array(size), new Uint8Array(size)];
  x.set(nodeX);
  p.set(nodeParent);
  d.set(nodeDel);
  [nodeX, nodeParent, nodeDel] = [x, p, d];
}

function node(x: number, parent: number, del: boolean): number {
  if (nodes === nodeX.length) grow();
  nodeX[nodes] = x;
  nodeParent[nodes] = parent;
  nodeDel[nodes] = del ? 1 : 0;
  return nodes++;
}

/**
 * The edit script from a to b, or undefined when it needs more than the bound allows. Myers' diff
 * costs O((N+M)·D), so capping D (and the clock) caps the work for any input.
 */
export function diffIds(a: ArrayLike<number>, b: ArrayLike<number>, bound: Bound): Edit[] | undefined {
  // Trimming the common ends first keeps N+M (and so the cost of each step) small.
  let head = 0;
  const shortest = Math.min(a.length, b.length);
  while (head < shortest && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < shortest - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const n = a.length - head - tail;
  const m = b.length - head - tail;

  const edits: Edit[] = [];
  pushEdit(edits, 'equal', head);
  if (n === 0 || m === 0) {
    if (n + m > bound.maxEditLength) return undefined;
    pushEdit(edits, 'delete', n);
    pushEdit(edits, 'insert', m);
  } else {
    if (Date.now() > bound.deadline) return undefined;
    const middle = search(a, b, head, n, m, bound);
    if (middle === undefined) return undefined;
    for (const e of middle) pushEdit(edits, e.op, e.count);
  }
  pushEdit(edits, 'equal', tail);
  return edits;
}

/** Appends count edits of op, joining the last run when it has the same op. */
function pushEdit(edits: Edit[], op: EditOp, count: number): void {
  if (count <= 0) return;
  const last = edits[edits.length - 1];
  if (last?.op === op) last.count += count;
  else edits.push({ op, count });
}

/**
 * Myers' greedy search on a[from, from+n) and b[from, from+m), with jsdiff's choices: from the two
 * neighbouring paths take the one further along the old sequence (an insertion on a tie), and stop
 * extending diagonals once a path has reached an edge.
 */
function search(a: ArrayLike<number>, b: ArrayLike<number>, from: number, n: number, m: number, bound: Bound): Edit[] | undefined {
  const maxEdit = Math.min(bound.maxEditLength, n + m);
  const traced = Math.min(maxEdit, TRACE_CAP);
  nodes = 0;
  // Both ends differ (they were trimmed), so the first path is the empty one at the origin.
  best[OFFSET] = node(0, -1, false);
  let lowest = -Infinity;
  let highest = Infinity;
  let found = -1;
  let d = 1;
  for (; d <= traced && found < 0; d++) {
    if (Date.now() > bound.deadline) break;
    const top = Math.min(highest, d);
    for (let k = Math.max(lowest, -d); k <= top; k += 2) {
      const removeFrom = best[OFFSET + k - 1];
      const addFrom = best[OFFSET + k + 1];
      if (removeFrom >= 0) best[OFFSET + k - 1] = -1;
      const addX = addFrom >= 0 ? nodeX[addFrom] : -1;
      const canAdd = addFrom >= 0 && addX - k - 1 >= 0 && addX - k - 1 < m;
      const removeX = removeFrom >= 0 ? nodeX[removeFrom] : -1;
      const canRemove = removeFrom >= 0 && removeX < n;
      if (!canAdd && !canRemove) {
        best[OFFSET + k] = -1;
        continue;
      }
      let x: number;
      let parent: number;
      let del: boolean;
      if (!canRemove || (canAdd && removeX < addX)) {
        x = addX;
        parent = addFrom;
        del = false;
      } else {
        x = removeX + 1;
        parent = removeFrom;
        del = true;
      }
      let y = x - k;
      while (x < n && y < m && a[from + x] === b[from + y]) {
        x++;
        y++;
      }
      const id = node(x, parent, del);
      if (x >= n && y >= m) {
        found = id;
        break;
      }
      best[OFFSET + k] = id;
      if (x >= n) highest = Math.min(highest, k - 1);
      if (y >= m) lowest = Math.max(lowest, k + 1);
    }
  }
  best.fill(-1, Math.max(0, OFFSET - d - 2), Math.min(best.length, OFFSET + d + 3));
  if (found >= 0) return walkBack(found);
  if (d > maxEdit || Date.now() > bound.deadline) return undefined;
  // Longer than the traced search: the same search, without the cap on its memory.
  const timeout = bound.deadline - Date.now();
  const changes = diffArrays(Array.from({ length: n }, (_, i) => a[from + i]), Array.from({ length: m }, (_, j) => b[from + j]), { maxEditLength: maxEdit, timeout });
  return changes?.map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', count: c.count }));
}

/** The edits along the path that reached the end, first to last. */
function walkBack(end: number): Edit[] {
  const reversed: Edit[] = [];
  for (let id = end; nodeParent[id] >= 0; id = nodeParent[id]) {
    const parent = nodeParent[id];
    const del = nodeDel[id] === 1;
    // The snake starts where the edit left the path: one step along the old sequence for a deletion.
    pushEdit(reversed, 'equal', nodeX[id] - nodeX[parent] - (del ? 1 : 0));
    pushEdit(reversed, del ? 'delete' : 'insert', 1);
  }
  return reversed.reverse();
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
