// The one Markdown setup: how article bodies are parsed, and which of their characters make the
// plain text that claims are anchored in (as offsets, so this must never change for stored versions).
import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';

/** Blocks (paragraphs, headings, list items, cells) are joined in the plain text by a blank line. */
export const BLOCK_SEPARATOR = '\n\n';

/**
 * html: false escapes any raw HTML; markdown-it's validateLink drops javascript:, vbscript:, file:
 * and data: URLs. Images are off: articles carry no media, and remote images leak readers.
 * A new instance each call, for a renderer that installs its own rules.
 */
export function createMarkdownParser(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false });
  md.disable(['image']);
  return md;
}

/** The shared parser, for parsing only (never give it rendering rules). */
export const markdownParser = createMarkdownParser();

/** An inline child that contributes characters to the plain text. */
export function isPlainChild(child: Token): boolean {
  return child.type === 'text' || child.type === 'code_inline' || child.type === 'softbreak' || child.type === 'hardbreak';
}

/** The child's characters in the plain text: a line break (soft or hard) is one "\n". */
export function plainChildText(child: Token): string {
  if (child.type === 'softbreak' || child.type === 'hardbreak') return '\n';
  return child.content;
}

// The reader diff parses two whole bodies per request: their block structure first, then each
// block's inline content, which it reads only once when both versions have the same paragraph.
const blockParser = createMarkdownParser();
blockParser.core.ruler.disable('inline');

/**
 * The shared parser's tokens for a body, except that inline tokens have no children yet: read
 * each one's with parseInline, passing the same env (it holds the body's link references).
 */
export function parseBlockTokens(markdown: string, env: Record<string, unknown>): Token[] {
  return blockParser.parse(markdown, env);
}

/**
 * The characters at which an inline rule of this setup can apply: breaks, escapes, code,
 * strikethrough, emphasis, links, autolinks and entities. markdown-it's text rule stops at more
 * (its isTerminatorChar: "!", "#", ":", "-" and so on), but with images off, linkify, raw HTML and
 * the typographer off no rule takes those, and they join the text as they are.
 */
export const INLINE_RULE_START = /[\n\\`~*_[<&]/;

/**
 * Inline content that parses to one text token holding all of it: not empty, and without a
 * character at which any inline rule could apply.
 */
export function isPlainInline(content: string): boolean {
  return content !== '' && !INLINE_RULE_START.test(content);
}

/** An inline token's children, exactly as the shared parser's full parse makes them. */
export function parseInline(content: string, env: Record<string, unknown>): Token[] {
  return markdownParser.parseInline(content, env)[0]?.children ?? [];
}

