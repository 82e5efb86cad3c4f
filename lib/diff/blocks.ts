// Splits an article body (Markdown, no raw HTML) into blocks of formatted text for alignment.
import type { Token } from 'markdown-it';
import { BLOCK_SEPARATOR, isPlainInline, markdownParser as parser, parseBlockTokens, parseInline, plainChildText } from '../text';
import { type Interner, type Segment, type WordToken, tokenise, tokeniseLike } from './tokenise';
import type { BlockShape, Marks } from './types';

export interface Block {
  shape: BlockShape;
  /** Equal keys mean equal blocks: shape, text with whitespace collapsed, and formatting. */
  key: string;
  /** Equal for blocks with equal keys (among blocks parsed with one InlineMemo): cheaper to compare. */
  id: number;
  segments: Segment[];
  /** Offset in the body's plain text (lib/markdown toPlainText); code blocks have none there. */
  plainStart?: number;
  /** Filled on first use: only blocks that changed are ever tokenised. */
  tokens?: WordToken[];
}

// The text engine's Markdown setup (lib/text), so blocks and plain-text offsets match what readers
// see: html off, images off, and markdown-it's validateLink already drops javascript:, file:, data:.

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** A link target a reader may follow: http, https, mailto or relative; anything else is dropped. */
export function safeHref(href: string): string | undefined {
  if (!parser.validateLink(href)) return undefined;
  const scheme = SCHEME.exec(href.trim());
  if (scheme && !SAFE_SCHEMES.has(scheme[1].toLowerCase())) return undefined;
  return href;
}

const PLAIN_SEPARATOR = BLOCK_SEPARATOR.length;

type MarkName = 'em' | 'strong' | 'strike';
const MARK_OF: Record<string, MarkName> = { em_open: 'em', strong_open: 'strong', s_open: 'strike' };
const CLOSE_OF: Record<string, MarkName> = { em_close: 'em', strong_close: 'strong', s_close: 'strike' };

/** Appends text with its marks to segments (offset: where it starts), joining a same-formatted neighbour. */
function pushSegment(segments: Segment[], text: string, marks: Marks, offset: number): void {
  const sig = marks.em || marks.strong || marks.strike || marks.code || marks.href ? marks : undefined;
  const last = segments[segments.length - 1];
  // Joining same-formatted neighbours keeps a word split across text tokens in one piece.
  if (last && sameSig(last.marks, sig)) last.text += text;
  else segments.push({ text, marks: sig, start: offset });
}

/** Reads an inline token's children into segments of same-formatted text. */
export function inlineSegments(children: Token[]): Segment[] {
  const segments: Segment[] = [];
  const depth: Record<MarkName, number> = { em: 0, strong: 0, strike: 0 };
  const links: (string | undefined)[] = [];
  let offset = 0;
  const push = (text: string, code: boolean) => {
    const href = links.length > 0 ? links[links.length - 1] : undefined;
    const marks: Marks = {};
    if (depth.em > 0) marks.em = true;
    if (depth.strong > 0) marks.strong = true;
    if (depth.strike > 0) marks.strike = true;
    if (code) marks.code = true;
    if (href) marks.href = href;
    pushSegment(segments, text, marks, offset);
    offset += text.length;
  };
  for (const child of children) {
    if (child.type === 'text') push(plainChildText(child), false);
    else if (child.type === 'code_inline') push(plainChildText(child), true);
    // A soft break reads as a space (same length as the plain text's "\n", so offsets hold).
    else if (child.type === 'softbreak') push(' ', false);
    else if (child.type === 'hardbreak') push(plainChildText(child), false);
    else if (child.type in MARK_OF) depth[MARK_OF[child.type]] += 1;
    else if (child.type in CLOSE_OF) depth[CLOSE_OF[child.type]] -= 1;
    else if (child.type === 'link_open') links.push(safeHref(String(child.attrGet('href') ?? '')));
    else if (child.type === 'link_close') links.pop();
  }
  return segments;
}

// The simple markup most paragraphs carry, read without the inline parser: *emphasis* and
// [links](http://…), in forms whose reading is plain (see simpleSegments).
const SIMPLE_MARKUP = /[\n\\`~*_[<&]/g; // INLINE_RULE_START, to find each in turn
const SIMPLE_DESTINATION = /^https?:\/\/[A-Za-z0-9._~/-]+$/;
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** An emphasised run's first character, and its last. */
const emStarts = (c: number) => isAlnum(c);
const emEnds = (c: number) => isAlnum(c) || c === 44 || c === 46;

/**
 * inlineSegments(parseInline(content, env)) for content whose only markup is *emphasis* (a lone
 * "*" after the start or a space, letters up to the next "*", then the end, a space, "." or ",")
 * and [text](http…) or [*text*](http…) links to a plain address; undefined for anything else
 * (and for a body with link reference definitions), which the inline parser reads. Those forms
 * read one way only under CommonMark's rules: each "*" pair can only open and close there (see
 * its flanking rules), a link label without brackets ends at its "]", and an address of those
 * characters ends at its ")", with no title. The differential test in blocks.test.ts holds the
 * two readings equal.
 */
export function simpleSegments(content: string, env: Record<string, unknown>): Segment[] | undefined {
  if (env.references !== undefined) return undefined;
  const segments: Segment[] = [];
  const n = content.length;
  let offset = 0; // in the plain text
  for (let at = 0; at < n; ) {
    SIMPLE_MARKUP.lastIndex = at;
    const i = SIMPLE_MARKUP.exec(content)?.index ?? n;
    if (i > at) {
      pushSegment(segments, content.slice(at, i), {}, offset);
      offset += i - at;
    }
    if (i === n) break;
    const c = content.charCodeAt(i);
    if (c === 42) {
      if (i > 0 && content.charCodeAt(i - 1) !== 32) return undefined;
      const end = emphasis(content, i, false);
      if (end < 0) return undefined;
      pushSegment(segments, content.slice(i + 1, end - 1), { em: true }, offset);
      offset += end - i - 2;
      at = end;
      continue;
    }
    if (c !== 91) return undefined;
    // [label](address): the label plain up to "]", or one emphasised run filling it; the label
    // ends at its first "]" (and holds no "[", a rule's start).
    const em = content.charCodeAt(i + 1) === 42;
    let labelEnd: number;
    if (em) {
      labelEnd = emphasis(content, i + 1, true);
      if (labelEnd >= 0 && content.indexOf(']', i + 1) !== labelEnd) return undefined;
    } else {
      labelEnd = content.indexOf(']', i + 1);
      SIMPLE_MARKUP.lastIndex = i + 1;
      const inner = SIMPLE_MARKUP.exec(content)?.index ?? n;
      if (labelEnd <= i + 1 || inner < labelEnd) return undefined;
    }
    if (labelEnd < 0 || content.charCodeAt(labelEnd + 1) !== 40) return undefined;
    const close = content.indexOf(')', labelEnd + 2);
    if (close < 0) return undefined;
    const destination = content.slice(labelEnd + 2, close);
    if (!SIMPLE_DESTINATION.test(destination)) return undefined;
    const normal = parser.normalizeLink(destination);
    if (!parser.validateLink(normal)) return undefined;
    const href = safeHref(normal);
    const marks: Marks = {};
    if (em) marks.em = true;
    if (href) marks.href = href;
    const text = em ? content.slice(i + 2, labelEnd - 1) : content.slice(i + 1, labelEnd);
    pushSegment(segments, text, marks, offset);
    offset += text.length;
    at = close + 1;
  }
  return segments;
}

/**
 * Emphasis from the "*" at i: letters up to the next "*", followed by "]" (in a link label) or
 * else by the end, a space, "." or ","; the offset after its closing "*", or -1.
 */
function emphasis(content: string, i: number, inLabel: boolean): number {
  SIMPLE_MARKUP.lastIndex = i + 1;
  const close = SIMPLE_MARKUP.exec(content)?.index ?? -1;
  if (close < i + 2 || content.charCodeAt(close) !== 42) return -1;
  if (!emStarts(content.charCodeAt(i + 1)) || !emEnds(content.charCodeAt(close - 1))) return -1;
  const after = close + 1 < content.length ? content.charCodeAt(close + 1) : -1;
  const ok = inLabel ? after === 93 : after === -1 || after === 32 || after === 44 || after === 46;
  return ok ? close + 1 : -1;
}

function sameSig(a: Marks | undefined, b: Marks | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.em === b.em && a.strong === b.strong && a.strike === b.strike && a.code === b.code && a.href === b.href;
}

function shapeKey(shape: BlockShape): string {
  return `${shape.kind}${shape.level ?? ''}${shape.quoted ? 'q' : ''}${shape.marker && shape.marker !== '•' ? 'o' : ''}`;
}

/** Same kind of block in the same place (list markers aside: renumbering is not a change). */
export function sameShape(a: BlockShape, b: BlockShape): boolean {
  return shapeKey(a) === shapeKey(b);
}

/** Whitespace other than a single space or a line break. */
const ODD_SPACE = /[^\S \n]| {2}/;

/**
 * The part of a block's key after its shape (which holds no whitespace, so the whole key is the
 * shape's part and this one).
 */
function segmentsKey(segments: Segment[]): string {
  let key = '';
  for (const s of segments) {
    const m = s.marks;
    const sig = m ? `${m.em ? 'e' : ''}${m.strong ? 's' : ''}${m.code ? 'c' : ''}${m.strike ? 'x' : ''}${m.href ?? ''}` : '';
    key += `\u0002${sig}\u0003${s.text}`;
  }
  // Whitespace amount and line wrapping do not show in the rendered article (most keys have
  // single spaces only: looking for anything else is cheaper than rewriting every key).
  return ODD_SPACE.test(key) ? key.replace(/[^\S\n]+/g, ' ') : key;
}

/** A block's inline content read into segments, with its key part (and that part's id) and plain-text length. */
interface Inline {
  segments: Segment[];
  key: string;
  keyId: number;
  length: number;
}

/**
 * What one diff has read of its bodies, so a paragraph both versions have is read once, and ids
 * for the keys of their blocks. Reading depends on the body's link reference definitions too:
 * the inline content read only serves a body whose definitions are those of the body that read it.
 */
export class InlineMemo {
  private references: string | undefined | null = null;
  private read = new Map<string, Inline>();
  private keyIds = new Map<string, number>();
  private blockIds = new Map<string, number>();

  /** The inline content read for bodies with these link references (JSON, or undefined for none). */
  readFor(references: string | undefined): Map<string, Inline> {
    if (this.references === null) this.references = references;
    else if (this.references !== references) {
      this.references = references;
      this.read = new Map();
    }
    return this.read;
  }

  inline(segments: Segment[]): Inline {
    let length = 0;
    for (const s of segments) length += s.text.length;
    const key = segmentsKey(segments);
    let keyId = this.keyIds.get(key);
    if (keyId === undefined) this.keyIds.set(key, (keyId = this.keyIds.size));
    return { segments, key, keyId, length };
  }

  /** The id of the key shapeKey + inline.key (a shape key holds no \u0002, which a key part starts with). */
  blockId(shapeKey: string, inline: Inline): number {
    const key = `${shapeKey}\u0000${inline.keyId}`;
    let id = this.blockIds.get(key);
    if (id === undefined) this.blockIds.set(key, (id = this.blockIds.size));
    return id;
  }
}

/** The blocks of a body in reading order: paragraphs, headings, list items, cells and code. */
export function parseBlocks(markdown: string, shared?: InlineMemo): Block[] {
  const env: Record<string, unknown> = {};
  const tokens = parseBlockTokens(markdown, env);
  const memo = shared ?? new InlineMemo();
  const read = memo.readFor(env.references === undefined ? undefined : JSON.stringify(env.references));
  const blocks: Block[] = [];
  const lists: { ordered: boolean }[] = [];
  let quoteDepth = 0;
  let heading = 0;
  let cell = false;
  let marker: string | undefined;
  let plain = 0;
  let plainBlocks = 0;
  const add = (shape: BlockShape, inline: Inline, inPlain: boolean) => {
    if (quoteDepth > 0) shape.quoted = true;
    let plainStart: number | undefined;
    if (inPlain) {
      if (plainBlocks > 0) plain += PLAIN_SEPARATOR;
      plainStart = plain;
      plain += inline.length;
      plainBlocks += 1;
    }
    const shapePart = shapeKey(shape);
    blocks.push({ shape, key: shapePart + inline.key, id: memo.blockId(shapePart, inline), segments: inline.segments, plainStart });
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: token.type === 'ordered_list_open' });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open':
        marker = lists[lists.length - 1]?.ordered ? `${token.info}${token.markup}` : '•';
        break;
      case 'blockquote_open':
        quoteDepth += 1;
        break;
      case 'blockquote_close':
        quoteDepth -= 1;
        break;
      case 'heading_open':
        heading = Number(token.tag.slice(1));
        break;
      case 'heading_close':
        heading = 0;
        break;
      case 'th_open':
      case 'td_open':
        cell = true;
        break;
      case 'th_close':
      case 'td_close':
        cell = false;
        break;
      case 'fence':
      case 'code_block': {
        const text = token.content.replace(/\n$/, '');
        add({ kind: 'code' }, memo.inline(text ? [{ text, marks: { code: true }, start: 0 }] : []), false);
        break;
      }
      case 'inline': {
        let inline = read.get(token.content);
        if (!inline) {
          // Plain text is one segment, as inlineSegments would make of its one text token.
          const segments = isPlainInline(token.content)
            ? [{ text: token.content, marks: undefined, start: 0 }]
            : (simpleSegments(token.content, env) ?? inlineSegments(parseInline(token.content, env)));
          inline = memo.inline(segments);
          read.set(token.content, inline);
        }
        let shape: BlockShape;
        if (heading > 0) shape = { kind: 'heading', level: heading };
        else if (cell) shape = { kind: 'table-cell' };
        else if (lists.length > 0) {
          shape = { kind: 'list-item', level: lists.length };
          // Only the item's first paragraph shows the marker; renumbering is not a change.
          if (marker) shape.marker = marker;
          marker = undefined;
        } else shape = { kind: 'paragraph' };
        add(shape, inline, true);
        break;
      }
    }
  }
  return blocks;
}

/**
 * The block's word tokens, tokenised once (and interned as they are cut, given the diff's
 * interner). Given a tokenised block it is likely an edit of, only the text they differ in is cut.
 */
export function blockTokens(block: Block, interner?: Interner, like?: Block): WordToken[] {
  block.tokens ??= interner && like?.tokens ? tokeniseLike(block.segments, interner, like.segments, like.tokens) : tokenise(block.segments, interner);
  return block.tokens;
}
