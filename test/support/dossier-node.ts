import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';

/** A `dossier serve` process started by a test, as an operator would run it. */
export interface DossierNode {
  url: string;
  process: ChildProcess;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Waits until `url` answers 200, or throws with the node's output after `timeoutMs`. */
async function waitForReady(url: string, node: { output(): string; exited(): boolean }, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (node.exited()) throw new Error(`node exited before it was ready:\n${node.output()}`);
    const ok = await fetch(`${url}/readyz`).then(
      (res) => res.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`node not ready after ${timeoutMs} ms:\n${node.output()}`);
}

/** Starts `bin/dossier.js serve` with `env` on a free port and waits for /readyz. */
export async function startNode(env: Record<string, string>, timeoutMs = 60_000): Promise<DossierNode> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['bin/dossier.js', 'serve'], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: url, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  let exited = false;
  void exit.then(() => (exited = true));
  const node: DossierNode = {
    url,
    process: child,
    output: () => text,
    async stop(signal = 'SIGTERM') {
      if (!exited) child.kill(signal);
      return exit;
    },
  };
  try {
    await waitForReady(url, { output: node.output, exited: () => exited }, timeoutMs);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return node;
}

/** A cookie-keeping HTTP client for the admin of a running node (as a browser would be). */
export class HttpSession {
  readonly cookies = new Map<string, string>();
  csrf = '';

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const body = init.form ? new URLSearchParams({ _csrf: this.csrf, ...init.form }).toString() : undefined;
    const origin = new URL(url).origin;
    const res = await fetch(url, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded', origin } : {}),
      },
      ...(body ? { body } : {}),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (/expires=Thu, 01 Jan 1970/i.test(line) || eq === pair.length - 1) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const text = await res.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(text)?.[1];
    if (token) this.csrf = token;
    return { status: res.status, text, headers: res.headers };
  }
}
