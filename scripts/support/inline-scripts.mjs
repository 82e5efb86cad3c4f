// The inline scripts Next writes into a page, recognised by their shape, and the CSP that allows
// exactly those. Pure functions; scripts/server.mjs applies them to every reader page it sends.
//
// Only scripts whose whole text is one of Next's own data-only shapes are hashed: a call that hands
// a JSON literal to Next's runtime (the page's RSC payload, the bundler's chunk list). A script of any
// other shape, such as one an injection might one day place in a page, gets no hash and does not run.
import { createHash } from 'node:crypto';

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const EXACT = new Set(['(self.__next_f=self.__next_f||[]).push([0])']);
/** [prefix, suffix] around a single JSON argument. */
const CALLS = [
  ['self.__next_f.push(', ')'],
  ['(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(', ');'],
  ['(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(', ')'],
];

function attribute(attrs, name) {
  const match = new RegExp(`(?:^|\\s)${name}(?:\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+)))?`, 'i').exec(attrs);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : undefined;
}

function isJson(text) {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Whether a script's text is one of Next's data-only shapes. */
export function isNextDataScript(text) {
  if (EXACT.has(text)) return true;
  return CALLS.some(([prefix, suffix]) => text.startsWith(prefix) && text.endsWith(suffix) && isJson(text.slice(prefix.length, text.length - suffix.length)));
}

/** The inline scripts in a page that a browser would run (no src; a JavaScript type or none). */
export function inlineScripts(html) {
  const found = [];
  for (const [, attrs, text] of html.matchAll(SCRIPT)) {
    if (attribute(attrs, 'src') !== undefined) continue;
    const type = (attribute(attrs, 'type') ?? '').trim().toLowerCase();
    if (type && type !== 'text/javascript' && type !== 'application/javascript' && type !== 'module') continue;
    found.push(text);
  }
  return found;
}

export function sha256Source(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The CSP source expressions for the page's own inline scripts, in page order, without repeats. */
export function inlineScriptHashes(html) {
  return [...new Set(inlineScripts(html).filter(isNextDataScript).map(sha256Source))];
}

/** The policy with these hashes added to its script-src directive (unchanged when it has none). */
export function withScriptHashes(csp, hashes) {
  if (!hashes.length) return csp;
  return csp
    .split(';')
    .map((directive) => (/^\s*script-src\s/i.test(directive) ? `${directive.trimEnd()} ${hashes.join(' ')}` : directive))
    .join(';');
}

/** A page whose policy carries a nonce (the desk) already allows its own scripts. */
export function needsScriptHashes(csp) {
  const scriptSrc = String(csp ?? '')
    .split(';')
    .find((d) => /^\s*script-src\s/i.test(d));
  return scriptSrc !== undefined && !/'nonce-/.test(scriptSrc);
}
