/*
 * What the two mail queues (newsletter deliveries and the outbox of transactional mail)
 * share about handing mail to SMTP: how long a claim on a row lasts, which failures are
 * worth another try, and how long to wait before it.
 */

/**
 * A row still claimed after this long belonged to a sender that died mid-send. It is far
 * longer than the mailer's own bounded waits (30 s to connect, 30 s for the greeting, 60 s
 * of socket silence), so a sender that is alive never outlasts its claim.
 */
export const LEASE_MS = 10 * 60 * 1000;

/** Tries before a temporary failure counts as final. */
export const MAX_ATTEMPTS = 5;

/** SMTP 4xx answers and network failures (no answer at all) may pass; 5xx answers will not. */
export function isTransient(error: unknown): boolean {
  const code = (error as { responseCode?: number } | undefined)?.responseCode;
  return code === undefined || (code >= 400 && code < 500);
}

/** The wait after the `attempts`-th failed try: 1, 2, 4, 8 minutes… */
export function retryDelayMs(attempts: number): number {
  return 60_000 * 2 ** Math.max(0, attempts - 1);
}

/** An error as kept in a queue row: its message, bounded. */
export function errorText(error: unknown): string {
  return String((error as Error | undefined)?.message ?? error).slice(0, 500);
}

/** The row's next state after its `attempts`-th try failed: queued again later, or failed for good. */
export function afterFailure(error: unknown, attempts: number, now = new Date()) {
  const retry = isTransient(error) && attempts < MAX_ATTEMPTS;
  return {
    status: retry ? ('queued' as const) : ('failed' as const),
    next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
    last_error: errorText(error),
  };
}
