import { resolve } from 'node:path';
import { z } from 'zod';

/** Everything Dossier reads from the environment, validated once at start. */
export interface Config {
  /** TCP port to listen on. Default 3000. */
  port: number;
  /** Address to bind. Default 127.0.0.1 (use 0.0.0.0 behind a proxy or in a container). */
  host: string;
  /** Folder for the SQLite file, uploaded media and outgoing mail. Default ./data. */
  dataDir: string;
  /** `postgres://…` to use PostgreSQL; empty means SQLite at `<dataDir>/dossier.db`. */
  databaseUrl: string | undefined;
  /** Public origin used in canonical links, e.g. https://example.org. Default http://HOST:PORT. */
  publicUrl: string;
  /** Page-cache budget in megabytes. Default 32. */
  pageCacheMb: number;
  /** Seed the demo institute when the database is empty. Default true. */
  seedDemo: boolean;
  /** `smtp://user:pass@host:587` or `smtps://…`; empty writes mail as files under `<dataDir>/mail`. */
  smtpUrl: string | undefined;
  /** Sender of staff mail (password resets). Default `Dossier <no-reply@localhost>`. */
  mailFrom: string;
  /** How often the scheduler looks for due publications, in seconds. Default 15. */
  schedulerIntervalSeconds: number;
  /** Most newsletter mails sent per minute (the SMTP provider's limit). Default 300. */
  newsletterRatePerMinute: number;
  /**
   * Which proxies may set X-Forwarded-For/-Proto: false (default, direct to the internet),
   * true (any hop: only when nothing else can reach the port), or a comma list of
   * addresses/CIDRs such as `127.0.0.1,10.0.0.0/8`.
   */
  trustProxy: boolean | string[];
  /** Folder of uploaded media, served at /media/. Shared by every node. Default `<dataDir>/media`. */
  mediaDir: string;
  /** pino log level. */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

const booleanFlag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  DATABASE_URL: z
    .string()
    .refine(
      (v) => v === '' || /^postgres(ql)?:\/\//.test(v) || v.startsWith('sqlite:'),
      'must be a postgres:// URL, a sqlite:PATH, or empty for the default SQLite file',
    )
    .optional(),
  PUBLIC_URL: z
    .string()
    .refine((v) => /^https?:\/\/[^/]+$/.test(v.replace(/\/$/, '')), {
      message: 'must be an http(s) origin such as https://example.org',
    })
    .optional(),
  PAGE_CACHE_MB: z.coerce.number({ message: 'must be a number' }).positive('must be above 0').default(32),
  SEED_DEMO: booleanFlag.default(true),
  SMTP_URL: z
    .string()
    .refine((v) => /^smtps?:\/\//.test(v), 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z
    .string()
    .min(3, 'must be an address such as Institute <news@example.org>')
    .default('Dossier <no-reply@localhost>'),
  SCHEDULER_INTERVAL_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(3600, 'must be at most 3600')
    .default(15),
  NEWSLETTER_RATE_PER_MINUTE: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100000, 'must be at most 100000')
    .default(300),
  TRUST_PROXY: z
    .string()
    .refine(
      (v) => /^(true|false|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/.test(v.replace(/\s/g, '')),
      'must be true, false, or a comma list of addresses/CIDRs',
    )
    .optional(),
  MEDIA_DIR: z.string().min(1, 'must not be empty').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Thrown by parseConfig with every problem found, one per line. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Reads the configuration from environment variables. Throws ConfigError listing every
 * invalid variable at once, so an operator fixes them in one go.
 */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(envSchema.shape)
      .filter((key) => env[key] !== undefined && env[key] !== '')
      .map((key) => [key, env[key]]),
  );
  const parsed = envSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0]);
        return `${key}=${JSON.stringify(env[key])}: ${issue.message}`;
      }),
    );
  }
  const v = parsed.data;
  const shownHost = v.HOST === '0.0.0.0' || v.HOST === '::' ? 'localhost' : v.HOST;
  return {
    port: v.PORT,
    host: v.HOST,
    dataDir: resolve(v.DATA_DIR),
    databaseUrl: v.DATABASE_URL || undefined,
    publicUrl: (v.PUBLIC_URL ?? `http://${shownHost}:${v.PORT}`).replace(/\/$/, ''),
    pageCacheMb: v.PAGE_CACHE_MB,
    seedDemo: v.SEED_DEMO,
    smtpUrl: v.SMTP_URL,
    mailFrom: v.MAIL_FROM,
    schedulerIntervalSeconds: v.SCHEDULER_INTERVAL_SECONDS,
    newsletterRatePerMinute: v.NEWSLETTER_RATE_PER_MINUTE,
    trustProxy: parseTrustProxy(v.TRUST_PROXY),
    mediaDir: resolve(v.MEDIA_DIR ?? `${v.DATA_DIR}/media`),
    logLevel: v.LOG_LEVEL,
  };
}

function parseTrustProxy(value: string | undefined): Config['trustProxy'] {
  const v = (value ?? 'false').replace(/\s/g, '');
  if (v === 'true' || v === 'false') return v === 'true';
  return v.split(',');
}
