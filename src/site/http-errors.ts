import type { MessageKey } from './i18n/index.js';

/** An expected failure with a status and a reason the visitor can read in their language. */
export class SiteError extends Error {
  readonly status: 400 | 404;
  readonly reason: MessageKey | undefined;
  readonly vars: Record<string, string | number> | undefined;

  constructor(status: 400 | 404, reason?: MessageKey, vars?: Record<string, string | number>) {
    super(reason ?? `HTTP ${status}`);
    this.name = 'SiteError';
    this.status = status;
    this.reason = reason;
    this.vars = vars;
  }
}

export const notFound = () => new SiteError(404);
export const badRequest = (reason: MessageKey, vars?: Record<string, string | number>) =>
  new SiteError(400, reason, vars);
