import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../src/seed/demo-users.js';

/** A browser-like client for the admin over `inject`: keeps cookies and the form token. */
export class AdminClient {
  readonly cookies = new Map<string, string>();
  csrf = '';
  private readonly app: FastifyInstance;

  constructor(app: FastifyInstance) {
    this.app = app;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(setCookie: string | string[] | undefined) {
    for (const line of ([] as string[]).concat(setCookie ?? [])) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private track(body: string) {
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token) this.csrf = token;
  }

  async get(url: string) {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader() } });
    this.remember(res.headers['set-cookie']);
    this.track(res.body);
    return res;
  }

  /** Posts a urlencoded form; the current CSRF token is added unless `_csrf` is given. */
  async post(url: string, form: Record<string, string | string[]>, headers: Record<string, string> = {}) {
    const body = new URLSearchParams();
    if (!('_csrf' in form)) body.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(form)) for (const item of ([] as string[]).concat(v)) body.append(k, item);
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: this.cookieHeader(), ...headers },
    });
    this.remember(res.headers['set-cookie']);
    this.track(res.body);
    return res;
  }

  async postMultipart(url: string, fields: Record<string, string>, file: { name: string; data: Buffer; type: string }) {
    const boundary = `----dossier${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    for (const [k, v] of Object.entries({ _csrf: this.csrf, ...fields })) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    }
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: Buffer.concat(parts),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: this.cookieHeader() },
    });
    this.remember(res.headers['set-cookie']);
    this.track(res.body);
    return res;
  }
}

/** Signs in through the real form and returns a client holding the session. */
export async function signIn(app: FastifyInstance, email: string, password = DEMO_PASSWORD): Promise<AdminClient> {
  const client = new AdminClient(app);
  await client.get('/admin/sign-in');
  const res = await client.post('/admin/sign-in', { email, password });
  if (res.statusCode !== 303) throw new Error(`sign-in as ${email} failed: ${res.statusCode}`);
  await client.get('/admin/publications');
  return client;
}
