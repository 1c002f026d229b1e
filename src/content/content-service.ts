import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Db } from '../db/create-db.js';
import type { Database, Lang, PublicationStatus } from '../db/schema.js';
import { createSearchIndex } from '../search/create-search-index.js';
import { toSearchDocument } from '../search/search-document.js';
import { loadCatalog, type Catalog } from './catalog.js';
import { renderRichText, richTextToPlain, type RichDoc } from './rich-text.js';

/** A publication as written by staff or the seeder. */
export interface PublicationInput {
  typeId: number;
  lang: Lang;
  translationGroup?: string;
  seriesNumber?: number | null;
  volume?: number | null;
  issue?: number | null;
  title: string;
  slug: string;
  summary: string;
  body: RichDoc;
  seoDescription?: string;
  status: PublicationStatus;
  featured?: boolean;
  publishedAt: string | null;
  authorIds: number[];
  topicIds: number[];
  pdfMediaId?: number | null;
  audioMediaId?: number | null;
  coverMediaId?: number | null;
}

type Listener = () => void;

/** PostgreSQL NOTIFY channel for content changes; the payload is `<schema>:<version>`. */
const CHANGE_CHANNEL = 'dossier_content';

/**
 * Writes content and keeps what depends on it in step: rendered HTML, the search index,
 * the in-memory catalog and (through listeners) the page cache.
 */
export class ContentService {
  private catalog: Catalog | undefined;
  private readonly listeners = new Set<Listener>();
  /** The last content version this process knows its caches reflect. */
  private seenVersion: number | undefined;
  /** Counts cache clears, so a catalog loaded across one is not kept. */
  private changes = 0;

  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /** The in-memory catalog, loaded on first use and after every change. */
  async getCatalog(): Promise<Catalog> {
    if (this.catalog) return this.catalog;
    const generation = this.changes;
    const loaded = await loadCatalog(this.db.kysely);
    // Content changed while loading: use what was read for this request, keep none of it.
    if (generation === this.changes) this.catalog = loaded;
    return loaded;
  }

  /** Called after every content change (the page cache clears itself here). */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Marks content as changed: bumps the stored version, reloads the catalog, clears the
   * caches here, and tells the other app nodes (see `watchForChanges`).
   */
  async contentChanged(): Promise<void> {
    const { rows } = await sql<{ value: number }>`
      update site_state set value = value + 1 where key = 'content_version' returning value
    `.execute(this.db.kysely);
    const version = Number(rows[0]?.value);
    this.seenVersion = version;
    this.forgetCachedContent();
    if (this.db.engine === 'postgres') {
      await sql`select pg_notify(${CHANGE_CHANNEL}, ${`${this.db.schema ?? ''}:${version}`})`.execute(this.db.kysely);
    }
  }

  /**
   * Clears this node's caches whenever another process changes content: at once through
   * PostgreSQL NOTIFY, and in any case within `pollMs` by reading the stored version (which
   * also covers a CLI command such as `publish-due` run from cron beside a SQLite site, and
   * notifications lost while the listening connection was down).
   */
  watchForChanges(options: { pollMs: number; onError(error: Error): void }): { stop(): Promise<void> } {
    const schema = this.db.schema ?? '';
    const listener = this.db.listen?.(CHANGE_CHANNEL, {
      onMessage: (payload) => {
        const [from, version] = [
          payload.slice(0, payload.lastIndexOf(':')),
          payload.slice(payload.lastIndexOf(':') + 1),
        ];
        if (from === schema) this.noteVersion(Number(version));
      },
      onReconnect: () => this.forgetCachedContent(),
      onError: options.onError,
    });
    const poll = setInterval(() => {
      this.readVersion().then(
        (version) => this.noteVersion(version),
        (error: Error) => options.onError(error),
      );
    }, options.pollMs);
    poll.unref();
    return {
      stop: async () => {
        clearInterval(poll);
        await listener?.stop();
      },
    };
  }

  private async readVersion(): Promise<number> {
    const row = await this.db.kysely
      .selectFrom('site_state')
      .select('value')
      .where('key', '=', 'content_version')
      .executeTakeFirstOrThrow();
    return Number(row.value);
  }

  private noteVersion(version: number): void {
    if (!Number.isFinite(version) || version === this.seenVersion) return;
    if (this.seenVersion !== undefined && version < this.seenVersion) return;
    this.seenVersion = version;
    this.forgetCachedContent();
  }

  private forgetCachedContent(): void {
    this.changes++;
    this.catalog = undefined;
    for (const l of this.listeners) l();
  }

  /** Inserts a publication with its authors and topics; indexes it when published. */
  async createPublication(input: PublicationInput): Promise<number> {
    const id = await this.db.kysely.transaction().execute((trx) => this.insertPublication(trx, input));
    await this.contentChanged();
    return id;
  }

  /** The insert itself, inside the caller's transaction (the seeder batches many). */
  async insertPublication(trx: Transaction<Database>, input: PublicationInput): Promise<number> {
    const now = new Date().toISOString();
    const { id } = await trx
      .insertInto('publications')
      .values({
        type_id: input.typeId,
        translation_group: input.translationGroup ?? randomUUID(),
        lang: input.lang,
        series_number: input.seriesNumber ?? null,
        volume: input.volume ?? null,
        issue: input.issue ?? null,
        title: input.title,
        slug: input.slug,
        summary: input.summary,
        body_json: JSON.stringify(input.body),
        body_html: renderRichText(input.body, input.lang),
        body_text: richTextToPlain(input.body),
        seo_description: input.seoDescription ?? '',
        status: input.status,
        featured: input.featured ? 1 : 0,
        published_at: input.publishedAt,
        created_at: now,
        updated_at: now,
        pdf_media_id: input.pdfMediaId ?? null,
        audio_media_id: input.audioMediaId ?? null,
        cover_media_id: input.coverMediaId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (input.authorIds.length) {
      await trx
        .insertInto('publication_authors')
        .values(input.authorIds.map((personId, position) => ({ publication_id: id, person_id: personId, position })))
        .execute();
    }
    if (input.topicIds.length) {
      await trx
        .insertInto('publication_topics')
        .values(input.topicIds.map((topicId) => ({ publication_id: id, topic_id: topicId })))
        .execute();
    }
    if (input.status === 'published') await this.indexPublication(trx, id);
    return id;
  }

  /**
   * Writes (or removes) one publication's search document from its current rows.
   * `parentOf` lets a bulk caller load the topic tree once instead of per publication.
   */
  async indexPublication(trx: Kysely<Database>, id: number, parentOf?: Map<number, number | null>): Promise<void> {
    const index = createSearchIndex(this.db.engine, trx);
    const p = await trx.selectFrom('publications').selectAll().where('id', '=', id).executeTakeFirst();
    if (!p || p.status !== 'published' || !p.published_at) {
      await index.remove(id);
      return;
    }
    const [authors, topics, parents] = await Promise.all([
      trx
        .selectFrom('publication_authors as pa')
        .innerJoin('people as pe', 'pe.id', 'pa.person_id')
        .select(['pe.id', 'pe.name_en', 'pe.name_he'])
        .where('pa.publication_id', '=', id)
        .orderBy('pa.position')
        .execute(),
      trx.selectFrom('publication_topics').select('topic_id').where('publication_id', '=', id).execute(),
      parentOf ?? loadTopicParents(trx),
    ]);
    const doc = toSearchDocument(
      { ...p, published_at: p.published_at },
      authors,
      topics.map((t) => t.topic_id),
      (t) => parents.get(t),
    );
    await index.upsert(doc);
  }

  /** Rebuilds the whole search index from the publications table. */
  async reindexAll(): Promise<number> {
    const ids = await this.db.kysely
      .selectFrom('publications')
      .select('id')
      .where('status', '=', 'published')
      .execute();
    await this.db.kysely.transaction().execute(async (trx) => {
      await createSearchIndex(this.db.engine, trx).clear();
      const parents = await loadTopicParents(trx);
      for (const { id } of ids) await this.indexPublication(trx, id, parents);
    });
    return ids.length;
  }
}

/** Each topic's parent id, for expanding a publication's topics with their ancestors. */
async function loadTopicParents(db: Kysely<Database>): Promise<Map<number, number | null>> {
  const rows = await db.selectFrom('topics').select(['id', 'parent_id']).execute();
  return new Map(rows.map((t) => [t.id, t.parent_id]));
}
