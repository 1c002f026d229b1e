import { inLang } from '../../content/bilingual.js';
import type { Media, Publication } from '../../db/schema.js';
import type { FieldProblems } from '../../editorial/editorial-errors.js';
import { LIMITS } from '../../editorial/publication-form.js';
import { field, fieldList, type FormBody } from '../../editorial/form-body.js';
import type { AdminContext } from '../admin-context.js';
import type { AdminMessageKey } from '../i18n/index.js';
import {
  CheckboxField,
  CsrfField,
  ErrorSummary,
  LanguageField,
  RichTextField,
  SelectField,
  TextArea,
  TextField,
  TitleSlugFields,
  type Option,
} from './fields.js';

const MAX_AUTHORS = 6;

/** The files a publication links to: the form field, its label and the kind of file it takes. */
const MEDIA_FIELDS: [string, AdminMessageKey, Media['kind']][] = [
  ['cover_media_id', 'fieldCover', 'image'],
  ['pdf_media_id', 'fieldPdf', 'pdf'],
  ['audio_media_id', 'fieldAudio', 'audio'],
];

export interface PublicationFormProps {
  ctx: AdminContext;
  /** What the form shows: the saved values, or exactly what was typed when a save failed. */
  values: FormBody;
  problems?: FieldProblems | undefined;
  /** Set when editing; the form posts to the publication and carries its version. */
  publication?: Publication;
  media: Media[];
  nextNumbers: { typeName: string; next: number }[];
  editorScript: string;
}

function mediaOptions(media: Media[], kind: Media['kind'], lang: AdminContext['lang']): Option[] {
  return media
    .filter((m) => m.kind === kind)
    .map((m) => ({
      value: String(m.id),
      label: `${m.original_name || m.path}${inLang(m, 'alt', lang) ? ` — ${inLang(m, 'alt', lang)}` : ''}`,
    }));
}

export function TopicTree({ ctx, selected, parentId }: { ctx: AdminContext; selected: string[]; parentId: number }) {
  const children = ctx.catalog.topicChildren.get(parentId) ?? [];
  if (children.length === 0) return null;
  return (
    <ul class="topic-tree">
      {children.map((topic) => (
        <li key={topic.id}>
          <input
            type="checkbox"
            id={`topic-${topic.id}`}
            name="topic_ids"
            value={String(topic.id)}
            checked={selected.includes(String(topic.id))}
          />
          <label for={`topic-${topic.id}`}>{inLang(topic, 'name', ctx.lang)}</label>
          <TopicTree ctx={ctx} selected={selected} parentId={topic.id} />
        </li>
      ))}
    </ul>
  );
}

export function PublicationForm(props: PublicationFormProps) {
  const { ctx, values, problems, publication } = props;
  const { t, catalog, lang } = ctx;
  const v = (name: string) => field(values, name);
  const contentLang = publication?.lang ?? (v('lang') === 'he' ? 'he' : 'en');
  const dir = contentLang === 'he' ? 'rtl' : 'ltr';
  const authors = fieldList(values, 'author_ids');
  const people: Option[] = catalog.people.map((p) => ({ value: String(p.id), label: inLang(p, 'name', lang) }));
  return (
    <form
      method="post"
      action={publication ? `/admin/publications/${publication.id}` : '/admin/publications'}
      class="publication-form"
    >
      <ErrorSummary ctx={ctx} problems={problems} />
      <CsrfField ctx={ctx} />
      {publication ? <input type="hidden" name="version" value={v('version')} /> : null}
      <LanguageField ctx={ctx} value={v('lang')} problems={problems} fixed={publication?.lang} />
      <TitleSlugFields
        ctx={ctx}
        values={{ title: v('title'), slug: v('slug') }}
        problems={problems}
        titleMax={LIMITS.title}
        dir={dir}
      />
      <div class="field-row">
        <SelectField
          ctx={ctx}
          name="type_id"
          label={t('fieldType')}
          value={v('type_id')}
          problems={problems}
          options={catalog.types.map((ty) => ({ value: String(ty.id), label: inLang(ty, 'name', lang) }))}
        />
        <TextField
          ctx={ctx}
          name="series_number"
          label={t('fieldSeriesNumber')}
          value={v('series_number')}
          problems={problems}
          type="number"
          help={t('fieldSeriesNumberHelp', {
            numbers: props.nextNumbers.map((n) => `${n.typeName} ${n.next}`).join(', '),
          })}
        />
        <TextField
          ctx={ctx}
          name="volume"
          label={t('fieldVolume')}
          value={v('volume')}
          problems={problems}
          type="number"
        />
        <TextField
          ctx={ctx}
          name="issue"
          label={t('fieldIssue')}
          value={v('issue')}
          problems={problems}
          type="number"
        />
      </div>
      <fieldset>
        <legend>{t('fieldAuthors')}</legend>
        {Array.from({ length: Math.max(MAX_AUTHORS, authors.length + 1) }, (_, i) => (
          <SelectField
            key={i}
            ctx={ctx}
            name={i === 0 ? 'author_ids' : `author_ids_${i}`}
            label={t('fieldAuthorN', { n: i + 1 })}
            value={authors[i] ?? ''}
            emptyLabel={t('none')}
            options={people}
            problems={i === 0 ? problems : undefined}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('fieldTopics')}</legend>
        <TopicTree ctx={ctx} selected={fieldList(values, 'topic_ids')} parentId={0} />
      </fieldset>
      <TextArea
        ctx={ctx}
        name="summary"
        label={t('fieldSummary')}
        value={v('summary')}
        problems={problems}
        maxLength={LIMITS.summary}
        dir={dir}
      />
      <RichTextField
        ctx={ctx}
        name="body_json"
        lang={contentLang}
        value={v('body_json')}
        problems={problems}
        editorScript={props.editorScript}
      />
      <TextField
        ctx={ctx}
        name="seo_description"
        label={t('fieldSeoDescription')}
        value={v('seo_description')}
        problems={problems}
        maxLength={LIMITS.seoDescription}
        dir={dir}
      />
      <div class="field-row">
        {MEDIA_FIELDS.map(([name, label, kind]) => (
          <SelectField
            key={name}
            ctx={ctx}
            name={name}
            label={t(label)}
            value={v(name)}
            emptyLabel={t('none')}
            problems={problems}
            options={mediaOptions(props.media, kind, lang)}
          />
        ))}
      </div>
      <CheckboxField ctx={ctx} name="featured" label={t('fieldFeatured')} checked={v('featured') === '1'} />
      <button type="submit" class="primary">
        {t('save')}
      </button>
    </form>
  );
}

/** The author selects are named author_ids, author_ids_1…; gather them in order. */
export function collectAuthorIds(body: FormBody): FormBody {
  const ordered = [field(body, 'author_ids')];
  for (let i = 1; i < 50; i++) {
    const name = `author_ids_${i}`;
    if (body[name] === undefined) break;
    ordered.push(field(body, name));
  }
  return { ...body, author_ids: ordered.filter((id) => id !== '') };
}

/** A saved publication as form values. */
export function publicationValues(p: Publication, authorIds: number[], topicIds: number[]): FormBody {
  const s = (n: number | null) => (n === null ? '' : String(n));
  return {
    version: String(p.version),
    lang: p.lang,
    title: p.title,
    slug: p.slug,
    type_id: String(p.type_id),
    series_number: s(p.series_number),
    volume: s(p.volume),
    issue: s(p.issue),
    summary: p.summary,
    seo_description: p.seo_description,
    body_json: p.body_json,
    featured: p.featured ? '1' : '',
    author_ids: authorIds.map(String),
    topic_ids: topicIds.map(String),
    cover_media_id: s(p.cover_media_id),
    pdf_media_id: s(p.pdf_media_id),
    audio_media_id: s(p.audio_media_id),
  };
}
