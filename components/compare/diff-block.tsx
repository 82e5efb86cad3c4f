// One body block of a diff, shaped as it reads (paragraph, heading, list item, code), with its labels.
import type { BlockShape, DiffBlock, DiffRun } from '@/lib/diff';
import { DiffRuns, type RunSide } from './diff-runs';

/** Links a changed block to the correction that explains it; return undefined for none. */
export type ChangeLinks = (blockIndex: number) => string | undefined;

export function moveAnchor(block: DiffBlock, side: 'from' | 'to'): string {
  return `diff-move-${block.move?.id ?? 0}-${side}`;
}

function describe(shape: BlockShape): string {
  if (shape.kind === 'heading') return 'a heading';
  if (shape.kind === 'list-item') return 'a list item';
  if (shape.kind === 'code') return 'code';
  if (shape.kind === 'table-cell') return 'a table cell';
  return shape.quoted ? 'a quotation' : 'a paragraph';
}

/** The block's text in an element that says what kind of block it is. */
export function BlockText({ block, side }: { block: DiffBlock; side: RunSide }) {
  const shape = side === 'old' && block.oldShape ? block.oldShape : block.shape;
  const runs = <DiffRuns runs={block.runs} side={side} />;
  const kind = `diff-text diff-kind-${shape.kind}${shape.quoted ? ' diff-quoted' : ''}`;
  if (shape.kind === 'code') {
    return <pre className={kind}>{runs}</pre>;
  }
  if (shape.kind === 'heading') {
    // Not a real heading element: the diff's headings would clutter the page's outline.
    return <p className={`${kind} diff-heading-${shape.level ?? 2}`}>{runs}</p>;
  }
  if (shape.kind === 'list-item') {
    return (
      <p className={`${kind} diff-depth-${Math.min(shape.level ?? 1, 4)}`}>
        {shape.marker ? (
          <span className="diff-marker" aria-hidden="true">
            {shape.marker}{' '}
          </span>
        ) : null}
        {runs}
      </p>
    );
  }
  return <p className={kind}>{runs}</p>;
}

/** Words that say, without colour, what happened to the block as a whole. */
export function BlockLabel({ block, side }: { block: DiffBlock; side: RunSide }) {
  if (block.move) {
    const from = block.move.side === 'from';
    // Seen from the reader's place in the page: where the paragraph went, or came from.
    const away = block.move.direction === 'down' ? 'further down' : 'further up';
    const back = block.move.direction === 'down' ? 'further up' : 'further down';
    return (
      <p className="diff-label diff-move-label">
        {from ? 'Moved ' : 'Moved here from '}
        <a href={`#${moveAnchor(block, from ? 'to' : 'from')}`}>{from ? away : back}</a>
      </p>
    );
  }
  const labels: string[] = [];
  if (block.join === 'split' && side !== 'old') labels.push('Paragraph split here');
  if (block.join === 'merge' && side !== 'new') labels.push('Paragraph joined to the one before');
  if (block.oldShape && side !== 'old') labels.push(`Was ${describe(block.oldShape)}`);
  if (labels.length === 0) return null;
  const Mark = block.join === 'merge' ? 'del' : 'ins';
  return (
    <p className="diff-label">
      {block.join ? (
        <Mark className={`diff-${Mark} diff-break`}>
          <span className="visually-hidden">{Mark === 'ins' ? 'inserted: ' : 'deleted: '}</span>¶
        </Mark>
      ) : null}{' '}
      {labels.join('. ')}
    </p>
  );
}

export function ChangeLink({ href, label }: { href: string | undefined; label: string }) {
  if (!href) return null;
  return (
    <p className="diff-change-link">
      <a href={href}>{label}</a>
    </p>
  );
}

/** A plain field (headline, standfirst) as one line of runs, named for screen readers. */
export function FieldText({ name, runs, side }: { name: string; runs: DiffRun[]; side: RunSide }) {
  if (runs.length === 0) return null;
  return (
    <p className={`diff-field diff-${name.toLowerCase()}`}>
      <span className="visually-hidden">{name}: </span>
      <DiffRuns runs={runs} side={side} />
    </p>
  );
}
