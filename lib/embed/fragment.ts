// The embed as an HTML fragment a CMS puts in its own page (server-side include, or fetched by its
// server): no document around it, no script, no style, no event handler, every value escaped, so a
// host page with a strict CSP can include it. The class list is the contract in docs/embeds.md;
// public/embed/errata-notices.js builds the same elements from the JSON.
import { escapeHtml } from '../feeds/items';
import { type EmbedNotice, type EmbedNotices, kindModifier } from './notices';

/** The answer for an id readers have no article for: an empty, hidden root, the same for every id. */
export const MISSING_FRAGMENT = '<aside class="errata-notices errata-notices--missing" hidden></aside>\n';

const attr = (value: string) => `"${escapeHtml(value)}"`;
/** Links go to the site's own http(s) addresses only; anything else is shown without one. */
const href = (url: string) => (/^https?:\/\//i.test(url) ? ` href=${attr(url)}` : '');

function notice(n: EmbedNotice, linkLabel: string): string {
  const classes = ['errata-notice', kindModifier(n.kind), ...(n.withdrawn ? ['errata-notice--withdrawn'] : [])].join(' ');
  return [
    `<li class=${attr(classes)} id=${attr(`errata-notice-${n.id}`)}>`,
    `<time class="errata-notice__date" datetime=${attr(n.date)}>${escapeHtml(n.dateLabel)}</time>`,
    `<p class="errata-notice__text">${escapeHtml(n.text)}</p>`,
    `<a class="errata-notice__link"${href(n.url)}>${escapeHtml(linkLabel)}</a>`,
    '</li>',
  ].join('');
}

export function noticesFragment(view: EmbedNotices): string {
  const { article, notices } = view;
  const classes = ['errata-notices', ...(article.withdrawn ? ['errata-notices--withdrawn'] : []), ...(notices.length === 0 && !article.withdrawn ? ['errata-notices--empty'] : [])];
  const parts = [`<aside class=${attr(classes.join(' '))} data-errata-article=${attr(article.externalId)} lang=${attr(view.lang)}>`];
  if (article.withdrawn) {
    const { date, dateLabel, text } = article.withdrawn;
    const when = date && dateLabel ? ` <time class="errata-notices__date" datetime=${attr(date)}>${escapeHtml(dateLabel)}</time>` : '';
    parts.push(`<p class="errata-notices__withdrawn">${escapeHtml(text)}${when}</p>`);
  }
  if (notices.length > 0) {
    parts.push(`<h2 class="errata-notices__title">${escapeHtml(view.title)}</h2>`);
    parts.push(`<ol class="errata-notices__list">${notices.map((n) => notice(n, view.noticeLinkLabel)).join('')}</ol>`);
  }
  parts.push(`<p class="errata-notices__footer"><a class="errata-notices__history"${href(article.history.url)}>${escapeHtml(article.history.label)}</a></p>`);
  parts.push('</aside>');
  return `${parts.join('\n')}\n`;
}
