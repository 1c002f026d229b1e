import { inLang } from '../../content/bilingual.js';
import type { Lang } from '../../db/schema.js';
import type { FieldProblems } from '../../editorial/editorial-errors.js';
import { field, fieldList, type FormBody } from '../../editorial/form-body.js';
import { dirOf } from '../../site/i18n/index.js';
import type { AdminContext } from '../admin-context.js';
import { languageName, problemMessage, type AdminMessageKey } from '../i18n/index.js';
import { CheckboxField, CsrfField, ErrorSummary, SelectField, TextArea, TextField, type Option } from './fields.js';

/*
 * Admin views of the media section: the tabs between mentions and videos, and the two
 * forms. Forms always show `values` as submitted, so a refused save keeps what was typed.
 */

export const PRESS_BASE = '/admin/press';

/** Links between the section's two lists, the current one marked. */
export function PressTabs({ ctx, current }: { ctx: AdminContext; current: 'mentions' | 'videos' }) {
  const tabs: ['mentions' | 'videos', AdminMessageKey][] = [
    ['mentions', 'pressMentionsTitle'],
    ['videos', 'pressVideosTitle'],
  ];
  return (
    <nav class="panel-links" aria-label={ctx.t('navPress')}>
      <ul>
        {tabs.map(([tab, label]) => (
          <li key={tab}>
            <a href={`${PRESS_BASE}/${tab}`} aria-current={tab === current ? 'page' : undefined}>
              {ctx.t(label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SaveButton({ ctx }: { ctx: AdminContext }) {
  return (
    <button type="submit" class="primary">
      {ctx.t('save')}
    </button>
  );
}

/** The people as checkboxes, in the site's order. */
function PeoplePicker({ ctx, values, problems }: { ctx: AdminContext; values: FormBody; problems?: FieldProblems }) {
  const picked = new Set(fieldList(values, 'person_ids'));
  const errors = problems?.person_ids ?? [];
  return (
    <fieldset id="person_ids" tabIndex={-1} aria-describedby={errors.length ? 'person_ids-error' : undefined}>
      <legend>{ctx.t('pressPeople')}</legend>
      {errors.length ? (
        <ul id="person_ids-error" class="field-error">
          {errors.map((p, i) => (
            <li key={i}>{problemMessage(p, ctx.lang)}</li>
          ))}
        </ul>
      ) : null}
      <ul class="pick-list">
        {ctx.catalog.people.map((person) => (
          <li key={person.id}>
            <input
              type="checkbox"
              id={`person-${person.id}`}
              name="person_ids"
              value={String(person.id)}
              checked={picked.has(String(person.id))}
            />
            <label for={`person-${person.id}`}>{inLang(person, 'name', ctx.lang)}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function languageOptions(ctx: AdminContext): Option[] {
  return (['en', 'he'] as Lang[]).map((lang) => ({ value: lang, label: languageName(ctx.t, lang) }));
}

export function MentionForm(props: { ctx: AdminContext; action: string; values: FormBody; problems?: FieldProblems }) {
  const { ctx, values, problems } = props;
  const { t } = ctx;
  const itemLang = field(values, 'lang') === 'he' ? 'he' : 'en';
  return (
    <form method="post" action={props.action} class="structure-form">
      <ErrorSummary ctx={ctx} problems={problems} />
      <CsrfField ctx={ctx} />
      <TextField
        ctx={ctx}
        name="outlet"
        label={t('pressOutlet')}
        help={t('pressOutletHelp')}
        value={field(values, 'outlet')}
        problems={problems}
        maxLength={200}
        dir="auto"
        required
      />
      <SelectField
        ctx={ctx}
        name="lang"
        label={t('pressItemLanguage')}
        value={itemLang}
        options={languageOptions(ctx)}
        problems={problems}
        required
      />
      <TextField
        ctx={ctx}
        name="headline"
        label={t('pressHeadline')}
        help={t('pressHeadlineHelp')}
        value={field(values, 'headline')}
        problems={problems}
        maxLength={500}
        dir={dirOf(itemLang)}
        required
      />
      <TextField
        ctx={ctx}
        name="url"
        type="url"
        label={t('pressUrl')}
        help={t('pressUrlHelp')}
        value={field(values, 'url')}
        problems={problems}
        maxLength={2048}
        dir="ltr"
        required
      />
      <DateField ctx={ctx} name="appeared_on" label="pressAppearedOn" values={values} problems={problems} />
      <PeoplePicker ctx={ctx} values={values} problems={problems} />
      <CheckboxField
        ctx={ctx}
        name="published"
        label={t('pressPublished')}
        checked={field(values, 'published') === '1'}
      />
      <SaveButton ctx={ctx} />
    </form>
  );
}

function DateField(props: {
  ctx: AdminContext;
  name: string;
  label: AdminMessageKey;
  values: FormBody;
  problems?: FieldProblems;
}) {
  const { ctx, name } = props;
  return (
    <TextField
      ctx={ctx}
      name={name}
      label={ctx.t(props.label)}
      help={ctx.t('pressDateHelp')}
      value={field(props.values, name)}
      problems={props.problems}
      maxLength={10}
      dir="ltr"
      required
    />
  );
}

/** Library files offered as posters (images) and as video files. */
export interface VideoChoices {
  images: Option[];
  videoFiles: Option[];
}

function BilingualTexts({ ctx, values, problems }: { ctx: AdminContext; values: FormBody; problems?: FieldProblems }) {
  const { t } = ctx;
  return (
    <>
      <div class="field-row bilingual">
        {(['en', 'he'] as const).map((lang) => (
          <TextField
            key={lang}
            ctx={ctx}
            name={`title_${lang}`}
            label={t(lang === 'en' ? 'pressTitleEn' : 'pressTitleHe')}
            value={field(values, `title_${lang}`)}
            problems={problems}
            maxLength={300}
            dir={dirOf(lang)}
            required
          />
        ))}
      </div>
      <div class="field-row bilingual">
        {(['en', 'he'] as const).map((lang) => (
          <TextArea
            key={lang}
            ctx={ctx}
            name={`description_${lang}`}
            label={t(lang === 'en' ? 'descriptionEn' : 'descriptionHe')}
            value={field(values, `description_${lang}`)}
            problems={problems}
            maxLength={2000}
            dir={dirOf(lang)}
          />
        ))}
      </div>
    </>
  );
}

function MediaSelect(props: {
  ctx: AdminContext;
  name: string;
  label: AdminMessageKey;
  help: AdminMessageKey;
  empty: AdminMessageKey;
  options: Option[];
  values: FormBody;
  problems?: FieldProblems;
  required?: boolean;
}) {
  const { ctx } = props;
  return (
    <SelectField
      ctx={ctx}
      name={props.name}
      label={ctx.t(props.label)}
      help={ctx.t(props.options.length ? props.help : props.empty)}
      value={field(props.values, props.name)}
      options={props.options}
      emptyLabel={ctx.t('none')}
      problems={props.problems}
      required={props.required}
    />
  );
}

export function VideoForm(props: {
  ctx: AdminContext;
  action: string;
  values: FormBody;
  problems?: FieldProblems;
  choices: VideoChoices;
}) {
  const { ctx, values, problems, choices } = props;
  const { t } = ctx;
  const providers: Option[] = [
    { value: 'youtube', label: t('pressProviderYoutube') },
    { value: 'vimeo', label: t('pressProviderVimeo') },
    { value: 'file', label: t('pressProviderFile') },
  ];
  return (
    <form method="post" action={props.action} class="structure-form">
      <ErrorSummary ctx={ctx} problems={problems} />
      <CsrfField ctx={ctx} />
      <BilingualTexts ctx={ctx} values={values} problems={problems} />
      <SelectField
        ctx={ctx}
        name="provider"
        label={t('pressProvider')}
        value={field(values, 'provider') || 'youtube'}
        options={providers}
        problems={problems}
        required
      />
      <TextField
        ctx={ctx}
        name="external_id"
        label={t('pressExternalId')}
        help={t('pressExternalIdHelp')}
        value={field(values, 'external_id')}
        problems={problems}
        maxLength={40}
        dir="ltr"
      />
      <MediaSelect
        ctx={ctx}
        name="video_media_id"
        label="pressVideoFile"
        help="pressVideoFileHelp"
        empty="pressNoVideoFiles"
        options={choices.videoFiles}
        values={values}
        problems={problems}
      />
      <MediaSelect
        ctx={ctx}
        name="poster_media_id"
        label="pressPoster"
        help="pressPosterHelp"
        empty="pressNoImages"
        options={choices.images}
        values={values}
        problems={problems}
        required
      />
      <DateField ctx={ctx} name="recorded_on" label="pressRecordedOn" values={values} problems={problems} />
      <CheckboxField
        ctx={ctx}
        name="published"
        label={t('pressPublished')}
        checked={field(values, 'published') === '1'}
      />
      <SaveButton ctx={ctx} />
    </form>
  );
}
