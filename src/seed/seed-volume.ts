import { randomUUID } from 'node:crypto';
import type { ContentService } from '../content/content-service.js';
import type { RichDoc } from '../content/rich-text.js';
import type { Db } from '../db/create-db.js';
import type { Lang, NewPublication } from '../db/schema.js';
import { escapeHtml } from '../lib/escape-html.js';
import { createSearchIndex } from '../search/create-search-index.js';
import { toSearchDocument } from '../search/search-document.js';
import { demoPublications } from './seed-demo.js';

const BATCH = 500;

/** Deterministic pseudo-random numbers, so two runs generate the same database. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return {
    next,
    int: (max: number) => Math.floor(next() * max),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}

/** Sentences and title words of the hand-written demo, per language: the generator's vocabulary. */
function corpus(lang: Lang) {
  const sentences: string[] = [];
  const titleWords: string[] = [];
  for (const pub of demoPublications) {
    const version = pub[lang];
    if (!version) continue;
    titleWords.push(...version.title.split(/\s+/));
    for (const block of version.body) {
      const text =
        typeof block === 'string'
          ? block
          : 'quote' in block
            ? block.quote
            : 'list' in block
              ? block.list.join(' ')
              : block.h2;
      const plain = text.replace(/\[\[fn:[\s\S]*?\]\]/g, '').replace(/\*\*/g, '');
      sentences.push(...(plain.match(/[^.!?]+[.!?]+/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 20));
    }
  }
  if (sentences.length === 0) throw new Error(`The demo content has no ${lang} sentences to generate from`);
  return { sentences, titleWords };
}

/**
 * Generates `count` published publications for load testing: realistic sentences from
 * the demo content recombined, spread over types, topics, authors, languages and 26 years.
 * About a third come in pairs of translations. Bulk inserts keep 100,000 within minutes.
 */
export async function seedVolume(
  db: Db,
  content: ContentService,
  count: number,
  progress?: (done: number) => void,
): Promise<void> {
  const rnd = createRandom(20261126);
  const catalog = await content.getCatalog();
  const subTopics = catalog.topics.filter((t) => t.parent_id !== null);
  const text = { en: corpus('en'), he: corpus('he') };
  const startYear = 2000;
  const span = Date.UTC(2026, 10, 1) - Date.UTC(startYear, 0, 1);

  let done = 0;
  let group = randomUUID();
  let previousLang: Lang = 'en';
  while (done < count) {
    const size = Math.min(BATCH, count - done);
    await db.kysely.transaction().execute(async (trx) => {
      const rows: NewPublication[] = [];
      const meta: { authors: number[]; topics: number[] }[] = [];
      for (let i = 0; i < size; i++) {
        const n = done + i;
        // Every third publication is the translation of the one before it.
        const isTranslation = n % 3 === 2;
        if (!isTranslation) group = randomUUID();
        const lang: Lang = isTranslation ? (previousLang === 'en' ? 'he' : 'en') : rnd.next() < 0.6 ? 'en' : 'he';
        previousLang = lang;
        const vocab = text[lang];
        const titleLength = 4 + rnd.int(6);
        const title = Array.from({ length: titleLength }, () => rnd.pick(vocab.titleWords))
          .join(' ')
          .replace(/[.:,]$/, '');
        const paragraphs = Array.from({ length: 3 + rnd.int(4) }, () =>
          Array.from({ length: 2 + rnd.int(4) }, () => rnd.pick(vocab.sentences)).join(' '),
        );
        const doc: RichDoc = {
          type: 'doc',
          content: paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
        };
        const type = rnd.pick(catalog.types);
        const published = new Date(Date.UTC(startYear, 0, 1) + rnd.next() * span).toISOString();
        const authors = [...new Set(Array.from({ length: 1 + rnd.int(2) }, () => rnd.pick(catalog.people).id))];
        const topics = [...new Set(Array.from({ length: 1 + rnd.int(2) }, () => rnd.pick(subTopics).id))];
        rows.push({
          type_id: type.id,
          translation_group: group,
          lang,
          series_number: type.numbered ? 10_000 + n : null,
          volume: type.has_volumes ? 1 + (n % 30) : null,
          issue: type.has_volumes ? 1 + (n % 4) : null,
          title,
          slug: `${lang}-generated-${n + 1}-${group.slice(0, 8)}`,
          summary: paragraphs[0]?.split(/(?<=[.!?])\s/)[0] ?? title,
          body_json: JSON.stringify(doc),
          // Generated bodies are plain paragraphs, so escaping each is the whole rendering.
          body_html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
          body_text: paragraphs.join('\n'),
          seo_description: '',
          status: 'published',
          featured: 0,
          published_at: published,
          created_at: published,
          updated_at: published,
        });
        meta.push({ authors, topics });
      }
      const inserted = await trx.insertInto('publications').values(rows).returning('id').execute();
      const authorRows = inserted.flatMap(({ id }, i) =>
        (meta[i]?.authors ?? []).map((personId, position) => ({ publication_id: id, person_id: personId, position })),
      );
      const topicRows = inserted.flatMap(({ id }, i) =>
        (meta[i]?.topics ?? []).map((topicId) => ({ publication_id: id, topic_id: topicId })),
      );
      await trx.insertInto('publication_authors').values(authorRows).execute();
      await trx.insertInto('publication_topics').values(topicRows).execute();
      const index = createSearchIndex(db.engine, trx);
      for (const [i, { id }] of inserted.entries()) {
        const row = rows[i];
        const m = meta[i];
        if (!row || !m || !row.published_at) continue;
        const authors = m.authors.flatMap((a) => catalog.personById.get(a) ?? []);
        await index.upsert(
          toSearchDocument(
            { ...row, id, published_at: row.published_at, summary: row.summary ?? '', body_text: row.body_text ?? '' },
            authors,
            m.topics,
            (t) => catalog.topicById.get(t)?.parent_id,
          ),
        );
      }
    });
    done += size;
    progress?.(done);
  }
  await content.contentChanged();
}
