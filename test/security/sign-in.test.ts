/*
 * T06/T07/T16 of the security plan: sign-in brute force, enumeration, session rotation,
 * cookies and tokens. Every limit is asserted as an exact count. Time is moved by moving
 * the failure ledger's timestamps back (the lockout is computed from the ledger only).
 */
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.js';
import { hashPassword } from '../../src/auth/passwords.js';
import {
  ADDRESS_WINDOW_MS,
  FREE_FAILURES,
  lockAfter,
  MAX_FAILURES_PER_ADDRESS,
  MAX_FAILURES_PER_NETWORK,
  networkKey,
} from '../../src/auth/sign-in-throttle.js';
import { hashToken, newToken } from '../../src/auth/tokens.js';
import { currentTotp, newTotpSecret } from '../../src/auth/totp.js';
import { newDeviceToken, trustedDeviceId } from '../../src/auth/trusted-devices.js';
import type { Role } from '../../src/db/schema.js';
import { LocalMediaStore } from '../../src/media/media-store.js';
import { DEMO_PASSWORD } from '../../src/seed/demo-users.js';
import { createTestSite, testEngines, type TestSite } from '../support/test-db.js';

const ADMIN = 'admin@meridian.example';
const PASSWORD = 'right horse battery staple';
const MINUTE = 60_000;

/** A browser over `inject`, at a chosen client address: keeps cookies and the form token. */
class Browser {
  readonly cookies = new Map<string, string>();
  csrf = '';
  private readonly app: FastifyInstance;
  ip: string;

  constructor(app: FastifyInstance, ip = '10.0.0.1') {
    this.app = app;
    this.ip = ip;
  }

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse) {
    for (const line of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.csrf = token;
    return res;
  }

  /** The session cookie's value (whatever its name), if any. */
  get session() {
    return [...this.cookies].find(([k]) => k.endsWith('dossier_session'))?.[1];
  }

  async get(url: string, headers: Record<string, string> = {}) {
    return this.remember(
      await this.app.inject({
        method: 'GET',
        url,
        remoteAddress: this.ip,
        headers: { cookie: this.cookieHeader(), ...headers },
      }),
    );
  }

  async post(url: string, form: Record<string, string>, headers: Record<string, string> = {}) {
    const body = new URLSearchParams({ _csrf: this.csrf, ...form });
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        remoteAddress: this.ip,
        payload: body.toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), ...headers },
      }),
    );
  }

  async signIn(email: string, password: string) {
    if (!this.csrf) await this.get('/admin/sign-in');
    return this.post('/admin/sign-in', { email, password });
  }
}

/** The q-quantile (0.5 = median), interpolated. */
function quantile(values: number[], q: number) {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const low = Math.floor(pos);
  return sorted[low]! + (sorted[Math.ceil(pos)]! - sorted[low]!) * (pos - low);
}

const median = (values: number[]) => quantile(values, 0.5);

/** The rendered page with the parts that differ by design (typed email, form token) blanked. */
function comparable(body: string, email: string) {
  return body.replaceAll(email, '<email>').replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""');
}

describe('tokens', () => {
  it('session, CSRF and reset tokens are 256 random bits; 5,000 of them have no duplicate', () => {
    const tokens = Array.from({ length: 5000 }, () => newToken());
    assert.equal(new Set(tokens).size, tokens.length);
    for (const token of tokens) {
      assert.match(token, /^[A-Za-z0-9_-]{43}$/);
      assert.equal(Buffer.from(token, 'base64url').length * 8, 256);
    }
    // Every bit position varies: no constant prefix or structure hiding fewer random bits.
    const ones = new Array<number>(256).fill(0);
    for (const token of tokens) {
      const bytes = Buffer.from(token, 'base64url');
      for (let bit = 0; bit < 256; bit++) ones[bit]! += (bytes[bit >> 3]! >> (bit & 7)) & 1;
    }
    for (const count of ones) assert.ok(count > 2200 && count < 2800, `bit set ${count} times in 5000`);
  });

  it('the lock grows 1, 2, 4 … minutes after the fifth failure and stops at 24 hours', () => {
    assert.equal(FREE_FAILURES, 5);
    assert.deepEqual(
      [0, 4, 5, 6, 7, 8, 15, 16, 17, 1000].map((n) => lockAfter(n) / MINUTE),
      [0, 0, 1, 2, 4, 8, 1024, 1440, 1440, 1440],
    );
    assert.equal(MAX_FAILURES_PER_ADDRESS, 30);
    assert.equal(ADDRESS_WINDOW_MS, 60 * MINUTE);
  });

  it('groups addresses by IPv4 /24 and IPv6 /64', () => {
    assert.equal(networkKey('192.0.2.77'), 'network:192.0.2');
    assert.equal(networkKey('::ffff:192.0.2.77'), 'network:192.0.2');
    assert.equal(networkKey('2001:db8:0:1::99'), 'network:2001:db8:0:1::/64');
    assert.equal(networkKey('2001:0db8:0000:0001:aaaa:bbbb:cccc:dddd'), 'network:2001:db8:0:1::/64');
    assert.equal(networkKey('2001:db8::1'), 'network:2001:db8:0:0::/64');
    assert.equal(networkKey('::1'), 'network:0:0:0:0::/64');
  });
});

for (const { engine, skip } of await testEngines()) {
  describe(`sign-in security on ${engine}`, { skip }, () => {
    let site: TestSite;
    let passwordHash: string;
    let serial = 0;
    const db = () => site.db.kysely;

    /** A fresh account with PASSWORD (each test its own, so ledgers do not mix). */
    async function makeUser(role: Role = 'editor', options: { totp?: boolean; disabled?: boolean } = {}) {
      const email = `user${++serial}-${engine}@meridian.example`;
      const totpSecret = options.totp ? newTotpSecret() : null;
      const user = await db()
        .insertInto('users')
        .values({
          email,
          name: `User ${serial}`,
          role,
          password_hash: passwordHash,
          totp_secret: totpSecret,
          totp_last_step: null,
          person_id: null,
          disabled: options.disabled ? 1 : 0,
          created_at: new Date().toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { id: user.id, email, totpSecret: totpSecret ?? '' };
    }

    const ledger = (key: string) =>
      db().selectFrom('sign_in_failures').select(['id', 'at']).where('key', '=', key).execute();

    /** Moves every ledger row `ms` into the past: the same as waiting `ms`. */
    async function wait(ms: number) {
      const rows = await db().selectFrom('sign_in_failures').select(['id', 'at']).execute();
      for (const row of rows) {
        await db()
          .updateTable('sign_in_failures')
          .set({ at: new Date(Date.parse(row.at) - ms).toISOString() })
          .where('id', '=', row.id)
          .execute();
      }
    }

    const clearLedger = () => db().deleteFrom('sign_in_failures').execute();

    /** Reset mail goes out after the answer: waits for the `count`th mail to `to`. */
    async function mailTo(to: string, count = 1) {
      for (let i = 0; i < 200; i++) {
        const mails = site.mail.filter((m) => m.to === to);
        if (mails.length >= count) return mails.at(-1)!;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`no mail number ${count} to ${to}`);
    }

    /** A second app node on the same database; `mailDelayMs` makes its mail server slow. */
    async function appOnSameDb(config: { publicUrl?: string; trustProxy?: boolean | string[] } = {}, mailDelayMs = 0) {
      return buildApp({
        config: { publicUrl: 'http://dossier.test', dataDir: site.dataDir, pageCacheMb: 8, ...config },
        db: site.db,
        content: site.content,
        mailer: {
          describe: 'test capture',
          async send(m) {
            if (mailDelayMs) await new Promise((resolve) => setTimeout(resolve, mailDelayMs));
            site.mail.push(m);
          },
        },
        mediaStore: new LocalMediaStore(`${site.dataDir}/media`),
      });
    }

    before(async () => {
      site = await createTestSite(engine);
      passwordHash = await hashPassword(PASSWORD);
    });
    after(async () => {
      await site?.close();
    });

    it('refuses the sixth attempt on an account, even with the right password, from any address without a trusted browser', async () => {
      await clearLedger();
      const user = await makeUser();
      const attacker = new Browser(site.app, '203.0.113.10');
      for (let i = 0; i < FREE_FAILURES; i++)
        assert.equal((await attacker.signIn(user.email, `wrong-${i}`)).statusCode, 401, `failure ${i + 1}`);
      const sixth = await attacker.signIn(user.email, PASSWORD);
      assert.equal(sixth.statusCode, 429);
      const retry = Number(sixth.headers['retry-after']);
      assert.ok(retry > 50 && retry <= 60, `Retry-After ${retry}`);
      assert.match(sixth.body, /Too many failed sign-ins\. Try again in 1 minutes, or reset your password\./);
      assert.match(sixth.body, new RegExp(`name="email"[^>]*value="${user.email}"`), 'the typed email is kept');
      assert.equal(sixth.headers['cache-control'], 'no-store');

      // The owner, from another network, in a browser that never signed in: the account is locked.
      const owner = new Browser(site.app, '198.51.100.20');
      assert.equal((await owner.signIn(user.email, PASSWORD)).statusCode, 429);
      // The email in any case and with spaces is the same account and the same counter.
      assert.equal((await owner.signIn(`  ${user.email.toUpperCase()} `, PASSWORD)).statusCode, 429);
      assert.equal((await ledger(`account:${user.email}`)).length, 5, 'refused attempts check and count nothing');

      // One minute later the right password works from anywhere, and forgives the failures.
      await wait(61_000);
      const ok = await owner.signIn(user.email, PASSWORD);
      assert.equal(ok.statusCode, 303);
      assert.equal((await owner.get('/admin/publications')).statusCode, 200);
      assert.equal((await ledger(`account:${user.email}`)).length, 0);
    });

    it('doubles the lock with each further failure: 1, 2, 4 minutes, and at most 24 hours', async () => {
      await clearLedger();
      const user = await makeUser();
      // Spread over many addresses, as a botnet would: the account counter still holds.
      const from = (n: number) => new Browser(site.app, `203.0.${100 + n}.9`);
      for (let i = 0; i < FREE_FAILURES; i++)
        assert.equal((await from(i).signIn(user.email, `wrong-${i}`)).statusCode, 401);
      for (const minutes of [1, 2, 4]) {
        const locked = await from(20).signIn(user.email, 'guess');
        assert.equal(locked.statusCode, 429);
        const retry = Number(locked.headers['retry-after']);
        assert.ok(retry > minutes * 60 - 10 && retry <= minutes * 60, `lock ${minutes} min: Retry-After ${retry}`);
        await wait(minutes * MINUTE - 2000);
        assert.equal((await from(21).signIn(user.email, PASSWORD)).statusCode, 429, `still locked (${minutes})`);
        await wait(3000);
        assert.equal((await from(22 + minutes).signIn(user.email, 'guess again')).statusCode, 401);
      }
      assert.equal((await ledger(`account:${user.email}`)).length, 8);
      // Sixteen failures and more: 24 hours, said in hours.
      const at = new Date().toISOString();
      await db()
        .insertInto('sign_in_failures')
        .values(Array.from({ length: 12 }, () => ({ key: `account:${user.email}`, at })))
        .execute();
      const long = await from(30).signIn(user.email, PASSWORD);
      assert.equal(long.statusCode, 429);
      assert.ok(Number(long.headers['retry-after']) > 24 * 3600 - 10);
      assert.match(long.body, /Try again in 24 hours/);
    });

    it('lets the owner in from a fresh address in a trusted browser (with 2FA) while the account is under attack', async () => {
      await clearLedger();
      const user = await makeUser('admin', { totp: true });
      const laptop = new Browser(site.app, '10.20.0.5');
      assert.equal((await laptop.signIn(user.email, PASSWORD)).headers.location, '/admin/sign-in/code');
      assert.ok(![...laptop.cookies.keys()].includes('dossier_device'), 'no trust before the second factor');
      await laptop.get('/admin/sign-in/code');
      assert.equal((await laptop.post('/admin/sign-in/code', { code: currentTotp(user.totpSecret) })).statusCode, 303);
      assert.ok(laptop.cookies.get('dossier_device'), 'a complete sign-in makes the browser trusted');
      await laptop.post('/admin/sign-out', {});

      for (let i = 0; i < 8; i++) {
        const status = (await new Browser(site.app, `203.0.113.${i + 1}`).signIn(user.email, `x${i}`)).statusCode;
        assert.equal(status, i < FREE_FAILURES ? 401 : 429);
      }
      // A stranger's browser, even with the right password: locked.
      assert.equal((await new Browser(site.app, '192.0.2.200').signIn(user.email, PASSWORD)).statusCode, 429);

      // The laptop on a hotel network: in, with password and a code.
      laptop.ip = '198.51.100.77';
      const step = await laptop.signIn(user.email, PASSWORD);
      assert.equal(step.statusCode, 303);
      assert.equal(step.headers.location, '/admin/sign-in/code');
      await laptop.get('/admin/sign-in/code');
      const code = currentTotp(user.totpSecret, Date.now() + 30_000);
      assert.equal((await laptop.post('/admin/sign-in/code', { code })).statusCode, 303);
      assert.equal((await laptop.get('/admin/publications')).statusCode, 200);
      assert.equal(
        (await ledger(`account:${user.email}`)).length,
        5,
        "the owner's sign-in does not forgive the attacker",
      );

      // The trusted-device cookie is worth nothing for another account, or after a password change.
      const token = laptop.cookies.get('dossier_device')!;
      const other = await makeUser();
      assert.equal(await trustedDeviceId(site.db, token, { email: other.email, password_hash: passwordHash }), null);
      assert.equal(await trustedDeviceId(site.db, token, { email: user.email, password_hash: 'changed' }), null);
      assert.equal(
        await trustedDeviceId(site.db, `${token.slice(0, -2)}AA`, { email: user.email, password_hash: passwordHash }),
        null,
      );
      assert.ok(await trustedDeviceId(site.db, token, { email: user.email, password_hash: passwordHash }));
    });

    it('a trusted browser has its own back-off, so a stolen device cookie buys five guesses, not more', async () => {
      await clearLedger();
      const user = await makeUser();
      const token = await newDeviceToken(site.db, { email: user.email, password_hash: passwordHash });
      const thief = new Browser(site.app, '203.0.113.50');
      thief.cookies.set('dossier_device', token);
      for (let i = 0; i < FREE_FAILURES; i++) assert.equal((await thief.signIn(user.email, `w${i}`)).statusCode, 401);
      assert.equal((await thief.signIn(user.email, PASSWORD)).statusCode, 429);
      assert.equal((await ledger(`account:${user.email}`)).length, 0);
      // …and the account itself is not locked by the device's failures.
      assert.equal((await new Browser(site.app, '198.51.100.9').signIn(user.email, PASSWORD)).statusCode, 303);
    });

    it('a reset link makes the browser trusted, so the owner gets in during an attack without waiting', async () => {
      await clearLedger();
      const user = await makeUser();
      for (let i = 0; i < 7; i++) await new Browser(site.app, `203.0.113.${60 + i}`).signIn(user.email, `x${i}`);
      const phone = new Browser(site.app, '198.51.100.30');
      assert.equal((await phone.signIn(user.email, PASSWORD)).statusCode, 429);
      await phone.get('/admin/password/forgot');
      await phone.post('/admin/password/forgot', { email: user.email });
      const link = /http:\/\/dossier\.test(\/admin\/password\/reset\?token=[\w-]+)/.exec(
        (await mailTo(user.email)).text,
      )?.[1];
      assert.ok(link);
      await phone.get(link);
      const token = new URL(link, 'http://x').searchParams.get('token')!;
      assert.equal(
        (await phone.post('/admin/password/reset', { token, password: 'a new long passphrase' })).statusCode,
        303,
      );
      assert.ok(phone.cookies.get('dossier_device'));
      assert.equal((await phone.signIn(user.email, 'a new long passphrase')).statusCode, 303);
      // Another browser is still held back.
      const stranger = new Browser(site.app, '192.0.2.201');
      assert.equal((await stranger.signIn(user.email, 'a new long passphrase')).statusCode, 429);
    });

    it('counts TOTP codes too: five wrong codes, then the pending session ends; a correct password alone forgives nothing', async () => {
      await clearLedger();
      const user = await makeUser('admin', { totp: true });
      const browser = new Browser(site.app, '10.30.0.1');
      assert.equal((await browser.signIn(user.email, PASSWORD)).headers.location, '/admin/sign-in/code');
      await browser.get('/admin/sign-in/code');
      for (let i = 0; i < 4; i++)
        assert.equal((await browser.post('/admin/sign-in/code', { code: '000000' })).statusCode, 401);
      // Knowing the password must not buy a fresh set of code guesses.
      assert.equal((await browser.signIn(user.email, PASSWORD)).headers.location, '/admin/sign-in/code');
      await browser.get('/admin/sign-in/code');
      const pending = browser.session!;
      assert.equal((await browser.post('/admin/sign-in/code', { code: '000000' })).statusCode, 401);
      const refused = await browser.post('/admin/sign-in/code', { code: currentTotp(user.totpSecret) });
      assert.equal(refused.statusCode, 429);
      assert.ok(Number(refused.headers['retry-after']) > 0);
      assert.match(refused.body, /Too many failed sign-ins/);
      assert.match(refused.body, new RegExp(`name="email"[^>]*value="${user.email}"`));
      assert.equal(browser.session, undefined, 'the pending session cookie is cleared');
      const replay = new Browser(site.app, '10.30.0.1');
      replay.cookies.set('dossier_session', pending);
      assert.equal((await replay.get('/admin/sign-in/code')).headers.location, '/admin/sign-in', 'and ended');
      assert.equal((await ledger(`account:${user.email}`)).length, 5);
      assert.equal((await browser.signIn(user.email, PASSWORD)).statusCode, 429, 'the password is locked too');
    });

    it('limits one address to 30 failures an hour over any accounts, and ignores X-Forwarded-For unless the proxy is trusted', async () => {
      await clearLedger();
      const user = await makeUser();
      const sprayer = new Browser(site.app, '192.0.2.10');
      // Three guesses on each of ten accounts: no account reaches its limit.
      for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
        const res = await sprayer.signIn(`victim${i % 10}@meridian.example`, `guess-${i}`);
        assert.equal(res.statusCode, 401, `failure ${i + 1}`);
      }
      const blocked = await sprayer.signIn(user.email, PASSWORD);
      assert.equal(blocked.statusCode, 429);
      assert.ok(Number(blocked.headers['retry-after']) > 3500);
      // A forged X-Forwarded-For does not make a new address…
      const forged = await sprayer.post(
        '/admin/sign-in',
        { email: user.email, password: PASSWORD },
        {
          'x-forwarded-for': '198.51.100.1',
        },
      );
      assert.equal(forged.statusCode, 429);
      // …the password reset form is counted and refused under the same address limit…
      await sprayer.get('/admin/password/forgot');
      const reset = await sprayer.post('/admin/password/forgot', { email: user.email });
      assert.equal(reset.statusCode, 429);
      assert.match(reset.body, /Too many requests from your network/);
      assert.match(reset.body, new RegExp(`name="email"[^>]*value="${user.email}"`));
      // …but a neighbour in the same /24 is not held back (the network allows 100).
      assert.equal((await new Browser(site.app, '192.0.2.11').signIn(user.email, PASSWORD)).statusCode, 303);

      // Behind a trusted proxy the forwarded address is the client, on both sides of the limit.
      const proxied = await appOnSameDb({ trustProxy: ['127.0.0.1'] });
      try {
        const viaProxy = new Browser(proxied, '127.0.0.1');
        await viaProxy.get('/admin/sign-in');
        const asSprayer = await viaProxy.post(
          '/admin/sign-in',
          { email: user.email, password: PASSWORD },
          {
            'x-forwarded-for': '192.0.2.10',
          },
        );
        assert.equal(asSprayer.statusCode, 429);
        const asOther = await viaProxy.post(
          '/admin/sign-in',
          { email: user.email, password: PASSWORD },
          {
            'x-forwarded-for': '198.51.100.2',
          },
        );
        assert.equal(asOther.statusCode, 303);
      } finally {
        await proxied.close();
      }
    });

    it('limits an IPv6 /64 as one network (100 failures an hour)', async () => {
      await clearLedger();
      const user = await makeUser();
      const at = new Date().toISOString();
      await db()
        .insertInto('sign_in_failures')
        .values(Array.from({ length: MAX_FAILURES_PER_NETWORK }, () => ({ key: 'network:2001:db8:0:1::/64', at })))
        .execute();
      assert.equal((await new Browser(site.app, '2001:db8:0:1::beef').signIn(user.email, PASSWORD)).statusCode, 429);
      assert.equal((await new Browser(site.app, '2001:db8:0:2::beef').signIn(user.email, PASSWORD)).statusCode, 303);
    });

    it('shares the ledger between two app nodes on one database', async () => {
      await clearLedger();
      const user = await makeUser();
      const second = await appOnSameDb();
      try {
        const onA = new Browser(site.app, '203.0.113.80');
        const onB = new Browser(second, '203.0.113.81');
        for (let i = 0; i < FREE_FAILURES; i++) {
          const browser = i % 2 ? onB : onA;
          assert.equal((await browser.signIn(user.email, `w${i}`)).statusCode, 401);
        }
        assert.equal((await onA.signIn(user.email, PASSWORD)).statusCode, 429);
        assert.equal((await onB.signIn(user.email, PASSWORD)).statusCode, 429);
        await wait(61_000);
        assert.equal((await onB.signIn(user.email, PASSWORD)).statusCode, 303);
      } finally {
        await second.close();
      }
    });

    it('counts parallel attempts exactly: 12 at once give five 401s and seven 429s', async () => {
      await clearLedger();
      const user = await makeUser();
      const browsers = await Promise.all(
        Array.from({ length: 12 }, async (_, i) => {
          const b = new Browser(site.app, `203.0.113.${100 + i}`);
          await b.get('/admin/sign-in');
          return b;
        }),
      );
      const statuses = (await Promise.all(browsers.map((b, i) => b.signIn(user.email, `parallel-${i}`)))).map(
        (r) => r.statusCode,
      );
      assert.deepEqual(
        [statuses.filter((s) => s === 401).length, statuses.filter((s) => s === 429).length],
        [5, 7],
        String(statuses),
      );
      assert.equal((await ledger(`account:${user.email}`)).length, 5);
    });

    it('answers unknown, wrong and disabled alike, in alike time', async () => {
      await clearLedger();
      const known = await makeUser();
      const disabled = await makeUser('editor', { disabled: true });
      const unknown = `nobody-${engine}@meridian.example`;
      const browser = new Browser(site.app, '10.40.0.1');
      await browser.get('/admin/sign-in');
      const cases = {
        unknown: () => browser.signIn(unknown, 'wrong password 1'),
        wrong: () => browser.signIn(known.email, 'wrong password 1'),
        disabled: () => browser.signIn(disabled.email, PASSWORD),
      };
      const emails = { unknown, wrong: known.email, disabled: disabled.email };
      const times: Record<keyof typeof cases, number[]> = { unknown: [], wrong: [], disabled: [] };
      const bodies = new Map<string, Set<string>>();
      const SAMPLES = 42;
      const kinds = Object.keys(cases) as (keyof typeof cases)[];
      for (let i = 0; i < SAMPLES + 3; i++) {
        // Each kind takes each place in the round in turn, so no kind always follows another.
        for (const kind of [...kinds.slice(i % 3), ...kinds.slice(0, i % 3)]) {
          // The same ledger state for every sample: nothing locked, nothing counted yet.
          await clearLedger();
          const started = performance.now();
          const res = await cases[kind]();
          const elapsed = performance.now() - started;
          if (i >= 3) times[kind].push(elapsed); // the first rounds warm caches
          const key = `${res.statusCode}`;
          bodies.set(key, (bodies.get(key) ?? new Set()).add(comparable(res.body, emails[kind])));
        }
      }
      assert.deepEqual([...bodies.keys()], ['401'], 'one status for all');
      assert.equal(bodies.get('401')!.size, 1, 'one body for all');
      const medians = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])) as Record<
        keyof typeof cases,
        number
      >;
      // Judged on the median of differences within a round: the three samples of a round
      // run back to back, so a load spike on this shared machine hits all three alike. A
      // missing dummy check would make unknown emails about ten times faster, far past 25%.
      const pairedGap = (a: keyof typeof cases, b: keyof typeof cases) =>
        Math.abs(median(times[a].map((t, i) => t - times[b][i]!))) / medians[b];
      const report =
        `${engine} sign-in medians over ${SAMPLES}: unknown ${medians.unknown.toFixed(1)} ms, ` +
        `wrong ${medians.wrong.toFixed(1)} ms, disabled ${medians.disabled.toFixed(1)} ms; ` +
        `median paired gap unknown-wrong ${(pairedGap('unknown', 'wrong') * 100).toFixed(1)}%, ` +
        `unknown-disabled ${(pairedGap('unknown', 'disabled') * 100).toFixed(1)}%`;
      console.log(report);
      assert.ok(pairedGap('unknown', 'wrong') < 0.25, report);
      assert.ok(pairedGap('unknown', 'disabled') < 0.25, report);
    });

    it('answers a reset request alike for known, unknown and disabled emails, even with a slow mail server', async (t) => {
      await clearLedger();
      const known = await makeUser();
      const disabled = await makeUser('editor', { disabled: true });
      const unknown = `nobody-reset-${engine}@meridian.example`;
      const MAIL_DELAY_MS = 60;
      const node = await appOnSameDb({}, MAIL_DELAY_MS);
      t.after(() => node.close());
      const browser = new Browser(node, '10.50.0.1');
      await browser.get('/admin/password/forgot');
      const cases = { known: known.email, unknown, disabled: disabled.email };
      const kinds = Object.keys(cases) as (keyof typeof cases)[];
      const times: Record<keyof typeof cases, number[]> = { known: [], unknown: [], disabled: [] };
      const seen = new Set<string>();
      const SAMPLES = 40;
      let mailed = 0;
      for (let i = 0; i < SAMPLES + 3; i++) {
        for (const kind of [...kinds.slice(i % 3), ...kinds.slice(0, i % 3)]) {
          await clearLedger();
          const started = performance.now();
          const res = await browser.post('/admin/password/forgot', { email: cases[kind] });
          const elapsed = performance.now() - started;
          if (i >= 3) times[kind].push(elapsed);
          seen.add(`${res.statusCode} ${comparable(res.body, cases[kind])}`);
          // The link is made and mailed after the answer; let that finish outside the clock.
          if (kind === 'known') await mailTo(known.email, ++mailed);
        }
      }
      assert.equal(seen.size, 1, 'one status and body for all');
      assert.match([...seen][0]!, /^200 /);
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(site.mail.filter((m) => m.to === known.email).length, SAMPLES + 3);
      assert.equal(site.mail.filter((m) => m.to === disabled.email || m.to === unknown).length, 0);
      const m = Object.fromEntries(kinds.map((k) => [k, median(times[k])])) as Record<keyof typeof cases, number>;
      // The mail server takes 60 ms: were the link made and mailed before the answer, known
      // emails would answer at least that much later. Judged on the median of differences
      // within a round (back-to-back samples share this shared machine's load).
      const paired = median(times.known.map((t, i) => t - times.unknown[i]!));
      const report =
        `${engine} reset over ${SAMPLES} (mail server ${MAIL_DELAY_MS} ms): medians known ${m.known.toFixed(2)} ms, ` +
        `unknown ${m.unknown.toFixed(2)} ms, disabled ${m.disabled.toFixed(2)} ms; ` +
        `median paired known-unknown ${paired.toFixed(2)} ms`;
      console.log(report);
      assert.ok(paired < MAIL_DELAY_MS / 2, report);
      assert.ok(m.known - m.unknown < MAIL_DELAY_MS / 2, report);
    });

    it('never carries a session id across a sign-in: planted cookies and earlier sessions die', async () => {
      await clearLedger();
      const user = await makeUser();
      const browser = new Browser(site.app, '10.60.0.1');
      await browser.get('/admin/sign-in');
      // A value planted before sign-in (unknown to the server) is dropped, never adopted.
      const planted = newToken();
      browser.cookies.set('dossier_session', planted);
      await browser.signIn(user.email, PASSWORD);
      assert.ok(browser.session && browser.session !== planted);
      assert.equal(
        await db()
          .selectFrom('sessions')
          .select('id_hash')
          .where('id_hash', '=', hashToken(planted))
          .executeTakeFirst(),
        undefined,
      );
      // A valid session planted by an attacker (their own) ends when the victim signs in over it.
      const attackerSession = browser.session;
      const other = await makeUser();
      await browser.get('/admin/publications');
      assert.equal((await browser.post('/admin/sign-in', { email: other.email, password: PASSWORD })).statusCode, 303);
      assert.notEqual(browser.session, attackerSession);
      const replay = new Browser(site.app);
      replay.cookies.set('dossier_session', attackerSession);
      assert.equal((await replay.get('/admin/publications')).statusCode, 303);
      // The database holds only hashes of session ids.
      const stored = await db().selectFrom('sessions').select('id_hash').execute();
      assert.ok(stored.every((s) => /^[0-9a-f]{64}$/.test(s.id_hash) && s.id_hash !== browser.session));
    });

    it('issues a new session token after the TOTP step and kills the pending one', async () => {
      await clearLedger();
      const user = await makeUser('editor', { totp: true });
      const browser = new Browser(site.app, '10.60.0.2');
      await browser.signIn(user.email, PASSWORD);
      const pending = browser.session!;
      assert.ok(pending);
      assert.equal((await browser.get('/admin/publications')).statusCode, 303, 'not in before the code');
      await browser.get('/admin/sign-in/code');
      assert.equal((await browser.post('/admin/sign-in/code', { code: currentTotp(user.totpSecret) })).statusCode, 303);
      assert.ok(browser.session && browser.session !== pending);
      assert.equal((await browser.get('/admin/publications')).statusCode, 200);
      const replay = new Browser(site.app, '10.60.0.2');
      replay.cookies.set('dossier_session', pending);
      assert.equal((await replay.get('/admin/publications')).statusCode, 303);
      assert.equal((await replay.get('/admin/sign-in/code')).headers.location, '/admin/sign-in');
    });

    it('ends sessions on role change, disabling, password change and reset, by the next request', async () => {
      await clearLedger();
      const admin = new Browser(site.app, '10.70.0.1');
      assert.equal((await admin.signIn(ADMIN, DEMO_PASSWORD)).statusCode, 303);
      await admin.get('/admin/publications');
      const expectOut = async (browser: Browser, what: string) => {
        const page = await browser.get('/admin/publications');
        assert.equal(page.statusCode, 303, what);
        assert.match(page.headers.location as string, /^\/admin\/sign-in\?next=.*&expired=1$/, what);
        const write = await browser.post('/admin/account/language', { ui_lang: 'en' });
        assert.equal(write.statusCode, 401, what);
      };
      const signedIn = async (email: string, password = PASSWORD) => {
        const b = new Browser(site.app, '10.70.0.2');
        assert.equal((await b.signIn(email, password)).statusCode, 303);
        await b.get('/admin/account');
        return b;
      };
      const save = async (id: number, role: string, disabled: boolean) => {
        await admin.get(`/admin/users/${id}`);
        const res = await admin.post(`/admin/users/${id}`, {
          name: 'Renamed',
          role,
          person_id: '',
          ...(disabled ? { disabled: '1' } : {}),
        });
        assert.equal(res.statusCode, 303, res.body.slice(0, 500));
      };

      const demoted = await makeUser('editor');
      const demotedBrowser = await signedIn(demoted.email);
      await save(demoted.id, 'author', false);
      await expectOut(demotedBrowser, 'role change');

      const blocked = await makeUser('editor');
      const blockedBrowser = await signedIn(blocked.email);
      await save(blocked.id, 'editor', true);
      await expectOut(blockedBrowser, 'disabled');
      assert.equal((await new Browser(site.app, '10.70.0.3').signIn(blocked.email, PASSWORD)).statusCode, 401);

      const changer = await makeUser('author');
      const elsewhere = await signedIn(changer.email);
      const here = await signedIn(changer.email);
      const before = here.session;
      await here.get('/admin/account');
      const changed = await here.post('/admin/account/password', {
        current_password: PASSWORD,
        new_password: 'another long passphrase',
      });
      assert.equal(changed.statusCode, 303);
      assert.notEqual(here.session, before, 'the changing browser gets a new session');
      assert.equal((await here.get('/admin/account')).statusCode, 200);
      await expectOut(elsewhere, 'password change');

      const forgetful = await makeUser('author');
      const open = await signedIn(forgetful.email);
      const mailer = new Browser(site.app, '10.70.0.4');
      await mailer.get('/admin/password/forgot');
      await mailer.post('/admin/password/forgot', { email: forgetful.email });
      const token = /token=([\w-]+)/.exec((await mailTo(forgetful.email)).text)?.[1] ?? '';
      await mailer.get(`/admin/password/reset?token=${token}`);
      assert.equal(
        (await mailer.post('/admin/password/reset', { token, password: 'reset long passphrase' })).statusCode,
        303,
      );
      await expectOut(open, 'password reset');
    });

    it('signs out only by POST with the form token, and the old cookie is dead afterwards', async () => {
      await clearLedger();
      const user = await makeUser();
      const browser = new Browser(site.app, '10.80.0.1');
      await browser.signIn(user.email, PASSWORD);
      await browser.get('/admin/publications');
      const cookie = browser.session!;
      assert.notEqual((await browser.get('/admin/sign-out')).statusCode, 200);
      assert.equal((await browser.post('/admin/sign-out', { _csrf: '' })).statusCode, 403);
      assert.equal(
        (await browser.post('/admin/sign-out', {}, { origin: 'https://evil.example' })).statusCode,
        403,
        'right token, foreign origin',
      );
      assert.equal((await browser.get('/admin/publications')).statusCode, 200, 'still signed in');
      const out = await browser.post('/admin/sign-out', {});
      assert.equal(out.statusCode, 303);
      assert.equal(browser.session, undefined, 'the cookie is cleared');
      const replay = new Browser(site.app, '10.80.0.1');
      replay.cookies.set('dossier_session', cookie);
      assert.equal((await replay.get('/admin/publications')).statusCode, 303);
      assert.equal((await replay.post('/admin/account/language', { ui_lang: 'en', _csrf: 'x' })).statusCode, 401);
    });

    it('sets HttpOnly, SameSite and Path=/ cookies; Secure with the __Host- prefix over https', async () => {
      await clearLedger();
      const user = await makeUser();
      const cookieLines = (res: LightMyRequestResponse) => ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      const attrs = (line: string) =>
        new Set(
          line
            .split(';')
            .slice(1)
            .map((a) => a.trim().toLowerCase()),
        );

      const plain = new Browser(site.app, '10.90.0.1');
      await plain.get('/admin/sign-in');
      const res = await plain.signIn(user.email, PASSWORD);
      const session = cookieLines(res).find((l) => l.startsWith('dossier_session='))!;
      const device = cookieLines(res).find((l) => l.startsWith('dossier_device='))!;
      assert.ok(session && device);
      for (const a of ['httponly', 'samesite=lax', 'path=/']) assert.ok(attrs(session).has(a), `${a} in ${session}`);
      for (const a of ['httponly', 'samesite=strict', 'path=/']) assert.ok(attrs(device).has(a), `${a} in ${device}`);
      assert.ok(![...attrs(session)].some((a) => a.startsWith('domain=')));

      const https = await appOnSameDb({ publicUrl: 'https://dossier.test' });
      try {
        const secure = new Browser(https, '10.90.0.2');
        const form = await secure.get('/admin/sign-in');
        const csrf = cookieLines(form).find((l) => l.startsWith('__Host-dossier_csrf='))!;
        assert.ok(csrf, 'the pre-sign-in CSRF cookie is __Host- too');
        const signed = await secure.signIn(user.email, PASSWORD);
        assert.equal(signed.statusCode, 303);
        for (const name of ['__Host-dossier_session', '__Host-dossier_device']) {
          const line = cookieLines(signed).find((l) => l.startsWith(`${name}=`));
          assert.ok(line, name);
          const a = attrs(line);
          for (const want of ['secure', 'httponly', 'path=/']) assert.ok(a.has(want), `${want} in ${line}`);
          assert.ok([...a].some((x) => x === 'samesite=lax' || x === 'samesite=strict'));
          assert.ok(![...a].some((x) => x.startsWith('domain=')), `no Domain in ${line}`);
        }
        assert.equal((await secure.get('/admin/publications')).statusCode, 200);
      } finally {
        await https.close();
      }
    });
  });
}
