// A CMS's article body, as HTML or Markdown, made into the Markdown the desk writes: converted and
// sanitised (lib/ingest/html.ts), then held to the desk's own limits on the body.
import { ErrataError } from '../errors';
import { ARTICLE_LIMITS, keepUnder } from '../limits';
import { htmlToMarkdown, normaliseMarkdown } from './html';

export interface Converted {
  markdown: string;
  /** What the conversion left out, for the CMS to read. */
  notes: string[];
}

/** Deeper than this, a body is not an article: refused before it is parsed (a parser's stack is finite). */
export const MAX_NESTING = 40;

/** How deeply the HTML's elements (or the Markdown's quotes and lists) nest, counted without parsing. */
export function nestingDepth(body: string, format: 'html' | 'markdown'): number {
  let deepest = 0;
  if (format === 'html') {
    let depth = 0;
    for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(\/?)>/g)) {
      if (VOID.has(m[2].toLowerCase()) || m[3] === '/') continue;
      depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
      if (depth > deepest) deepest = depth;
    }
    return deepest;
  }
  for (const line of body.split('\n')) {
    const markers = /^(?:\s*(?:>|[-*+]\s|\d{1,9}[.)]\s))*/.exec(line)?.[0] ?? '';
    const depth = (markers.match(/>|[-*+]\s|\d{1,9}[.)]\s/g) ?? []).length + Math.floor((markers.match(/^ */)?.[0].length ?? 0) / 2);
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li']);

export function convertBody(body: string, format: 'html' | 'markdown'): Converted {
  if (nestingDepth(body, format) > MAX_NESTING) throw new ErrataError('invalid', `The body nests quotes, lists or elements more than ${MAX_NESTING} deep: no article does; send it flatter.`, 'body');
  const converted = format === 'html' ? htmlToMarkdown(body) : normaliseMarkdown(body);
  if (converted.markdown.trim() === '') throw new ErrataError('invalid', 'The body has no text once converted (embeds and images are left out).', 'body');
  if (Buffer.byteLength(converted.markdown, 'utf8') > ARTICLE_LIMITS.body.max) throw new ErrataError('too_large', `${keepUnder(ARTICLE_LIMITS.body)} (after conversion to Markdown) Split the article.`, 'body');
  return converted;
}
