// A writer in its own process, so the soak (sqlite-soak.ts) can kill it with SIGKILL at any
// moment. It opens the database with the app's createDb (WAL, synchronous=NORMAL) and saves
// publications and newsletter sign-ups through the app's own functions, alternately, each in
// its transaction, printing `ack <pub|sub> <id> <seq>` only after the save has returned.
// Settings come from SOAK_CHILD (JSON: file, round, refs).
import { createInterface } from 'node:readline';
import { ContentService } from '../../src/content/content-service.js';
import { createDb } from '../../src/db/create-db.js';
import { signUp } from '../../src/newsletter/subscribers.js';
import { soakPublication, soakSignup, type ChildSettings } from './sqlite-soak.js';

const settings = JSON.parse(process.env.SOAK_CHILD ?? '{}') as ChildSettings;

// Loaded; the parent says when to open the database (the previous writer is dead by then).
// If the parent goes away instead (its end of stdin closes), so does this process.
process.stdout.write('loaded\n');
await new Promise<void>((go) => {
  const input = createInterface({ input: process.stdin });
  input.on('line', (line) => line === 'go' && go());
  input.on('close', () => process.exit(0));
});

const db = await createDb({ databaseUrl: `sqlite:${settings.file}`, dataDir: '.' });
const content = new ContentService(db);
process.stdout.write('ready\n');
// Stdout to a pipe is synchronous on Linux, so once write() returns the line is the parent's.
for (let seq = 0; ; seq++) {
  if (seq % 2 === 0) {
    const id = await content.createPublication(soakPublication(settings.round, seq, settings.refs));
    process.stdout.write(`ack pub ${id} ${seq}\n`);
  } else {
    const { email, lang, topicIds } = soakSignup(settings.round, seq, settings.refs);
    const result = await signUp(db.kysely, email, { lang, topicIds });
    process.stdout.write(`ack sub ${result.subscriber.id} ${seq}\n`);
  }
}
