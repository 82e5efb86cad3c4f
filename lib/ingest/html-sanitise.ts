// What of a CMS's article HTML survives sanitising, and the note for the editor on each thing that
// does not (embeds, pictures, scripts, links that are not full web addresses).
import sanitizeHtml from 'sanitize-html';
import { withoutHiddenCharacters } from '../limits';

/** The tags that carry meaning in an article body; `div` only marks where a block ends. */
const KEPT_TAGS = [
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'ul', 'ol', 'li', 'blockquote', 'pre', 'figure', 'figcaption', 'div'],
  ...['a', 'em', 'i', 'strong', 'b', 's', 'del', 'code', 'img'],
];
// Layout and table elements become plain blocks, so that their texts do not run together.
const AS_BLOCK = [
  ...['address', 'article', 'aside', 'section', 'header', 'footer', 'main', 'nav', 'hgroup', 'details', 'summary', 'center', 'fieldset'],
  ...['dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'hr'],
];
/** The formatting elements, by the kind of delimiter each is written with. */
const SAME_KIND: Record<string, string> = { em: '*', i: '*', strong: '**', b: '**', s: '~~', del: '~~', strike: '~~', code: '`' };
/** Elements dropped with everything inside them (their fallback text is not the article's). */
export const UNSEEN = [
  ...['script', 'style', 'noscript', 'template', 'iframe', 'video', 'audio', 'object', 'embed', 'svg', 'canvas'],
  ...['textarea', 'select', 'option', 'xmp', 'head', 'title'],
];
/** The classes that CMS embed snippets put on a blockquote, and whose post each one shows. */
export const EMBED_CLASSES: [RegExp, string][] = [
  [/\btwitter-(tweet|video)\b/, 'twitter.com'],
  [/\binstagram-media\b/, 'instagram.com'],
  [/\btiktok-embed\b/, 'tiktok.com'],
  [/\bbluesky-embed\b/, 'bsky.app'],
  [/\btext-post-media\b/, 'threads.net'],
  [/\breddit-embed-bq\b/, 'reddit.com'],
];
/** What an embed is, by where it comes from. */
const HOST_KINDS: [string, string[]][] = [
  ['An embedded video', ['youtube.com', 'youtube-nocookie.com', 'youtu.be', 'vimeo.com', 'dailymotion.com', 'brightcove.net']],
  ['An embedded audio clip', ['soundcloud.com', 'spotify.com', 'podcasts.apple.com', 'megaphone.fm']],
  ['An embedded post', ['twitter.com', 'x.com', 'instagram.com', 'facebook.com', 'tiktok.com', 'threads.net', 'bsky.app']],
];
/** What each embedding element is called in a note, unless its host says more (HOST_KINDS). */
export const EMBED_KINDS: Record<string, string> = {
  iframe: 'An embedded frame',
  video: 'A video',
  audio: 'An audio clip',
  object: 'An embedded object',
  embed: 'An embedded object',
  svg: 'A drawing',
};

/** The host a URL points at ("youtube.com"), or null for a relative or non-web address. */
export function hostOf(url: string | undefined): string | null {
  if (!url?.trim()) return null;
  try {
    const parsed = new URL(url.trim(), 'https://relative.invalid');
    if (!/^https?:$/.test(parsed.protocol) || parsed.hostname === 'relative.invalid') return null;
    return parsed.hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

const within = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);
const clip = (s: string, max = 80) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The note for an embed of this kind from this host: "An embedded video (youtube.com) was left out: …". */
export function embedNote(kind: string, host: string | null): string {
  const what = (host && HOST_KINDS.find(([, domains]) => domains.some((d) => within(host, d)))?.[0]) || kind;
  return `${what}${host ? ` (${host})` : ''} was left out: Errata keeps the text.`;
}

export function scriptNote(src: string | undefined): string {
  const host = hostOf(src);
  return `A script${host ? ` (${host})` : ''} was removed: Errata runs no scripts.`;
}

export function pictureNote(src: string | undefined, alt: string | undefined): string {
  const host = hostOf(src);
  const described = alt?.trim() ? ` Its description read “${clip(alt.trim().replace(/\s+/g, ' '))}”.` : '';
  return `A picture${host ? ` (${host})` : ''} was left out: Errata keeps no images.${described}`;
}

/** Where a link may point in the desk's Markdown (a full http, https or mailto address), or why it may not. */
export function linkTarget(raw: string | undefined, baseUrl?: string): { href?: string; note?: string } {
  const value = raw?.trim() ?? '';
  if (!value) return {};
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value.replace(/[\t\n]/g, ''))?.[1].toLowerCase();
  if (!scheme && !baseUrl && !value.startsWith('//')) return { note: `A relative link (${clip(value)}) was removed: its words are kept.` };
  let url: URL;
  try {
    url = new URL(value.startsWith('//') && !baseUrl ? `https:${value}` : value, baseUrl);
  } catch {
    return { note: 'A link whose address could not be read was removed: its words are kept.' };
  }
  if (['http:', 'https:', 'mailto:'].includes(url.protocol)) return { href: url.href };
  return { note: `A ${clip(url.protocol, 20)} link was removed: its words are kept.` };
}

interface Open {
  name: string;
  /** Inside something dropped whole: nothing in here gets a note. */
  quiet: boolean;
  /** Dropped whole when it closes (an embed's blockquote, a figure around an embed). */
  drop: boolean;
  /** A figure's notes wait for it to close: if it wraps an embed, the embed's note is the only one. */
  notes?: string[];
  embed?: string;
  /** A link's address as the CMS wrote it. */
  href?: string;
}

/** Sanitises the body (the kept tags, links resolved or unlinked) and notes what was left out, in order. */
export function sanitiseBody(html: string, baseUrl?: string): { html: string; notes: string[] } {
  const notes: string[] = [];
  const open: Open[] = [];
  // Set by onCloseTag for the element whose exclusiveFilter sanitize-html calls next.
  let closed: Open | undefined;
  const figure = () => open.findLast((o) => o.name === 'figure');
  const note = (text: string) => (figure()?.notes ?? notes).push(withoutHiddenCharacters(text));

  const onOpenTag = (name: string, attribs: Record<string, string>) => {
    const parent = open.at(-1);
    const entry: Open = { name, quiet: !!parent && (parent.quiet || parent.drop || UNSEEN.includes(parent.name)), drop: false, href: attribs.href };
    if (name === 'figure') entry.notes = [];
    if (!entry.quiet) {
      const embedHost = EMBED_CLASSES.find(([pattern]) => name === 'blockquote' && pattern.test(attribs.class ?? ''));
      let embed: string | null = null;
      if (embedHost) {
        entry.drop = true;
        embed = embedNote('An embedded post', hostOf(attribs.cite ?? attribs['data-instgrm-permalink']) ?? embedHost[1]);
      } else if (EMBED_KINDS[name]) {
        embed = embedNote(EMBED_KINDS[name], hostOf(attribs.src ?? attribs['data-src'] ?? attribs.data));
      } else if (name === 'script') {
        note(scriptNote(attribs.src));
      } else if (name === 'img') {
        // Kept in a figure only, where it makes the caption a picture's.
        entry.drop = !figure();
        note(pictureNote(attribs.src ?? attribs['data-src'], attribs.alt));
      } else if (name === 'table') {
        note('A table was turned into paragraphs, one for each cell: check that it still reads well.');
      }
      const around = figure();
      if (embed && around) {
        around.drop = true;
        around.embed ??= embed;
      } else if (embed) note(embed);
    }
    open.push(entry);
  };

  const onCloseTag = (name: string) => {
    const at = open.findLastIndex((o) => o.name === name);
    [closed] = at < 0 ? [undefined] : open.splice(at, 1);
    const entry = closed;
    if (!entry) return;
    if (entry.name !== 'figure' || entry.quiet) return;
    for (const text of entry.drop && entry.embed ? [entry.embed] : (entry.notes ?? [])) note(text);
  };

  /** Whether a kept element goes with its content (true) or leaves its content ("excludeTag"). */
  const exclusiveFilter = (frame: sanitizeHtml.IFrame): boolean | 'excludeTag' => {
    if (closed?.drop) return true;
    const kind = SAME_KIND[frame.tag];
    // Emphasis inside emphasis looks the same (italic is italic), and "*a *b**" reads badly.
    if (kind && (!frame.text.trim() || open.some((o) => SAME_KIND[o.name] === kind))) return 'excludeTag';
    if (frame.tag !== 'a' || frame.attribs.href) return false;
    // An unlinked "a" leaves its words to join the text around them. (Renaming it to a tag that is
    // not kept would trip sanitize-html, which then closes the next "a" with the new name.)
    const { note: why } = linkTarget(closed?.href, baseUrl);
    if (why && !closed?.quiet && frame.text.trim()) note(why);
    return 'excludeTag';
  };

  const clean = sanitizeHtml(html, {
    allowedTags: KEPT_TAGS,
    allowedAttributes: { a: ['href'], img: ['src', 'alt'], ol: ['start'] },
    allowedSchemes: ['http', 'https', 'mailto'],
    nonTextTags: UNSEEN,
    transformTags: {
      ...Object.fromEntries(AS_BLOCK.map((tag) => [tag, 'div'])),
      // One name for each kind of formatting, so that runs of it can be joined below.
      i: 'em',
      b: 'strong',
      del: 's',
      strike: 's',
      cite: 'em',
      a: (tagName, attribs) => {
        const { href } = linkTarget(attribs.href, baseUrl);
        return { tagName, attribs: href ? { href } : ({} as Record<string, string>) };
      },
      ol: (tagName, attribs) => ({ tagName, attribs: /^\d{1,6}$/.test(attribs.start ?? '') ? { start: attribs.start } : ({} as Record<string, string>) }),
    },
    exclusiveFilter,
    onOpenTag,
    onCloseTag,
  });
  // "<em>a</em><em>b</em>" would be "*a**b*", which markdown-it reads as one emphasis of "a**b".
  const merged = clean.replace(/<\/(em|strong|s|code)><\1>/g, '');
  return { html: merged, notes: [...new Set(notes)] };
}
