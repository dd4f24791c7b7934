import { describe, expect, it } from 'vitest';
import { GuardedHttpTransport, type Connector, type Resolver } from '../../../functions/adapters/webhooks/guarded-http-transport.js';
import { addressVerdict, urlProblem } from '../../../domain/webhooks/address-guard.js';

/**
 * Issue 17 (SSRF): the guard on resolved addresses, with an injected resolver and connector — no test here opens a
 * socket: the connector records what it would have connected to.
 */
const AWS = { httpsOnly: true, allowLoopback: false };
const LOCAL_DEV = { httpsOnly: false, allowLoopback: true };

function harness(answers: Record<string, string[]>, policy = AWS) {
  const opened: string[] = [];
  const resolver: Resolver = async (host) => (answers[host] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  const connector: Connector = async ({ address }) => {
    opened.push(address);
    return { status: 200, body: 'ok' };
  };
  return { transport: new GuardedHttpTransport(policy, resolver, connector), opened };
}

describe('SSRF guard at connect time (issue 17)', () => {
  it.each([
    ['https://10.0.0.1/hook', 'private'],
    ['https://169.254.169.254/latest/meta-data/', 'link-local'],
    ['https://[::ffff:169.254.169.254]/x', 'IPv4-mapped'],
    ['https://[fd00::1]/x', 'unique-local'],
    ['https://[fe80::1]/x', 'link-local'],
    ['https://100.64.0.1/x', 'carrier-grade NAT'],
    ['https://127.0.0.1/x', 'loopback'],
    ['https://[::1]/x', 'loopback'],
    ['http://example.com/x', 'https only'],
  ])('refuses %s (%s) and opens no socket', async (url, reason) => {
    const { transport, opened } = harness({ 'example.com': ['93.184.216.34'] });
    await expect(transport.post(url, {}, '{}')).rejects.toThrow(reason);
    expect(opened).toEqual([]);
  });

  it('refuses a name resolving to a private address (DNS rebinding) and opens no socket', async () => {
    const { transport, opened } = harness({ 'rebind.example.com': ['10.1.2.3'], 'mixed.example.com': ['93.184.216.34', '192.168.0.7'] });
    await expect(transport.post('https://rebind.example.com/hook', {}, '{}')).rejects.toThrow('private');
    // Every resolved address is checked: one private answer among public ones refuses the name.
    await expect(transport.post('https://mixed.example.com/hook', {}, '{}')).rejects.toThrow('private');
    expect(opened).toEqual([]);
  });

  it('connects to the checked address itself, never resolving again', async () => {
    const { transport, opened } = harness({ 'hooks.example.com': ['93.184.216.34'] });
    expect(await transport.post('https://hooks.example.com/hook', {}, '{}')).toEqual({ status: 200, body: 'ok' });
    expect(opened).toEqual(['93.184.216.34']);
  });

  it('locally, loopback only when ANZE_WEBHOOKS_ALLOW_PRIVATE=true: 127.0.0.1 passes, 10.0.0.1 and the metadata address still do not', async () => {
    const { transport, opened } = harness({ localhost: ['127.0.0.1'] }, LOCAL_DEV);
    await transport.post('http://127.0.0.1:8080/x', {}, '{}');
    await transport.post('http://localhost:8080/x', {}, '{}');
    await expect(transport.post('http://10.0.0.1/x', {}, '{}')).rejects.toThrow('private');
    await expect(transport.post('http://169.254.169.254/x', {}, '{}')).rejects.toThrow('link-local');
    expect(opened).toEqual(['127.0.0.1', '127.0.0.1']);
    const strict = harness({}, { httpsOnly: false, allowLoopback: false });
    await expect(strict.transport.post('http://127.0.0.1:8080/x', {}, '{}')).rejects.toThrow('loopback');
    expect(strict.opened).toEqual([]);
  });
});

describe('address verdicts (issue 17)', () => {
  it.each(['8.8.8.8', '93.184.216.34', '2606:4700::1111', '2400:3200::1'])('allows the public address %s', (address) => {
    expect(addressVerdict(address)).toEqual({ allowed: true });
  });
  it.each(['0.0.0.0', '172.16.5.4', '192.168.1.1', '224.0.0.1', '::', '::ffff:10.0.0.1', '64:ff9b::a00:1', '2002:a00:1::1', 'ff02::1', 'not-an-ip'])(
    'refuses %s',
    (address) => {
      expect(addressVerdict(address).allowed).toBe(false);
    },
  );
  it('refuses credentials in the URL and internal host names at subscription', () => {
    expect(urlProblem('https://user:pw@example.com/x', AWS)).toContain('user name');
    expect(urlProblem('https://metadata.google.internal/x', AWS)).toContain('internal');
    expect(urlProblem('https://example.com/x', AWS)).toBeUndefined();
  });
});
