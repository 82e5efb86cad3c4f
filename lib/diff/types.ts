// The diff's public data: plain, serialisable values a server component can render as they are.

/** What happened to a run of words: kept, added in the newer version, or taken out of the older. */
export type RunOp = 'equal' | 'insert' | 'delete';

/** Inline formatting a word carries, so the rendered diff keeps emphasis and links. */
export interface Marks {
  em?: boolean;
  strong?: boolean;
  code?: boolean;
  /** Markdown ~~strikethrough~~ (not a deletion). */
  strike?: boolean;
  /** A link's target, already checked: http, https, mailto or relative only. */
  href?: string;
}

/**
 * A stretch of text with one op and one set of marks. Its text includes the whitespace before
 * it; a run may be whitespace only (a spacing change, which is not counted as a change of words).
 * A "\n" in text is a hard line break.
 */
export interface DiffRun {
  op: RunOp;
  text: string;
  marks?: Marks;
}

export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'code' | 'table-cell';

/** How a body block sits in the document. */
export interface BlockShape {
  kind: BlockKind;
  /** Heading level (1–6) or list depth (1 = top level). */
  level?: number;
  /** For list items: "•" or the ordered marker, e.g. "3.". */
  marker?: string;
  /** Inside a blockquote. */
  quoted?: boolean;
}

export type BlockOp = 'equal' | 'insert' | 'delete' | 'change' | 'move';

/**
 * One row of the body diff. A moved paragraph appears twice, with op "move": once where it was
 * (side "from") and once where it now is (side "to"); both carry the same runs and move id.
 */
export interface DiffBlock {
  op: BlockOp;
  /** The newer version's shape when the block exists there, else the older one's. */
  shape: BlockShape;
  /** The older shape when it differs, e.g. a paragraph that became a heading. */
  oldShape?: BlockShape;
  /** Position among the older / newer version's blocks: absent on a side the block is not in; a move has both. */
  oldIndex?: number;
  newIndex?: number;
  runs: DiffRun[];
  move?: { id: number; side: 'from' | 'to'; direction: 'up' | 'down' };
  /**
   * Set on the second and later parts of one old paragraph split into several ("split"), or of
   * several old paragraphs joined into one ("merge"): a paragraph break was inserted or deleted.
   */
  join?: 'split' | 'merge';
}

export interface DiffSummary {
  /** Separate edits: a changed stretch of words, a run of added or removed paragraphs, a move. */
  changes: number;
  wordsInserted: number;
  wordsDeleted: number;
  paragraphsMoved: number;
  /** Edits that changed only spacing (not counted in changes). */
  spacingChanges: number;
}

/** A diff of one plain-text field such as the headline. */
export interface TextDiff {
  runs: DiffRun[];
  summary: DiffSummary;
  /** True when a bound was hit and part of the diff was shown as whole deletions and insertions. */
  approximate: boolean;
}

export interface BodyDiff {
  blocks: DiffBlock[];
  summary: DiffSummary;
  approximate: boolean;
}

export interface VersionText {
  headline: string;
  standfirst: string;
  /** Markdown without raw HTML. */
  body: string;
}

export interface VersionDiff {
  fields: { headline: DiffRun[]; standfirst: DiffRun[]; body: DiffBlock[] };
  summary: DiffSummary;
  approximate: boolean;
}

export interface DiffOptions {
  /**
   * Most token edits any one underlying diff may take before giving up (default 2000). Beyond it
   * the paragraphs show as one deleted and one inserted block and the result is approximate.
   */
  maxEditLength?: number;
  /** Wall-clock budget for the whole diff in ms (default 1000); a safety net behind maxEditLength. */
  timeoutMs?: number;
  /**
   * Below this share of tokens kept (0–1, default 0.5), a changed pair of paragraphs shows as a
   * deleted and an inserted paragraph rather than word by word.
   */
  changeThreshold?: number;
  /** Equal islands of at most this many words between two changes are folded in (default 2). */
  islandWords?: number;
  /** Most paragraphs either side of the block alignment (default 5000); beyond, approximate. */
  maxBlocks?: number;
}

/** A plain-text character range in one version (as lib/markdown's toPlainText gives it). */
export interface TextRange {
  start: number;
  end: number;
}
