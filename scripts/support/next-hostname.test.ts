import { describe, expect, it } from 'vitest';
import { nextHostname } from './next-hostname.mjs';

describe('the host name Next is told', () => {
  it('names a loopback address localhost, as Next’s own URLs (and so the proxy’s rewrites) do', () => {
    for (const listen of ['127.0.0.1', '127.1.2.3', '::1', '[::1]']) expect(nextHostname(listen)).toBe('localhost');
  });

  it('keeps any other address or name as it was given', () => {
    for (const listen of ['0.0.0.0', 'localhost', '10.0.0.5', 'errata.internal', '::', '1270.0.0.1']) expect(nextHostname(listen)).toBe(listen);
  });
});
