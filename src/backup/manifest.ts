import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { TABLE_NAME } from './schema-info.js';

/** Identifies our archives among other tar files. */
export const FORMAT = 'dossier-backup';
/** Raised whenever the archive layout or the meaning of a manifest field changes. */
export const FORMAT_VERSION = 1;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex');
const count = z.number().int().min(0);

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  format_version: z.number().int().min(1),
  dossier_version: z.string(),
  engine: z.enum(['sqlite', 'postgres']),
  created_at: z.string(),
  /** Names of the applied migrations, oldest first. */
  migrations: z.array(z.string()),
  tables: z.record(
    z.string().regex(TABLE_NAME),
    z.object({
      rows: count,
      /** SHA-256 of the table's file: canonical JSON lines in primary-key order. */
      sha256,
      columns: z.array(z.string().regex(TABLE_NAME)).min(1),
      /** The highest id ever handed out, so a restore never reuses a deleted row's id. */
      last_id: count.optional(),
    }),
  ),
  /** Every file of the media folder, by path relative to it. */
  media: z.record(z.string(), z.object({ bytes: count, sha256 })),
  /** Media files the database referenced that were not on disk when the backup ran. */
  missing_media: z.array(z.string()),
});

export type Manifest = z.infer<typeof manifestSchema>;

/** Validates a parsed manifest.json; the message says what is wrong, for the operator. */
export function parseManifest(value: unknown): Manifest {
  const format = (value as { format?: unknown; format_version?: unknown } | null) ?? {};
  if (format.format !== FORMAT) throw new Error('manifest.json does not describe a Dossier backup');
  if (typeof format.format_version === 'number' && format.format_version > FORMAT_VERSION)
    throw new Error(
      `the archive uses backup format ${format.format_version}, newer than this Dossier understands ` +
        `(${FORMAT_VERSION}); restore it with a newer version of Dossier`,
    );
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`manifest.json is invalid at ${issue?.path.join('.') || '(top)'}: ${issue?.message}`);
  }
  return parsed.data;
}

let version: string | undefined;

/** The running Dossier's version, recorded in each backup to help whoever restores it. */
export function dossierVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
  return version;
}
