// Holding a whole response back before its head is sent, for the steps of scripts/server.mjs that
// need the complete body to decide a header (the CSP's script hashes, the ETag): what Next writes
// passes through here; once `decide()` says 'hold', the head and the chunks are kept until the end,
// then `finish(body, original, callback)` sends them with the headers it sets. 'pass' sends
// everything on at once, untouched. The decision is made at the first write of the head.

/** Node's writeHead headers, in any of their three shapes, set on `res`. */
export function setHeaders(res, headers) {
  if (!headers) return;
  if (Array.isArray(headers)) {
    const pairs = Array.isArray(headers[0]) ? headers : headers.flatMap((v, i) => (i % 2 ? [] : [[v, headers[i + 1]]]));
    for (const [k, v] of pairs) res.setHeader(k, v);
  } else {
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  }
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {() => 'hold' | 'pass'} decide called (and expected to remember its answer) at each write
 * @param {(body: Buffer, original: { writeHead: Function, end: Function }, callback?: () => void) => unknown} finish
 */
export function holdResponse(res, decide, finish) {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  const chunks = [];
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
    return finish(Buffer.concat(chunks), original, callback);
  };
}
