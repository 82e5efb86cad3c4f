// How turndown writes each element that sanitising kept (lib/ingest/html-sanitise.ts) in the desk's
// Markdown dialect (lib/text/markdown.ts), so that markdown-it reads back the same words.
import TurndownService from 'turndown';
import { markdownParser } from '../text';

type Side = 'before' | 'after';
const INLINE = new Set(['A', 'EM', 'I', 'STRONG', 'B', 'S', 'DEL', 'CODE', 'BR', 'IMG']);
const DELIMITER: Record<string, string> = { EM: '*', I: '*', STRONG: '*', B: '*', S: '~', DEL: '~', CODE: '`' };
const { isWhiteSpace, isMdAsciiPunct, isPunctChar } = markdownParser.utils;

const step = (node: Node, side: Side) => (side === 'before' ? node.previousSibling : node.nextSibling);
const isInline = (node: Node | null): node is HTMLElement => !!node && INLINE.has(node.nodeName);

const inside = (node: Node, names: RegExp) => {
  for (let p = node.parentNode; p; p = p.parentNode) if (names.test(p.nodeName)) return true;
  return false;
};

/** The character the Markdown will have just outside a node, as far as the DOM tells ('' at a block's edge). */
function charBeside(node: Node, side: Side): string {
  const sibling = step(node, side);
  if (!sibling) {
    const parent = node.parentNode;
    if (!isInline(parent)) return '';
    if (parent.nodeName === 'A' && parent.getAttribute('href')) return side === 'before' ? '[' : ']';
    return DELIMITER[parent.nodeName] ?? charBeside(parent, side);
  }
  if (sibling.nodeName === 'BR') return '\n';
  if (sibling.nodeName === 'A' && (sibling as HTMLElement).getAttribute('href')) return side === 'before' ? ')' : '[';
  if (DELIMITER[sibling.nodeName]) return DELIMITER[sibling.nodeName];
  const text = sibling.textContent ?? '';
  if (!text) return charBeside(sibling, side);
  return side === 'before' ? (text.at(-1) ?? '') : text[0];
}

function classify(ch: string): { space: boolean; punct: boolean } {
  const code = ch === '' ? 0x20 : (ch.codePointAt(0) ?? 0x20);
  return { space: isWhiteSpace(code), punct: isMdAsciiPunct(code) || isPunctChar(String.fromCodePoint(code)) };
}

/**
 * Wraps content in a delimiter when markdown-it will read it as formatting there (CommonMark's
 * flanking rules, e.g. not in `**Update:**The`); otherwise keeps the words without the formatting.
 */
function delimit(delimiter: string, content: string, node: HTMLElement): string {
  if (!hasWords(content)) return content.trim() ? content : '';
  const [lead, words, trail] = edges(content);
  if (words.includes('\n\n')) return content;
  const ws = (node as HTMLElement & { flankingWhitespace?: { leading: string; trailing: string } }).flankingWhitespace;
  const before = classify(lead || ws?.leading ? ' ' : charBeside(node, 'before'));
  const after = classify(trail || ws?.trailing ? ' ' : charBeside(node, 'after'));
  const visible = words.replaceAll(LINE_START, '');
  const first = classify(String.fromCodePoint(visible.codePointAt(0) ?? 0x20));
  const lastChar = visible.at(-1) ?? ' ';
  const last = classify(/[\udc00-\udfff]/.test(lastChar) ? visible.slice(-2) : lastChar);
  const opens = !first.space && (!first.punct || before.space || before.punct);
  const closes = !last.space && (!last.punct || after.space || after.punct);
  return opens && closes ? `${lead}${delimiter}${words}${delimiter}${trail}` : content;
}

/** The nearest text, break or block on that side of a node, within its block, passing what `skip` says. */
function nextOnLine(node: Node, side: Side, skip: (n: Node) => boolean): Node | null {
  for (let at: Node = node; ; ) {
    let next: Node | null = step(at, side);
    while (!next) {
      const parent: Node | null = at.parentNode;
      if (!isInline(parent)) return null;
      at = parent;
      next = step(at, side);
    }
    while (isInline(next) && next.firstChild) next = (side === 'before' ? next.lastChild : next.firstChild) as Node;
    if (!skip(next)) return next;
    at = next;
  }
}

const blank = (n: Node) => (n.nodeType === 3 || isInline(n)) && n.nodeName !== 'BR' && !n.textContent?.trim();
/** Whether the same line has text on that side of a node before its block ends. */
const textBeside = (node: Node, side: Side) => nextOnLine(node, side, (n) => blank(n) || n.nodeName === 'BR')?.nodeType === 3;
/** Whether the nearest thing on that side, before any text, is another line break. */
const breakBeside = (node: Node, side: Side) => nextOnLine(node, side, blank)?.nodeName === 'BR';

/**
 * What a line break becomes sits between two private characters that keep turndown from trimming
 * it off (it trims an element's content when the element's text starts or ends with a space).
 */
export const BREAK_GUARD = '\ue001';
const guarded = (text: string) => `${BREAK_GUARD}${text}${BREAK_GUARD}`;

/** Put where a text starts with what is block syntax at the start of a line ("- ", "1. ", "#"). */
export const LINE_START = '\ue000';
// Characters that markdown-it would read as syntax in plain text: turndown's list, plus "~"
// (strikethrough), "|" (tables), "<" (autolinks) and entities. Whether "-", "+", ">", "=", "#" or
// "1." / "1)" need escaping depends on where the text lands (placeLineStarts), not where its node starts.
const ESCAPES: [RegExp, string][] = [
  [/\\/g, '\\\\'],
  [/[*_`[\]~|<]/g, '\\$&'],
  [/&(?=#?[a-z0-9]+;)/gi, '\\&'],
  // Digits alone too: "1" then "." from the next text node make "1." all the same.
  [/^(?=[-+>=]|#{1,6}(?= |$)|\d{1,9}(?:[.)](?= |$)|$))/, LINE_START],
];

export function escapeText(text: string): string {
  return ESCAPES.reduce((s, [pattern, replacement]) => s.replace(pattern, replacement), text);
}

// What may stand before a text on its line for the text to start the line's content: quote and
// list markers and indentation.
const BLOCK_PREFIX = /^(?:\s*(?:>|[-+*](?= )|\d{1,9}[.)](?= )))*\s*$/;

/**
 * Escapes what would read as block syntax where a marked text starts a line's content, looking at
 * the line's words after it whatever text nodes they came from ("1" and "." make "1."), and unmarks
 * the texts that start anywhere else.
 */
export function placeLineStarts(markdown: string): string {
  const escape = (text: string) => text.replace(/^(\d{1,9})([.)])(?= |$)|^[-+>=#]/, (m, n, mark) => (n ? `${n}\\${mark}` : `\\${m}`));
  const lines = markdown.split('\n').map((line) => {
    const at = line.indexOf(LINE_START);
    if (at < 0) return line;
    const rest = line.slice(at).replaceAll(LINE_START, '');
    return line.slice(0, at) + (BLOCK_PREFIX.test(line.slice(0, at)) ? escape(rest) : rest);
  });
  return lines.join('\n');
}

/** Content as [leading spaces and breaks, the words, trailing ones], so that marks go round the words. */
function edges(content: string): [string, string, string] {
  const [, lead, words, trail] = /^((?:[\s\ue001]|\\\n)*)([\s\S]*?)((?:[\s\ue001]|\\\n)*)$/.exec(content) ?? ['', '', content, ''];
  return [lead, words, trail];
}
const hasWords = (content: string) => edges(content.replaceAll(LINE_START, ''))[1] !== '';
const oneLine = (content: string) => content.replace(/[\ue000\ue001]/g, '').replace(/\s+/g, ' ').trim();

/** The turndown service for article bodies; without formatting, emphasis, strong and strikethrough are left as plain words. */
export function createTurndown({ formatting = true }: { formatting?: boolean } = {}): TurndownService {
  const service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', emDelimiter: '*', strongDelimiter: '**', codeBlockStyle: 'fenced', br: '\\' });
  service.escape = escapeText;
  service.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    // The headline is a field of its own, so the body's headings start at level 2.
    replacement: (content, node) => {
      const text = oneLine(content).replace(/(^| )(#+)$/, '$1\\$2');
      if (!text) return '\n\n';
      return `\n\n${'#'.repeat(Math.max(2, Number(node.nodeName[1])))} ${text}\n\n`;
    },
  });
  service.addRule('lineBreak', {
    filter: 'br',
    replacement: (_content, node) => {
      if (!textBeside(node, 'before') || !textBeside(node, 'after')) return '';
      if (inside(node, /^(H[1-6]|FIGCAPTION)$/)) return guarded(' ');
      // Two breaks in a row are how many CMS editors start a paragraph.
      if (breakBeside(node, 'before')) return '';
      return guarded(breakBeside(node, 'after') ? '\n\n' : '\\\n');
    },
  });
  service.addRule('link', {
    filter: (node) => node.nodeName === 'A' && !!node.getAttribute('href'),
    replacement: (content, node) => {
      if (!hasWords(content) || content.includes('\n\n')) return content;
      const [lead, words, trail] = edges(content);
      return `${lead}[${words}](${(node.getAttribute('href') ?? '').replace(/[()]/g, '\\$&')})${trail}`;
    },
  });
  service.addRule('blockquote', {
    filter: 'blockquote',
    replacement: (content) => (content.trim() ? `\n\n${content.replace(/^\n+|\n+$/g, '').replace(/^/gm, '> ')}\n\n` : '\n\n'),
  });
  const format = (delimiter: string) => (content: string, node: HTMLElement) => (formatting ? delimit(delimiter, content, node) : content);
  service.addRule('emphasis', { filter: ['em', 'i'], replacement: format('*') });
  service.addRule('strong', { filter: ['strong', 'b'], replacement: format('**') });
  service.addRule('strikethrough', { filter: ['s', 'del'], replacement: format('~~') });
  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      if (!content.trim()) return '';
      const list = node.parentNode as HTMLElement | null;
      let marker = '- ';
      if (list?.nodeName === 'OL') {
        // Counting only the items that will be written (an empty one is left out).
        const before = Array.from(list.children).slice(0, Array.prototype.indexOf.call(list.children, node));
        marker = `${Number(list.getAttribute('start') ?? 1) + before.filter((li) => li.textContent?.trim()).length}. `;
      }
      const loose = /\n$/.test(content);
      const body = content.replace(/^\n+|\n+$/g, '') + (loose ? '\n' : '');
      return marker + body.replace(/\n/g, `\n${' '.repeat(marker.length)}`) + (node.nextSibling ? '\n' : '');
    },
  });
  service.addRule('codeBlock', {
    filter: 'pre',
    replacement: (_content, node) => {
      const code = (node.textContent ?? '').replace(/\n$/, '');
      let fence = '```';
      for (const run of code.match(/^ {0,3}`{3,}/gm) ?? []) if (run.trim().length >= fence.length) fence = '`'.repeat(run.trim().length + 1);
      return `\n\n${fence}\n${code}\n${fence}\n\n`;
    },
  });
  service.addRule('picture', { filter: 'img', replacement: () => '' });
  // Without formatting, code is plain words too (two code spans side by side would run together).
  if (!formatting) service.addRule('plainCode', { filter: 'code', replacement: (content) => escapeText(content) });
  service.addRule('caption', {
    filter: 'figcaption',
    // A picture's caption stays as a line in italics, "Picture: …", where the picture stood.
    replacement: (content, node) => {
      const figure = node.parentNode as HTMLElement | null;
      if (figure?.nodeName !== 'FIGURE' || figure.getElementsByTagName('img').length === 0) return `\n\n${content}\n\n`;
      const text = oneLine(content);
      return text ? `\n\n*Picture: ${text}*\n\n` : '';
    },
  });
  return service;
}
