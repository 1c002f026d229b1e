import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import {
  FetchRefused,
  isBlockedAddress,
  safeFetch,
  type FetchRefusedReason,
  type ResolvedAddress,
} from './safe-fetch.js';

/**
 * A resolver for the table: a few names with fixed answers, anything else "not found". No test
 * here reaches the real DNS or the internet.
 */
const FAKE_DNS: Record<string, string[]> = {
  'internal.example.org': ['10.1.2.3'],
  'metadata.example.org': ['169.254.169.254'],
  'mixed.example.org': ['93.184.215.14', '127.0.0.1'],
  'mixed6.example.org': ['2606:4700::1111', 'fd00::1'],
  'mapped.example.org': ['::ffff:127.0.0.1'],
  'loopback6.example.org': ['::1'],
  'cgnat.example.org': ['100.64.0.1'],
  'nat64.example.org': ['64:ff9b::a00:1'],
  'empty.example.org': [],
};
const lookups: string[] = [];
async function fakeLookup(hostname: string): Promise<ResolvedAddress[]> {
  lookups.push(hostname);
  const answer = FAKE_DNS[hostname];
  if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
}

async function refusal(url: unknown, options: Parameters<typeof safeFetch>[1] = {}): Promise<FetchRefused> {
  try {
    await safeFetch(url, { lookup: fakeLookup, ...options });
  } catch (err) {
    assert.ok(err instanceof FetchRefused, `expected FetchRefused for ${String(url)}, got ${String(err)}`);
    return err;
  }
  assert.fail(`${String(url)} was fetched`);
}

/**
 * Everything that must be refused, with the reason. `dns` says whether the resolver may be
 * asked at all: address literals and local names are refused without a lookup.
 */
const MUST_REFUSE: { url: unknown; reason: FetchRefusedReason; dns?: boolean; note?: string }[] = [
  // Loopback, in every spelling the URL parser turns into 127.0.0.1 or ::1.
  { url: 'http://127.0.0.1/', reason: 'private_address' },
  { url: 'https://127.0.0.1/', reason: 'private_address' },
  { url: 'http://127.0.0.2/', reason: 'private_address' },
  { url: 'http://127.255.255.254/', reason: 'private_address' },
  { url: 'http://localhost/', reason: 'private_address' },
  { url: 'http://LOCALHOST/', reason: 'private_address' },
  { url: 'http://localhost./', reason: 'private_address' },
  { url: 'http://ⓛⓞⓒⓐⓛⓗⓞⓢⓣ/', reason: 'private_address', note: 'IDNA maps it to localhost' },
  { url: 'http://api.localhost/', reason: 'private_address' },
  { url: 'http://0.0.0.0/', reason: 'private_address', note: 'reaches the local host on Linux' },
  { url: 'http://0/', reason: 'private_address', note: 'parsed as 0.0.0.0' },
  { url: 'http://[::]/', reason: 'private_address' },
  { url: 'http://[::1]/', reason: 'private_address' },
  { url: 'http://[0:0:0:0:0:0:0:1]/', reason: 'private_address' },
  { url: 'http://[::ffff:127.0.0.1]/', reason: 'private_address' },
  { url: 'http://[::ffff:7f00:1]/', reason: 'private_address' },
  { url: 'http://[0:0:0:0:0:ffff:127.0.0.1]/', reason: 'private_address' },
  { url: 'http://[::127.0.0.1]/', reason: 'private_address', note: 'IPv4-compatible' },
  { url: 'http://[::ffff:0:127.0.0.1]/', reason: 'private_address', note: 'IPv4-translated' },
  { url: 'http://[2002:7f00:1::]/', reason: 'private_address', note: '6to4 of 127.0.0.1' },
  { url: 'http://[2002:a00:1::1]/', reason: 'private_address', note: '6to4 of 10.0.0.1' },
  { url: 'http://[64:ff9b::127.0.0.1]/', reason: 'private_address', note: 'NAT64 of loopback' },
  { url: 'http://[64:ff9b::a9fe:a9fe]/', reason: 'private_address', note: 'NAT64 of the metadata address' },
  { url: 'http://[64:ff9b:1::a00:1]/', reason: 'private_address', note: 'local-use NAT64' },
  { url: 'http://2130706433/', reason: 'private_address', note: 'decimal' },
  { url: 'http://017700000001/', reason: 'private_address', note: 'octal' },
  { url: 'http://0x7f000001/', reason: 'private_address', note: 'hexadecimal' },
  { url: 'http://127.1/', reason: 'private_address', note: 'short form' },
  { url: 'http://0x7f.1/', reason: 'private_address' },
  { url: 'http://0177.0.0.1/', reason: 'private_address' },
  { url: 'http://127.000.000.001/', reason: 'private_address' },
  { url: 'http://0x7f.0x0.0x0.0x1/', reason: 'private_address' },
  { url: 'http://１２７.０.０.１/', reason: 'private_address', note: 'full-width digits' },
  { url: 'http://127。0。0。1/', reason: 'private_address', note: 'ideographic full stops' },
  { url: 'http://127%2e0%2e0%2e1/', reason: 'private_address', note: 'percent-encoded dots' },
  { url: 'http://%31%32%37.0.0.1/', reason: 'private_address', note: 'percent-encoded digits' },
  { url: 'http://127.0.0.1./', reason: 'private_address', note: 'trailing dot' },
  { url: 'http://example.org@127.0.0.1/', reason: 'credentials', note: 'the host is 127.0.0.1' },
  // Cloud metadata services.
  { url: 'http://169.254.169.254/latest/meta-data/', reason: 'private_address' },
  { url: 'http://[fd00:ec2::254]/', reason: 'private_address', note: 'AWS over IPv6' },
  { url: 'http://100.100.100.200/', reason: 'private_address', note: 'Alibaba' },
  { url: 'http://192.0.0.192/', reason: 'private_address', note: 'Oracle' },
  // Private, shared and other non-public ranges.
  { url: 'http://10.0.0.1/', reason: 'private_address' },
  { url: 'http://10.255.255.255/', reason: 'private_address' },
  { url: 'http://172.16.0.1/', reason: 'private_address' },
  { url: 'http://172.31.255.254/', reason: 'private_address' },
  { url: 'http://192.168.0.1/', reason: 'private_address' },
  { url: 'http://192.168.255.254/', reason: 'private_address' },
  { url: 'http://100.64.0.1/', reason: 'private_address' },
  { url: 'http://100.127.255.254/', reason: 'private_address' },
  { url: 'http://169.254.0.1/', reason: 'private_address' },
  { url: 'http://198.18.0.1/', reason: 'private_address' },
  { url: 'http://192.0.2.1/', reason: 'private_address' },
  { url: 'http://224.0.0.1/', reason: 'private_address' },
  { url: 'http://240.0.0.1/', reason: 'private_address' },
  { url: 'http://255.255.255.255/', reason: 'private_address' },
  { url: 'http://[fc00::1]/', reason: 'private_address' },
  { url: 'http://[fdff:ffff::1]/', reason: 'private_address' },
  { url: 'http://[fe80::1]/', reason: 'private_address' },
  { url: 'http://[febf::1]/', reason: 'private_address' },
  { url: 'http://[fec0::1]/', reason: 'private_address', note: 'site-local' },
  { url: 'http://[ff02::1]/', reason: 'private_address' },
  { url: 'http://[100::1]/', reason: 'private_address', note: 'discard-only' },
  { url: 'http://[2001:db8::1]/', reason: 'private_address' },
  { url: 'http://[2001::1]/', reason: 'private_address', note: 'Teredo' },
  // Names that are local by definition, or resolve to non-public addresses.
  { url: 'http://intranet/', reason: 'private_address', note: 'single label: search domains' },
  { url: 'http://db.internal/', reason: 'private_address' },
  { url: 'http://printer.local/', reason: 'private_address' },
  { url: 'http://router.home.arpa/', reason: 'private_address' },
  { url: 'http://internal.example.org/', reason: 'private_address', dns: true },
  { url: 'http://metadata.example.org/', reason: 'private_address', dns: true },
  { url: 'http://mixed.example.org/', reason: 'private_address', dns: true, note: 'one bad address of two' },
  { url: 'http://mixed6.example.org/', reason: 'private_address', dns: true },
  { url: 'http://mapped.example.org/', reason: 'private_address', dns: true },
  { url: 'http://loopback6.example.org/', reason: 'private_address', dns: true },
  { url: 'http://cgnat.example.org/', reason: 'private_address', dns: true },
  { url: 'http://nat64.example.org/', reason: 'private_address', dns: true },
  { url: 'http://nowhere.example.org/', reason: 'unresolvable', dns: true },
  { url: 'http://empty.example.org/', reason: 'unresolvable', dns: true },
  // Other schemes.
  { url: 'file:///etc/passwd', reason: 'scheme' },
  { url: 'file://localhost/etc/passwd', reason: 'scheme' },
  { url: 'FILE:///etc/passwd', reason: 'scheme' },
  { url: 'gopher://example.org:70/_GET%20/', reason: 'scheme' },
  { url: 'ftp://example.org/report.pdf', reason: 'scheme' },
  { url: 'data:image/png;base64,iVBORw0KGgo=', reason: 'scheme' },
  { url: 'javascript:alert(1)', reason: 'scheme' },
  { url: 'dict://127.0.0.1:11211/stats', reason: 'scheme' },
  { url: 'ws://example.org/', reason: 'scheme' },
  { url: 'blob:http://example.org/1', reason: 'scheme' },
  // Credentials.
  { url: 'http://user:pass@example.org/', reason: 'credentials' },
  { url: 'http://user@example.org/', reason: 'credentials' },
  { url: 'http://:pass@example.org/', reason: 'credentials' },
  // Ports other than 80 and 443.
  { url: 'http://example.org:8080/', reason: 'port' },
  { url: 'http://example.org:22/', reason: 'port' },
  { url: 'https://example.org:6379/', reason: 'port' },
  { url: 'http://example.org:0/', reason: 'port' },
  { url: 'http://example.org:65535/', reason: 'port' },
  // Not an absolute http(s) URL as a person would write it.
  { url: 'http:///', reason: 'invalid_url' },
  { url: 'http:example.com', reason: 'invalid_url', note: 'WHATWG would repair it to http://example.com/' },
  { url: 'http:/example.com', reason: 'invalid_url' },
  { url: 'http:\\\\example.com', reason: 'invalid_url' },
  { url: 'http://example.com\\@127.0.0.1/', reason: 'invalid_url' },
  { url: '//example.org/image.png', reason: 'invalid_url' },
  { url: 'example.org/image.png', reason: 'invalid_url' },
  { url: 'http://[exam]ple.com/', reason: 'invalid_url' },
  { url: 'http://exa mple.com/', reason: 'invalid_url' },
  { url: 'http://example.org/a\nb', reason: 'invalid_url' },
  { url: 'http://\texample.org/', reason: 'invalid_url' },
  { url: 'http://example.org:99999/', reason: 'invalid_url' },
  { url: 'http://4294967296/', reason: 'invalid_url' },
  { url: 'http://127.0.0.1.5/', reason: 'invalid_url' },
  { url: 'http://[::1%25eth0]/', reason: 'invalid_url' },
  { url: `http://${'a'.repeat(5000)}.example.org/`, reason: 'invalid_url' },
  { url: '', reason: 'invalid_url' },
  { url: '   ', reason: 'invalid_url' },
  // Not strings at all.
  { url: undefined, reason: 'invalid_url' },
  { url: null, reason: 'invalid_url' },
  { url: 0, reason: 'invalid_url' },
  { url: false, reason: 'invalid_url' },
  { url: 2130706433, reason: 'invalid_url' },
  { url: [], reason: 'invalid_url' },
  { url: ['http://example.org/'], reason: 'invalid_url' },
  { url: {}, reason: 'invalid_url' },
  { url: { href: 'http://example.org/' }, reason: 'invalid_url' },
  { url: new URL('http://example.org/'), reason: 'invalid_url' },
];

describe('safeFetch refuses', () => {
  for (const { url, reason, dns, note } of MUST_REFUSE) {
    const label = typeof url === 'string' ? JSON.stringify(url.slice(0, 80)) : `${typeof url} ${JSON.stringify(url)}`;
    it(`${label} (${reason}${note ? `; ${note}` : ''})`, async () => {
      lookups.length = 0;
      const err = await refusal(url);
      assert.equal(err.reason, reason, err.message);
      assert.equal(err.detail.hop, 0);
      if (!dns) assert.deepEqual(lookups, [], 'refused without asking the resolver');
      else assert.equal(lookups.length, 1, 'the resolver is asked once');
    });
  }
});

describe('isBlockedAddress', () => {
  const blocked = [
    '0.0.0.0',
    '0.1.2.3',
    '127.0.0.1',
    '10.0.0.0',
    '100.64.0.0',
    '100.127.255.255',
    '169.254.169.254',
    '172.16.0.0',
    '172.31.255.255',
    '192.168.1.1',
    '224.0.0.251',
    '255.255.255.255',
    '::',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:7f00:1',
    '::127.0.0.1',
    '::7f00:1',
    '2002:7f00:1::',
    '2002:c0a8:101::1',
    '64:ff9b::7f00:1',
    'fc00::',
    'fd00:ec2::254',
    'fe80::1',
    'fe80::1%eth0',
    'ff02::1',
    '2001:db8::1',
    '3fff::1',
    'not an address',
    '',
  ];
  const allowed = [
    '1.1.1.1',
    '8.8.8.8',
    '93.184.215.14',
    '100.63.255.255',
    '100.128.0.0',
    '172.15.255.255',
    '172.32.0.0',
    '192.167.255.255',
    '192.169.0.0',
    '2606:4700::1111',
    '2a00:1450:4001::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:808:808::1',
  ];
  for (const a of blocked) it(`blocks ${JSON.stringify(a)}`, () => assert.equal(isBlockedAddress(a), true));
  for (const a of allowed) it(`allows ${a}`, () => assert.equal(isBlockedAddress(a), false));
});

/** A local HTTP server reached through a made-up name, the only address let through being its own. */
describe('safeFetch against a local server', () => {
  let server: http.Server;
  let port: number;
  const seenHosts: (string | undefined)[] = [];
  const options = () => ({
    ports: [port],
    lookup: async (name: string) => (name === 'files.example.org' ? [{ address: '127.0.0.2', family: 4 }] : []),
    allowAddress: (a: string) => a === '127.0.0.2',
  });
  const at = (path: string) => `http://files.example.org:${port}${path}`;

  before(async () => {
    server = http.createServer((req, res) => {
      seenHosts.push(req.headers.host);
      const [path = '', query = ''] = (req.url ?? '').split('?');
      if (path === '/ok') return res.end('hello');
      if (path === '/missing') return res.writeHead(404).end('no');
      if (path === '/broken') return res.writeHead(500).end('no');
      if (path === '/hop') {
        // /hop?n → /hop?n-1 … → /ok, relative Locations.
        const n = Number(query);
        return res.writeHead(302, { location: n > 1 ? `/hop?${n - 1}` : '/ok' }).end();
      }
      if (path === '/no-location') return res.writeHead(302).end();
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('returns the body, the address used, and sends the name as Host', async () => {
    const res = await safeFetch(at('/ok'), options());
    assert.equal(res.body.toString(), 'hello');
    assert.equal(res.status, 200);
    assert.equal(res.address, '127.0.0.2');
    assert.equal(seenHosts.at(-1), `files.example.org:${port}`);
  });

  it('follows up to three redirects, re-resolving each, and refuses a fourth', async () => {
    const res = await safeFetch(at('/hop?3'), options());
    assert.equal(res.body.toString(), 'hello');
    assert.deepEqual(
      res.chain.map((u) => u.pathname + u.search),
      ['/hop?3', '/hop?2', '/hop?1', '/ok'],
    );
    const err = await refusal(at('/hop?4'), options());
    assert.equal(err.reason, 'redirect');
    assert.equal(err.detail.hop, 3);
    assert.equal((await refusal(at('/hop?1'), { ...options(), maxRedirects: 0 })).reason, 'redirect');
    assert.equal((await refusal(at('/no-location'), options())).reason, 'redirect');
  });

  it('refuses answers other than 2xx, with the status', async () => {
    const missing = await refusal(at('/missing'), options());
    assert.equal(missing.reason, 'http_status');
    assert.equal(missing.detail.status, 404);
    assert.equal((await refusal(at('/broken'), options())).detail.status, 500);
  });

  it('refuses the same server on a port that is not configured', async () => {
    const err = await refusal(at('/ok'), { ...options(), ports: [80, 443] });
    assert.equal(err.reason, 'port');
    assert.equal(err.detail.port, port);
  });

  it('allowAddress widens the policy for the addresses it names only', async () => {
    const err = await refusal(`http://127.0.0.1:${port}/ok`, options());
    assert.equal(err.reason, 'private_address');
    assert.equal(err.detail.address, '127.0.0.1');
  });
});

/**
 * HTTPS to a pinned address: the socket goes to the validated IP, while SNI and the
 * certificate check use the name. Run in a child process because Node 20 reads extra trusted
 * certificates (NODE_EXTRA_CA_CERTS) only at start-up. The key and certificate below are a
 * throwaway self-signed pair for `allowed.test`, made for this test (valid until 2126).
 */
const TEST_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgUdzQJuH0ZigR9ohH
JwYfmw1cmZ+p2EVfd/MhxERGC06hRANCAATmvPUS3TwldYg6fPS1j2KOHNsTk4hd
zmxtJDrQkWZS4+rG+4XiTGdpN3r6cmxTQNj9cdhqVomY3DocFkmOKnyC
-----END PRIVATE KEY-----
`;
const TEST_CERT = `-----BEGIN CERTIFICATE-----
MIIBnjCCAUSgAwIBAgIUW+7wlLyjrFeuf0lwY/lJ7griG2MwCgYIKoZIzj0EAwIw
FzEVMBMGA1UEAwwMYWxsb3dlZC50ZXN0MCAXDTI2MTEyNjA2NTgzNFoYDzIxMjYx
MTAyMDY1ODM0WjAXMRUwEwYDVQQDDAxhbGxvd2VkLnRlc3QwWTATBgcqhkjOPQIB
BggqhkjOPQMBBwNCAATmvPUS3TwldYg6fPS1j2KOHNsTk4hdzmxtJDrQkWZS4+rG
+4XiTGdpN3r6cmxTQNj9cdhqVomY3DocFkmOKnyCo2wwajAdBgNVHQ4EFgQUTrPG
lt9QUjDe1B/Y+EoGaIROGzAwHwYDVR0jBBgwFoAUTrPGlt9QUjDe1B/Y+EoGaIRO
GzAwDwYDVR0TAQH/BAUwAwEB/zAXBgNVHREEEDAOggxhbGxvd2VkLnRlc3QwCgYI
KoZIzj0EAwIDSAAwRQIhAMgWMathXazHJsxreHFRA6lulfbvgP+sUaNRnn9qCFU+
AiBYkQTYE/UoQWZFhqgyp1Ork6lc7Hi6HbiLXuwT6Diltw==
-----END CERTIFICATE-----
`;

describe('safeFetch over HTTPS', () => {
  it('connects to the pinned address and checks the certificate against the name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dossier-tls-'));
    try {
      writeFileSync(join(dir, 'key.pem'), TEST_KEY);
      writeFileSync(join(dir, 'cert.pem'), TEST_CERT);
      const script = join(dir, 'probe.mts');
      const module = pathToFileURL(fileURLToPath(new URL('./safe-fetch.ts', import.meta.url))).href;
      writeFileSync(
        script,
        `import https from 'node:https';
import { readFileSync } from 'node:fs';
import { safeFetch } from ${JSON.stringify(module)};
const dir = ${JSON.stringify(dir)};
const server = https.createServer(
  { key: readFileSync(dir + '/key.pem'), cert: readFileSync(dir + '/cert.pem') },
  (req, res) => res.end(JSON.stringify({ host: req.headers.host, sni: req.socket.servername })),
);
await new Promise((r) => server.listen(0, '127.0.0.2', r));
const port = server.address().port;
const options = {
  ports: [port],
  lookup: async () => [{ address: '127.0.0.2', family: 4 }],
  allowAddress: (a) => a === '127.0.0.2',
};
const out = {};
for (const name of ['allowed.test', 'other.test']) {
  try {
    const res = await safeFetch('https://' + name + ':' + port + '/', options);
    out[name] = { ok: true, address: res.address, seen: JSON.parse(res.body.toString()), port };
  } catch (err) {
    out[name] = { ok: false, reason: err.reason, code: err.detail?.code };
  }
}
server.close();
console.log(JSON.stringify(out));
`,
      );
      const run = promisify(execFile);
      const { stdout } = await run(process.execPath, ['--import', 'tsx', script], {
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
        env: { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, 'cert.pem') },
        timeout: 30_000,
      });
      const out = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<
        string,
        { ok: boolean; address?: string; seen?: { host: string; sni: string }; port?: number; code?: string }
      >;
      const good = out['allowed.test'];
      assert.equal(good?.ok, true, JSON.stringify(out));
      assert.equal(good.address, '127.0.0.2');
      assert.deepEqual(good.seen, { host: `allowed.test:${good.port}`, sni: 'allowed.test' });
      // The same server and address under another name: the certificate does not match it.
      assert.deepEqual(out['other.test'], { ok: false, reason: 'unreachable', code: 'ERR_TLS_CERT_ALTNAME_INVALID' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
