// A throw-away HTTP server on 127.0.0.1 for the server steps' tests (scripts/support/*.test.ts).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export async function serve(handler: http.RequestListener): Promise<{ url: string; close: () => void }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
