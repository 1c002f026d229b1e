import { diffWords } from 'diff';
import type { Kysely } from 'kysely';
import { parseRichDoc } from '../content/rich-doc-schema.js';
import { richTextToPlain } from '../content/rich-text.js';
import type { Database } from '../db/schema.js';
import { notFound } from './editorial-errors.js';
import type { PublicationFields } from './publication-form.js';
import {
  loadFor,
  savePublication,
  type EditorialDeps,
  type PublicationSnapshot,
  type StaffActor,
} from './publication-store.js';

export interface RevisionSummary {
  id: number;
  version: number;
  createdAt: string;
  userEmail: string | null;
}

export async function listRevisions(db: Kysely<Database>, publicationId: number): Promise<RevisionSummary[]> {
  const rows = await db
    .selectFrom('revisions as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.version', 'r.created_at', 'u.email'])
    .where('r.publication_id', '=', publicationId)
    .orderBy('r.version', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, version: r.version, createdAt: r.created_at, userEmail: r.email }));
}

async function loadSnapshot(db: Kysely<Database>, publicationId: number, version: number) {
  const row = await db
    .selectFrom('revisions')
    .select('snapshot_json')
    .where('publication_id', '=', publicationId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw notFound();
  return JSON.parse(row.snapshot_json) as PublicationSnapshot;
}

/** One changed field: the pieces of text removed, added or kept, in order. */
export interface FieldDiff {
  field: string;
  parts: { value: string; added: boolean; removed: boolean }[];
}

function comparable(s: PublicationSnapshot): Record<string, string> {
  const body = parseRichDoc(s.body_json);
  return {
    title: s.title,
    slug: s.slug,
    summary: s.summary,
    body: body.ok ? richTextToPlain(body.doc) : s.body_json,
    seo_description: s.seo_description,
    series_number: String(s.series_number ?? ''),
    type_id: String(s.type_id),
    author_ids: s.author_ids.join(', '),
    topic_ids: s.topic_ids.join(', '),
    media: [s.cover_media_id, s.pdf_media_id, s.audio_media_id].map((m) => m ?? '-').join(' / '),
  };
}

/** A word-level diff of every field that differs between two revisions. */
export async function diffRevisions(
  db: Kysely<Database>,
  actor: StaffActor,
  publicationId: number,
  fromVersion: number,
  toVersion: number,
): Promise<FieldDiff[]> {
  await loadFor(db, actor, publicationId, 'publication.view');
  const [a, b] = await Promise.all([
    loadSnapshot(db, publicationId, fromVersion),
    loadSnapshot(db, publicationId, toVersion),
  ]);
  const left = comparable(a);
  const right = comparable(b);
  return Object.keys(left)
    .filter((field) => left[field] !== right[field])
    .map((field) => ({
      field,
      parts: diffWords(left[field] ?? '', right[field] ?? '').map((c) => ({
        value: c.value,
        added: c.added,
        removed: c.removed,
      })),
    }));
}

/** Restores an old revision as a new save (so the restore itself can be undone). */
export async function restoreRevision(
  deps: EditorialDeps,
  actor: StaffActor,
  publicationId: number,
  version: number,
  expectedVersion: number,
): Promise<void> {
  const db = deps.db.kysely;
  const current = await loadFor(db, actor, publicationId, 'publication.edit');
  const s = await loadSnapshot(db, publicationId, version);
  const body = parseRichDoc(s.body_json);
  const fields: PublicationFields = {
    typeId: s.type_id,
    lang: current.row.lang,
    seriesNumber: s.series_number,
    volume: s.volume,
    issue: s.issue,
    title: s.title,
    slug: s.slug,
    summary: s.summary,
    seoDescription: s.seo_description,
    body: body.ok ? body.doc : { type: 'doc', content: [] },
    featured: s.featured === 1,
    authorIds: s.author_ids,
    topicIds: s.topic_ids,
    coverMediaId: s.cover_media_id,
    pdfMediaId: s.pdf_media_id,
    audioMediaId: s.audio_media_id,
  };
  await savePublication(deps, actor, publicationId, fields, expectedVersion, { action: `restore-${version}` });
}
