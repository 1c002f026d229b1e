// An outbox sender in its own process, so a test can kill it with SIGKILL mid-send, as a
// node dies. Reads its settings from OUTBOX_CHILD (JSON: databaseUrl, dataDir, pgSchema, smtpUrl).
import { createDb } from '../../src/db/create-db.js';
import { createMailer } from '../../src/mail/mailer.js';
import { sendOutbox } from '../../src/mail/outbox-worker.js';

const settings = JSON.parse(process.env.OUTBOX_CHILD ?? '{}') as {
  databaseUrl?: string;
  dataDir: string;
  pgSchema?: string;
  smtpUrl: string;
};
const db = await createDb({ ...settings, databaseUrl: settings.databaseUrl });
const mailer = createMailer({ smtpUrl: settings.smtpUrl, from: 'Meridian <events@meridian.example>', dataDir: '' });
await sendOutbox({ db, mailer });
mailer.close?.();
await db.close();
