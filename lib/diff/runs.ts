// Turns token edits into display runs, and counts them for the summary.
import type { Segment, WordToken } from './tokenise';
import { sameMarks, spaceClass } from './tokenise';
import type { Edit } from '../text';
import type { DiffRun, DiffSummary, Marks, RunOp } from './types';
import type { TokenEdit } from './words';

const BLANK = /^\s*$/;
// Bound here once: they run per token, and a call through another module's export costs a getter.
const marksMatch = sameMarks;
const spacing = spaceClass;

/** Appends text to the runs, joining it to the last run when op and formatting allow. */
function emit(runs: DiffRun[], op: RunOp, text: string, marks: Marks | undefined): void {
  if (text === '') return;
  const last = runs[runs.length - 1];
  if (last && last.op === op) {
    // Whitespace carries no formatting worth a run of its own.
    if (marksMatch(last.marks, marks) || BLANK.test(text)) {
      last.text += text;
      return;
    }
    if (BLANK.test(last.text)) {
      last.text += text;
      if (marks) last.marks = marks;
      else delete last.marks;
      return;
    }
  }
  runs.push(marks ? { op, text, marks } : { op, text });
}

/**
 * Runs for a word-level diff. Equal words take the newer spacing; where spacing differs in a way
 * that shows (a space gained or lost, a line break), it becomes a whitespace-only run of its own.
 */
export function editsToRuns(edits: TokenEdit[]): DiffRun[] {
  const runs: DiffRun[] = [];
  for (const e of edits) {
    if (e.op === 'delete') emit(runs, 'delete', e.a.pre + e.a.text, e.a.marks);
    else if (e.op === 'insert') emit(runs, 'insert', e.b.pre + e.b.text, e.b.marks);
    else if (spacing(e.a.pre) === spacing(e.b.pre)) emit(runs, 'equal', e.b.pre + e.b.text, e.b.marks);
    else {
      emit(runs, 'delete', e.a.pre, undefined);
      emit(runs, 'insert', e.b.pre, undefined);
      emit(runs, 'equal', e.b.text, e.b.marks);
    }
  }
  return runs;
}

/** A block's plain text, which its tokens' offsets index: its segments' text joined. */
export function blockText(segments: Segment[]): string {
  if (segments.length === 1) return segments[0].text;
  let text = '';
  for (const s of segments) text += s.text;
  return text;
}

/**
 * What editsToRuns and tallyEdits make of a script's edits (one block each side, nothing to fold:
 * see foldIslands), straight from the script. Each stretch of tokens with one op and one set of
 * marks is cut from its block's text in one piece: a token and the whitespace before it are
 * contiguous there, and emit treats consecutive pieces with one op and equal marks as one.
 */
export function scriptToRuns(script: Edit[], a: WordToken[], b: WordToken[], oldText: string, newText: string, summary: DiffSummary): DiffRun[] {
  const runs: DiffRun[] = [];
  let ai = 0;
  let bi = 0;
  let inChange = false;
  for (const { op, count } of script) {
    // The stretch being gathered: [from, to) of its block's text (from < 0: none yet), and its marks.
    let from = -1;
    let to = 0;
    let marks: Marks | undefined;
    if (op === 'equal') {
      for (let k = 0; k < count; k++) {
        const x = a[ai++];
        const y = b[bi++];
        if (x.pre !== y.pre && spacing(x.pre) !== spacing(y.pre)) {
          // A spacing change: the old and new whitespace as runs of their own, then the word.
          if (!inChange) summary.spacingChanges += 1;
          if (from >= 0) emit(runs, 'equal', newText.slice(from, to), marks);
          emit(runs, 'delete', x.pre, undefined);
          emit(runs, 'insert', y.pre, undefined);
          from = y.start;
          marks = y.marks;
        } else if (from < 0 || !marksMatch(marks, y.marks)) {
          if (from >= 0) emit(runs, 'equal', newText.slice(from, to), marks);
          from = y.start - y.pre.length;
          marks = y.marks;
        }
        to = y.start + y.text.length;
        inChange = false;
      }
      if (from >= 0) emit(runs, 'equal', newText.slice(from, to), marks);
      continue;
    }
    if (!inChange) summary.changes += 1;
    inChange = true;
    const deleted = op === 'delete';
    const [tokens, text] = deleted ? [a, oldText] : [b, newText];
    for (let k = 0; k < count; k++) {
      const t = tokens[deleted ? ai++ : bi++];
      if (t.word) {
        if (deleted) summary.wordsDeleted += 1;
        else summary.wordsInserted += 1;
      }
      if (from < 0 || !marksMatch(marks, t.marks)) {
        if (from >= 0) emit(runs, op, text.slice(from, to), marks);
        from = t.start - t.pre.length;
        marks = t.marks;
      }
      to = t.start + t.text.length;
    }
    if (from >= 0) emit(runs, op, text.slice(from, to), marks);
  }
  return runs;
}

/** Runs for a whole block shown one way (equal, inserted or deleted): no tokenising needed. */
export function segmentRuns(segments: Segment[], op: RunOp): DiffRun[] {
  const runs: DiffRun[] = [];
  for (const s of segments) emit(runs, op, s.text, s.marks);
  return runs;
}

/** Runs for a list of tokens shown one way (a plain field deleted or inserted whole). */
export function tokenRuns(tokens: WordToken[], op: RunOp): DiffRun[] {
  const runs: DiffRun[] = [];
  for (const t of tokens) emit(runs, op, t.pre + t.text, t.marks);
  return runs;
}

export function emptySummary(): DiffSummary {
  return { changes: 0, wordsInserted: 0, wordsDeleted: 0, paragraphsMoved: 0, spacingChanges: 0 };
}

export function addSummary(into: DiffSummary, from: DiffSummary): void {
  into.changes += from.changes;
  into.wordsInserted += from.wordsInserted;
  into.wordsDeleted += from.wordsDeleted;
  into.paragraphsMoved += from.paragraphsMoved;
  into.spacingChanges += from.spacingChanges;
}

export function countWords(tokens: WordToken[]): number {
  let n = 0;
  for (const t of tokens) if (t.word) n++;
  return n;
}

/** Counts the changes in a word-level diff: each stretch of non-equal tokens is one change. */
export function tallyEdits(edits: TokenEdit[], summary: DiffSummary): void {
  let inChange = false;
  for (const e of edits) {
    if (e.op === 'equal') {
      // A spacing change next to a changed word is part of that change, not one of its own.
      if (!inChange && spacing(e.a.pre) !== spacing(e.b.pre)) summary.spacingChanges += 1;
      inChange = false;
      continue;
    }
    if (!inChange) summary.changes += 1;
    inChange = true;
    if (e.op === 'delete' && e.a.word) summary.wordsDeleted += 1;
    if (e.op === 'insert' && e.b.word) summary.wordsInserted += 1;
  }
}
