// An invented newsroom's corrections feed, and a parser independent of the `feed` library.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CorrectionFeedItem, FeedMeta } from './items';

export const SITE = 'https://kestrel.example';

export const meta: FeedMeta = {
  id: `${SITE}/corrections`,
  title: 'Corrections — The Kestrel Bay Chronicle',
  description: 'Every correction, clarification and note we publish.',
  link: `${SITE}/corrections`,
  self: { rss: `${SITE}/corrections/rss.xml`, atom: `${SITE}/corrections/atom.xml`, json: `${SITE}/corrections/feed.json` },
  author: 'The Kestrel Bay Chronicle',
  copyright: 'The Kestrel Bay Chronicle',
};

export const NASTY = 'Tom & Jerry <script>alert("x")</script> said \'hi\'';

export function correction(i: number, extra: Partial<CorrectionFeedItem> = {}): CorrectionFeedItem {
  const publishedAt = new Date(Date.UTC(2026, 4, 4, 9, i));
  return {
    id: `urn:kestrel:correction:${i}`,
    title: `Correction: Council results story ${i}`,
    wording: 'They actually lost 842 council seats and 11 councils.',
    wrongWords: 'lost 695 council seats and nine councils',
    link: `${SITE}/articles/local-elections-${i}#notice-${i}`,
    publishedAt,
    updatedAt: publishedAt,
    section: 'Politics',
    ...extra,
  };
}

// htmlEntities: fast-xml-parser leaves numeric character references ("&#x26;") undecoded without it,
// which every conforming XML parser decodes.
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, processEntities: true, htmlEntities: true });

/** Parses XML after checking it is well formed; the parser alone forgives too much. */
export function parseXml(xml: string): Record<string, unknown> & { rss?: RssDoc; feed?: AtomDoc } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`Ill-formed XML: ${JSON.stringify(valid.err)}`);
  return parser.parse(xml);
}

export function list<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

type Text = string | { '#text': string; [attribute: string]: string };

export function text(value: Text | undefined): string {
  return typeof value === 'object' ? value['#text'] : (value ?? '');
}

export interface RssItem {
  title: Text;
  link: string;
  guid: Text;
  pubDate: string;
  description: string;
  category: Text | Text[];
}

export interface RssDoc {
  '@version': string;
  channel: { title: string; link: string; description: string; lastBuildDate: string; language: string; 'atom:link': { '@href': string; '@rel': string }; item?: RssItem | RssItem[] };
}

export interface AtomLink {
  '@href': string;
  '@rel'?: string;
}

export interface AtomEntry {
  id: string;
  title: Text;
  updated: string;
  published: string;
  link: AtomLink | AtomLink[];
  content: Text;
  category: { '@term': string } | { '@term': string }[];
}

export interface AtomDoc {
  '@xmlns': string;
  id: string;
  title: Text;
  updated: string;
  author: { name: string };
  link: AtomLink | AtomLink[];
  entry?: AtomEntry | AtomEntry[];
}

export const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/;
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** An HTML fragment as a reader sees it: tags dropped, the five entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
