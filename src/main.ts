import { buildApp } from './app.js';
import type { Config } from './config.js';
import { ContentService } from './content/content-service.js';
import { createDb, type Db } from './db/create-db.js';
import { migrateToLatest } from './db/migrate.js';
import { startScheduler } from './editorial/scheduler.js';
import { startNewsletterWorker } from './newsletter/send-queue.js';
import { startOutboxWorker } from './mail/outbox-worker.js';
import { fillFreeSeatsEverywhere } from './events/registrations.js';
import { startRepeatingJob } from './lib/repeating-job.js';
import { createMailer } from './mail/mailer.js';
import { LocalMediaStore } from './media/media-store.js';
import { DEMO_PASSWORD, demoUsersPresent } from './seed/demo-users.js';
import { isEmpty, seedDemo } from './seed/seed-demo.js';

/** How often a node checks the stored content version (PostgreSQL nodes hear NOTIFY at once). */
const CHANGE_POLL_MS = 2_000;
/** Longest wait for in-flight requests and jobs on SIGTERM before exiting anyway. */
const SHUTDOWN_GRACE_MS = 20_000;

/** Opens the database and applies migrations. */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  const db = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(db);
  return db;
}

/** Starts the web server: migrate, seed the demo on an empty database, listen, stop cleanly. */
export async function serve(config: Config): Promise<void> {
  const started = Date.now();
  const db = await openDatabase(config);
  const content = new ContentService(db);
  if (config.seedDemo && (await isEmpty(db))) {
    const { publications } = await seedDemo(db, content, config.mediaDir);
    console.log(`Seeded the demo institute: ${publications} publications in English and Hebrew.`);
  }
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir });
  const mediaStore = new LocalMediaStore(config.mediaDir);
  const app = await buildApp({ config, db, content, mailer, mediaStore, logger: { level: config.logLevel } });
  const scheduler = startScheduler({ db, content }, config.schedulerIntervalSeconds, (error) =>
    app.log.error({ err: error }, 'scheduled publishing failed'),
  );
  const newsletter = startNewsletterWorker(
    { db, content, mailer, publicUrl: config.publicUrl, ratePerMinute: config.newsletterRatePerMinute },
    config.schedulerIntervalSeconds,
    (error) => app.log.error({ err: error }, 'newsletter sending failed'),
  );
  const outbox = startOutboxWorker({ db, mailer }, config.schedulerIntervalSeconds, (error) =>
    app.log.error({ err: error }, 'event mail sending failed'),
  );
  const seats = startRepeatingJob(
    () => fillFreeSeatsEverywhere({ db, content, mailer, publicUrl: config.publicUrl }),
    config.schedulerIntervalSeconds,
    (error) => app.log.error({ err: error }, 'seating the waiting list failed'),
  );
  const changes = content.watchForChanges({
    pollMs: CHANGE_POLL_MS,
    onError: (error) => app.log.warn({ err: error }, 'content change watch failed; retrying'),
  });
  const demoUsers = await demoUsersPresent(db.kysely);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = config.publicUrl.replace(/:\d+$/, `:${port}`);
  console.log(
    [
      '',
      `Dossier is running at ${url}/ (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
      `  English: ${url}/en/    Hebrew: ${url}/he/`,
      `  Database: ${db.describe}`,
      `  Data folder: ${config.dataDir}`,
      `  Admin: ${url}/admin/`,
      ...(demoUsers.length
        ? [`    Demo sign-in (password "${DEMO_PASSWORD}"): ${demoUsers.join(', ')}`]
        : [
            '    Create an account with: npx dossier user create --role admin --email you@example.org --name "Your Name"',
          ]),
      `  Mail: ${mailer.describe}`,
      '  Stop with Ctrl+C.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: stopping now');
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      app.log.error(`requests or jobs still running after ${SHUTDOWN_GRACE_MS / 1000} s; stopping anyway`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    deadline.unref();
    // close() stops accepting connections and waits for in-flight requests; meanwhile the
    // jobs finish the item in hand (a mail, a publication) and take no new one.
    await Promise.all([app.close(), scheduler.stop(), newsletter.stop(), outbox.stop(), seats.stop()]);
    await changes.stop();
    mailer.close?.();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}
