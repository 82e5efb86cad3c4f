// Article bodies arriving from a CMS, as HTML or as Markdown, made into the desk's Markdown dialect
// (lib/text/markdown.ts), with a sentence for the editor on each thing that had to be left out.
import type { Token } from 'markdown-it';
import { withoutHiddenCharacters } from '../limits';
import { plainTextBlocks } from '../markdown';
import { markdownParser } from '../text';
import { BREAK_GUARD, createTurndown, placeLineStarts } from './html-rules';
import { EMBED_CLASSES, EMBED_KINDS, UNSEEN, embedNote, hostOf, pictureNote, sanitiseBody, scriptNote } from './html-sanitise';

export interface ConvertedBody {
  markdown: string;
  /** What was left out, as sentences for the editor: "An embedded video (youtube.com) was left out: …". */
  notes: string[];
}

export interface HtmlOptions {
  /** The article's address on the CMS's site, to resolve relative links by; without it they are unlinked. */
  baseUrl?: string;
}

const turndown = createTurndown();
const unformatted = createTurndown({ formatting: false });

/**
 * Line breaks as "\n", and no control characters, direction overrides, byte-order marks or
 * zero-width spaces (nor the private characters that html-rules.ts uses, LINE_START and BREAK_GUARD).
 */
function cleanCharacters(text: string): string {
  return withoutHiddenCharacters(text.replace(/\r\n?/g, '\n'), { lines: true }).replace(/[\ufeff\u200b\ue000\ue001]/g, '');
}

/** The indexes of the lines that are code (fenced or indented), where nothing is rewritten. */
function codeLines(tokens: Token[]): Set<number> {
  const lines = new Set<number>();
  for (const t of tokens) if ((t.type === 'fence' || t.type === 'code_block') && t.map) for (let l = t.map[0]; l < t.map[1]; l++) lines.add(l);
  return lines;
}

/** At most one blank line outside code, and no blank lines at either end. */
function tidy(lines: string[], code: Set<number>): string {
  const out: string[] = [];
  lines.forEach((line, l) => {
    if (code.has(l) || line.trim()) out.push(line);
    else if (out.length > 0 && out.at(-1) !== '') out.push('');
  });
  return out.join('\n').replace(/\s+$/, '');
}

/** turndown's Markdown, escaped at line starts, one space between words, no trailing or extra blank lines. */
function write(service: typeof turndown, html: string): string {
  const lines = placeLineStarts(service.turndown(html).replaceAll(BREAK_GUARD, '')).split('\n');
  const code = codeLines(markdownParser.parse(lines.join('\n'), {}));
  // turndown keeps a space beside a dropped picture ("a  b"): runs of spaces outside code become one.
  return tidy(lines.map((line, l) => (code.has(l) ? line : line.replace(/(\S) {2,}/g, '$1 ')).replace(/[ \t]+$/, '')), code);
}

/**
 * Each block as written, except one whose words came out differently from the same Markdown
 * without formatting (emphasis that markdown-it reads otherwise): that block loses its formatting.
 */
function readable(formatted: string, plain: string): string {
  const [a, b] = [plainTextBlocks(formatted), plainTextBlocks(plain)];
  if (a.every((block, k) => block.text === b[k]?.text) && a.length === b.length) return formatted;
  const [lines, plainLines] = [formatted.split('\n'), plain.split('\n')];
  if (a.length !== b.length || lines.length !== plainLines.length) return plain;
  a.forEach((block, k) => {
    if (block.text !== b[k].text) for (let l = block.lines[0]; l < block.lines[1]; l++) lines[l] = plainLines[l];
  });
  return lines.join('\n');
}

/** The CMS's HTML body as the desk's Markdown: sanitised, embeds and pictures left out (with notes). */
export function htmlToMarkdown(html: string, options: HtmlOptions = {}): ConvertedBody {
  const { html: clean, notes } = sanitiseBody(cleanCharacters(html), options.baseUrl);
  // Entities are decoded by now: a direction override written as "&#x202E;" is a character here.
  const body = cleanCharacters(clean).replace(/\u00a0/g, ' ');
  return { markdown: readable(write(turndown, body), write(unformatted, body)), notes };
}

// ---- Markdown from the CMS ----

// Sticky, to be tried at a position: autolinks, and HTML tags, comments, processing instructions,
// declarations and CDATA, as CommonMark defines them.
const AUTOLINK = /<(?:[a-z][a-z0-9+.-]{1,31}:[^<>\u0000-\u0020]*|[\w.!#$%&'*+/=?^`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)>/iy;
const COMMENT = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Za-z][^>]*>|<!\[CDATA\[[\s\S]*?\]\]>/y;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z_:][\w.:-]*(?:\s*=\s*(?:[^"'=<>`\s]+|'[^']*'|"[^"]*"))?)*)\s*\/?>/y;
const BLOCKISH = /^(p|div|h[1-6]|li|ul|ol|blockquote|section|article|figure|figcaption|table|tr|td|th|hr|header|footer|aside|dl|dt|dd|pre)$/i;

function matchAt(pattern: RegExp, src: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(src);
}

const attribute = (attrs: string, name: string) =>
  new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attrs)?.slice(1).find((v) => v !== undefined);

/** The index just past `[…]` that opens at `open`, or -1 (a blank line ends the search). */
function labelEnd(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === '\\') i++;
    else if (src[i] === '[') depth++;
    else if (src[i] === ']' && --depth === 0) return i + 1;
    else if (src[i] === '\n' && /^\n[ \t]*\n/.test(src.slice(i, i + 80))) return -1;
  }
  return -1;
}

/** After a label: the index just past "(destination "title")" or "[reference]", and the destination. */
function targetEnd(src: string, at: number): { end: number; dest?: string } {
  if (src[at] === '[') return { end: labelEnd(src, at) };
  if (src[at] !== '(') return { end: -1 };
  const skip = (p: number) => p + (matchAt(/[ \t]*\n?[ \t]*/y, src, p)?.[0].length ?? 0);
  let p = skip(at + 1);
  const dest = markdownParser.helpers.parseLinkDestination(src, p, src.length);
  if (dest.ok) p = skip(dest.pos);
  const title = src[p] === ')' ? null : markdownParser.helpers.parseLinkTitle(src, p, src.length);
  if (title?.ok) p = skip(title.pos);
  return src[p] === ')' ? { end: p + 1, dest: dest.ok ? dest.str : undefined } : { end: -1 };
}

/** How much of the text at `at` stays as it is: an escape, a code span (to its closing run) or an autolink. */
function keptAt(src: string, at: number): number {
  if (src[at] === '\\') return 2;
  if (src[at] === '<') return matchAt(AUTOLINK, src, at)?.[0].length ?? 0;
  if (src[at] !== '`') return 0;
  const run = matchAt(/`+/y, src, at)![0];
  const rest = src.slice(at + run.length);
  const stop = rest.search(/\n[ \t]*\n/);
  const paragraph = stop < 0 ? rest : rest.slice(0, stop);
  const close = [...paragraph.matchAll(/`+/g)].find((m) => m[0].length === run.length);
  return close ? run.length + (close.index ?? 0) + run.length : run.length;
}

/** The note for a tag that is a picture, a script or an embed, or null for any other tag. */
function noteFor(tag: string, attrs: string): string | null {
  if (tag === 'img') return pictureNote(attribute(attrs, 'src'), attribute(attrs, 'alt'));
  if (tag === 'script') return scriptNote(attribute(attrs, 'src'));
  const post = tag === 'blockquote' && EMBED_CLASSES.find(([pattern]) => pattern.test(attribute(attrs, 'class') ?? ''));
  if (post) return embedNote('An embedded post', hostOf(attribute(attrs, 'cite')) ?? post[1]);
  return EMBED_KINDS[tag] ? embedNote(EMBED_KINDS[tag], hostOf(attribute(attrs, 'src') ?? attribute(attrs, 'data'))) : null;
}

/** A tag at `at` taken out, after `out`: where the text goes on, and what stands in its place ("\" for a <br>). */
function tagAt(src: string, at: number, out: string, notes: string[]): { end: number; put: string; html: boolean } | null {
  const m = matchAt(COMMENT, src, at) ?? matchAt(TAG, src, at);
  if (!m) return null;
  let end = at + m[0].length;
  const [, closing, name = '', attrs = ''] = m;
  const tag = name.toLowerCase();
  if (tag === 'br' && !closing) {
    // A break that ends a paragraph breaks nothing; one at the end of a line needs no newline of its own.
    const line = matchAt(/[ \t]*(\n[ \t]*(\n|$))?/y, src, end)!;
    const alone = !!line[1] || !out.trim() || out.endsWith('\n');
    return { end, put: alone ? '' : src[end + line[0].length] === '\n' ? '\\' : '\\\n', html: false };
  }
  // Pictures, scripts and embeds get notes of their own; any other tag, the one note that HTML was taken out.
  const own = closing ? null : noteFor(tag, attrs);
  if (own) notes.push(own);
  // A script or an embed goes with everything inside it; other tags go, leaving their text.
  if (!closing && ((own && tag !== 'img') || UNSEEN.includes(tag)) && tag !== 'embed') {
    const close = new RegExp(`</${tag}\\s*>`, 'i').exec(src.slice(end));
    if (close) end += close.index + close[0].length;
  }
  const between = BLOCKISH.test(tag) && /\S$/.test(out) && /\S/.test(src[end] ?? '');
  return { end, put: between ? ' ' : '', html: !own };
}

/** An image at `at` (or a link around one only) taken out: where the text goes on. */
function imageAt(src: string, at: number, notes: string[]): number {
  const linked = src.startsWith('[![', at);
  if (!linked && !src.startsWith('![', at)) return -1;
  const label = labelEnd(src, at + (linked ? 2 : 1));
  const image = label < 0 ? { end: -1 } : targetEnd(src, label);
  const outer = !linked || image.end < 0 ? image : src[image.end] === ']' ? targetEnd(src, image.end + 1) : { end: -1 };
  if (outer.end < 0) return -1;
  notes.push(pictureNote(image.dest, src.slice(at + (linked ? 3 : 2), label - 1)));
  return outer.end;
}

/** Takes raw HTML and images out of text that is not code, leaving code spans and autolinks as they are. */
function stripHtmlAndImages(src: string, notes: string[]): string {
  let out = '';
  let html = false;
  for (let i = 0; i < src.length; ) {
    const kept = keptAt(src, i);
    const tag = kept || src[i] !== '<' ? null : tagAt(src, i, out, notes);
    const image = kept || tag ? -1 : imageAt(src, i, notes);
    if (!tag && image < 0) {
      out += src.slice(i, i + (kept || 1));
      i += kept || 1;
      continue;
    }
    out += tag?.put ?? '';
    html ||= !!tag?.html;
    i = tag ? tag.end : image;
    // Where what was taken out stood after a space or at the start of a line, so did its spaces.
    if (out === '' || /[ \n]$/.test(out)) while (src[i] === ' ') i++;
  }
  if (html) notes.push('HTML tags were taken out: the desk’s Markdown shows no HTML. Their words are kept.');
  return out;
}

/**
 * A line inside a paragraph (not its last) without its trailing whitespace, meaning the same: two
 * trailing spaces (a hard break) become "\", and a backslash that the space kept literal is doubled.
 */
function lineEnd(line: string): string {
  const m = /^(.*?)([ \t]+)$/.exec(line);
  if (!m) return line;
  const literal = (/\\*$/.exec(m[1])?.[0].length ?? 0) % 2 === 1 ? '\\' : '';
  return m[1] + literal + (m[2].endsWith('  ') ? '\\' : '');
}

/** The lines without trailing whitespace, outside code, each paragraph reading as it did. */
function withoutTrailingSpaces(text: string): { lines: string[]; code: Set<number> } {
  const tokens = markdownParser.parse(text, {});
  const code = codeLines(tokens);
  const lines = text.split('\n');
  const out = lines.map((line, l) => (code.has(l) ? line : line.replace(/[ \t]+$/, '')));
  for (const t of tokens) {
    if (t.type !== 'inline' || !t.map) continue;
    const [first, last] = [t.map[0], t.map[1] - 1];
    if (!lines.slice(first, last).some((line) => /[ \t]$/.test(line))) continue;
    const before = lines.slice(first, last + 1);
    const after = [...before.slice(0, -1).map(lineEnd), out[last]];
    // Where that reads differently (a code span running across the line), the paragraph keeps its spaces.
    const same = markdownParser.render(after.join('\n')) === markdownParser.render(before.join('\n'));
    out.splice(first, after.length, ...(same ? after : [...before.slice(0, -1), out[last]]));
  }
  return { lines: out, code };
}

/**
 * A Markdown body from the CMS in the desk's dialect: raw HTML and images taken out (with notes),
 * line endings and hidden characters cleaned, no trailing spaces. Otherwise the Markdown is left alone.
 */
export function normaliseMarkdown(md: string): ConvertedBody {
  const notes: string[] = [];
  const source = cleanCharacters(md);
  const sourceLines = source.split('\n');
  const sourceCode = codeLines(markdownParser.parse(source, {}));
  const parts: string[] = [];
  for (let l = 0; l < sourceLines.length; ) {
    let end = l;
    while (end < sourceLines.length && sourceCode.has(end) === sourceCode.has(l)) end++;
    const text = sourceLines.slice(l, end).join('\n');
    parts.push(sourceCode.has(l) ? text : stripHtmlAndImages(text, notes));
    l = end;
  }
  const { lines, code } = withoutTrailingSpaces(parts.join('\n'));
  const tidied = tidy(lines, code);
  // Blank lines count in one place, after an empty list item: there they stay as they were.
  const kept = lines.join('\n').replace(/^(\s*\n)+|\s+$/g, '');
  const markdown = markdownParser.render(tidied) === markdownParser.render(kept) ? tidied : kept;
  return { markdown, notes: [...new Set(notes)] };
}
