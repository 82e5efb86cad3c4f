// The one text engine: tokens, paragraphs, plain-text hunks, the bounded sequence diff and the
// Markdown setup, shared by the reader diff (lib/diff), claim anchoring (lib/anchoring) and the
// stealth-edit check (lib/stealth-edit).
export { type Hunk, type DiffBound, DEFAULT_BOUND, diffHunks } from './hunks';
export {
  BLOCK_SEPARATOR,
  createMarkdownParser,
  isPlainChild,
  isPlainInline,
  markdownParser,
  parseBlockTokens,
  parseInline,
  plainChildText,
} from './markdown';
export { blockAround, type Paragraph, paragraphs } from './paragraphs';
export { type Bound, diffIds, type Edit, type EditOp, StringIds } from './sequence';
export { type Span, snapToWords } from './snap';
export { isSpace, isWord, isWordChar, pieces, type TextToken, tokenise, type Word, words } from './tokens';
