import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import sharp from 'sharp';
import { FetchRefused, safeFetch, type ResolvedAddress, type SafeFetchOptions } from '../../src/lib/safe-fetch.js';
import { MediaError } from '../../src/media/media-errors.js';
import { saveFromUrl } from '../../src/media/media-from-url.js';
import { mediaFilePaths } from '../../src/media/media-service.js';
import { LocalMediaStore } from '../../src/media/media-store.js';
import { makePdf } from '../../src/seed/demo-files.js';
import { AdminClient, signIn } from '../support/admin-client.js';
import { createTestSite, testEngines, type TestSite } from '../support/test-db.js';

/**
 * T11 — server-side request forgery. A canary listens on 127.0.0.1 (and ::1 when the machine
 * has IPv6) and counts every TCP connection; a "public" test server stands on 127.0.0.2 on the
 * same port, reached through made-up names that only the test resolver knows. Every refusal
 * must leave the canary at zero: refusing after connecting would already be too late.
 */

const EDITOR = 'editor@meridian.example';

interface Canary {
  port: number;
  ipv6: boolean;
  connections(): number;
  close(): Promise<void>;
}

interface TestServer {
  requests: { path: string; host: string | undefined }[];
  /** Responses the server had to abandon because the client hung up first. */
  abandoned: string[];
  close(): Promise<void>;
}

function listen(server: net.Server, port: number, host: string, options: { ipv6Only?: boolean } = {}) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, ...options }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: net.Server) {
  return new Promise<void>((resolve) => {
    if (server instanceof http.Server) server.closeAllConnections();
    server.close(() => resolve());
  });
}

let png: Buffer;
const pdf = makePdf(['Annual report', 'Fetched from a web address']);

/** The server on 127.0.0.2: what a public site would answer, including hostile answers. */
function testServer(canaryPort: () => number): http.Server & { state: TestServer } {
  const state: TestServer = { requests: [], abandoned: [], close: async () => {} };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    state.requests.push({ path: url.pathname, host: req.headers.host });
    res.on('close', () => {
      if (!res.writableFinished) state.abandoned.push(url.pathname);
    });
    switch (url.pathname) {
      case '/photo.png':
        return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      case '/report':
        return res.writeHead(302, { location: '/files/annual%20report.pdf' }).end();
      case '/files/annual%20report.pdf':
        return res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
      case '/page.html':
        return res.writeHead(200, { 'content-type': 'image/png' }).end('<!doctype html><title>not an image</title>');
      case '/redirect': {
        const to = (url.searchParams.get('to') ?? '').replace('{port}', String(canaryPort()));
        // A header cannot carry non-ASCII as is; percent-encoded, it decodes to the same host.
        return res.writeHead(302, { location: to.replace(/[^\x20-\x7e]/g, encodeURIComponent) }).end();
      }
      case '/big':
        return res.writeHead(200, { 'content-length': String(2 * 1024 * 1024) }).end(Buffer.alloc(2 * 1024 * 1024));
      case '/big-chunked': {
        // Written in pieces without a length: the cap must count bytes, not trust a header.
        res.writeHead(200);
        let sent = 0;
        const more = () => {
          while (sent < 8 * 1024 * 1024) {
            sent += 64 * 1024;
            if (!res.write(Buffer.alloc(64 * 1024))) return void res.once('drain', more);
          }
          res.end();
        };
        return more();
      }
      case '/exact':
        return res.end(Buffer.alloc(1000, 1));
      case '/stall':
        // Headers at once, then nothing.
        return res.writeHead(200, { 'content-length': '100' }).flushHeaders();
      case '/drip': {
        res.writeHead(200);
        const timer = setInterval(() => res.write('.'), 50);
        return res.on('close', () => clearInterval(timer));
      }
      case '/silent':
        return; // Never answers.
      default:
        return res.writeHead(404).end();
    }
  });
  return Object.assign(server, { state });
}

/** Binds the canary and the test server to one port on 127.0.0.1 / ::1 and 127.0.0.2. */
async function startServers(): Promise<{ canary: Canary; server: http.Server & { state: TestServer } }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    let count = 0;
    const onConnection = (socket: net.Socket) => {
      count += 1;
      socket.end('HTTP/1.1 200 OK\r\ncontent-length: 6\r\nconnection: close\r\n\r\ncanary');
    };
    const v4 = net.createServer(onConnection);
    await listen(v4, 0, '127.0.0.1');
    const port = (v4.address() as AddressInfo).port;
    const server = testServer(() => port);
    const v6 = net.createServer(onConnection);
    let ipv6 = true;
    try {
      await listen(server, port, '127.0.0.2');
      try {
        await listen(v6, port, '::1', { ipv6Only: true });
      } catch (err) {
        // No IPv6 loopback on this machine: the IPv6 spellings can reach nothing anyway.
        if ((err as NodeJS.ErrnoException).code !== 'EADDRNOTAVAIL') throw err;
        ipv6 = false;
      }
    } catch {
      await Promise.all([closeServer(v4), closeServer(server), closeServer(v6)]);
      continue; // The port was taken on another address; try another.
    }
    const canary: Canary = {
      port,
      ipv6,
      connections: () => count,
      close: async () => {
        await Promise.all([closeServer(v4), ipv6 ? closeServer(v6) : Promise.resolve()]);
      },
    };
    server.state.close = () => closeServer(server);
    return { canary, server };
  }
  throw new Error('could not find a free port on 127.0.0.1, ::1 and 127.0.0.2');
}

/** Lets late connections (if any) land before counting. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Loopback in every spelling; `{port}` is the canary's. */
const LOOPBACK_URLS = [
  'http://127.0.0.1:{port}/photo.png',
  'http://localhost:{port}/photo.png',
  'http://localhost.:{port}/photo.png',
  'http://[::1]:{port}/photo.png',
  'http://[::ffff:127.0.0.1]:{port}/photo.png',
  'http://[::ffff:7f00:1]:{port}/photo.png',
  'http://[::127.0.0.1]:{port}/photo.png',
  'http://[2002:7f00:1::]:{port}/photo.png',
  'http://[64:ff9b::7f00:1]:{port}/photo.png',
  'http://2130706433:{port}/photo.png',
  'http://017700000001:{port}/photo.png',
  'http://0x7f000001:{port}/photo.png',
  'http://0x7f.1:{port}/photo.png',
  'http://127.1:{port}/photo.png',
  'http://127.0.0.1.:{port}/photo.png',
  'http://127%2e0%2e0%2e1:{port}/photo.png',
  'http://１２７.０.０.１:{port}/photo.png',
  'http://0.0.0.0:{port}/photo.png',
  'http://0:{port}/photo.png',
  'http://[::]:{port}/photo.png',
];

let canary: Canary;
let server: http.Server & { state: TestServer };
let lookups: string[] = [];
/** Answers per name; a list of answers is used in turn (the last one repeating), for rebinding. */
let dns: Record<string, string[][]> = {};

function testFetchOptions(): SafeFetchOptions {
  return {
    ports: [canary.port],
    lookup: async (name: string): Promise<ResolvedAddress[]> => {
      lookups.push(name);
      const answers = dns[name];
      if (!answers) throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
      const call = lookups.filter((n) => n === name).length - 1;
      const answer = answers[Math.min(call, answers.length - 1)] ?? [];
      return answer.map((address) => ({ address, family: net.isIP(address) }));
    },
    // The test server's address is the one non-public address let through.
    allowAddress: (address) => address === '127.0.0.2',
  };
}

const at = (name: string, path: string) => `http://${name}:${canary.port}${path}`;
const withPort = (url: string) => url.replace('{port}', String(canary.port));

async function refused(promise: Promise<unknown>): Promise<FetchRefused> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof FetchRefused, `expected FetchRefused, got ${String(err)}`);
    return err;
  }
  assert.fail('the fetch was not refused');
}

before(async () => {
  png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } })
    .png()
    .toBuffer();
  ({ canary, server } = await startServers());
});
after(async () => {
  await canary.close();
  await server.state.close();
});
beforeEach(() => {
  lookups = [];
  dns = { 'media.example.org': [['127.0.0.2']] };
});

describe('the canary', () => {
  it('counts a connection (so its zero elsewhere means something)', async () => {
    const start = canary.connections();
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(canary.port, '127.0.0.1', () => socket.end());
      // Read the canary's answer, or the socket never finishes closing.
      socket.resume();
      socket.on('close', () => resolve()).on('error', reject);
    });
    await settle();
    assert.equal(canary.connections(), start + 1);
  });
});

describe('safeFetch and the network', () => {
  let baseline: number;
  beforeEach(() => {
    baseline = canary.connections();
  });
  const assertCanaryQuiet = async () => {
    await settle();
    assert.equal(canary.connections() - baseline, 0, 'the canary on loopback saw a connection');
  };

  it('refuses every loopback spelling without connecting', async () => {
    for (const url of LOOPBACK_URLS) {
      const err = await refused(safeFetch(withPort(url), { ports: [canary.port] }));
      assert.equal(err.reason, 'private_address', `${url}: ${err.message}`);
    }
    assert.deepEqual(lookups, []);
    await assertCanaryQuiet();
  });

  it('refuses a redirect from an allowed host to loopback at the hop', async () => {
    const targets = [
      ...LOOPBACK_URLS,
      '//127.0.0.1:{port}/photo.png', // protocol-relative
      'http://loop.example.org:{port}/photo.png', // a name resolving to loopback
    ];
    dns['loop.example.org'] = [['127.0.0.1']];
    for (const target of targets) {
      const seen = server.state.requests.length;
      const url = at('media.example.org', `/redirect?to=${encodeURIComponent(target)}`);
      const err = await refused(safeFetch(url, testFetchOptions()));
      assert.equal(err.reason, 'private_address', `${target}: ${err.message}`);
      assert.equal(err.detail.hop, 1);
      assert.equal(server.state.requests.length, seen + 1, 'the allowed host was asked once');
    }
    await assertCanaryQuiet();
  });

  it('refuses redirects to other schemes', async () => {
    for (const target of ['file:///etc/passwd', 'gopher://127.0.0.1:{port}/_x', 'data:text/plain,hi']) {
      const url = at('media.example.org', `/redirect?to=${encodeURIComponent(target)}`);
      const err = await refused(safeFetch(url, testFetchOptions()));
      assert.equal(err.reason, 'scheme', target);
      assert.equal(err.detail.hop, 1);
    }
    await assertCanaryQuiet();
  });

  it('DNS rebinding: one lookup, and the connection goes to the address validated', async () => {
    // First answer allowed, every later one loopback: a second lookup would reach the canary.
    dns['rebind.example.org'] = [['127.0.0.2'], ['127.0.0.1']];
    const seen = server.state.requests.length;
    const res = await safeFetch(at('rebind.example.org', '/photo.png'), testFetchOptions());
    assert.deepEqual(lookups, ['rebind.example.org']);
    assert.equal(res.address, '127.0.0.2');
    assert.ok(res.body.equals(png));
    assert.deepEqual(server.state.requests.slice(seen), [
      { path: '/photo.png', host: `rebind.example.org:${canary.port}` },
    ]);
    // The next fetch asks again and is refused on the new answer.
    const err = await refused(safeFetch(at('rebind.example.org', '/photo.png'), testFetchOptions()));
    assert.equal(err.reason, 'private_address');
    assert.equal(err.detail.address, '127.0.0.1');
    await assertCanaryQuiet();
  });

  it('DNS rebinding across a redirect: each hop is resolved and checked again', async () => {
    dns['flip.example.org'] = [['127.0.0.2'], ['127.0.0.1']];
    const target = at('flip.example.org', '/photo.png');
    const err = await refused(
      safeFetch(at('flip.example.org', `/redirect?to=${encodeURIComponent(target)}`), testFetchOptions()),
    );
    assert.equal(err.reason, 'private_address');
    assert.equal(err.detail.hop, 1);
    assert.deepEqual(lookups, ['flip.example.org', 'flip.example.org']);
    await assertCanaryQuiet();
  });

  it('refuses a name with one allowed and one loopback address, connecting to neither', async () => {
    dns['both.example.org'] = [['127.0.0.2', '127.0.0.1']];
    const seen = server.state.requests.length;
    const err = await refused(safeFetch(at('both.example.org', '/photo.png'), testFetchOptions()));
    assert.equal(err.reason, 'private_address');
    assert.equal(server.state.requests.length, seen);
    await assertCanaryQuiet();
  });

  it('caps the body, whether or not its length is declared, and hangs up', async () => {
    const options = { ...testFetchOptions(), maxBytes: 1024 * 1024 };
    const declared = await refused(safeFetch(at('media.example.org', '/big'), options));
    assert.equal(declared.reason, 'too_large');
    assert.equal(declared.detail.limit, 1024 * 1024);
    const chunked = await refused(safeFetch(at('media.example.org', '/big-chunked'), options));
    assert.equal(chunked.reason, 'too_large');
    await settle();
    assert.ok(server.state.abandoned.includes('/big-chunked'), 'the server was cut off before sending 8 MB');
    const exact = await safeFetch(at('media.example.org', '/exact'), { ...testFetchOptions(), maxBytes: 1000 });
    assert.equal(exact.body.length, 1000);
  });

  it('gives up at the deadline: silent server, stalled body, and a slow drip', async () => {
    for (const path of ['/silent', '/stall', '/drip']) {
      const started = performance.now();
      const err = await refused(safeFetch(at('media.example.org', path), { ...testFetchOptions(), timeoutMs: 400 }));
      const took = performance.now() - started;
      assert.equal(err.reason, 'timeout', `${path}: ${err.message}`);
      assert.equal(err.detail.timeoutMs, 400);
      assert.ok(took >= 390 && took < 3000, `${path} took ${Math.round(took)} ms`);
    }
  });
});

for (const { engine, skip } of await testEngines()) {
  describe(`"Add from a web address" on ${engine}`, { skip }, () => {
    let site: TestSite;
    let client: AdminClient;
    let store: LocalMediaStore;
    let baseline: number;
    const db = () => site.db.kysely;
    const count = async (table: 'media' | 'audit_log') =>
      Number(
        (
          await db()
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    before(async () => {
      site = await createTestSite(engine);
      store = new LocalMediaStore(join(site.dataDir, 'media'));
      client = await signIn(site.app, EDITOR);
      await client.get('/admin/media');
    });
    after(async () => {
      await site?.close();
    });
    beforeEach(() => {
      baseline = canary.connections();
    });

    const postUrl = (url: string, c: AdminClient = client) =>
      c.post('/admin/media/from-url', { source_url: url, url_alt_en: 'Typed alt', url_alt_he: 'טקסט' });
    const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

    it('shows the form in the media library', async () => {
      const page = await client.get('/admin/media');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<form method="post" action="\/admin\/media\/from-url"/);
      assert.match(page.body, /name="source_url"/);
    });

    it('refuses every loopback spelling, keeps what was typed, says why, and connects nowhere', async () => {
      const media = await count('media');
      const audits = await count('audit_log');
      const seen = server.state.requests.length;
      for (const raw of LOOPBACK_URLS) {
        const url = withPort(raw);
        const res = await postUrl(url);
        assert.equal(res.statusCode, 400, `${url}: ${res.statusCode}`);
        assert.match(res.body, /That address points inside our network; only public web addresses can be fetched\./);
        assert.ok(res.body.includes(`value="${escapeAttr(url)}"`), `${url} is kept in the form`);
        assert.match(res.body, /value="Typed alt"/);
        assert.match(res.body, /aria-invalid="true"/);
      }
      await settle();
      assert.equal(canary.connections() - baseline, 0, 'the canary saw a connection');
      assert.equal(server.state.requests.length, seen);
      assert.equal(await count('media'), media);
      assert.equal(await count('audit_log'), audits);
    });

    it('words other refusals in the interface language', async () => {
      const cases: [string, RegExp][] = [
        ['file:///etc/passwd', /Only web addresses \(https:\/\/ or http:\/\/\) can be fetched\./],
        ['http://user:pass@example.org/a.png', /user name or password/],
        ['http://example.org:8080/a.png', /“:8080”/],
        ['not a url', /Enter the full address of the file/],
        ['http://169.254.169.254/latest/meta-data/', /points inside our network/],
      ];
      for (const [url, message] of cases) {
        const res = await postUrl(url);
        assert.equal(res.statusCode, 400, url);
        assert.match(res.body, message, url);
      }
      await db().updateTable('users').set({ ui_lang: 'he' }).where('email', '=', EDITOR).execute();
      try {
        const res = await postUrl(withPort('http://127.0.0.1:{port}/x.png'));
        assert.equal(res.statusCode, 400);
        assert.match(res.body, /הכתובת מפנה אל תוך הרשת שלנו/);
      } finally {
        await db().updateTable('users').set({ ui_lang: 'en' }).where('email', '=', EDITOR).execute();
      }
      await settle();
      assert.equal(canary.connections() - baseline, 0);
    });

    it('needs the form token and a session, like every admin form', async () => {
      const forged = new AdminClient(site.app);
      for (const [name, value] of client.cookies) forged.cookies.set(name, value);
      forged.csrf = 'forged';
      assert.equal((await postUrl(withPort('http://127.0.0.1:{port}/x.png'), forged)).statusCode, 403);
      const anonymous = new AdminClient(site.app);
      await anonymous.get('/admin/sign-in');
      assert.equal((await postUrl(withPort('http://127.0.0.1:{port}/x.png'), anonymous)).statusCode, 401);
      await settle();
      assert.equal(canary.connections() - baseline, 0);
    });

    it('stores a fetched image like an upload: row, variants and files', async () => {
      const seen = server.state.requests.length;
      const { media, sourceUrl } = await saveFromUrl(
        site.db,
        store,
        { url: at('media.example.org', '/photo.png'), altEn: 'A green field', altHe: 'שדה ירוק' },
        testFetchOptions(),
      );
      assert.equal(server.state.requests.length, seen + 1);
      assert.equal(sourceUrl, at('media.example.org', '/photo.png'));
      const row = await db().selectFrom('media').selectAll().where('id', '=', media.id).executeTakeFirstOrThrow();
      assert.equal(row.kind, 'image');
      assert.equal(row.original_name, 'photo.png');
      assert.equal(row.alt_en, 'A green field');
      assert.equal(row.width, 64);
      const files = mediaFilePaths(row);
      assert.ok(files.length > 1, 'variants were made');
      for (const path of files) assert.ok(existsSync(store.filePath(path)), `${path} is on disk`);
      await settle();
      assert.equal(canary.connections() - baseline, 0);
    });

    it('follows a download link and names the file from the address it lands on', async () => {
      const { media, sourceUrl } = await saveFromUrl(
        site.db,
        store,
        { url: at('media.example.org', '/report') },
        testFetchOptions(),
      );
      assert.equal(sourceUrl, at('media.example.org', '/files/annual%20report.pdf'));
      assert.equal(media.kind, 'pdf');
      assert.equal(media.original_name, 'annual report.pdf');
      assert.ok(existsSync(store.filePath(media.path)));
    });

    it('refuses what an upload would refuse, storing nothing', async () => {
      const media = await count('media');
      await assert.rejects(
        saveFromUrl(site.db, store, { url: at('media.example.org', '/page.html') }, testFetchOptions()),
        (err: unknown) => err instanceof MediaError && err.code === 'unsupported_type',
      );
      assert.equal(await count('media'), media);
    });
  });
}
