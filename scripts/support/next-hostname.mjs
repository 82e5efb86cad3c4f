// The host name scripts/server.mjs gives Next, which builds its own URLs with it (initURL): the
// proxy's rewrites are resolved against it, and an action's redirect target is fetched from it.
// Next's URL class turns every loopback address (127.x.x.x, [::1]) into `localhost`, so a proxy
// rewrite made from `request.url` names localhost. Told `127.0.0.1`, Next would see another origin
// in that rewrite and proxy it out as an external one, back through the proxy, which answers its
// rewrite-only targets with a 404 (the front page, the corrections lists, the column index and
// every comparison). So a loopback address is named `localhost` to Next; the server still listens
// on the address it was given.
const LOOPBACK = /^(?:127(?:\.\d{1,3}){3}|::1|\[::1\])$/;

/** The host name to hand `next({ hostname })` for a server listening on `listen`. */
export function nextHostname(listen) {
  return LOOPBACK.test(listen) ? 'localhost' : listen;
}
