// Errata's HTTP server: Next's request handler behind a plain Node server, so that the app knows
// the address of the socket each request came from (Next's own `next start` does not expose it).
// The peer address travels to the app in one header that no client can set: any incoming copy is
// dropped first. Which address is the client's (the peer, or a hop a trusted proxy reported) is
// decided in the app, by `clientIp` in app/(auth)/client-ip.ts.
import http from 'node:http';
import next from 'next';

export const PEER_HEADER = 'x-errata-peer';

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || '0.0.0.0';
const app = next({ dev: false, dir: process.cwd(), port, hostname });
const handle = app.getRequestHandler();

await app.prepare();
const server = http.createServer((req, res) => {
  delete req.headers[PEER_HEADER];
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
  handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`Errata is serving on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
