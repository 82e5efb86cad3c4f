// Arc XP ANS 0.10.x stories → Errata's import model: each story's revisions as versions with a simple
// HTML body, and its correction elements as corrections. Pure and total: bad input becomes `errors`.
import { z } from 'zod';
import { escapeHtml } from '../feeds/items';
import { hasHiddenCharacters } from '../limits';

export interface ImportedCorrection { kind: 'correction' | 'clarification'; text: string; date: string | null; externalId: string | null }
export interface ImportedRevision {
  headline: string; standfirst: string; byline: string; section: string; canonicalUrl: string | null;
  /** Simple HTML (p, h2–h6, ul/ol/li, blockquote, figure, hr; inline a, b, strong, i, em): for htmlToMarkdown. */
  bodyHtml: string;
  savedAt: string;
  revisionId: string | null;
  /** What the import left out or changed (dropped embeds, unknown correction types), for the desk to read. */
  notes: string[];
}
export interface ImportedStory { externalId: string; revisions: ImportedRevision[]; corrections: ImportedCorrection[]; firstPublishedAt: string | null }
export interface ImportError { path: string; message: string }

const text = (what: string) => z.string({ error: (iss) => (iss.input === undefined ? `${what} is missing` : `${what} must be a string`) });
const date = (what: string) =>
  z.iso.datetime({ offset: true, error: (iss) => (iss.input === undefined ? `${what} is missing` : `${what} must be an RFC 3339 date-time, like 2026-05-08T06:30:00Z`) });
const named = z.looseObject({ name: text('A name').optional() });
const credits = z.looseObject({ by: z.array(named).optional() });
const basic = z.looseObject({ basic: text('The text (basic)').optional() });

/** Any content element: its `type`, plus the fields Errata reads for the types it knows (checked below). */
export type AnsElement = { type: string; [key: string]: unknown };
const elementSchema: z.ZodType<AnsElement> = z.lazy(() =>
  z.looseObject({ type: text('An element’s type') }).superRefine((el, ctx) => {
    const checked = ELEMENT_SCHEMAS.get(el.type)?.safeParse(el);
    for (const issue of checked?.error?.issues ?? []) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  }),
);
const elements = (what: string) => z.array(elementSchema, { error: (iss) => (iss.input === undefined ? `${what} is missing` : `${what} must be an array`) });

export const ansCorrectionSchema = z.looseObject({
  type: z.literal('correction'),
  _id: text('A correction’s _id').optional(),
  correction_type: text('correction_type').optional(),
  text: text('A correction’s text')
    .trim()
    .min(1, 'A correction’s text is empty')
    .refine((v) => !hasHiddenCharacters(v, { lines: true }), 'A correction’s text has a character that cannot be shown (a control character or a hidden direction mark)'),
  // Not in ANS 0.10.9's correction element; some CMS exports add one, so it is read when present.
  date: date('A correction’s date').optional(),
  display_date: date('A correction’s display_date').optional(),
});
const ELEMENT_SCHEMAS = new Map<string, z.ZodType>(Object.entries({
  text: z.looseObject({ content: text('A text element’s content') }),
  header: z.looseObject({ content: text('A header’s content'), level: z.number().int('level must be a whole number').optional() }),
  blockquote: z.looseObject({ content: text('A blockquote’s content') }),
  list: z.looseObject({ list_type: text('list_type').optional(), items: elements('A list’s items').optional() }),
  quote: z.looseObject({
    subtype: text('subtype').optional(),
    content_elements: elements('A quote’s content_elements'),
    citation: z.looseObject({ content: text('A citation’s content').optional() }).optional(),
  }),
  image: z.looseObject({ caption: text('caption').optional(), alt_text: text('alt_text').optional(), credits: credits.optional() }),
  correction: ansCorrectionSchema,
}));

export const ansStorySchema = z.looseObject({
  type: z.literal('story', { error: (iss) => `expected an ANS document of type "story", got ${JSON.stringify(iss.input) ?? 'none'}` }),
  version: text('version').optional(),
  _id: text('The story’s _id').trim().min(1, 'The story’s _id is empty'),
  canonical_url: text('canonical_url').optional(),
  headlines: z.looseObject(
    { basic: text('The headline (headlines.basic)').trim().min(1, 'The headline (headlines.basic) is empty') },
    { error: (iss) => (iss.input === undefined ? 'The story has no headlines' : 'headlines must be an object') },
  ),
  subheadlines: basic.optional(),
  description: basic.optional(),
  credits: credits.optional(),
  taxonomy: z.looseObject({ primary_section: named.optional(), sections: z.array(named).optional() }).optional(),
  first_publish_date: date('first_publish_date').optional(),
  display_date: date('display_date').optional(),
  last_updated_date: date('last_updated_date').optional(),
  revision: z.looseObject({ revision_id: text('revision_id').optional(), parent_id: text('parent_id').optional(), published: z.boolean().optional() }).optional(),
  content_elements: elements('The story’s content_elements').min(1, 'The story has no content (content_elements is empty)'),
  corrections: z.array(ansCorrectionSchema).optional(),
});
export type AnsStory = z.infer<typeof ansStorySchema>;
type AnsCorrection = z.infer<typeof ansCorrectionSchema>;

const EMBEDS = new Set(['oembed_response', 'raw_html', 'video', 'custom_embed', 'gallery', 'audio']);
const MAX_DEPTH = 16; // nested quotes and lists rendered; deeper is dropped with a note
const MAX_JSON_DEPTH = 64; // a real story nests about a dozen levels
const MAX_ERRORS_PER_DOCUMENT = 20;

interface Walk { notes: Map<string, number>; corrections: AnsCorrection[] }
const note = (walk: Walk, message: string) => walk.notes.set(message, (walk.notes.get(message) ?? 0) + 1);
const str = (value: unknown) => (typeof value === 'string' ? value : '');

/** Body elements → HTML blocks, one per line; correction elements are collected, not rendered. */
function renderElements(list: AnsElement[], walk: Walk, depth: number): string {
  if (tooDeep(walk, depth)) return '';
  return list.map((el) => renderElement(el, walk, depth)).filter(Boolean).join('\n');
}

function renderElement(el: AnsElement, walk: Walk, depth: number): string {
  switch (el.type) {
    case 'text': {
      const html = inlineHtml(str(el.content)).trim();
      return html && `<p>${html}</p>`;
    }
    case 'header': {
      const level = Math.min(6, Math.max(2, typeof el.level === 'number' ? el.level : 2));
      const html = inlineHtml(str(el.content)).trim();
      return html && `<h${level}>${html}</h${level}>`;
    }
    case 'blockquote': {
      const html = inlineHtml(str(el.content)).trim();
      return html && `<blockquote><p>${html}</p></blockquote>`;
    }
    case 'list':
      return renderList(el, walk, depth);
    case 'quote': {
      // A pullquote repeats the article's own words as display; kept, a claim's words would be found twice.
      if (el.subtype === 'pullquote') {
        note(walk, 'Dropped a pullquote (it repeats words from the article)');
        return '';
      }
      const inner = renderElements(el.content_elements as AnsElement[], walk, depth + 1);
      const citation = str((el.citation as { content?: string } | undefined)?.content).trim();
      const html = inner + (citation ? `<p>— ${escapeHtml(citation)}</p>` : '');
      return html && `<blockquote>${html}</blockquote>`;
    }
    case 'image': {
      const caption = str(el.caption).trim();
      const by = names((el.credits as { by?: { name?: string }[] } | undefined)?.by);
      const figcaption = [caption, by && `Photograph: ${by}`].filter(Boolean).join(' ');
      const alt = escapeHtml(str(el.alt_text).trim() || caption);
      return `<figure><img alt="${alt}">${figcaption ? `<figcaption>${escapeHtml(figcaption)}</figcaption>` : ''}</figure>`;
    }
    case 'divider':
      return '<hr>';
    case 'correction':
      walk.corrections.push(el as unknown as AnsCorrection);
      return '';
    default: {
      const subtype = typeof el.subtype === 'string' && el.subtype ? ` (${el.subtype.slice(0, 40)})` : '';
      const type = el.type.slice(0, 40);
      note(walk, EMBEDS.has(el.type) ? `Dropped an embed: ${type}${subtype}` : `Dropped an element Errata does not import: ${type}${subtype}`);
      return '';
    }
  }
}

function tooDeep(walk: Walk, depth: number): boolean {
  if (depth > MAX_DEPTH) note(walk, `Dropped content nested more than ${MAX_DEPTH} levels deep`);
  return depth > MAX_DEPTH;
}

function renderList(el: AnsElement, walk: Walk, depth: number): string {
  if (tooDeep(walk, depth)) return '';
  const tag = el.list_type === 'ordered' ? 'ol' : 'ul';
  const items = ((el.items as AnsElement[] | undefined) ?? []).map((item) => {
    const html = item.type === 'text' ? inlineHtml(str(item.content)).trim() : item.type === 'list' ? renderList(item, walk, depth + 1) : null;
    if (html !== null) return html && `<li>${html}</li>`;
    note(walk, `Dropped a list item of type ${item.type.slice(0, 40)}`);
    return '';
  });
  return items.some(Boolean) ? `<${tag}>${items.join('')}</${tag}>` : '';
}

/** "A", "A and B", "A, B and C": the house style, no serial comma. */
function names(by: { name?: string }[] | undefined): string {
  const list = (by ?? []).map((person) => person.name?.trim() ?? '').filter(Boolean);
  return list.length < 2 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

const INLINE_TAGS = new Set(['a', 'b', 'strong', 'i', 'em', 'u', 's', 'sub', 'sup', 'br']);
// Elements whose content is code or chrome, never the article's words: removed with what they hold.
const WITH_CONTENT = /<(script|style|iframe|object|embed|template|noscript|textarea|title|svg|math|select)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
// Quoted attribute values may not hold < or >, so a broken tag costs one scan to the next "<", not the rest of the text.
const TOKEN = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^<>"']|"[^"<>]*"|'[^'<>]*')*)>|([^<]+)|</g;
const LOOSE_AMPERSAND = /&(?!#\d{1,7};|#x[0-9a-f]{1,6};|[a-z][a-z0-9]{1,31};)/gi;

/**
 * ANS text is HTML already: keep its inline tags (a with a web or mail link, b, strong, i, em …) and
 * their text, drop every other tag and scripts entirely, close what was left open, escape stray < and &.
 */
export function inlineHtml(html: string): string {
  const out: string[] = [];
  const open: string[] = [];
  for (const [, closing, rawName, attributes, textRun] of html.replace(COMMENT, '').replace(WITH_CONTENT, '').matchAll(TOKEN)) {
    if (textRun !== undefined) out.push(textRun.replace(LOOSE_AMPERSAND, '&amp;').replace(/>/g, '&gt;'));
    else if (rawName === undefined) out.push('&lt;');
    else {
      const name = rawName.toLowerCase();
      if (!INLINE_TAGS.has(name)) continue;
      if (name === 'br') {
        if (!closing) out.push('<br>');
      } else if (closing) {
        const at = open.lastIndexOf(name);
        while (at >= 0 && open.length > at) out.push(`</${open.pop()}>`);
      } else if (name === 'a') {
        const href = safeHref(attributes ?? '');
        if (!href) continue;
        out.push(`<a href="${href}">`);
        open.push('a');
      } else {
        out.push(`<${name}>`);
        open.push(name);
      }
    }
  }
  while (open.length) out.push(`</${open.pop()}>`);
  return out.join('');
}

function safeHref(attributes: string): string | null {
  const match = /(?:^|\s)href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i.exec(attributes);
  const href = (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim().replace(/&amp;/gi, '&');
  return /^(?:https?:\/\/|mailto:|\/(?!\/)|#)/i.test(href) ? escapeHtml(href) : null;
}

interface Parsed { path: string; externalId: string; firstPublishedAt: string | null; revision: ImportedRevision; corrections: AnsCorrection[] }

const iso = (value: string | undefined) => (value ? new Date(value).toISOString() : null);

function formatPath(base: string, path: readonly PropertyKey[]): string {
  return base + path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
}

/** How deeply a JSON value nests, measured without recursion (the schema recurses, and so would overflow). */
function depthOf(root: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [value, depth] = next;
    if (typeof value !== 'object' || value === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_JSON_DEPTH) break;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function parseStory(value: unknown, path: string, errors: ImportError[]): Parsed | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push({ path, message: `Expected an ANS story object, got ${describe(value)}` });
    return null;
  }
  const type = (value as { type?: unknown }).type;
  if (type !== 'story') {
    const got = typeof type === 'string' ? `this one is a "${type.slice(0, 40)}"` : 'this one has no type';
    errors.push({ path: `${path}.type`, message: `Expected an ANS document of type "story"; ${got}` });
    return null;
  }
  if (depthOf(value) > MAX_JSON_DEPTH) {
    errors.push({ path, message: `The story is nested more than ${MAX_JSON_DEPTH} levels deep` });
    return null;
  }
  const result = ansStorySchema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues;
    for (const issue of issues.slice(0, MAX_ERRORS_PER_DOCUMENT)) errors.push({ path: formatPath(path, issue.path), message: issue.message });
    if (issues.length > MAX_ERRORS_PER_DOCUMENT) errors.push({ path, message: `…and ${issues.length - MAX_ERRORS_PER_DOCUMENT} more problems in this story` });
    return null;
  }
  const story = result.data;
  const savedAt = iso(story.last_updated_date ?? story.display_date ?? story.first_publish_date);
  if (!savedAt) {
    errors.push({ path: `${path}.last_updated_date`, message: 'The story has no last_updated_date (nor display_date or first_publish_date) to date this revision by' });
    return null;
  }
  const walk: Walk = { notes: new Map(), corrections: [] };
  const bodyHtml = renderElements(story.content_elements, walk, 0);
  if (!bodyHtml) {
    errors.push({ path: `${path}.content_elements`, message: 'The story has no content Errata can import (only embeds, corrections or empty text)' });
    return null;
  }
  const section = story.taxonomy?.primary_section?.name?.trim() || story.taxonomy?.sections?.find((s) => s.name?.trim())?.name || '';
  const revision: ImportedRevision = {
    headline: story.headlines.basic,
    standfirst: (story.subheadlines?.basic?.trim() || story.description?.basic?.trim()) ?? '',
    byline: names(story.credits?.by),
    section: section.trim(),
    canonicalUrl: story.canonical_url?.trim() || null,
    bodyHtml,
    savedAt,
    revisionId: story.revision?.revision_id ?? null,
    notes: [...walk.notes].map(([message, count]) => (count > 1 ? `${message} (×${count})` : message)),
  };
  const corrections = [...walk.corrections, ...(story.corrections ?? [])];
  return { path, externalId: story._id, firstPublishedAt: iso(story.first_publish_date), revision, corrections };
}

/** The documents in an export: one story, an array of them, or an ANS result set ({ content_elements: [...] }). */
function documentsOf(json: unknown, errors: ImportError[]): { value: unknown; path: string }[] {
  if (Array.isArray(json)) return json.map((value, i) => ({ value, path: `$[${i}]` }));
  if (typeof json === 'object' && json !== null) {
    const { type, content_elements } = json as { type?: unknown; content_elements?: unknown };
    const untypedSet = type === undefined && !('headlines' in json); // an untyped story is reported as one, not as a set
    if ((type === 'results' || untypedSet) && Array.isArray(content_elements)) {
      return content_elements.map((value, i) => ({ value, path: `$.content_elements[${i}]` }));
    }
    return [{ value: json, path: '$' }];
  }
  errors.push({ path: '$', message: `Expected an ANS story, an array of stories or a result set, got ${describe(json)}` });
  return [];
}

const KINDS = new Map<string, ImportedCorrection['kind']>([['correction', 'correction'], ['clarification', 'clarification']]);

/** Revisions of one story, oldest first; its corrections, each once, in date order. */
function assemble(externalId: string, parsed: Parsed[], errors: ImportError[]): ImportedStory {
  const ordered = [...parsed].sort((a, b) => Date.parse(a.revision.savedAt) - Date.parse(b.revision.savedAt));
  const seenRevisions = new Set<string>();
  const seenIds = new Set<string>();
  const seenTexts = new Set<string>();
  const revisions: ImportedRevision[] = [];
  const corrections: ImportedCorrection[] = [];
  for (const { path, revision, corrections: found } of ordered) {
    if (revision.revisionId !== null && seenRevisions.has(revision.revisionId)) {
      errors.push({ path: `${path}.revision.revision_id`, message: `Story ${externalId} repeats revision ${revision.revisionId}; the later copy was ignored` });
      continue;
    }
    if (revision.revisionId !== null) seenRevisions.add(revision.revisionId);
    revisions.push(revision);
    for (const correction of found) {
      const wording = correction.text.replace(/\s+/g, ' ').trim();
      const id = correction._id?.trim() || null;
      if ((id && seenIds.has(id)) || seenTexts.has(wording)) continue;
      if (id) seenIds.add(id);
      seenTexts.add(wording);
      const type = correction.correction_type?.trim().toLowerCase() ?? '';
      const kind = KINDS.get(type);
      if (!kind) revision.notes.push(`Imported a correction with correction_type ${type ? `"${type.slice(0, 40)}"` : '(none)'} as a correction`);
      const when = iso(correction.date ?? correction.display_date) ?? revision.savedAt;
      corrections.push({ kind: kind ?? 'correction', text: wording, date: when, externalId: id });
    }
  }
  corrections.sort((a, b) => Date.parse(a.date ?? '') - Date.parse(b.date ?? ''));
  const published = ordered.map((p) => p.firstPublishedAt).filter((d): d is string => d !== null).sort();
  return { externalId, revisions, corrections, firstPublishedAt: published[0] ?? null };
}

/** Reads an ANS export into stories; never throws: what cannot be read is reported in `errors`. */
export function parseAnsDocument(json: unknown): { stories: ImportedStory[]; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const byId = new Map<string, Parsed[]>();
  for (const { value, path } of documentsOf(json, errors)) {
    try {
      const parsed = parseStory(value, path, errors);
      if (!parsed) continue;
      const revisions = byId.get(parsed.externalId);
      if (revisions) revisions.push(parsed);
      else byId.set(parsed.externalId, [parsed]);
    } catch {
      errors.push({ path, message: 'The story could not be read' }); // not expected: every check above reports instead
    }
  }
  const stories = [...byId].map(([externalId, parsed]) => assemble(externalId, parsed, errors));
  return { stories, errors };
}
