/* Why safeFetch refused a URL, in words an editor can act on. */

export type FetchRefusedReason =
  /** Not a string, empty, too long, not parseable, or not written as `http(s)://host/…`. */
  | 'invalid_url'
  /** Not http or https (file:, ftp:, gopher:, data:, javascript: …). */
  | 'scheme'
  /** Contains `user:password@`. */
  | 'credentials'
  /** A port other than 80, 443 or those configured. */
  | 'port'
  /** The host is, or resolves to, a loopback, private, link-local or otherwise non-public address. */
  | 'private_address'
  /** The name does not resolve. */
  | 'unresolvable'
  /** No connection could be made (refused, unreachable, TLS failure, connection reset). */
  | 'unreachable'
  /** More redirects than allowed, or a redirect without a usable Location. */
  | 'redirect'
  /** The server answered with a status other than 2xx. */
  | 'http_status'
  /** The body is larger than the cap. */
  | 'too_large'
  /** The deadline passed. */
  | 'timeout';

export interface FetchRefusedDetail {
  /** The URL being fetched when refused (a redirect target for a refused hop). */
  url?: string;
  /** How many redirects had been followed: 0 means the URL as given was refused. */
  hop: number;
  /** The refused address, for `private_address`. */
  address?: string;
  /** For `port`. */
  port?: number;
  status?: number;
  /** Bytes, for `too_large`. */
  limit?: number;
  /** Milliseconds, for `timeout`. */
  timeoutMs?: number;
  /** The system error code (ECONNREFUSED, ENOTFOUND, CERT_HAS_EXPIRED …). */
  code?: string;
}

/**
 * A fetch refused by policy or failed for a reason worth telling the user. `message` is
 * English for logs; user interfaces word the `reason` in their own language.
 */
export class FetchRefused extends Error {
  readonly reason: FetchRefusedReason;
  readonly detail: FetchRefusedDetail;

  constructor(reason: FetchRefusedReason, detail: FetchRefusedDetail, options?: ErrorOptions) {
    super(describe(reason, detail), options);
    this.name = 'FetchRefused';
    this.reason = reason;
    this.detail = detail;
  }
}

export function isFetchRefused(err: unknown): err is FetchRefused {
  return err instanceof FetchRefused;
}

function describe(reason: FetchRefusedReason, d: FetchRefusedDetail): string {
  const where = d.hop > 0 ? ` (after ${d.hop} redirect${d.hop > 1 ? 's' : ''})` : '';
  switch (reason) {
    case 'invalid_url':
      return `Not an absolute http(s) URL${where}`;
    case 'scheme':
      return `Only http and https URLs can be fetched${where}`;
    case 'credentials':
      return `URLs with a user name or password are not fetched${where}`;
    case 'port':
      return `Port ${d.port ?? '?'} is not allowed${where}`;
    case 'private_address':
      return `${d.address ? `The address ${d.address}` : 'The host'} is not a public one${where}`;
    case 'unresolvable':
      return `The host name does not resolve${where}`;
    case 'unreachable':
      return `Could not connect${d.code ? ` (${d.code})` : ''}${where}`;
    case 'redirect':
      return `Too many redirects, or a redirect without a valid Location${where}`;
    case 'http_status':
      return `The server answered ${d.status ?? '?'}${where}`;
    case 'too_large':
      return `The response is larger than ${d.limit ?? '?'} bytes${where}`;
    case 'timeout':
      return `No complete answer within ${d.timeoutMs ?? '?'} ms${where}`;
  }
}
