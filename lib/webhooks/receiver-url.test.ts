import { describe, expect, it } from 'vitest';
import { allowsPrivateReceivers, checkReceiverUrl, isPrivateAddress } from './receiver-url';

const strict = { allowPrivate: false };
const problem = (url: string, options = strict) => {
  const checked = checkReceiverUrl(url, options);
  return checked.ok ? null : checked.problem;
};

describe('a receiver’s address', () => {
  it('is a plain http or https URL, given back in its normal form', () => {
    expect(checkReceiverUrl(' https://CMS.Example.com/hooks/errata?site=courier ', strict)).toEqual({ ok: true, url: 'https://cms.example.com/hooks/errata?site=courier', host: 'cms.example.com' });
    expect(checkReceiverUrl('http://cms.example.com:8080/hook', strict)).toEqual({ ok: true, url: 'http://cms.example.com:8080/hook', host: 'cms.example.com:8080' });
    expect(checkReceiverUrl('https://93.184.215.14/hook', strict).ok).toBe(true);
    expect(checkReceiverUrl('https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook', strict).ok).toBe(true);
  });

  it('refuses other schemes, credentials, nonsense and length', () => {
    for (const url of ['ftp://cms.example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'gopher://cms.example.com/']) expect(problem(url), url).toMatch(/https:\/\//);
    expect(problem('https://user:secret@cms.example.com/hook')).toMatch(/user name and password/);
    expect(problem('https://:secret@cms.example.com/hook')).toMatch(/user name and password/);
    expect(problem('not a url')).toMatch(/not a web address/);
    expect(problem('')).toMatch(/Give the receiver/);
    expect(problem(`https://cms.example.com/${'a'.repeat(2000)}`)).toMatch(/under 2,000 characters/);
    expect(checkReceiverUrl(`https://cms.example.com/${'a'.repeat(1900)}`, strict).ok).toBe(true);
  });

  it('refuses this machine, private networks, link-local and metadata addresses, however they are spelled', () => {
    const refused = [
      'http://localhost/hook',
      'http://LOCALHOST./hook',
      'http://app.localhost/hook',
      'http://127.0.0.1/hook',
      'http://127.1/hook',
      'http://2130706433/hook',
      'http://0x7f000001/hook',
      'http://0177.0.0.1/hook',
      'http://10.1.2.3/hook',
      'http://172.16.0.1/hook',
      'http://172.31.255.255/hook',
      'http://192.168.1.10/hook',
      'http://169.254.169.254/latest/meta-data/',
      'http://metadata.google.internal/computeMetadata/v1/',
      'http://0.0.0.0/hook',
      'http://[::1]/hook',
      'http://[0:0:0:0:0:0:0:1]/hook',
      'http://[::]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://[::ffff:10.0.0.1]/hook',
      'http://[fc00::1]/hook',
      'http://[fd00:ec2::254]/hook',
      'http://[fe80::1]/hook',
    ];
    for (const url of refused) expect(problem(url), url).toMatch(/private network/);
    expect(problem('http://intranet/hook')).toMatch(/full host name/);
    // Just outside the ranges.
    for (const url of ['http://172.32.0.1/hook', 'http://172.15.255.255/hook', 'http://192.169.0.1/hook', 'http://11.0.0.1/hook']) expect(problem(url), url).toBeNull();
  });

  it('allows them all with ERRATA_WEBHOOK_ALLOW_PRIVATE=1 (tests and the demo)', () => {
    const open = { allowPrivate: allowsPrivateReceivers({ ERRATA_WEBHOOK_ALLOW_PRIVATE: '1' }) };
    for (const url of ['http://127.0.0.1:4123/hook', 'http://localhost:4123/', 'http://[::1]:4123/', 'http://10.0.0.5/']) expect(problem(url, open), url).toBeNull();
    // Still never credentials or another scheme.
    expect(problem('http://u:p@127.0.0.1/', open)).toMatch(/user name and password/);
    expect(problem('ftp://127.0.0.1/', open)).toMatch(/https:\/\//);
    expect(allowsPrivateReceivers({})).toBe(false);
    expect(allowsPrivateReceivers({ ERRATA_WEBHOOK_ALLOW_PRIVATE: 'yes' })).toBe(false);
  });
});

describe('isPrivateAddress', () => {
  it('knows the ranges, in either family', () => {
    for (const a of ['127.0.0.1', '10.0.0.1', '172.20.1.1', '192.168.0.1', '169.254.169.254', '0.0.0.0', '::1', '::', 'fd12::1', 'fe80::1', '::ffff:192.168.0.1', '[::1]', 'fe80::1%eth0']) expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['93.184.215.14', '8.8.8.8', '2606:4700::1111', 'cms.example.com']) expect(isPrivateAddress(a), a).toBe(false);
  });

  it('refuses the special-purpose ranges a network may route inside itself, and the IPv6 forms that wrap an IPv4 address', () => {
    for (const a of ['198.18.0.1', '198.19.255.254', '192.0.0.8', '192.0.2.1', '198.51.100.7', '203.0.113.9', '240.0.0.1', '255.255.255.255', '64:ff9b::7f00:1', '64:ff9b:1::a00:1', '2002:7f00:1::1', '2001:0:4136:e378::1', '2001:db8::1', '100::1']) expect(isPrivateAddress(a), a).toBe(true);
    // Their neighbours are the internet.
    for (const a of ['198.17.255.254', '198.20.0.1', '192.0.3.1', '203.0.114.1', '2001:4860::8888', '2003::1']) expect(isPrivateAddress(a), a).toBe(false);
  });
});
