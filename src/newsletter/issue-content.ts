import type { Kysely } from 'kysely';
import { topicAncestors, type Catalog } from '../content/catalog.js';
import { cardsByIds, type PublicationCard } from '../content/publication-queries.js';
import type { Database, Lang } from '../db/schema.js';

/** One publication of an issue, in one language, with the topics it is filed under. */
export interface IssueEntry {
  card: PublicationCard;
  topicIds: number[];
}

/**
 * The issue's publications in `lang`, in the editor's order. An item picked in one
 * language is sent in its translation to readers of the other; a work not published in a
 * reader's language is left out of their mail rather than sent in a language they did not choose.
 */
export async function issueEntries(db: Kysely<Database>, issueId: number, lang: Lang): Promise<IssueEntry[]> {
  const versions = await db
    .selectFrom('newsletter_issue_items as i')
    .innerJoin('publications as picked', 'picked.id', 'i.publication_id')
    .innerJoin('publications as p', 'p.translation_group', 'picked.translation_group')
    .select(['p.id'])
    .where('i.issue_id', '=', issueId)
    .where('p.lang', '=', lang)
    .where('p.status', '=', 'published')
    .orderBy('i.position')
    .execute();
  const ids = [...new Set(versions.map((v) => v.id))];
  const [cards, topics] = await Promise.all([
    cardsByIds(db, ids),
    ids.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('publication_topics')
          .select(['publication_id', 'topic_id'])
          .where('publication_id', 'in', ids)
          .execute(),
  ]);
  return cards.map((card) => ({
    card,
    topicIds: topics.filter((t) => t.publication_id === card.id).map((t) => t.topic_id),
  }));
}

/** The entries a subscriber asked for: all when they chose no topic, else those filed under a chosen topic or below it. */
export function entriesForTopics(catalog: Catalog, entries: IssueEntry[], chosenTopicIds: number[]): IssueEntry[] {
  if (chosenTopicIds.length === 0) return entries;
  const chosen = new Set(chosenTopicIds);
  return entries.filter((entry) =>
    entry.topicIds.some((id) => {
      const topic = catalog.topicById.get(id);
      return chosen.has(id) || (topic !== undefined && topicAncestors(catalog, topic).some((a) => chosen.has(a.id)));
    }),
  );
}
