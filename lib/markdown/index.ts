// Article bodies: Markdown without raw HTML, its plain text (what claims are anchored in),
// and rendering with corrected claims marked at their plain-text offsets.
import type { Token } from 'markdown-it';
import { BLOCK_SEPARATOR, createMarkdownParser, isPlainChild, markdownParser, plainChildText } from '../text';

export interface ClaimMark {
  start: number;
  end: number;
  /** Element id of the mark, e.g. "claim-12"; put on the first segment only. */
  id: string;
  /** Where the mark links to, e.g. "#notice-12". */
  href: string;
  label?: string;
}

export interface RenderOptions {
  marks?: ClaimMark[];
  /** Wrap each text run in <span data-pt="offset"> so the desk can turn a selection into offsets. */
  offsets?: boolean;
}

export interface PlainBlock {
  /** Offsets of this block in the whole plain text. */
  start: number;
  end: number;
  text: string;
  /** markdown-it's source line range [first, last) for the block. */
  lines: [number, number];
}

// The parser and the plain-text rules are the text engine's (lib/text): one Markdown setup.
const parser = markdownParser;

interface Annotated {
  tokens: Token[];
  blocks: PlainBlock[];
}

/** Parses once and records each text run's plain-text offset in token.meta.pt. */
function annotate(markdown: string): Annotated {
  const tokens = parser.parse(markdown, {});
  const blocks: PlainBlock[] = [];
  let offset = 0;
  for (const token of tokens) {
    if (token.type !== 'inline' || !token.children) continue;
    if (blocks.length > 0) offset += BLOCK_SEPARATOR.length;
    const start = offset;
    let text = '';
    for (const child of token.children) {
      if (!isPlainChild(child)) continue;
      child.meta = { pt: offset };
      const piece = plainChildText(child);
      text += piece;
      offset += piece.length;
    }
    const map = (token.map ?? [0, 0]) as [number, number];
    blocks.push({ start, end: offset, text, lines: map });
  }
  return { tokens, blocks };
}

/** The body's plain text: each block's text, blocks separated by a blank line. */
export function toPlainText(markdown: string): string {
  return annotate(markdown)
    .blocks.map((b) => b.text)
    .join(BLOCK_SEPARATOR);
}

export function plainTextBlocks(markdown: string): PlainBlock[] {
  return annotate(markdown).blocks;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface RenderEnv {
  marks: ClaimMark[];
  offsets: boolean;
  linkDepth: number;
  opened: Set<string>;
}

/** Renders one text run, cutting it where marks start and end. */
function renderRun(text: string, start: number, env: RenderEnv, wrap: (s: string) => string): string {
  const end = start + text.length;
  const cuts = new Set<number>([start, end]);
  for (const m of env.marks) {
    if (m.start > start && m.start < end) cuts.add(m.start);
    if (m.end > start && m.end < end) cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let html = '';
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from - start, to - start);
    let inner = wrap(escapeHtml(piece));
    if (env.offsets) inner = `<span data-pt="${from}">${inner}</span>`;
    const mark = env.marks.find((m) => m.start <= from && to <= m.end && m.start < m.end);
    if (mark) {
      const first = !env.opened.has(mark.id);
      env.opened.add(mark.id);
      const idAttr = first ? ` id="${escapeHtml(mark.id)}"` : '';
      const title = mark.label ? ` title="${escapeHtml(mark.label)}"` : '';
      // A link inside a link is invalid HTML: inside one, the mark is not itself a link.
      inner = env.linkDepth > 0 ? inner : `<a href="${escapeHtml(mark.href)}" class="claim-link">${inner}</a>`;
      inner = `<mark class="claim"${idAttr}${title}>${inner}</mark>`;
    }
    html += inner;
  }
  return html;
}

function ptOf(token: Token): number {
  return (token.meta as { pt: number }).pt;
}

const renderer = createMarkdownParser();
// markdown-it types env loosely; ours is always the RenderEnv that renderMarkdown passes in.
const envOf = (env: unknown) => env as RenderEnv;
renderer.renderer.rules.text = (tokens, idx, _opts, env) => renderRun(tokens[idx].content, ptOf(tokens[idx]), envOf(env), (s) => s);
renderer.renderer.rules.code_inline = (tokens, idx, _opts, env) =>
  renderRun(tokens[idx].content, ptOf(tokens[idx]), envOf(env), (s) => `<code>${s}</code>`);
renderer.renderer.rules.link_open = (tokens, idx, opts, env, self) => {
  envOf(env).linkDepth += 1;
  const token = tokens[idx];
  const href = String(token.attrGet('href') ?? '');
  if (/^https?:\/\//i.test(href)) token.attrSet('rel', 'nofollow noopener noreferrer');
  return self.renderToken(tokens, idx, opts);
};
renderer.renderer.rules.link_close = (tokens, idx, opts, env, self) => {
  envOf(env).linkDepth -= 1;
  return self.renderToken(tokens, idx, opts);
};

/** Renders the body to HTML (safe to inject: no raw HTML passes, links are validated). */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  const { tokens } = annotate(markdown);
  const env: RenderEnv = { marks: options.marks ?? [], offsets: options.offsets ?? false, linkDepth: 0, opened: new Set() };
  return renderer.renderer.render(tokens, renderer.options, env as unknown as Record<string, unknown>);
}

export type SourceEditResult = { ok: true; markdown: string } | { ok: false; error: string };

/**
 * Replaces the plain-text span [start, end) in the Markdown source. The span's words must stand
 * in the source as they read (no formatting inside them); otherwise the editor amends by hand.
 */
export function replacePlainSpan(markdown: string, start: number, end: number, replacement: string): SourceEditResult {
  const { blocks } = annotate(markdown);
  const block = blocks.find((b) => b.start <= start && end <= b.end);
  if (!block) return { ok: false, error: 'The words run across paragraphs; amend the text by hand.' };
  const exact = block.text.slice(start - block.start, end - block.start);
  if (exact.length === 0) return { ok: false, error: 'The claim is empty.' };
  // Which occurrence of the words within the block's plain text is meant.
  let nth = 0;
  for (let i = block.text.indexOf(exact); i >= 0 && i < start - block.start; i = block.text.indexOf(exact, i + 1)) nth++;
  const lines = markdown.split('\n');
  const before = lines.slice(0, block.lines[0]).join('\n');
  const sourceStart = block.lines[0] === 0 ? 0 : before.length + 1;
  const sourceBlock = lines.slice(block.lines[0], block.lines[1]).join('\n');
  let at = -1;
  for (let i = 0, from = 0; i <= nth; i++) {
    at = sourceBlock.indexOf(exact, from);
    if (at < 0) break;
    from = at + 1;
  }
  if (at < 0) return { ok: false, error: 'The words carry formatting in the source; amend the text by hand.' };
  const absolute = sourceStart + at;
  const next = markdown.slice(0, absolute) + replacement + markdown.slice(absolute + exact.length);
  // Guard: the edit must change exactly that span of the plain text.
  const expected = blocks.map((b) => b.text).join(BLOCK_SEPARATOR);
  const wanted = expected.slice(0, start) + replacement + expected.slice(end);
  if (toPlainText(next) !== wanted) {
    return { ok: false, error: 'The words could not be replaced cleanly; amend the text by hand.' };
  }
  return { ok: true, markdown: next };
}
