// The nginx recipe's template renders completely, with the rules the README promises (the e2e spec
// runs it in a real nginx: e2e/nginx.spec.ts).
import { describe, expect, it } from 'vitest';
import { renderNginxConfig, upstreamPorts } from './nginx.mjs';

describe('renderNginxConfig', () => {
  const conf = renderNginxConfig({ listenPort: 8080, upstreamPort: 3000, prefix: '/srv/errata-nginx', purgeModule: '/usr/lib/nginx/modules/ngx_http_cache_purge_module.so', user: 'www-data' });

  it('fills every placeholder and keeps every file inside the prefix', () => {
    expect(conf).not.toMatch(/\{\{\w+\}\}/);
    expect(conf).toContain('load_module /usr/lib/nginx/modules/ngx_http_cache_purge_module.so;');
    expect(conf).toContain('user www-data;');
    expect(conf).toContain('listen 127.0.0.1:8080;');
    expect(conf).toContain('server 127.0.0.1:3000;');
    for (const line of conf.split('\n').filter((l) => /_path |^pid |error_log /.test(l.trim()))) expect(line, line).toContain('/srv/errata-nginx/');
  });

  it('never caches the desk, sign-in, the API, signed-in browsers or query strings, and purges from this machine only', () => {
    expect(conf).toMatch(/location ~ \^\/\(desk\|login\|api\)\(\/\|\$\) \{\n\s+proxy_pass http:\/\/errata_app;\n\s+\}/);
    expect(conf).toContain('next-auth\\.session-token');
    expect(conf).toMatch(/proxy_cache_bypass \$errata_signed_in \$errata_has_query/);
    expect(conf).toMatch(/proxy_no_cache \$errata_upstream_stale \$errata_upstream_error \$errata_signed_in \$errata_has_query/);
    // A 4xx is passed on, never stored (a made-up address would be a file for a day).
    expect(conf).toMatch(/map \$upstream_status \$errata_upstream_error \{\n\s+default 0;\n\s+"~\^4" 1;/);
    expect(conf).toContain('proxy_buffer_size 16k;');
    // No unbounded stale copies: a withheld page refreshed to a 410 (never stored) must not be served on.
    expect(conf).not.toMatch(/^\s*proxy_cache_use_stale/m);
    expect(conf).toMatch(/location ~ \^\/__purge\/ \{\n\s+allow 127\.0\.0\.1;\n\s+allow ::1;\n\s+deny all;/);
    expect(conf).toContain('add_header X-Cache-Status $upstream_cache_status always;');
    expect(conf).toContain('proxy_cache_lock on;');
    expect(conf).not.toContain('__static');
  });

  it('spreads requests over several app servers on one database, and refuses a port that is not one', () => {
    const two = renderNginxConfig({ listenPort: 8080, upstreamPort: [3000, 3001], prefix: '/p', purgeModule: '/m.so' });
    expect(two).toMatch(/upstream errata_app \{\n\s+server 127\.0\.0\.1:3000;\n\s+server 127\.0\.0\.1:3001;\n\s+keepalive 64;/);
    expect(renderNginxConfig({ listenPort: 8080, upstreamPort: '3000, 3002', prefix: '/p', purgeModule: '/m.so' })).toContain('server 127.0.0.1:3002;');
    expect(upstreamPorts(3000)).toEqual([3000]);
    for (const bad of ['', 'x', '3000,', '70000', '0', '30.5']) expect(() => upstreamPorts(bad), bad).toThrow(/upstream ports must be port numbers/);
  });

  it('serves a static directory only when asked (benchmarks)', () => {
    const withStatic = renderNginxConfig({ listenPort: 8080, upstreamPort: 3000, prefix: '/p', purgeModule: '/m.so', staticDir: '/tmp/static' });
    expect(withStatic).toContain('location ^~ /__static/ {\n      alias /tmp/static/;');
    expect(withStatic).not.toContain('user ');
  });
});
