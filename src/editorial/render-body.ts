import type { Kysely } from 'kysely';
import {
  renderRichText,
  richTextMediaIds,
  richTextToPlain,
  type ImageSources,
  type RichDoc,
} from '../content/rich-text.js';
import type { Database, Lang } from '../db/schema.js';
import { toImageSources } from '../media/image-sources.js';

/** Renders a body once, on save, with the responsive variants of its images. */
export async function renderBody(db: Kysely<Database>, doc: RichDoc, lang: Lang) {
  const ids = richTextMediaIds(doc);
  const images = new Map<number, ImageSources>();
  if (ids.length) {
    for (const m of await db.selectFrom('media').selectAll().where('id', 'in', ids).execute()) {
      const sources = toImageSources(m);
      if (sources) images.set(m.id, sources);
    }
  }
  return { html: renderRichText(doc, lang, { images }), text: richTextToPlain(doc) };
}
