// Holds back each HTML response whose CSP has no nonce (readers' pages), then sends it with the
// hashes of the page's own inline scripts added to script-src. The header is a function of the body,
// so any cache keeps the two together; HEAD gets the headers its GET would, and a 304 carries no CSP
// (the browser keeps the one stored with the body it already has).
import { inlineScriptHashes, needsScriptHashes, withScriptHashes } from './inline-scripts.mjs';

const CSP = 'content-security-policy';

function isHtml(res) {
  return /^text\/html\b/i.test(String(res.getHeader('content-type') ?? ''));
}

function setHeaders(res, headers) {
  if (!headers) return;
  if (Array.isArray(headers)) {
    const pairs = Array.isArray(headers[0]) ? headers : headers.flatMap((v, i) => (i % 2 ? [] : [[v, headers[i + 1]]]));
    for (const [k, v] of pairs) res.setHeader(k, v);
  } else {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  }
}

/**
 * Wraps `res` so that what Next writes passes through here first. Call before Next's handler and
 * after any compression, so the page is read as plain text and compressed once complete.
 * A HEAD request is handed to Next as a GET (so the page, and its hashes, are computed); Node still
 * sends no body for it.
 */
export function hashInlineScripts(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return;
  if (req.method === 'HEAD') req.method = 'GET';
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  let mode = null;
  const chunks = [];

  function decide() {
    if (mode) return mode;
    if (res.statusCode === 304) {
      if (needsScriptHashes(res.getHeader(CSP))) res.removeHeader(CSP);
      mode = 'pass';
    } else {
      mode = isHtml(res) && needsScriptHashes(res.getHeader(CSP)) ? 'hold' : 'pass';
    }
    return mode;
  }

  res.writeHead = function writeHead(status, reason, headers) {
    if (typeof reason !== 'string') [reason, headers] = [undefined, reason];
    res.statusCode = status;
    if (reason) res.statusMessage = reason;
    setHeaders(res, headers);
    if (decide() === 'pass') return original.writeHead.call(res, res.statusCode);
    return res;
  };
  res.flushHeaders = function flushHeaders() {
    if (decide() === 'pass') return original.flushHeaders.call(res);
  };
  res.write = function write(chunk, encoding, callback) {
    if (decide() === 'pass') return original.write.call(res, chunk, encoding, callback);
    if (typeof encoding === 'function') [encoding, callback] = [undefined, encoding];
    if (chunk != null) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
    if (callback) process.nextTick(callback);
    return true;
  };
  res.end = function end(chunk, encoding, callback) {
    if (typeof chunk === 'function') [chunk, encoding, callback] = [undefined, undefined, chunk];
    if (typeof encoding === 'function') [encoding, callback] = [undefined, encoding];
    if (decide() === 'pass') return original.end.call(res, chunk, encoding, callback);
    if (chunk != null) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding));
    const body = Buffer.concat(chunks);
    const csp = String(res.getHeader(CSP));
    res.setHeader(CSP, withScriptHashes(csp, inlineScriptHashes(body.toString('utf8'))));
    res.setHeader('content-length', body.length);
    // Only when it is set: removing it at all tells Node never to chunk this response, and with the
    // length then dropped by compression the body would end only when the connection closed (no
    // keep-alive for any reader page).
    if (res.hasHeader('transfer-encoding')) res.removeHeader('transfer-encoding');
    original.writeHead.call(res, res.statusCode);
    return original.end.call(res, body, callback);
  };
}
