// Errata's HTTP server: Next's request handler behind a plain Node server. In front of Next it
// - passes on the address of the socket each request came from, in one header no client can set
//   (any incoming copy is dropped first; `clientIp` in app/(auth)/client-ip.ts decides which
//   address is the client's);
// - refuses, before Next sees them, a malformed percent escape in the address (400), an unsafe
//   request from another site's Origin (403) and a body over 1 MB (413), each with a clear message
//   (scripts/support/request-guards.mjs);
// - completes readers' pages' CSP with the hashes of their own inline scripts
//   (scripts/support/response-csp.mjs), then compresses (Next's own compression is off);
// - decides every response's Cache-Control, and gives reader responses a strong ETag per
//   content-encoding and their 304s (scripts/support/http-cache.mjs);
// - gives a server action that refused its input the 4xx status it asked for
//   (scripts/support/action-status.mjs);
// - answers a page or a feed that failed because the store could not be reached with a 503 and
//   Retry-After, not a 500, and logs one line for such requests (scripts/support/store-status.mjs);
// - remembers which paths it served with which cache tags (scripts/support/served-paths.mjs), for
//   the nginx purger;
// - before each request, and four times a second, expires in its own caches the tags other app
//   servers on the same database expired (scripts/support/shared-invalidations.mjs).
import http from 'node:http';
import compression from 'compression';
import next from 'next';
import { withActionStatus } from './support/action-status.mjs';
import { declaredTooLarge, readCallableActionIds, hasMalformedEscape, hasNulInAddress, isKnownMethod, targetTooLong, isUnsafeMethod, originAllowed, REFUSALS, REQUEST_BODY_MAX_BYTES } from './support/request-guards.mjs';
import { etagPerEncoding, httpCacheHeaders } from './support/http-cache.mjs';
import { hashInlineScripts } from './support/response-csp.mjs';
import { nextHostname } from './support/next-hostname.mjs';
import { recordServedPath } from './support/served-paths.mjs';
import { applyRemoteTags, instanceId, invalidationFeedFor, registerLocalExpiry } from './support/shared-invalidations.mjs';
import { quietUnavailableRequests, withStoreStatus } from './support/store-status.mjs';

export const PEER_HEADER = 'x-errata-peer';
/** A body this far over the cap is not read to its end: the connection is dropped instead. */
const DISCARD_AT_MOST = 64 * 1024 * 1024;

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || '0.0.0.0';
const app = next({ dev: false, dir: process.cwd(), port, hostname: nextHostname(hostname) });
const handle = app.getRequestHandler();
const compress = compression();
const siteUrls = [process.env.ERRATA_SITE_URL, process.env.NEXTAUTH_URL];

/** The API's error codes (lib/api/problem.ts), for the refusals made here before Next sees an /api/v1 request. */
const API_CODES = { 400: 'bad_request', 403: 'forbidden', 405: 'method_not_allowed', 413: 'too_large' };

function refuse(req, res, status, message = REFUSALS[status]) {
  const api = String(req.url ?? '').startsWith('/api/v1/');
  res.writeHead(status, {
    'content-type': api ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    ...(status === 405 ? { allow: 'GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE' } : {}),
  });
  res.end(api ? `${JSON.stringify({ error: { code: API_CODES[status] ?? 'bad_request', status, message } })}\n` : `${message}\n`);
  // Read (and drop) what the client is still sending, so it sees the answer; give up on a flood.
  let discarded = 0;
  req.on('data', (chunk) => {
    discarded += chunk.length;
    if (discarded > DISCARD_AT_MOST) req.socket.destroy();
  });
  req.resume();
}

/** A chunked body has no declared length: read it here, counting, and hand Next a copy of it. */
function withCountedBody(req, res, then) {
  const chunks = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk) => {
    if (refused) return;
    size += chunk.length;
    if (size > REQUEST_BODY_MAX_BYTES) {
      refused = true;
      chunks.length = 0;
      refuse(req, res, 413);
    } else chunks.push(chunk);
  });
  req.on('end', () => {
    if (refused) return;
    const body = Buffer.concat(chunks);
    const copy = new http.IncomingMessage(req.socket);
    copy.method = req.method;
    copy.url = req.url;
    copy.httpVersion = req.httpVersion;
    copy.httpVersionMajor = req.httpVersionMajor;
    copy.httpVersionMinor = req.httpVersionMinor;
    const headers = { ...req.headers, 'content-length': String(body.length) };
    delete headers['transfer-encoding'];
    copy.headers = headers;
    copy.rawHeaders = Object.entries(headers).flatMap(([k, v]) => (Array.isArray(v) ? v.flatMap((x) => [k, x]) : [k, v]));
    copy.push(body);
    copy.push(null);
    copy.complete = true;
    then(copy);
  });
}

instanceId();
// A request that failed because the store is down logs one line, not each render's stack and statement.
quietUnavailableRequests(console);
await app.prepare();
// SQLite: the DATABASE_PATH file, polled; PostgreSQL (DATABASE_URL): polled, and woken by each write's NOTIFY.
registerLocalExpiry();
const invalidations = invalidationFeedFor(process.env, applyRemoteTags);
setInterval(() => void invalidations.poll(), 250).unref();
// The server actions a client may name (the 'use cache' functions Next registers beside them are not).
const callable = readCallableActionIds();
if (callable.size === 0) console.error('No server action manifest: every server action request will be refused.');
const server = http.createServer((req, res) => {
  delete req.headers[PEER_HEADER];
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
  if (!isKnownMethod(req.method)) return refuse(req, res, 405);
  if (targetTooLong(req.url ?? '/')) return refuse(req, res, 414);
  if (hasMalformedEscape(req.url ?? '/')) return refuse(req, res, 400);
  if (hasNulInAddress(req.url ?? '/')) return refuse(req, res, 400, REFUSALS.nul);
  // Purge support for exact-URL caches (nginx): remember which paths carried which cache tags.
  recordServedPath(req, res);
  const https = /^https$/i.test(String(req.headers['x-forwarded-proto'] ?? '').split(',')[0].trim());
  if (isUnsafeMethod(req.method) && !originAllowed({ origin: req.headers.origin, host: req.headers.host, https, siteUrls })) return refuse(req, res, 403);
  if (declaredTooLarge(req.headers['content-length'])) return refuse(req, res, 413);
  const action = req.headers['next-action'];
  if (action !== undefined && !callable.has(String(action))) return refuse(req, res, 400, REFUSALS.action);
  const serve = (request) => {
    // What another server changed is expired here before this request reads anything (on
    // PostgreSQL the read is awaited; it never fails, a feed that cannot read answers 0). The build's
    // own files (/_next/static/, named by their content) read nothing that a write could change.
    if (String(request.url ?? '').startsWith('/_next/static/')) return respond(request);
    const polled = invalidations.poll();
    if (typeof polled === 'number') respond(request);
    else void polled.then(() => respond(request));
  };
  // The store's status first, so that its head rule is the last to run: the steps below hold the
  // head back and write it themselves, through what res.writeHead was when they were set up.
  const respond = (request) => withStoreStatus(res, () => {
    etagPerEncoding(res);
    compress(request, res, () => {
      httpCacheHeaders(request, res);
      // A server action that refused its input answers with the 4xx it asked for; set up first, so the
      // status applies under the CSP step's own buffering of the head.
      if (request.method === 'POST' && request.headers['next-action']) {
        withActionStatus(res, () => {
          hashInlineScripts(request, res);
          return handle(request, res);
        });
      } else {
        hashInlineScripts(request, res);
        handle(request, res);
      }
    });
  });
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding']) return withCountedBody(req, res, serve);
  serve(req);
});
// nginx keeps idle upstream connections open for 60 s (keepalive_timeout's default; deploy/nginx),
// and a client may reuse one at any moment: were this server to close an idle connection first (Node
// closes at 5 s), a request sent just as it closes would be reset. So this server waits longer.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(port, hostname, () => {
  console.log(`Errata is serving on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`);
  if (process.env.ERRATA_TEST_CLOCK === '1') console.warn('WARNING: ERRATA_TEST_CLOCK=1: desk requests may set the time the casebook\'s clocks read (x-errata-test-now). For the test suite only; never set it on a real server.');
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
