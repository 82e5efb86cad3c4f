// Renders diff runs as text with <ins>/<del>, keeping each word's emphasis, code and links.
import { Fragment, type ReactNode } from 'react';
import type { DiffRun, Marks } from '@/lib/diff';

/** Which runs to show: all of them (inline), or one version's (a side-by-side column). */
export type RunSide = 'inline' | 'old' | 'new';

const BLANK = /^\s*$/;

/** Hard line breaks arrive as "\n"; everything else is ordinary text. */
function lines(text: string): ReactNode {
  if (!text.includes('\n')) return text;
  return text.split('\n').flatMap((line, i) => (i === 0 ? [line] : [<br key={i} />, line]));
}

function formatted(text: string, marks: Marks | undefined): ReactNode {
  // The space before a word stays outside its formatting, so underlines and links do not run into it.
  const space = /^\s*/.exec(text)?.[0] ?? '';
  let node: ReactNode = lines(text.slice(space.length));
  if (!marks || space.length === text.length) return withSpace(space, node);
  if (marks.code) node = <code>{node}</code>;
  if (marks.em) node = <em>{node}</em>;
  if (marks.strong) node = <strong>{node}</strong>;
  if (marks.strike) node = <s>{node}</s>;
  // lib/diff only lets http, https, mailto and relative targets through.
  if (marks.href) {
    const external = /^https?:/i.test(marks.href) || marks.href.startsWith('//');
    node = (
      <a href={marks.href} rel={external ? 'nofollow noopener noreferrer' : undefined}>
        {node}
      </a>
    );
  }
  return withSpace(space, node);
}

function withSpace(space: string, node: ReactNode): ReactNode {
  if (!space) return node;
  return (
    <>
      {lines(space)}
      {node}
    </>
  );
}

function shown(run: DiffRun, side: RunSide): boolean {
  if (side === 'old') return run.op !== 'insert';
  if (side === 'new') return run.op !== 'delete';
  // Inline, a lost space is not worth a struck-through nothing; the new spacing stands.
  return !(run.op === 'delete' && BLANK.test(run.text));
}

/** Neighbouring runs with one op (differing only in formatting) read as one insertion or deletion. */
function grouped(runs: DiffRun[]): DiffRun[][] {
  const groups: DiffRun[][] = [];
  for (const run of runs) {
    const last = groups[groups.length - 1];
    // Spacing changes show as the spacing itself: marking up a space helps nobody.
    const plain = run.op === 'equal' || BLANK.test(run.text);
    if (last && !plain && last[0].op === run.op) last.push(run);
    else groups.push([plain ? { ...run, op: 'equal' } : run]);
  }
  return groups;
}

function Change({ runs }: { runs: DiffRun[] }) {
  const op = runs[0].op;
  const space = op === 'equal' ? '' : (/^\s*/.exec(runs[0].text)?.[0] ?? '');
  const inner = runs.map((run, i) => <Fragment key={i}>{formatted(i === 0 ? run.text.slice(space.length) : run.text, run.marks)}</Fragment>);
  if (op === 'equal') return <>{inner}</>;
  return (
    <>
      {lines(space)}
      {op === 'insert' ? (
        <ins className="diff-ins">
          <span className="visually-hidden">inserted: </span>
          {inner}
        </ins>
      ) : (
        <del className="diff-del">
          <span className="visually-hidden">deleted: </span>
          {inner}
        </del>
      )}
    </>
  );
}

export function DiffRuns({ runs, side }: { runs: DiffRun[]; side: RunSide }) {
  return (
    <>
      {grouped(runs.filter((run) => shown(run, side))).map((group, i) => (
        <Change key={i} runs={group} />
      ))}
    </>
  );
}
