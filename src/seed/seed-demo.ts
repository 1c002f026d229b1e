import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Transaction } from 'kysely';
import type { ContentService } from '../content/content-service.js';
import { renderRichText } from '../content/rich-text.js';
import type { Db } from '../db/create-db.js';
import type { Database, Lang, MediaKind } from '../db/schema.js';
import { blocksToRichText } from './blocks-to-rich-text.js';
import { makePdf, makeWav } from './demo-files.js';
import { seedDemoEvents } from './demo-events.js';
import { seedDemoMedia } from './demo-media.js';
import { seedDemoPodcast } from './demo-podcast.js';
import { seedDemoUsers } from './demo-users.js';
import { demoPublications1 } from './demo/demo-publications-1.js';
import { demoPublications2 } from './demo/demo-publications-2.js';
import { demoPages, demoPeople, demoPublicationTypes, demoSettings, demoTopics } from './demo/demo-taxonomy.js';
import type { DemoPublication } from './demo/demo-types.js';

export const demoPublications: DemoPublication[] = [...demoPublications1, ...demoPublications2];

/** True when the database has no content yet (a fresh install). */
export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db.kysely.selectFrom('publication_types').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Where menus point; paths are relative to the language prefix. */
function menuItems() {
  const main = [
    { label_en: 'Publications', label_he: 'פרסומים', target: '/archive' },
    { label_en: 'Topics', label_he: 'נושאים', target: '/topics' },
    { label_en: 'Experts', label_he: 'חוקרים', target: '/experts' },
    { label_en: 'Strategic Review', label_he: 'סקירה אסטרטגית', target: '/types/journal-article' },
    { label_en: 'Policy Papers', label_he: 'מאמרי מדיניות', target: '/types/policy-paper' },
    { label_en: 'Events', label_he: 'אירועים', target: '/events' },
    { label_en: 'Podcast', label_he: 'פודקאסט', target: '/podcast' },
    { label_en: 'Media', label_he: 'מדיה', target: '/media' },
    { label_en: 'About', label_he: 'אודות', target: '/about' },
  ];
  const footer = [
    { label_en: 'About', label_he: 'אודות', target: '/about' },
    { label_en: 'Contact', label_he: 'צור קשר', target: '/contact' },
    { label_en: 'Accessibility statement', label_he: 'הצהרת נגישות', target: '/accessibility' },
    { label_en: 'Privacy policy', label_he: 'מדיניות פרטיות', target: '/privacy' },
    { label_en: 'Archive', label_he: 'ארכיון', target: '/archive' },
  ];
  return [
    ...main.map((m, i) => ({ ...m, menu: 'main', position: i })),
    ...footer.map((m, i) => ({ ...m, menu: 'footer', position: i })),
  ];
}

/** Writes a media file under DATA_DIR/media and records it. */
interface DemoFile {
  kind: MediaKind;
  /** Path under DATA_DIR/media. */
  path: string;
  mime: string;
  data: Buffer;
  durationSeconds?: number;
}

async function addMedia(
  trx: Transaction<Database>,
  mediaDir: string,
  { kind, path, mime, data, durationSeconds }: DemoFile,
) {
  const file = join(mediaDir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, data);
  const { id } = await trx
    .insertInto('media')
    .values({
      kind,
      path,
      mime,
      bytes: data.length,
      width: null,
      height: null,
      duration_seconds: durationSeconds ?? null,
      alt_en: '',
      alt_he: '',
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * Seeds the demo institute (types, topics, people, pages, menus, settings and the demo
 * publications with their PDFs and audio) in one transaction, then indexes it.
 */
export async function seedDemo(db: Db, content: ContentService, mediaDir: string): Promise<{ publications: number }> {
  let count = 0;
  await db.kysely.transaction().execute(async (trx) => {
    const s = demoSettings;
    await trx
      .insertInto('settings')
      .values([
        { key: 'institute_name.en', value: s.instituteName.en },
        { key: 'institute_name.he', value: s.instituteName.he },
        { key: 'tagline.en', value: s.tagline.en },
        { key: 'tagline.he', value: s.tagline.he },
        { key: 'address.en', value: s.address.en },
        { key: 'address.he', value: s.address.he },
        { key: 'email', value: s.email },
        { key: 'phone', value: s.phone },
        { key: 'time_zone', value: 'Asia/Jerusalem' },
      ])
      .execute();

    const typeIds = new Map<string, number>();
    for (const [position, t] of demoPublicationTypes.entries()) {
      const { id } = await trx
        .insertInto('publication_types')
        .values({
          slug: t.slug,
          name_en: t.name.en,
          name_he: t.name.he,
          plural_en: t.plural.en,
          plural_he: t.plural.he,
          numbered: t.numbered ? 1 : 0,
          has_volumes: t.hasVolumes ? 1 : 0,
          has_pdf: t.hasPdf ? 1 : 0,
          position,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      typeIds.set(t.key, id);
    }

    const topicIds = new Map<string, number>();
    for (const [position, t] of demoTopics.entries()) {
      const { id } = await trx
        .insertInto('topics')
        .values({
          parent_id: t.parent ? (topicIds.get(t.parent) ?? null) : null,
          slug_en: t.slug.en,
          slug_he: t.slug.he,
          name_en: t.name.en,
          name_he: t.name.he,
          description_en: t.description.en,
          description_he: t.description.he,
          position,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      topicIds.set(t.key, id);
    }

    const personIds = new Map<string, number>();
    for (const [position, p] of demoPeople.entries()) {
      const { id } = await trx
        .insertInto('people')
        .values({
          slug: p.slug,
          name_en: p.name.en,
          name_he: p.name.he,
          role_en: p.role.en,
          role_he: p.role.he,
          bio_en: p.bio.en,
          bio_he: p.bio.he,
          photo_media_id: null,
          position,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      personIds.set(p.key, id);
    }

    const now = new Date().toISOString();
    for (const page of demoPages) {
      for (const lang of ['en', 'he'] as const) {
        const doc = blocksToRichText(page.body[lang]);
        await trx
          .insertInto('pages')
          .values({
            translation_group: `page-${page.key}`,
            lang,
            slug: page.slug[lang],
            title: page.title[lang],
            body_json: JSON.stringify(doc),
            body_html: renderRichText(doc, lang),
            updated_at: now,
          })
          .execute();
      }
    }

    await trx.insertInto('menu_items').values(menuItems()).execute();

    const need = <T>(map: Map<string, T>, key: string, what: string): T => {
      const v = map.get(key);
      if (v === undefined) throw new Error(`Demo content names unknown ${what} "${key}"`);
      return v;
    };

    for (const pub of demoPublications) {
      const typeId = need(typeIds, pub.type, 'type');
      for (const lang of ['en', 'he'] as Lang[]) {
        const version = pub[lang];
        if (!version) continue;
        const base = `demo/${pub.key}-${lang}`;
        const edition = lang === 'he' ? 'Hebrew edition' : 'English edition';
        const pdfMediaId = pub.pdf
          ? await addMedia(trx, mediaDir, {
              kind: 'pdf',
              path: `${base}.pdf`,
              mime: 'application/pdf',
              data: makePdf([
                demoSettings.instituteName.en,
                pub.en?.title ?? pub.key,
                `Published ${pub.date}`,
                edition,
              ]),
            })
          : null;
        const audioMediaId = pub.audio
          ? await addMedia(trx, mediaDir, {
              kind: 'audio',
              path: `${base}.wav`,
              mime: 'audio/wav',
              data: makeWav(3, lang === 'he' ? 392 : 440),
              durationSeconds: 3,
            })
          : null;
        await content.insertPublication(trx, {
          typeId,
          lang,
          translationGroup: pub.key,
          seriesNumber: pub.number ?? null,
          volume: pub.volume ?? null,
          issue: pub.issue ?? null,
          title: version.title,
          slug: version.slug,
          summary: version.summary,
          body: blocksToRichText(version.body),
          status: 'published',
          featured: pub.featured ?? false,
          publishedAt: new Date(`${pub.date}T09:00:00+02:00`).toISOString(),
          authorIds: pub.authors.map((k) => need(personIds, k, 'person')),
          topicIds: pub.topics.map((k) => need(topicIds, k, 'topic')),
          pdfMediaId,
          audioMediaId,
        });
        count++;
      }
    }
  });
  await seedDemoUsers(db.kysely);
  // Events, podcast and media section: one call each below.
  await seedDemoEvents(db);
  await seedDemoMedia(db, content, mediaDir);
  await seedDemoPodcast(db, mediaDir);
  await content.contentChanged();
  return { publications: count };
}
