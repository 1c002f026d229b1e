import { lookup as systemLookup } from 'node:dns/promises';
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isBlockedAddress } from './blocked-addresses.js';
import { FetchRefused, isFetchRefused, type FetchRefusedDetail, type FetchRefusedReason } from './fetch-refused.js';

export { isBlockedAddress, FetchRefused, isFetchRefused, type FetchRefusedDetail, type FetchRefusedReason };

/**
 * The only way Dossier fetches a URL on the server. Whoever types the URL (an editor, an
 * imported file, a remote feed) must not be able to make the server talk to itself, its
 * database, the cloud metadata service or anything else inside our network (SSRF).
 *
 * For each request, and again for every redirect:
 *  1. the URL must be absolute http(s), without `user:pass@`, on an allowed port;
 *  2. the host is resolved once, and refused if any of its addresses is not a public one;
 *  3. the connection goes to that validated address (the name is kept for Host and TLS), so a
 *     second DNS answer (rebinding) can never change where it goes.
 * Bodies are capped and the whole exchange, redirects included, has one deadline.
 *
 * The hostname and numeric-address forms are left to the WHATWG URL parser (`new URL`), which
 * already turns `2130706433`, `0x7f.1`, `017700000001`, `127.1` and `１２７.０.０.１` into
 * `127.0.0.1`. Safety does not depend on that, though: what is checked is the address the
 * resolver returns, and that is the address connected to.
 */

export interface ResolvedAddress {
  address: string;
  family: number;
}

export interface SafeFetchOptions {
  /** Largest body accepted, in bytes. Default 10 MB. */
  maxBytes?: number;
  /** Deadline for the whole fetch, redirects and body included. Default 10 s. */
  timeoutMs?: number;
  /** Redirects followed at most. Default 3. */
  maxRedirects?: number;
  /** Ports that may be used. Default 80 and 443. */
  ports?: readonly number[];
  /** Extra request headers; Host is always the URL's own. */
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /**
   * Tests only: resolves a name instead of the system resolver (e.g. a fake name for a local
   * test server, or a resolver that answers differently on each call).
   */
  lookup?: (hostname: string) => Promise<readonly ResolvedAddress[]>;
  /**
   * Tests only: lets through an address the policy would refuse (a test server on
   * 127.0.0.2, say). It can only widen the policy for the addresses it names.
   */
  allowAddress?: (address: string) => boolean;
}

export interface SafeFetchResponse {
  /** The URL the body came from, after redirects. */
  url: URL;
  /** Every URL requested, the first as given and then each redirect target. */
  chain: URL[];
  /** The address connected to for the final request. */
  address: string;
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_REDIRECTS = 3;
export const DEFAULT_PORTS: readonly number[] = [80, 443];
/** Longer URLs are refused before parsing: no real media address is this long. */
export const MAX_URL_LENGTH = 4096;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Failures before anything was sent, for which the next validated address is worth trying. */
const CONNECT_ERRORS = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/**
 * Fetches `url` with GET under the policy above. Resolves with the 2xx response and its whole
 * body; anything else rejects with FetchRefused.
 */
export async function safeFetch(url: unknown, options: SafeFetchOptions = {}): Promise<SafeFetchResponse> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const ports = options.ports ?? DEFAULT_PORTS;

  // One deadline for everything; an abort from the caller ends the fetch the same way.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onCallerAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  if (options.signal?.aborted) controller.abort(options.signal.reason);
  const signal = controller.signal;

  let hop = 0;
  let current: URL | undefined;
  try {
    current = checkUrl(url, hop);
    const chain: URL[] = [current];
    for (;;) {
      checkTarget(current, options, ports, hop);
      const addresses = await abortable(resolveHost(current, options, hop), signal);
      const { response, address } = await connect(current, addresses, options.headers ?? {}, signal, hop);
      const status = response.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status)) {
        // Never read a redirect's body: it can be as large as the server likes.
        response.destroy();
        if (hop >= maxRedirects) throw new FetchRefused('redirect', { url: current.href, hop });
        const location = response.headers.location;
        hop += 1;
        if (!location) throw new FetchRefused('redirect', { url: current.href, hop });
        current = checkUrl(resolveLocation(location, current), hop);
        chain.push(current);
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw new FetchRefused('http_status', { url: current.href, hop, status });
      }
      const body = await readBody(response, maxBytes, current, hop);
      return { url: current, chain, address, status, headers: response.headers, body };
    }
  } catch (err) {
    if (err instanceof FetchRefused) throw err;
    if (timedOut) throw new FetchRefused('timeout', { url: current?.href, hop, timeoutMs }, { cause: err });
    if (signal.aborted) throw err;
    throw new FetchRefused('unreachable', { url: current?.href, hop, code: errorCode(err) }, { cause: err });
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** Checks a URL's form: a string, absolute, http or https, without credentials. */
function checkUrl(raw: unknown, hop: number): URL {
  if (typeof raw !== 'string') throw new FetchRefused('invalid_url', { hop });
  const text = raw.trim();
  if (text === '' || text.length > MAX_URL_LENGTH) throw new FetchRefused('invalid_url', { hop });
  // The WHATWG parser quietly repairs `http:example.com`, `http:\\host` and embedded tabs or
  // newlines. A URL that needs repairing is not one a person meant, so it is refused.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f\\]/.test(text) || !/^[a-z][a-z0-9+.-]*:\/\/[^/]/i.test(text)) {
    const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
    throw new FetchRefused(scheme && scheme !== 'http' && scheme !== 'https' ? 'scheme' : 'invalid_url', {
      url: text,
      hop,
    });
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchRefused('invalid_url', { url: text, hop });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefused('scheme', { url: text, hop });
  if (url.username !== '' || url.password !== '') throw new FetchRefused('credentials', { hop });
  if (url.hostname === '') throw new FetchRefused('invalid_url', { url: text, hop });
  return url;
}

/**
 * What can be refused without DNS: an address literal or a local name (checked before the
 * port, so the reason given is the real one), then the port.
 */
function checkTarget(url: URL, options: SafeFetchOptions, ports: readonly number[], hop: number): void {
  const host = bareHost(url.hostname);
  if (isIP(host)) {
    if (!options.allowAddress?.(host) && isBlockedAddress(host)) {
      throw new FetchRefused('private_address', { url: url.href, hop, address: host });
    }
  } else {
    const name = host.toLowerCase().replace(/\.$/, '');
    // A single-label name ("db", "intranet") goes through the resolver's search domains: it
    // names something on our network, never a public site.
    if (name === 'localhost' || !name.includes('.') || LOCAL_SUFFIXES.some((s) => name.endsWith(s))) {
      throw new FetchRefused('private_address', { url: url.href, hop, address: name });
    }
  }
  const port = effectivePort(url);
  if (!ports.includes(port)) throw new FetchRefused('port', { url: url.href, hop, port });
}

/** A redirect target resolved against the URL that sent it; invalid ones are refused. */
function resolveLocation(location: string, base: URL): string {
  try {
    return new URL(location, base).href;
  } catch {
    return location;
  }
}

function effectivePort(url: URL): number {
  if (url.port !== '') return Number(url.port);
  return url.protocol === 'https:' ? 443 : 80;
}

/** `[::1]` → `::1`; names and IPv4 unchanged. */
function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/** Names that by definition are not on the public internet (RFC 6761, RFC 8375, ICANN's .internal). */
const LOCAL_SUFFIXES = ['.localhost', '.local', '.internal', '.home.arpa', '.localdomain'];

/**
 * Resolves the URL's host once and checks every address. One bad address is enough to refuse:
 * which one the connection would use is not up to us.
 */
async function resolveHost(url: URL, options: SafeFetchOptions, hop: number): Promise<ResolvedAddress[]> {
  const host = bareHost(url.hostname);
  const allow = options.allowAddress ?? (() => false);
  const refuse = (address: string) => new FetchRefused('private_address', { url: url.href, hop, address });
  let addresses: ResolvedAddress[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    const name = host.toLowerCase().replace(/\.$/, '');
    try {
      const answer = options.lookup
        ? await options.lookup(name)
        : await systemLookup(name, { all: true, verbatim: true });
      addresses = answer.map((a) => ({ address: a.address, family: isIP(a.address) }));
    } catch (err) {
      throw new FetchRefused('unresolvable', { url: url.href, hop, code: errorCode(err) }, { cause: err });
    }
    if (addresses.length === 0) throw new FetchRefused('unresolvable', { url: url.href, hop });
  }
  for (const { address } of addresses) {
    if (!allow(address) && isBlockedAddress(address)) throw refuse(address);
  }
  return addresses;
}

/** Tries the validated addresses in order, moving on only when a connection could not be made at all. */
async function connect(
  url: URL,
  addresses: ResolvedAddress[],
  headers: Record<string, string>,
  signal: AbortSignal,
  hop: number,
): Promise<{ response: IncomingMessage; address: string }> {
  let lastError: unknown;
  for (const target of addresses) {
    try {
      return { response: await requestPinned(url, target, headers, signal), address: target.address };
    } catch (err) {
      lastError = err;
      if (signal.aborted || !CONNECT_ERRORS.has(errorCode(err) ?? '')) break;
    }
  }
  if (signal.aborted) throw lastError;
  throw new FetchRefused('unreachable', { url: url.href, hop, code: errorCode(lastError) }, { cause: lastError });
}

/**
 * One GET to one already-validated address. The socket is opened to the address itself; the
 * name only travels as Host and, for https, as SNI and the name the certificate must match.
 */
function requestPinned(
  url: URL,
  target: ResolvedAddress,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const host = bareHost(url.hostname);
  // Belt and braces: Node skips lookup for an address literal, but should it ever ask, it
  // gets the pinned address and nothing else.
  const pinned: LookupFunction = (_hostname, opts, callback) => {
    if (opts.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const request = (url.protocol === 'https:' ? https : http).request({
    host: target.address,
    family: target.family,
    port: effectivePort(url),
    path: `${url.pathname}${url.search}`,
    method: 'GET',
    headers: {
      'user-agent': 'Dossier (server-side fetch)',
      accept: '*/*',
      ...headers,
      // Bodies are stored as sent; a compressed one would not be the file the editor meant.
      'accept-encoding': 'identity',
      host: url.host,
    },
    servername: isIP(host) ? undefined : host,
    lookup: pinned,
    agent: false,
    signal,
  });
  return new Promise((resolve, reject) => {
    request.once('response', resolve);
    // `on`, not `once`: an abort after the response can still emit an error, which must not go unhandled.
    request.on('error', reject);
    request.end();
  });
}

async function readBody(response: IncomingMessage, maxBytes: number, url: URL, hop: number): Promise<Buffer> {
  const tooLarge = () => new FetchRefused('too_large', { url: url.href, hop, limit: maxBytes });
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.length;
    // Counted as it arrives: Content-Length can be absent or a lie.
    if (total > maxBytes) {
      response.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  // A connection cut short can end the stream quietly; a truncated body is not the file. Thrown
  // as a plain error so the caller words it (a timeout if the deadline cut it).
  if (!response.complete) throw Object.assign(new Error('response cut short'), { code: 'ECONNRESET' });
  return Buffer.concat(chunks, total);
}

/** Rejects as soon as the signal aborts (DNS lookups cannot be cancelled, only abandoned). */
function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}
