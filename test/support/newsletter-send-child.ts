// A newsletter sender in its own process, so a test can kill it with SIGKILL mid-send.
// Reads its settings from NEWSLETTER_CHILD (JSON: databaseUrl, dataDir, pgSchema, smtpUrl).
import { ContentService } from '../../src/content/content-service.js';
import { createDb } from '../../src/db/create-db.js';
import { createMailer } from '../../src/mail/mailer.js';
import { sendQueued } from '../../src/newsletter/send-queue.js';

const settings = JSON.parse(process.env.NEWSLETTER_CHILD ?? '{}') as {
  databaseUrl?: string;
  dataDir: string;
  pgSchema?: string;
  smtpUrl: string;
};
const db = await createDb({ ...settings, databaseUrl: settings.databaseUrl });
await sendQueued({
  db,
  content: new ContentService(db),
  mailer: createMailer({
    smtpUrl: settings.smtpUrl,
    from: 'Meridian <news@meridian.example>',
    dataDir: settings.dataDir,
  }),
  publicUrl: 'http://dossier.test',
  ratePerMinute: 100_000,
});
await db.close();
