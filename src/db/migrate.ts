import { Migrator, type Kysely, type Migration, type MigrationResult } from 'kysely';
import type { Db } from './create-db.js';
import * as content from './migrations/001-content.js';
import * as search from './migrations/002-search.js';
import * as editorial from './migrations/003-editorial.js';
import * as newsletter from './migrations/004-newsletter.js';
import * as eventsPodcastMedia from './migrations/005-events-podcast-media.js';
import * as mailOutbox from './migrations/006-mail-outbox.js';

type EngineMigration = { up(db: Kysely<unknown>, engine: Db['engine']): Promise<void> };

/** Every migration, in order. Names are permanent: they are recorded in the database. */
const migrations: Record<string, EngineMigration> = {
  '001-content': content,
  '002-search': search,
  '003-editorial': editorial,
  '004-newsletter': newsletter,
  '005-events-podcast-media': eventsPodcastMedia,
  '006-mail-outbox': mailOutbox,
};

function createMigrator(db: Db): Migrator {
  return new Migrator({
    db: db.kysely,
    // Kysely looks for its own tables in every schema unless told which: tests run many
    // schemas in one database at once.
    ...(db.schema ? { migrationTableSchema: db.schema } : {}),
    provider: {
      getMigrations: async () =>
        Object.fromEntries(
          Object.entries(migrations).map(([name, m]): [string, Migration] => [name, { up: (k) => m.up(k, db.engine) }]),
        ),
    },
  });
}

/**
 * Kysely's migrator looks for its tables through PostgreSQL's catalogue across every schema;
 * a schema dropped by someone else at that moment (another test run, a tenant being removed)
 * makes the look-up fail with invalid_schema_name although ours is fine. Trying again is safe:
 * migrations are transactional and nothing was applied.
 */
async function withSchemaRaceRetry<T extends { error?: unknown }>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await run();
    const code = (outcome.error as { code?: string } | undefined)?.code;
    if (code !== '3F000' || attempt === 3) return outcome;
  }
}

/** Applies pending migrations; each runs in a transaction. Throws with the failing name. */
export async function migrateToLatest(db: Db): Promise<MigrationResult[]> {
  const { error, results } = await withSchemaRaceRetry(() => createMigrator(db).migrateToLatest());
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, { cause: error });
  }
  return results ?? [];
}

/** True when every known migration has been applied (used by readiness checks). */
export async function migrationsAreCurrent(db: Db): Promise<boolean> {
  const all = await createMigrator(db).getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}
