import { inLang } from '../../content/bilingual.js';
import { LANGUAGES, type Event, type Lang } from '../../db/schema.js';
import type { FieldProblems } from '../../editorial/editorial-errors.js';
import { field, fieldList, type FormBody } from '../../editorial/form-body.js';
import { dirOf } from '../../site/i18n/index.js';
import type { AdminContext } from '../admin-context.js';
import { EVENT_LIMITS, SPEAKER_SLOTS } from '../event-form.js';
import type { RecordingChoice } from '../event-queries.js';
import { problemMessage, type AdminMessageKey } from '../i18n/index.js';
import type { PickerRow } from '../newsletter-issues.js';
import { CheckboxField, CsrfField, ErrorSummary, RichTextField, SelectField, TextArea, TextField } from './fields.js';
import { PickerRowLabel } from './newsletter-views.js';
import { TopicTree } from './publication-form.js';

/* The event form: texts in both languages side by side, then time and place, registration and links. */

interface FormProps {
  ctx: AdminContext;
  values: FormBody;
  problems: FieldProblems | undefined;
}

/** The problems of a group of checkboxes, linked from the error summary by the group's id. */
function GroupErrors({ ctx, name, problems }: Omit<FormProps, 'values'> & { name: string }) {
  const mine = problems?.[name] ?? [];
  if (mine.length === 0) return null;
  return (
    <ul id={`${name}-error`} class="field-error">
      {mine.map((p, i) => (
        <li key={i}>{problemMessage(p, ctx.lang)}</li>
      ))}
    </ul>
  );
}

/** One text field per language, side by side, each written in its own direction. */
function BilingualText(
  props: FormProps & { name: string; labels: Record<Lang, AdminMessageKey>; max: number; area?: boolean },
) {
  const { ctx, values, problems, name } = props;
  return (
    <div class="field-row">
      {LANGUAGES.map((lang) => {
        const common = {
          ctx,
          name: `${name}_${lang}`,
          label: ctx.t(props.labels[lang]),
          value: field(values, `${name}_${lang}`),
          maxLength: props.max,
          dir: dirOf(lang),
          problems,
        };
        return props.area ? <TextArea key={lang} {...common} /> : <TextField key={lang} {...common} />;
      })}
    </div>
  );
}

function Descriptions(props: FormProps & { editorScript: string }) {
  const { ctx, values, problems } = props;
  return (
    <>
      {LANGUAGES.map((lang) => (
        <fieldset key={lang}>
          <legend>{ctx.t(lang === 'en' ? 'descriptionEn' : 'descriptionHe')}</legend>
          <RichTextField
            ctx={ctx}
            name={`body_json_${lang}`}
            lang={lang}
            value={field(values, `body_json_${lang}`)}
            problems={problems}
            editorScript={props.editorScript}
          />
        </fieldset>
      ))}
    </>
  );
}

function WhenAndWhere(props: FormProps & { zones: string[] }) {
  const { ctx, values, problems } = props;
  const { t } = ctx;
  const v = (name: string) => field(values, name);
  return (
    <fieldset>
      <legend>{t('eventWhenWhere')}</legend>
      <div class="field-row">
        <TextField
          ctx={ctx}
          name="starts_at"
          label={t('eventStartsAt')}
          type="datetime-local"
          value={v('starts_at')}
          problems={problems}
          help={t('eventTimeHelp')}
          required
        />
        <TextField
          ctx={ctx}
          name="ends_at"
          label={t('eventEndsAt')}
          type="datetime-local"
          value={v('ends_at')}
          problems={problems}
          required
        />
        <SelectField
          ctx={ctx}
          name="time_zone"
          label={t('eventTimeZone')}
          value={v('time_zone')}
          problems={problems}
          options={props.zones.map((zone) => ({ value: zone, label: zone }))}
        />
      </div>
      <BilingualText
        {...props}
        name="venue"
        labels={{ en: 'eventVenueEn', he: 'eventVenueHe' }}
        max={EVENT_LIMITS.venue}
      />
      <TextField
        ctx={ctx}
        name="online_url"
        label={t('eventOnlineUrl')}
        type="url"
        value={v('online_url')}
        maxLength={EVENT_LIMITS.url}
        dir="ltr"
        help={t('eventOnlineUrlHelp')}
        problems={problems}
      />
      <SelectField
        ctx={ctx}
        name="held_in"
        label={t('eventHeldIn')}
        value={v('held_in')}
        problems={problems}
        options={[
          { value: 'en', label: t('langEn') },
          { value: 'he', label: t('langHe') },
          { value: 'both', label: t('eventHeldInBoth') },
        ]}
      />
    </fieldset>
  );
}

function Registration({ ctx, values, problems }: FormProps) {
  const { t } = ctx;
  return (
    <fieldset>
      <legend>{t('eventRegistrationLegend')}</legend>
      <TextField
        ctx={ctx}
        name="capacity"
        label={t('eventCapacity')}
        type="number"
        value={field(values, 'capacity')}
        help={t('eventCapacityHelp')}
        problems={problems}
      />
      <CheckboxField
        ctx={ctx}
        name="registration_open"
        label={t('eventRegistrationOpen')}
        checked={field(values, 'registration_open') === '1'}
        problems={problems}
      />
    </fieldset>
  );
}

function Speakers({ ctx, values, problems }: FormProps) {
  const { t, catalog, lang } = ctx;
  const chosen = fieldList(values, 'speaker_ids');
  const people = catalog.people.map((p) => ({ value: String(p.id), label: inLang(p, 'name', lang) }));
  return (
    <fieldset>
      <legend>{t('eventSpeakers')}</legend>
      {Array.from({ length: Math.max(SPEAKER_SLOTS, chosen.length + 1) }, (_, i) => (
        <SelectField
          key={i}
          ctx={ctx}
          name={i === 0 ? 'speaker_ids' : `speaker_ids_${i}`}
          label={t('eventSpeakerN', { n: i + 1 })}
          value={chosen[i] ?? ''}
          emptyLabel={t('none')}
          options={people}
          problems={i === 0 ? problems : undefined}
        />
      ))}
    </fieldset>
  );
}

/** Checkboxes, one per published work; a work is ticked when any of its language versions is linked. */
function RelatedPublications({ ctx, values, problems, rows }: FormProps & { rows: PickerRow[] }) {
  const picked = new Set(fieldList(values, 'publication_ids').map(Number));
  return (
    <fieldset id="publication_ids" tabIndex={-1}>
      <legend>{ctx.t('eventRelatedPublications')}</legend>
      <GroupErrors ctx={ctx} name="publication_ids" problems={problems} />
      {rows.length === 0 ? <p>{ctx.t('noPublishedWorks')}</p> : null}
      <ul class="pick-list">
        {rows.map((row) => (
          <li key={row.translationGroup}>
            <input
              type="checkbox"
              id={`pub-${row.ids[0]}`}
              name="publication_ids"
              value={String(row.ids[0])}
              checked={row.ids.some((id) => picked.has(id))}
            />
            <label for={`pub-${row.ids[0]}`}>
              <PickerRowLabel ctx={ctx} row={row} />
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function recordingLabel(m: RecordingChoice, lang: Lang): string {
  const alt = inLang(m, 'alt', lang);
  return `${m.original_name || m.path}${alt ? ` — ${alt}` : ''}`;
}

/** New event or an edit: every text in both languages, then time, place, registration and links. */
export function EventForm(
  props: FormProps & {
    event?: Event | undefined;
    zones: string[];
    publications: PickerRow[];
    recordings: RecordingChoice[];
    editorScript: string;
  },
) {
  const { ctx, values, problems, event } = props;
  const { t } = ctx;
  return (
    <form method="post" action={event ? `/admin/events/${event.id}` : '/admin/events'} class="publication-form">
      <ErrorSummary ctx={ctx} problems={problems} />
      <CsrfField ctx={ctx} />
      {event ? <input type="hidden" name="version" value={field(values, 'version')} /> : null}
      <BilingualText
        {...props}
        name="title"
        labels={{ en: 'eventTitleEn', he: 'eventTitleHe' }}
        max={EVENT_LIMITS.title}
      />
      <BilingualText {...props} name="slug" labels={{ en: 'slugEn', he: 'slugHe' }} max={EVENT_LIMITS.slug} />
      <p class="help">{t('fieldSlugHelp')}</p>
      <BilingualText
        {...props}
        name="summary"
        labels={{ en: 'eventSummaryEn', he: 'eventSummaryHe' }}
        max={EVENT_LIMITS.summary}
        area
      />
      <Descriptions {...props} />
      <WhenAndWhere {...props} />
      <Registration {...props} />
      <Speakers {...props} />
      <fieldset id="topic_ids" tabIndex={-1}>
        <legend>{t('fieldTopics')}</legend>
        <GroupErrors ctx={ctx} name="topic_ids" problems={problems} />
        <TopicTree ctx={ctx} selected={fieldList(values, 'topic_ids')} parentId={0} />
      </fieldset>
      <RelatedPublications {...props} rows={props.publications} />
      <SelectField
        ctx={ctx}
        name="recording_media_id"
        label={t('eventRecording')}
        value={field(values, 'recording_media_id')}
        emptyLabel={t('none')}
        help={t('eventRecordingHelp')}
        problems={problems}
        options={props.recordings.map((m) => ({ value: String(m.id), label: recordingLabel(m, ctx.lang) }))}
      />
      <button type="submit" class="primary">
        {t('save')}
      </button>
    </form>
  );
}
