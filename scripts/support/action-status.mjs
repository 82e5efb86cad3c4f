// A server action's HTTP status. Next answers a server action with 200 unless it redirects or is
// interrupted (401, 403, 404), so an action that refuses its input could not say "422" or "409".
// It says so by setting one cookie, which never reaches the browser: just before the response's
// head is written, the server takes that cookie out and makes its value the status. React's client
// reads an action's answer whatever its status, so the form still shows its errors and the typed text.
export const ACTION_STATUS_COOKIE = 'errata-action-status';

const ALLOWED = new Set([400, 401, 403, 404, 409, 413, 422, 429]);

/** The status a Set-Cookie list asks for, and the list without that cookie. */
export function takeActionStatus(setCookie) {
  const list = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie.map(String) : [String(setCookie)];
  let status = null;
  const rest = [];
  for (const cookie of list) {
    const match = new RegExp(`^${ACTION_STATUS_COOKIE}=(\\d{3})(;|$)`).exec(cookie);
    if (match) {
      const code = Number(match[1]);
      if (ALLOWED.has(code)) status = code;
    } else rest.push(cookie);
  }
  return { status, setCookie: rest };
}

/** Applies a requested status to `res` when its head is written (explicitly or implicitly). */
export function applyActionStatus(res) {
  const writeHead = res.writeHead;
  res.writeHead = function (statusCode, ...rest) {
    if (!res.headersSent) {
      const taken = takeActionStatus(res.getHeader('set-cookie'));
      if (taken.status !== null) {
        if (taken.setCookie.length) res.setHeader('set-cookie', taken.setCookie);
        else res.removeHeader('set-cookie');
        // Only a successful answer is turned into a refusal; a redirect or an error stays as it is.
        if (statusCode === undefined || (statusCode >= 200 && statusCode < 300)) {
          statusCode = taken.status;
          if (typeof rest[0] === 'string') rest.shift();
        }
      }
    }
    return writeHead.call(this, statusCode, ...rest);
  };
}
