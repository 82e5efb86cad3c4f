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

export function convertBody(body: string, format: 'html' | 'markdown'): Converted {
  const converted = format === 'html' ? htmlToMarkdown(body) : normaliseMarkdown(body);
  if (converted.markdown.trim() === '') throw new ErrataError('invalid', 'The body has no text once converted (embeds and images are left out).', 'body');
  if (Buffer.byteLength(converted.markdown, 'utf8') > ARTICLE_LIMITS.body.max) throw new ErrataError('too_large', `${keepUnder(ARTICLE_LIMITS.body)} (after conversion to Markdown) Split the article.`, 'body');
  return converted;
}
