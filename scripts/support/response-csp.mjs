// Holds back each HTML response whose CSP has no nonce (readers' pages), then sends it with the
// hashes of the page's own inline scripts added to script-src. The header is a function of the body,
// so any cache keeps the two together; HEAD gets the headers its GET would, and a 304 carries no CSP
// (the browser keeps the one stored with the body it already has).
import { holdResponse } from './hold-response.mjs';
import { inlineScriptHashes, needsScriptHashes, withScriptHashes } from './inline-scripts.mjs';

const CSP = 'content-security-policy';

function isHtml(res) {
  return /^text\/html\b/i.test(String(res.getHeader('content-type') ?? ''));
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
  let mode = null;

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

  holdResponse(res, decide, (body, original, callback) => {
    const csp = String(res.getHeader(CSP));
    res.setHeader(CSP, withScriptHashes(csp, inlineScriptHashes(body.toString('utf8'))));
    res.setHeader('content-length', body.length);
    // Only when it is set: removing it at all tells Node never to chunk this response, and with the
    // length then dropped by compression the body would end only when the connection closed (no
    // keep-alive for any reader page).
    if (res.hasHeader('transfer-encoding')) res.removeHeader('transfer-encoding');
    original.writeHead.call(res, res.statusCode);
    return original.end.call(res, body, callback);
  });
}
