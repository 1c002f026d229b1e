import { audit } from '../audit/audit-log.js';
import type { Lang } from '../db/schema.js';
import { EditorialError } from './editorial-errors.js';
import { createPublication, loadFor, type EditorialDeps, type StaffActor } from './publication-store.js';

const OTHER: Record<Lang, Lang> = { en: 'he', he: 'en' };

/**
 * Creates the linked version in the other language as a draft, carrying over what the two
 * share (type, number, authors, topics, files). The text starts as a copy to translate.
 */
export async function addTranslation(deps: EditorialDeps, actor: StaffActor, id: number): Promise<number> {
  const db = deps.db.kysely;
  const source = await loadFor(db, actor, id, 'publication.view');
  const lang = OTHER[source.row.lang];
  const existing = await db
    .selectFrom('publications')
    .select('id')
    .where('translation_group', '=', source.row.translation_group)
    .where('lang', '=', lang)
    .executeTakeFirst();
  if (existing) throw new EditorialError('translation-exists', 409, { params: { id: existing.id } });
  const r = source.row;
  const newId = await createPublication(
    deps,
    actor,
    {
      typeId: r.type_id,
      lang,
      seriesNumber: r.series_number,
      volume: r.volume,
      issue: r.issue,
      title: r.title,
      slug: '',
      summary: r.summary,
      seoDescription: '',
      body: JSON.parse(r.body_json),
      featured: r.featured === 1,
      authorIds: source.authorIds,
      topicIds: source.topicIds,
      coverMediaId: r.cover_media_id,
      pdfMediaId: null,
      audioMediaId: null,
    },
    { translationGroup: r.translation_group },
  );
  await audit(db, actor, {
    action: 'add-translation',
    entity: 'publication',
    entityId: newId,
    after: { from: id, lang },
  });
  return newId;
}
