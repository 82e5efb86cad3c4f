// A comparison of two article versions: the summary line, then the inline or side-by-side view.
import { type VersionDiff, summariseDiff } from '@/lib/diff';
import type { ChangeLinks } from './diff-block';
import { DiffInline } from './diff-inline';
import { DiffSideBySide } from './diff-side-by-side';

export type { ChangeLinks } from './diff-block';

interface Props {
  diff: VersionDiff;
  view?: 'inline' | 'side-by-side';
  /** Column headings for the side-by-side view, e.g. "Version 2". */
  oldLabel?: string;
  newLabel?: string;
  /** A link from a changed block (by its index in diff.fields.body) to the correction behind it. */
  changeLinks?: ChangeLinks;
  changeLinkLabel?: string;
}

export function CompareVersions({ diff, view = 'inline', oldLabel, newLabel, changeLinks, changeLinkLabel }: Props) {
  return (
    <div className="diff">
      <p className="diff-summary">{summariseDiff(diff)}.</p>
      {diff.approximate ? (
        <p className="diff-note">
          These versions differ too much to compare every paragraph word by word; some are shown whole, as removed and added.
        </p>
      ) : null}
      {view === 'side-by-side' ? (
        <DiffSideBySide diff={diff} oldLabel={oldLabel} newLabel={newLabel} changeLinks={changeLinks} changeLinkLabel={changeLinkLabel} />
      ) : (
        <DiffInline diff={diff} changeLinks={changeLinks} changeLinkLabel={changeLinkLabel} />
      )}
    </div>
  );
}
