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
    // As a parser nests them: "<div/>" opens a div (only void elements are self-closing), and a
    // closing tag closes only an element that is open.
    const open: string[] = [];
    for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*>/g)) {
      const name = m[2].toLowerCase();
      if (VOID.has(name)) continue;
      if (!m[1]) open.push(name);
      else {
        const at = open.lastIndexOf(name);
        if (at >= 0) open.length = at;
      }
      if (open.length > deepest) deepest = open.length;
    }
    return deepest;
  }
  for (const raw of body.split('\n')) {
    const line = raw.replace(/\t/g, '    ');
    const markers = /^(?:\s*(?:>|[-*+]\s|\d{1,9}[.)]\s))*/.exec(line)?.[0] ?? '';
    const depth = (markers.match(/>|[-*+]\s|\d{1,9}[.)]\s/g) ?? []).length + Math.floor((markers.match(/^ */)?.[0].length ?? 0) / 2);
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li']);

export function convertBody(body: string, format: 'html' | 'markdown'): Converted {
  if (nestingDepth(body, format) > MAX_NESTING) throw new ErrataError('invalid', `The body nests quotes, lists or elements more than ${MAX_NESTING} deep: no article does; send it flatter.`, 'body');
  let converted: Converted;
  try {
    converted = format === 'html' ? htmlToMarkdown(body) : normaliseMarkdown(body);
  } catch (error) {
    // Whatever shape the depth count missed, a parser's overflow is the body's fault, not a 500.
    if (error instanceof RangeError) throw new ErrataError('invalid', 'The body nests too deeply to read: send it flatter.', 'body');
    throw error;
  }
  if (converted.markdown.trim() === '') throw new ErrataError('invalid', 'The body has no text once converted (embeds and images are left out).', 'body');
  if (Buffer.byteLength(converted.markdown, 'utf8') > ARTICLE_LIMITS.body.max) throw new ErrataError('too_large', `${keepUnder(ARTICLE_LIMITS.body)} (after conversion to Markdown) Split the article.`, 'body');
  return converted;
}
