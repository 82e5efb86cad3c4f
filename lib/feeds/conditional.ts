// Conditional GETs for feeds (RFC 9110 section 13): the ETag, and whether to answer 304.
import { createHash } from 'node:crypto';

/** A strong ETag over the exact bytes served. */
export function feedEtag(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('base64url')}"`;
}

/** The opaque tags of an If-None-Match list; quoted, so a comma inside a tag does not split it. */
function entityTags(value: string): string[] {
  return [...value.matchAll(/(?:W\/)?"([\x21\x23-\x7e\x80-\xff]*)"/g)].map((m) => m[1]);
}

function opaque(etag: string): string {
  return etag.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const RFC850_DATE = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const ASCTIME_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

function utc(year: number, month: string, day: number, h: string, m: string, s: string): Date | null {
  const monthIndex = MONTHS.indexOf(month);
  if (monthIndex < 0) return null;
  const date = new Date(Date.UTC(year, monthIndex, day, Number(h), Number(m), Number(s)));
  // Reject 31 Feb and the like rather than let Date roll them over.
  return date.getUTCDate() === day && date.getUTCHours() === Number(h) && date.getUTCSeconds() === Number(s) ? date : null;
}

/**
 * An HTTP-date in any of the three forms RFC 9110 (5.6.7) says a recipient must accept; null for
 * anything else. Date.parse is not used: it accepts far more, and reads asctime as local time.
 */
export function parseHttpDate(value: string): Date | null {
  const v = value.trim();
  let m = IMF_FIXDATE.exec(v);
  if (m) return utc(Number(m[3]), m[2], Number(m[1]), m[4], m[5], m[6]);
  m = RFC850_DATE.exec(v);
  if (m) {
    // A two-digit year more than 50 years ahead is taken as last century (RFC 9110 5.6.7).
    const thisYear = new Date().getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + Number(m[3]);
    if (year > thisYear + 50) year -= 100;
    return utc(year, m[2], Number(m[1]), m[4], m[5], m[6]);
  }
  m = ASCTIME_DATE.exec(v);
  if (m) return utc(Number(m[6]), m[1], Number(m[2].trim()), m[3], m[4], m[5]);
  return null;
}

export interface ConditionalHeaders {
  ifNoneMatch?: string | null;
  ifModifiedSince?: string | null;
}

/**
 * Whether a GET or HEAD should be answered 304. If-None-Match, when sent, decides alone (weak
 * comparison; "*" matches any current representation); only without it is If-Modified-Since
 * read, at one-second precision since HTTP dates have no fractions. An unreadable date is
 * ignored, as RFC 9110 requires, which means a full response.
 */
export function isNotModified(request: ConditionalHeaders, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = request.ifNoneMatch?.trim();
  if (ifNoneMatch) {
    if (ifNoneMatch === '*') return true;
    const ours = opaque(etag);
    return entityTags(ifNoneMatch).some((tag) => tag === ours);
  }
  if (request.ifModifiedSince) {
    const since = parseHttpDate(request.ifModifiedSince);
    return since !== null && Math.floor(lastModified.getTime() / 1000) <= since.getTime() / 1000;
  }
  return false;
}
