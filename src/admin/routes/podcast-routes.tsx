import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { LANGUAGES } from '../../db/schema.js';
import { EditorialError, type FieldProblems } from '../../editorial/editorial-errors.js';
import { field, type FormBody } from '../../editorial/form-body.js';
import { parseEpisodeForm } from '../../podcast/episode-form.js';
import {
  createEpisode,
  listStaffEpisodes,
  loadForManager,
  saveEpisode,
  setEpisodePublished,
  STAFF_EPISODES_PAGE_SIZE,
} from '../../podcast/episode-store.js';
import {
  isPodcastArtwork,
  loadShowSettings,
  PODCAST_CATEGORIES,
  saveShowSettings,
} from '../../podcast/podcast-settings.js';
import { parseShowForm } from '../../podcast/show-form.js';
import { paths } from '../../site/paths.js';
import type { AdminContext } from '../admin-context.js';
import { formBody, idParam, noticeParam, pageParam, queryOf } from '../admin-params.js';
import type { AdminKit } from '../admin-plugin.js';
import { languageName, messageFor, type AdminMessageKey } from '../i18n/index.js';
import { Alert } from '../views/fields.js';
import {
  EpisodeForm,
  EpisodeList,
  EpisodePanel,
  episodeValues,
  ShowSettingsForm,
  TheirEpisode,
} from '../views/podcast-views.js';

/*
 * The podcast in the admin: the episode list, new and edit forms, publish and unpublish,
 * and the show settings. Everything needs 'podcast.manage' (editors and admins).
 */

/** Notices after a redirect: the shared ones plus the podcast's own. */
const PODCAST_NOTICES: Record<string, AdminMessageKey> = {
  published: 'episodePublished',
  unpublished: 'episodeUnpublished',
};

interface EpisodeFormOptions {
  id?: number;
  values: FormBody;
  problems?: FieldProblems;
  alert?: string;
  status?: number;
  extra?: ComponentChildren;
}

export function registerPodcastAdminRoutes(admin: FastifyInstance, kit: AdminKit) {
  const deps = kit.deps;
  const db = deps.db.kysely;

  async function podcastContext(request: FastifyRequest, reply: FastifyReply): Promise<AdminContext> {
    const raw = String(queryOf(request).notice ?? '');
    const own = Object.hasOwn(PODCAST_NOTICES, raw) ? PODCAST_NOTICES[raw] : undefined;
    return kit.context(request, reply, own ?? noticeParam(raw));
  }

  /** The new or edit form, with what was typed and its problems when a save failed. */
  async function renderEpisodeForm(request: FastifyRequest, reply: FastifyReply, options: EpisodeFormOptions) {
    const actor = kit.actor(request, 'podcast.manage');
    const ctx = await podcastContext(request, reply);
    const [found, audio, editorScript] = await Promise.all([
      options.id === undefined ? undefined : loadForManager(db, actor, options.id),
      db.selectFrom('media').selectAll().where('kind', '=', 'audio').orderBy('id', 'desc').limit(500).execute(),
      kit.editorScript(),
    ]);
    return kit.page(
      reply,
      ctx,
      ctx.t(found ? 'editEpisode' : 'newEpisode'),
      <>
        <p>
          <a href="/admin/podcast">{ctx.t('podcastTitle')}</a>
        </p>
        <Alert text={options.alert} />
        {options.extra}
        {found ? <EpisodePanel ctx={ctx} episode={found.row} /> : null}
        <EpisodeForm
          ctx={ctx}
          values={options.values}
          problems={options.problems}
          episode={found?.row}
          audio={audio}
          editorScript={editorScript}
        />
      </>,
      options.status ?? 200,
    );
  }

  /** A refused save: 400 keeps the typed text beside its problems; 409 also shows what was saved meanwhile. */
  async function renderRefusal(
    request: FastifyRequest,
    reply: FastifyReply,
    error: unknown,
    values: FormBody,
    id?: number,
  ) {
    if (!(error instanceof EditorialError) || (error.status !== 400 && error.status !== 409)) throw error;
    if (error.status === 400)
      return renderEpisodeForm(request, reply, { id, values, problems: error.fields, status: 400 });
    const theirs = await loadForManager(db, kit.actor(request), id ?? 0);
    const ctx = await kit.context(request, reply);
    return renderEpisodeForm(request, reply, {
      id,
      values: { ...values, version: String(theirs.row.version) },
      alert: messageFor(error.code, ctx.lang, error.params),
      extra: <TheirEpisode ctx={ctx} episode={theirs.row} />,
      status: 409,
    });
  }

  admin.get('/podcast', async (request, reply) => {
    kit.actor(request, 'podcast.manage');
    const ctx = await podcastContext(request, reply);
    const page = pageParam(queryOf(request).page);
    const { rows, total } = await listStaffEpisodes(db, page);
    const pages = Math.max(1, Math.ceil(total / STAFF_EPISODES_PAGE_SIZE));
    return kit.page(
      reply,
      ctx,
      ctx.t('podcastTitle'),
      <>
        <EpisodeList ctx={ctx} rows={rows} page={page} pages={pages} />
        <FeedLinks ctx={ctx} />
      </>,
    );
  });

  admin.get('/podcast/new', async (request, reply) =>
    renderEpisodeForm(request, reply, {
      values: {
        lang: queryOf(request).lang === 'he' ? 'he' : 'en',
        notes_json: JSON.stringify({ type: 'doc', content: [] }),
      },
    }),
  );

  admin.post('/podcast', async (request, reply) => {
    const actor = kit.actor(request, 'podcast.manage');
    const values = formBody(request);
    const parsed = parseEpisodeForm(values);
    if (!parsed.ok) return renderEpisodeForm(request, reply, { values, problems: parsed.problems, status: 400 });
    try {
      const id = await createEpisode(deps, actor, parsed.fields);
      return reply.redirect(`/admin/podcast/${id}?notice=created`, 303);
    } catch (error) {
      return renderRefusal(request, reply, error, values);
    }
  });

  registerShowSettingsRoutes(admin, kit);

  admin.get<{ Params: { id: string } }>('/podcast/:id', async (request, reply) => {
    const id = idParam(request.params.id);
    const found = await loadForManager(db, kit.actor(request, 'podcast.manage'), id);
    return renderEpisodeForm(request, reply, { id, values: episodeValues(found) });
  });

  admin.post<{ Params: { id: string } }>('/podcast/:id', async (request, reply) => {
    const actor = kit.actor(request, 'podcast.manage');
    const id = idParam(request.params.id);
    const values = formBody(request);
    const parsed = parseEpisodeForm(values);
    if (!parsed.ok) return renderEpisodeForm(request, reply, { id, values, problems: parsed.problems, status: 400 });
    try {
      await saveEpisode(deps, actor, id, parsed.fields, Number(field(values, 'version')));
      return reply.redirect(`/admin/podcast/${id}?notice=saved`, 303);
    } catch (error) {
      return renderRefusal(request, reply, error, values, id);
    }
  });

  for (const [step, publish] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    admin.post<{ Params: { id: string } }>(`/podcast/:id/${step}`, async (request, reply) => {
      const actor = kit.actor(request, 'podcast.manage');
      const id = idParam(request.params.id);
      try {
        await setEpisodePublished(deps, actor, id, publish);
      } catch (error) {
        const found = await loadForManager(db, actor, id);
        return renderRefusal(request, reply, error, episodeValues(found), id);
      }
      return reply.redirect(`/admin/podcast/${id}?notice=${step}ed`, 303);
    });
  }
}

/** Links to the feed of each language, to check what podcast apps receive. */
function FeedLinks({ ctx }: { ctx: AdminContext }) {
  return (
    <ul class="panel-links">
      {LANGUAGES.map((lang) => (
        <li key={lang}>
          <a href={paths.feed(paths.podcast(lang), 'rss')} type="application/rss+xml">
            {ctx.t('podcastFeedLink', { lang: languageName(ctx.t, lang) })}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The show's title, description, author, owner, category, explicit flag and artwork. */
function registerShowSettingsRoutes(admin: FastifyInstance, kit: AdminKit) {
  const db = kit.deps.db.kysely;

  async function renderSettings(
    request: FastifyRequest,
    reply: FastifyReply,
    values: FormBody,
    problems?: FieldProblems,
    status = 200,
  ) {
    const ctx = await kit.context(request, reply, noticeParam(queryOf(request).notice));
    const images = await db
      .selectFrom('media')
      .selectAll()
      .where('kind', '=', 'image')
      .orderBy('id', 'desc')
      .limit(500)
      .execute();
    return kit.page(
      reply,
      ctx,
      ctx.t('podcastSettingsTitle'),
      <>
        <p>
          <a href="/admin/podcast">{ctx.t('podcastTitle')}</a>
        </p>
        <ShowSettingsForm ctx={ctx} values={values} problems={problems} artwork={images.filter(isPodcastArtwork)} />
      </>,
      status,
    );
  }

  admin.get('/podcast/settings', async (request, reply) => {
    kit.actor(request, 'podcast.manage');
    const stored = await loadShowSettings(db);
    return renderSettings(request, reply, { category: PODCAST_CATEGORIES[0], ...stored });
  });

  admin.post('/podcast/settings', async (request, reply) => {
    const actor = kit.actor(request, 'podcast.manage');
    const body = formBody(request);
    const { values, problems } = await parseShowForm(db, body);
    if (Object.keys(problems).length) return renderSettings(request, reply, body, problems, 400);
    if (await saveShowSettings(db, actor, values)) await kit.deps.content.contentChanged();
    return reply.redirect('/admin/podcast/settings?notice=saved', 303);
  });
}
