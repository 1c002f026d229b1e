import { inLang } from '../content/bilingual.js';
import { topicWithDescendants, type Catalog } from '../content/catalog.js';
import type { FeedFilter } from '../content/publication-queries.js';
import type { Lang, Person, PublicationType, Topic } from '../db/schema.js';
import { translator } from '../site/i18n/index.js';
import { paths } from '../site/paths.js';

/** What a feed follows: the whole site in both languages, one language, or one listing in a language. */
export type FeedSubject =
  | { kind: 'site' }
  | { kind: 'language'; lang: Lang }
  | { kind: 'type'; lang: Lang; type: PublicationType }
  | { kind: 'topic'; lang: Lang; topic: Topic }
  | { kind: 'author'; lang: Lang; person: Person };

/** The feed's language; undefined for the site-wide feed, whose items are in both. */
export function subjectLanguage(subject: FeedSubject): Lang | undefined {
  return subject.kind === 'site' ? undefined : subject.lang;
}

/** Path of the HTML page that lists the same publications (the feed's alternate link). */
export function subjectPagePath(subject: FeedSubject): string {
  switch (subject.kind) {
    case 'site':
      return '/';
    case 'language':
      return paths.home(subject.lang);
    case 'type':
      return paths.type(subject.lang, subject.type);
    case 'topic':
      return paths.topic(subject.lang, subject.topic);
    case 'author':
      return paths.expert(subject.lang, subject.person);
  }
}

/** The publications a feed carries; a topic includes its sub-topics, as the topic page does. */
export function subjectFilter(catalog: Catalog, subject: FeedSubject): FeedFilter {
  switch (subject.kind) {
    case 'site':
      return {};
    case 'language':
      return { lang: subject.lang };
    case 'type':
      return { lang: subject.lang, typeId: subject.type.id };
    case 'topic':
      return { lang: subject.lang, topicIds: topicWithDescendants(catalog, subject.topic.id) };
    case 'author':
      return { lang: subject.lang, personId: subject.person.id };
  }
}

/** "<Institute> — <what it follows>"; the site-wide feed names the institute in both languages. */
export function subjectTitle(catalog: Catalog, subject: FeedSubject): string {
  const names = catalog.settings.instituteName;
  if (subject.kind === 'site') return bothLanguages(names);
  const institute = names[subject.lang];
  switch (subject.kind) {
    case 'language':
      return institute;
    case 'type':
      return `${institute} — ${inLang(subject.type, 'plural', subject.lang)}`;
    case 'topic':
      return `${institute} — ${inLang(subject.topic, 'name', subject.lang)}`;
    case 'author':
      return `${institute} — ${inLang(subject.person, 'name', subject.lang)}`;
  }
}

/** One sentence on what the feed carries, in its language. */
export function subjectDescription(catalog: Catalog, subject: FeedSubject): string {
  const { instituteName, tagline } = catalog.settings;
  if (subject.kind === 'site') return bothLanguages(tagline) || bothLanguages(instituteName);
  const { lang } = subject;
  const t = translator(lang);
  const institute = instituteName[lang];
  switch (subject.kind) {
    case 'language':
      return tagline[lang] || institute;
    case 'type':
      return t('feedDescriptionType', { type: inLang(subject.type, 'plural', lang), institute });
    case 'topic':
      return (
        inLang(subject.topic, 'description', lang) ||
        t('feedDescriptionTopic', { topic: inLang(subject.topic, 'name', lang), institute })
      );
    case 'author':
      return t('publicationsBy', { name: inLang(subject.person, 'name', lang) });
  }
}

/** The institute in the feed's language (both, for the site-wide feed) and its home page. */
export function subjectPublisher(catalog: Catalog, subject: FeedSubject): { name: string; path: string } {
  const home: FeedSubject = subject.kind === 'site' ? subject : { kind: 'language', lang: subject.lang };
  return { name: subjectTitle(catalog, home), path: subjectPagePath(home) };
}

function bothLanguages(text: Record<Lang, string>): string {
  return [text.en, text.he].filter(Boolean).join(' · ');
}
