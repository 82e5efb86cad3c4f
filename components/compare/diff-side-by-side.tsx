// The side-by-side view of a version diff: the older version on the left, the newer on the right.
import type { DiffBlock, VersionDiff } from '@/lib/diff';
import { BlockLabel, BlockText, ChangeLink, type ChangeLinks, FieldText, moveAnchor } from './diff-block';

interface Props {
  diff: VersionDiff;
  oldLabel?: string;
  newLabel?: string;
  changeLinks?: ChangeLinks;
  changeLinkLabel?: string;
}

function Empty({ label }: { label: string }) {
  return (
    <td className="diff-empty" data-label={label}>
      <span className="visually-hidden">Not in this version</span>
    </td>
  );
}

function Cell({ block, side, href, linkLabel, label }: { block: DiffBlock; side: 'old' | 'new'; href?: string; linkLabel: string; label: string }) {
  return (
    <td data-label={label}>
      <BlockLabel block={block} side={side} />
      <BlockText block={block} side={side} />
      <ChangeLink href={href} label={linkLabel} />
    </td>
  );
}

// On a phone the two columns stack (diff.css): each cell then says which version it is (data-label).
function Row({ block, href, linkLabel, labels }: { block: DiffBlock; href?: string; linkLabel: string; labels: [string, string] }) {
  const inOld = block.op !== 'insert' && block.move?.side !== 'to';
  const inNew = block.op !== 'delete' && block.move?.side !== 'from';
  const id = block.move ? moveAnchor(block, block.move.side) : undefined;
  const classes = `diff-block diff-${block.op}${block.move ? ` diff-move-${block.move.side}` : ''}${block.join ? ` diff-${block.join}` : ''}`;
  return (
    <tr id={id} className={classes}>
      {inOld ? <Cell block={block} side="old" href={inNew ? undefined : href} linkLabel={linkLabel} label={labels[0]} /> : <Empty label={labels[0]} />}
      {inNew ? <Cell block={block} side="new" href={href} linkLabel={linkLabel} label={labels[1]} /> : <Empty label={labels[1]} />}
    </tr>
  );
}

export function DiffSideBySide({ diff, oldLabel = 'Before', newLabel = 'After', changeLinks, changeLinkLabel = 'Read the correction' }: Props) {
  const fields = [
    ['Headline', diff.fields.headline],
    ['Standfirst', diff.fields.standfirst],
  ] as const;
  return (
    <table className="diff-side">
      <caption className="visually-hidden">
        {oldLabel} and {newLabel}, side by side
      </caption>
      <thead>
        <tr>
          <th scope="col">{oldLabel}</th>
          <th scope="col">{newLabel}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map(([name, runs]) =>
          runs.length === 0 ? null : (
            <tr key={name} className="diff-field-row">
              <td data-label={oldLabel}>
                <FieldText name={name} runs={runs} side="old" />
              </td>
              <td data-label={newLabel}>
                <FieldText name={name} runs={runs} side="new" />
              </td>
            </tr>
          ),
        )}
        {diff.fields.body.map((block, i) => (
          <Row key={i} block={block} href={block.op === 'equal' ? undefined : changeLinks?.(i)} linkLabel={changeLinkLabel} labels={[oldLabel, newLabel]} />
        ))}
      </tbody>
    </table>
  );
}
