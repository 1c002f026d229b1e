import { inLang } from '../../content/bilingual.js';
import type { Media, PodcastEpisode } from '../../db/schema.js';
import type { FieldProblems } from '../../editorial/editorial-errors.js';
import { field, fieldList, type FormBody } from '../../editorial/form-body.js';
import { EPISODE_LIMITS } from '../../podcast/episode-form.js';
import type { EditableEpisode, StaffEpisodeRow } from '../../podcast/episode-store.js';
import { PODCAST_CATEGORIES, SHOW_TEXT_FIELDS } from '../../podcast/podcast-settings.js';
import { formatDuration } from '../../podcast/podcast-views.js';
import { dirOf, formatDate } from '../../site/i18n/index.js';
import { paths } from '../../site/paths.js';
import type { AdminContext } from '../admin-context.js';
import { languageName, problemMessage, type AdminMessageKey } from '../i18n/index.js';
import {
  CheckboxField,
  CsrfField,
  ErrorSummary,
  LanguageField,
  Pagination,
  RichTextField,
  SelectField,
  TextArea,
  TextField,
  TitleSlugFields,
  type Option,
} from './fields.js';
import { TopicTree } from './publication-form.js';

const STATUS_LABEL: Record<PodcastEpisode['status'], AdminMessageKey> = {
  draft: 'statusDraft',
  published: 'statusPublished',
};

const lengthOf = (ctx: AdminContext, seconds: number | null) =>
  seconds === null ? ctx.t('durationUnknown') : formatDuration(seconds);

export function EpisodeList(props: { ctx: AdminContext; rows: StaffEpisodeRow[]; page: number; pages: number }) {
  const { ctx, rows } = props;
  const { t } = ctx;
  return (
    <>
      <p class="actions">
        <a class="button primary" href="/admin/podcast/new">
          {t('newEpisode')}
        </a>{' '}
        <a href="/admin/podcast/settings">{t('podcastSettingsLink')}</a>
      </p>
      {rows.length === 0 ? (
        <p>{t('noEpisodes')}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('colTitle')}</th>
              <th scope="col">{t('colLanguage')}</th>
              <th scope="col">{t('colSeason')}</th>
              <th scope="col">{t('colEpisodeNumber')}</th>
              <th scope="col">{t('colDuration')}</th>
              <th scope="col">{t('colStatus')}</th>
              <th scope="col">{t('colPublished')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td lang={r.lang} dir={dirOf(r.lang)}>
                  <a href={`/admin/podcast/${r.id}`}>{r.title}</a>
                </td>
                <td>{languageName(t, r.lang)}</td>
                <td>{r.season ?? '—'}</td>
                <td>{r.episode_number ?? '—'}</td>
                <td dir="ltr">{lengthOf(ctx, r.duration_seconds)}</td>
                <td>{t(STATUS_LABEL[r.status])}</td>
                <td>{r.published_at ? formatDate(r.published_at, ctx.lang) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination ctx={ctx} page={props.page} pages={props.pages} href={(n) => `/admin/podcast?page=${n}`} />
    </>
  );
}

/** A saved episode as form values. */
export function episodeValues({ row, guestIds, topicIds }: EditableEpisode): FormBody {
  const s = (n: number | null) => (n === null ? '' : String(n));
  return {
    version: String(row.version),
    lang: row.lang,
    title: row.title,
    slug: row.slug,
    summary: row.summary,
    notes_json: row.notes_json,
    transcript: row.transcript,
    audio_media_id: s(row.audio_media_id),
    episode_number: s(row.episode_number),
    season: s(row.season),
    explicit: row.explicit ? '1' : '',
    guest_ids: guestIds.map(String),
    topic_ids: topicIds.map(String),
  };
}

/** Audio files with their length, so the right recording is easy to pick. */
function audioOptions(ctx: AdminContext, audio: Media[]): Option[] {
  return audio.map((m) => ({
    value: String(m.id),
    label: `${m.original_name || m.path} (${lengthOf(ctx, m.duration_seconds)})`,
  }));
}

function GuestChoices({
  ctx,
  selected,
  problems,
}: {
  ctx: AdminContext;
  selected: string[];
  problems?: FieldProblems;
}) {
  const mine = problems?.guest_ids ?? [];
  return (
    <fieldset id="guest_ids" aria-describedby={mine.length ? 'guest_ids-error' : undefined}>
      <legend>{ctx.t('fieldGuests')}</legend>
      {mine.length ? (
        <ul id="guest_ids-error" class="field-error">
          {mine.map((p, i) => (
            <li key={i}>{problemMessage(p, ctx.lang)}</li>
          ))}
        </ul>
      ) : null}
      <ul class="choice-list">
        {ctx.catalog.people.map((p) => (
          <li key={p.id}>
            <input
              type="checkbox"
              id={`guest-${p.id}`}
              name="guest_ids"
              value={String(p.id)}
              checked={selected.includes(String(p.id))}
            />
            <label for={`guest-${p.id}`}>{inLang(p, 'name', ctx.lang)}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export interface EpisodeFormProps {
  ctx: AdminContext;
  /** The saved values, or exactly what was typed when a save failed. */
  values: FormBody;
  problems?: FieldProblems | undefined;
  /** Set when editing: the form posts to the episode and carries its version. */
  episode?: PodcastEpisode;
  audio: Media[];
  editorScript: string;
}

export function EpisodeForm(props: EpisodeFormProps) {
  const { ctx, values, problems, episode } = props;
  const { t } = ctx;
  const v = (name: string) => field(values, name);
  const contentLang = episode?.lang ?? (v('lang') === 'he' ? 'he' : 'en');
  const dir = dirOf(contentLang);
  return (
    <form method="post" action={episode ? `/admin/podcast/${episode.id}` : '/admin/podcast'} class="episode-form">
      <ErrorSummary ctx={ctx} problems={problems} />
      <CsrfField ctx={ctx} />
      {episode ? <input type="hidden" name="version" value={v('version')} /> : null}
      <LanguageField ctx={ctx} value={v('lang')} problems={problems} fixed={episode?.lang} />
      <TitleSlugFields
        ctx={ctx}
        values={{ title: v('title'), slug: v('slug') }}
        problems={problems}
        titleMax={EPISODE_LIMITS.title}
        dir={dir}
      />
      <SelectField
        ctx={ctx}
        name="audio_media_id"
        label={t('fieldEpisodeAudio')}
        value={v('audio_media_id')}
        emptyLabel={t('none')}
        problems={problems}
        help={t('fieldEpisodeAudioHelp')}
        options={audioOptions(ctx, props.audio)}
      />
      <div class="field-row">
        <TextField
          ctx={ctx}
          name="season"
          label={t('fieldSeason')}
          value={v('season')}
          problems={problems}
          type="number"
        />
        <TextField
          ctx={ctx}
          name="episode_number"
          label={t('fieldEpisodeNumber')}
          value={v('episode_number')}
          problems={problems}
          type="number"
        />
      </div>
      <CheckboxField ctx={ctx} name="explicit" label={t('fieldExplicit')} checked={v('explicit') === '1'} />
      <TextArea
        ctx={ctx}
        name="summary"
        label={t('fieldSummary')}
        value={v('summary')}
        problems={problems}
        maxLength={EPISODE_LIMITS.summary}
        dir={dir}
      />
      <fieldset>
        <legend>{t('fieldShowNotes')}</legend>
        <p class="help">{t('fieldShowNotesHelp')}</p>
        <RichTextField
          ctx={ctx}
          name="notes_json"
          lang={contentLang}
          value={v('notes_json')}
          problems={problems}
          editorScript={props.editorScript}
        />
      </fieldset>
      <TextArea
        ctx={ctx}
        name="transcript"
        label={t('fieldTranscript')}
        value={v('transcript')}
        problems={problems}
        help={t('fieldTranscriptHelp')}
        rows={12}
        maxLength={EPISODE_LIMITS.transcript}
        dir={dir}
      />
      <GuestChoices ctx={ctx} selected={fieldList(values, 'guest_ids')} problems={problems} />
      <fieldset>
        <legend>{t('fieldTopics')}</legend>
        <TopicTree ctx={ctx} selected={fieldList(values, 'topic_ids')} parentId={0} />
      </fieldset>
      <button type="submit" class="primary">
        {t('save')}
      </button>
    </form>
  );
}

/** Status, version, the fixed feed guid, publish or unpublish, and the public page once published. */
export function EpisodePanel({ ctx, episode }: { ctx: AdminContext; episode: PodcastEpisode }) {
  const { t } = ctx;
  const publish = episode.status === 'draft';
  return (
    <aside class="edit-panel" aria-labelledby="panel-title">
      <h2 id="panel-title">{t('workflow')}</h2>
      <p>
        <strong>{t('status', { status: t(STATUS_LABEL[episode.status]) })}</strong>
        <br />
        {t('versionInfo', { version: episode.version, when: formatDate(episode.updated_at, ctx.lang) })}
        <br />
        <span dir="auto">{t('episodeGuid', { guid: episode.guid })}</span>
      </p>
      <form method="post" action={`/admin/podcast/${episode.id}/${publish ? 'publish' : 'unpublish'}`}>
        <CsrfField ctx={ctx} />
        <button type="submit">{t(publish ? 'episodePublish' : 'episodeUnpublish')}</button>
      </form>
      {publish ? null : (
        <p>
          <a href={paths.episode(episode.lang, episode.slug)}>{t('viewOnSite')}</a>
        </p>
      )}
    </aside>
  );
}

/** The text saved by someone else, shown above the editor's own after a conflict. */
export function TheirEpisode({ ctx, episode }: { ctx: AdminContext; episode: PodcastEpisode }) {
  return (
    <details class="conflict-theirs" open>
      <summary>{ctx.t('conflictTheirs')}</summary>
      <div lang={episode.lang} dir={dirOf(episode.lang)}>
        <h2>{episode.title}</h2>
        <p class="plain-text">{episode.summary}</p>
        <pre class="plain-text">{episode.transcript}</pre>
      </div>
    </details>
  );
}

const SHOW_LABELS: Record<(typeof SHOW_TEXT_FIELDS)[number]['name'], [AdminMessageKey, AdminMessageKey?]> = {
  title_en: ['showTitleEn', 'showTitleHelp'],
  title_he: ['showTitleHe', 'showTitleHelp'],
  description_en: ['showDescriptionEn', 'showDescriptionHelp'],
  description_he: ['showDescriptionHe', 'showDescriptionHelp'],
  author_en: ['showAuthorEn', 'showDefaultHelp'],
  author_he: ['showAuthorHe', 'showDefaultHelp'],
  owner_name: ['showOwnerName', 'showDefaultHelp'],
  owner_email: ['showOwnerEmail', 'showOwnerEmailHelp'],
};

/** Hebrew texts right to left, English texts and the email left to right, a name as typed. */
function dirFor(name: string): 'ltr' | 'rtl' | 'auto' {
  if (name.endsWith('_he')) return 'rtl';
  return name.endsWith('_en') || name === 'owner_email' ? 'ltr' : 'auto';
}

/** Only images that podcast apps accept as artwork are offered. */
export function ShowSettingsForm(props: {
  ctx: AdminContext;
  values: FormBody;
  problems?: FieldProblems;
  artwork: Media[];
}) {
  const { ctx, values, problems } = props;
  const { t } = ctx;
  const v = (name: string) => field(values, name);
  return (
    <form method="post" action="/admin/podcast/settings" class="structure-form">
      <ErrorSummary ctx={ctx} problems={problems} />
      <CsrfField ctx={ctx} />
      {SHOW_TEXT_FIELDS.map(({ name, max }) => {
        const [label, help] = SHOW_LABELS[name];
        const common = {
          ctx,
          name,
          label: t(label),
          value: v(name),
          problems,
          help: help && t(help),
          dir: dirFor(name),
        };
        return name.startsWith('description') ? (
          <TextArea key={name} {...common} rows={4} maxLength={max} />
        ) : (
          <TextField key={name} {...common} maxLength={max} type={name === 'owner_email' ? 'email' : 'text'} />
        );
      })}
      <SelectField
        ctx={ctx}
        name="category"
        label={t('showCategory')}
        value={v('category')}
        problems={problems}
        options={PODCAST_CATEGORIES.map((c) => ({ value: c, label: c.replace('/', ' › ') }))}
      />
      <CheckboxField ctx={ctx} name="explicit" label={t('showExplicit')} checked={v('explicit') === '1'} />
      <SelectField
        ctx={ctx}
        name="artwork_media_id"
        label={t('showArtwork')}
        value={v('artwork_media_id')}
        emptyLabel={t('none')}
        problems={problems}
        help={t('showArtworkHelp')}
        options={props.artwork.map((m) => ({
          value: String(m.id),
          label: `${m.original_name || m.path} — ${inLang(m, 'alt', ctx.lang)} (${m.width} × ${m.height})`,
        }))}
      />
      <button type="submit" class="primary">
        {t('save')}
      </button>
    </form>
  );
}
