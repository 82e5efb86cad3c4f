// The inline view of a version diff: the newer text with deletions and insertions marked in place.
import type { VersionDiff } from '@/lib/diff';
import { BlockLabel, BlockText, ChangeLink, type ChangeLinks, FieldText, moveAnchor } from './diff-block';

interface Props {
  diff: VersionDiff;
  changeLinks?: ChangeLinks;
  changeLinkLabel?: string;
}

export function DiffInline({ diff, changeLinks, changeLinkLabel = 'Read the correction' }: Props) {
  return (
    <div className="diff-inline">
      <FieldText name="Headline" runs={diff.fields.headline} side="inline" />
      <FieldText name="Standfirst" runs={diff.fields.standfirst} side="inline" />
      <div className="diff-body">
        {diff.fields.body.map((block, i) => {
          const href = block.op === 'equal' ? undefined : changeLinks?.(i);
          if (block.move?.side === 'from') {
            // The paragraph is shown once, where it now stands; here only a pointer to it.
            return (
              <div key={i} id={moveAnchor(block, 'from')} className="diff-block diff-move diff-move-from">
                <BlockLabel block={block} side="inline" />
              </div>
            );
          }
          const id = block.move ? moveAnchor(block, 'to') : undefined;
          const classes = `diff-block diff-${block.op}${block.move ? ' diff-move-to' : ''}${block.join ? ` diff-${block.join}` : ''}`;
          return (
            <div key={i} id={id} className={classes}>
              <BlockLabel block={block} side="inline" />
              <BlockText block={block} side="inline" />
              <ChangeLink href={href} label={changeLinkLabel} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
