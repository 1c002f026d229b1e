import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, parseConfig, type Config } from '../config.js';
import { ContentService } from '../content/content-service.js';
import { openDatabase, serve } from '../main.js';
import { seedDemo, isEmpty } from '../seed/seed-demo.js';
import { seedVolume } from '../seed/seed-volume.js';
import { publishDue } from '../editorial/scheduler.js';
import { createMailer } from '../mail/mailer.js';
import { sendQueued } from '../newsletter/send-queue.js';
import { userCommand } from './user-command.js';
import { createDb } from '../db/create-db.js';
import { createBackup } from '../backup/backup.js';
import { BackupError } from '../backup/backup-error.js';
import { restoreBackup } from '../backup/restore.js';
import { sendOutbox } from '../mail/outbox-worker.js';

const HELP = `Usage: dossier <command> [options]

Commands:
  serve                      Run the web site (migrates, and seeds the demo on an empty database)
  migrate                    Apply pending database migrations and exit
  seed [--publications N]    Seed the demo institute on an empty database; with
                             --publications N, also generate N extra publications
                             (realistic English and Hebrew text) for load testing
  reindex                    Rebuild the search index from the publications
  user create --email E --name N --role R
                             Create a staff account (R: admin, editor, author or
                             contributor); prints a first password to change at sign-in
  publish-due                Publish scheduled publications whose time has come, once
  send-newsletter            Send the queued newsletter mail now, once (serve does this
                             on its own; this is for a cron job or after an outage)
  send-outbox                Send queued event mail now, once (serve does this on its
                             own; this is for a cron job or after an outage)
  backup FILE                Write the whole site (database and media folder) to one
                             .tar.gz archive, consistent even while the site is running
  restore FILE [--force]     Restore a backup into an empty database and media folder
                             (either engine; the search index is rebuilt). With --force,
                             replace what they hold. Stop the site first, start it after
  help                       Show this help

Configuration comes from environment variables (see README): PORT, HOST, DATA_DIR,
DATABASE_URL, PUBLIC_URL, PAGE_CACHE_MB, SEED_DEMO, SMTP_URL, MAIL_FROM,
SCHEDULER_INTERVAL_SECONDS, NEWSLETTER_RATE_PER_MINUTE, TRUST_PROXY, MEDIA_DIR, LOG_LEVEL.`;

async function withContent<T>(
  config: Config,
  work: (content: ContentService, db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const db = await openDatabase(config);
  try {
    return await work(new ContentService(db), db);
  } finally {
    await db.close();
  }
}

/** Runs one CLI command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(HELP);
    return 0;
  }
  let config: Config;
  try {
    config = parseConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  switch (command) {
    case 'serve':
      await serve(config);
      return 0;
    case 'migrate':
      return withContent(config, async (_content, db) => {
        console.log(`Migrations are current (${db.describe}).`);
        return 0;
      });
    case 'reindex':
      return withContent(config, async (content) => {
        console.log(`Indexed ${await content.reindexAll()} publications.`);
        return 0;
      });
    case 'user':
      return withContent(config, (_content, db) => userCommand(db, rest));
    case 'publish-due':
      return withContent(config, async (content, db) => {
        const published = await publishDue({ db, content });
        console.log(`Published ${published.length} scheduled publications.`);
        return 0;
      });
    case 'send-newsletter':
      return withContent(config, async (content, db) => {
        const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir });
        const handled = await sendQueued({
          db,
          content,
          mailer,
          publicUrl: config.publicUrl,
          ratePerMinute: config.newsletterRatePerMinute,
        });
        mailer.close?.();
        console.log(`Handled ${handled} queued newsletter mails (${mailer.describe}).`);
        return 0;
      });
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { publications: { type: 'string' } } });
      const extra = values.publications === undefined ? 0 : Number(values.publications);
      if (!Number.isInteger(extra) || extra < 0 || extra > 10_000_000) {
        console.error('--publications must be a whole number from 0 to 10000000');
        return 2;
      }
      return withContent(config, async (content, db) => {
        if (await isEmpty(db)) {
          const { publications } = await seedDemo(db, content, config.mediaDir);
          console.log(`Seeded the demo institute: ${publications} publications.`);
        }
        if (extra > 0) {
          const started = Date.now();
          await seedVolume(db, content, extra, (done) => process.stdout.write(`\r  ${done} / ${extra}`));
          console.log(`\nGenerated ${extra} publications in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
        }
        return 0;
      });
    }
    case 'send-outbox':
      return withContent(config, async (_content, db) => {
        const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir });
        const handled = await sendOutbox({ db, mailer });
        mailer.close?.();
        console.log(`Handled ${handled} queued event mails (${mailer.describe}).`);
        return 0;
      });
    case 'backup':
    case 'restore':
      return backupCommand(command, config, rest);
    default:
      console.error(`Unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
}

/** `backup FILE` and `restore FILE [--force]`; refusals (BackupError) print their message, exit 1. */
async function backupCommand(command: 'backup' | 'restore', config: Config, args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: command === 'restore' ? { force: { type: 'boolean' } } : {},
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    console.error(`Usage: dossier ${command} FILE${command === 'restore' ? ' [--force]' : ''}`);
    return 2;
  }
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  const warn = (message: string) => console.error(`Warning: ${message}`);
  try {
    if (command === 'backup') {
      // No migrations here: a backup records the database as it is, and must never change the
      // schema under a running site of another version.
      const sqliteFile = config.databaseUrl?.startsWith('sqlite:')
        ? config.databaseUrl.slice('sqlite:'.length)
        : config.databaseUrl
          ? undefined
          : join(config.dataDir, 'dossier.db');
      if (sqliteFile && !existsSync(sqliteFile)) {
        console.error(`Backup failed: there is no database at ${sqliteFile}. Check DATA_DIR or DATABASE_URL.`);
        return 1;
      }
      const db = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
      try {
        const { manifest, bytes } = await createBackup({ db, mediaDir: config.mediaDir, file, warn });
        const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
        console.log(
          `Backed up ${rows} rows in ${Object.keys(manifest.tables).length} tables and ` +
            `${Object.keys(manifest.media).length} media files from ${db.describe} to ${file} ` +
            `(${(bytes / 1024 / 1024).toFixed(1)} MB) in ${seconds()} s.`,
        );
      } finally {
        await db.close();
      }
      return 0;
    }
    const db = await openDatabase(config);
    try {
      const result = await restoreBackup({
        db,
        mediaDir: config.mediaDir,
        file,
        force: parsed.values.force === true,
        warn,
      });
      console.log(
        `Restored ${result.rows} rows and ${result.mediaFiles} media files from ${file} ` +
          `(made ${result.manifest.created_at} by Dossier ${result.manifest.dossier_version} on ` +
          `${result.manifest.engine}) into ${db.describe}; indexed ${result.indexed} publications, in ${seconds()} s. ` +
          'Restart any running Dossier so it drops its caches.',
      );
    } finally {
      await db.close();
    }
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(`${command === 'backup' ? 'Backup' : 'Restore'} failed: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
