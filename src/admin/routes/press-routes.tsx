import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { inLang } from '../../content/bilingual.js';
import type { Database, DraftOrPublished, Lang, Video } from '../../db/schema.js';
import { EditorialError, type FieldProblems } from '../../editorial/editorial-errors.js';
import { field, type FormBody } from '../../editorial/form-body.js';
import { findMention, listAllMentions, type MentionCard } from '../../press/mention-queries.js';
import { readMentionForm, readVideoForm } from '../../press/press-forms.js';
import { deleteMention, deleteVideo, saveMention, saveVideo } from '../../press/press-store.js';
import { findVideo, listAllVideos } from '../../press/video-queries.js';
import type { AdminContext } from '../admin-context.js';
import { formBody, idParam, noticeParam, pageParam, queryOf } from '../admin-params.js';
import type { AdminKit } from '../admin-plugin.js';
import type { AdminMessageKey } from '../i18n/index.js';
import { Pagination, type Option } from '../views/fields.js';
import { MentionForm, PRESS_BASE, PressTabs, VideoForm, type VideoChoices } from '../views/press-views.js';
import { DeleteBox, StructureList, type ListColumn } from '../views/structure-table.js';

/*
 * The media section's admin (policy action 'press.manage'): "in the media" mentions and
 * the video gallery. Press releases are publications and are edited there.
 */

const PAGE_SIZE = 50;
/** Library files offered in a form's picker, newest first (the chosen one is always added). */
const MEDIA_CHOICES = 300;

/** Routes are registered inside the admin's `/admin` prefix; links need the full path. */
const MENTION_ROUTES = '/press/mentions';
const VIDEO_ROUTES = '/press/videos';
const MENTIONS = `${PRESS_BASE}/mentions`;
const VIDEOS = `${PRESS_BASE}/videos`;

interface FormOptions {
  id?: number;
  values: FormBody;
  problems?: FieldProblems;
  status?: number;
}

const hasProblems = (problems: FieldProblems) => Object.keys(problems).length > 0;

function statusLabel(ctx: AdminContext, status: DraftOrPublished): string {
  return ctx.t(status === 'published' ? 'statusPublished' : 'statusDraft');
}

function mentionValues(m: MentionCard): FormBody {
  return {
    outlet: m.outlet,
    headline: m.headline,
    url: m.url,
    lang: m.lang,
    appeared_on: m.appearedOn,
    published: m.status === 'published' ? '1' : '',
    person_ids: m.personIds.map(String),
  };
}

function videoValues(v: Video): FormBody {
  const id = (n: number | null) => (n === null ? '' : String(n));
  return {
    title_en: v.title_en,
    title_he: v.title_he,
    description_en: v.description_en,
    description_he: v.description_he,
    provider: v.provider,
    external_id: v.external_id,
    video_media_id: id(v.video_media_id),
    poster_media_id: id(v.poster_media_id),
    recorded_on: v.recorded_on,
    published: v.status === 'published' ? '1' : '',
  };
}

function mentionColumns(ctx: AdminContext): ListColumn<MentionCard>[] {
  return [
    { label: 'pressHeadline', cell: (m) => m.headline },
    { label: 'pressColOutlet', cell: (m) => m.outlet },
    { label: 'pressColDate', cell: (m) => m.appearedOn, dir: 'ltr' },
    { label: 'colStatus', cell: (m) => statusLabel(ctx, m.status) },
  ];
}

const PROVIDER_LABELS: Record<Video['provider'], AdminMessageKey> = {
  youtube: 'pressProviderYoutube',
  vimeo: 'pressProviderVimeo',
  file: 'pressProviderFile',
};

function videoColumns(ctx: AdminContext): ListColumn<Video>[] {
  return [
    { label: 'colTitle', cell: (v) => inLang(v, 'title', ctx.lang) },
    { label: 'pressColSource', cell: (v) => ctx.t(PROVIDER_LABELS[v.provider]) },
    { label: 'pressColDate', cell: (v) => v.recorded_on, dir: 'ltr' },
    { label: 'colStatus', cell: (v) => statusLabel(ctx, v.status) },
  ];
}

/** Images (posters) or video files of the library as picker options, the chosen one included. */
async function mediaOptions(db: Kysely<Database>, lang: Lang, kind: 'image' | 'video', chosen: string) {
  const ofKind = () => {
    const q = db.selectFrom('media').select(['id', 'path', 'original_name', 'alt_en', 'alt_he']);
    return kind === 'image' ? q.where('kind', '=', 'image') : q.where('mime', 'like', 'video/%');
  };
  const rows = await ofKind().orderBy('id', 'desc').limit(MEDIA_CHOICES).execute();
  const chosenId = Number(chosen);
  if (/^\d{1,9}$/.test(chosen) && !rows.some((r) => r.id === chosenId)) {
    rows.push(...(await ofKind().where('id', '=', chosenId).execute()));
  }
  return rows.map((m): Option => ({
    value: String(m.id),
    label: [inLang(m, 'alt', lang), m.original_name].filter(Boolean).join(' — ') || m.path,
  }));
}

export function registerPressRoutes(admin: FastifyInstance, kit: AdminKit) {
  admin.get('/press', async (request, reply) => {
    kit.actor(request, 'press.manage');
    return reply.redirect(MENTIONS, 303);
  });
  registerMentionRoutes(admin, kit);
  registerVideoRoutes(admin, kit);
}

/** The list page of one kind: tabs, the table with its "new" button, page links. */
async function renderList<R extends { id: number }>(
  kit: AdminKit,
  request: FastifyRequest,
  reply: FastifyReply,
  spec: {
    tab: 'mentions' | 'videos';
    title: AdminMessageKey;
    newLabel: AdminMessageKey;
    load: (page: number) => Promise<{ rows: R[]; total: number }>;
    columns: (ctx: AdminContext) => ListColumn<R>[];
  },
) {
  kit.actor(request, 'press.manage');
  const query = queryOf(request);
  const ctx = await kit.context(request, reply, noticeParam(query.notice));
  const page = pageParam(query.page);
  const { rows, total } = await spec.load(page);
  const base = `${PRESS_BASE}/${spec.tab}`;
  return kit.page(
    reply,
    ctx,
    ctx.t(spec.title),
    <>
      <PressTabs ctx={ctx} current={spec.tab} />
      <StructureList ctx={ctx} basePath={base} newLabel={spec.newLabel} rows={rows} columns={spec.columns(ctx)} />
      <Pagination
        ctx={ctx}
        page={page}
        pages={Math.max(1, Math.ceil(total / PAGE_SIZE))}
        href={(n) => `${base}?page=${n}`}
      />
    </>,
  );
}

function registerMentionRoutes(admin: FastifyInstance, kit: AdminKit) {
  const db = kit.deps.db.kysely;

  async function existing(id: number): Promise<MentionCard> {
    const mention = await findMention(db, id);
    if (!mention) throw new EditorialError('not-found', 404);
    return mention;
  }

  async function renderForm(request: FastifyRequest, reply: FastifyReply, options: FormOptions) {
    const ctx = await kit.context(request, reply, noticeParam(queryOf(request).notice));
    const action = options.id === undefined ? MENTIONS : `${MENTIONS}/${options.id}`;
    return kit.page(
      reply,
      ctx,
      ctx.t(options.id === undefined ? 'pressNewMention' : 'pressEditMention'),
      <>
        <PressTabs ctx={ctx} current="mentions" />
        <MentionForm ctx={ctx} action={action} values={options.values} problems={options.problems} />
        {options.id === undefined ? null : <DeleteBox ctx={ctx} action={`${action}/delete`} />}
      </>,
      options.status ?? 200,
    );
  }

  async function save(request: FastifyRequest, reply: FastifyReply, id?: number) {
    const actor = kit.actor(request, 'press.manage');
    if (id !== undefined) await existing(id);
    const values = formBody(request);
    const catalog = await kit.deps.content.getCatalog();
    const { fields, problems } = readMentionForm(values, new Set(catalog.personById.keys()));
    if (hasProblems(problems)) return renderForm(request, reply, { id, values, problems, status: 400 });
    const savedId = await saveMention(db, actor, fields, id);
    await kit.deps.content.contentChanged();
    return reply.redirect(`${MENTIONS}/${savedId}?notice=${id === undefined ? 'created' : 'saved'}`, 303);
  }

  admin.get(MENTION_ROUTES, (request, reply) =>
    renderList(kit, request, reply, {
      tab: 'mentions',
      title: 'pressMentionsTitle',
      newLabel: 'pressNewMention',
      load: async (page) => {
        const listing = await listAllMentions(db, page, PAGE_SIZE);
        return { rows: listing.items, total: listing.total };
      },
      columns: mentionColumns,
    }),
  );

  admin.get(`${MENTION_ROUTES}/new`, async (request, reply) => {
    kit.actor(request, 'press.manage');
    return renderForm(request, reply, { values: { lang: 'en' } });
  });

  admin.post(MENTION_ROUTES, (request, reply) => save(request, reply));

  admin.get<{ Params: { id: string } }>(`${MENTION_ROUTES}/:id`, async (request, reply) => {
    kit.actor(request, 'press.manage');
    const mention = await existing(idParam(request.params.id));
    return renderForm(request, reply, { id: mention.id, values: mentionValues(mention) });
  });

  admin.post<{ Params: { id: string } }>(`${MENTION_ROUTES}/:id`, (request, reply) =>
    save(request, reply, idParam(request.params.id)),
  );

  admin.post<{ Params: { id: string } }>(`${MENTION_ROUTES}/:id/delete`, async (request, reply) => {
    const actor = kit.actor(request, 'press.manage');
    await deleteMention(db, actor, idParam(request.params.id));
    await kit.deps.content.contentChanged();
    return reply.redirect(`${MENTIONS}?notice=deleted`, 303);
  });
}

function registerVideoRoutes(admin: FastifyInstance, kit: AdminKit) {
  const db = kit.deps.db.kysely;

  async function existing(id: number): Promise<Video> {
    const video = await findVideo(db, id);
    if (!video) throw new EditorialError('not-found', 404);
    return video;
  }

  async function renderForm(request: FastifyRequest, reply: FastifyReply, options: FormOptions) {
    const ctx = await kit.context(request, reply, noticeParam(queryOf(request).notice));
    const action = options.id === undefined ? VIDEOS : `${VIDEOS}/${options.id}`;
    const choices: VideoChoices = {
      images: await mediaOptions(db, ctx.lang, 'image', field(options.values, 'poster_media_id')),
      videoFiles: await mediaOptions(db, ctx.lang, 'video', field(options.values, 'video_media_id')),
    };
    return kit.page(
      reply,
      ctx,
      ctx.t(options.id === undefined ? 'pressNewVideo' : 'pressEditVideo'),
      <>
        <PressTabs ctx={ctx} current="videos" />
        <VideoForm ctx={ctx} action={action} values={options.values} problems={options.problems} choices={choices} />
        {options.id === undefined ? null : <DeleteBox ctx={ctx} action={`${action}/delete`} />}
      </>,
      options.status ?? 200,
    );
  }

  async function save(request: FastifyRequest, reply: FastifyReply, id?: number) {
    const actor = kit.actor(request, 'press.manage');
    if (id !== undefined) await existing(id);
    const values = formBody(request);
    const { fields, problems } = await readVideoForm(db, values);
    if (hasProblems(problems)) return renderForm(request, reply, { id, values, problems, status: 400 });
    const savedId = await saveVideo(db, actor, fields, id);
    await kit.deps.content.contentChanged();
    return reply.redirect(`${VIDEOS}/${savedId}?notice=${id === undefined ? 'created' : 'saved'}`, 303);
  }

  admin.get(VIDEO_ROUTES, (request, reply) =>
    renderList(kit, request, reply, {
      tab: 'videos',
      title: 'pressVideosTitle',
      newLabel: 'pressNewVideo',
      load: async (page) => {
        const listing = await listAllVideos(db, page, PAGE_SIZE);
        return { rows: listing.items.map((item) => item.video), total: listing.total };
      },
      columns: videoColumns,
    }),
  );

  admin.get(`${VIDEO_ROUTES}/new`, async (request, reply) => {
    kit.actor(request, 'press.manage');
    return renderForm(request, reply, { values: { provider: 'youtube' } });
  });

  admin.post(VIDEO_ROUTES, (request, reply) => save(request, reply));

  admin.get<{ Params: { id: string } }>(`${VIDEO_ROUTES}/:id`, async (request, reply) => {
    kit.actor(request, 'press.manage');
    const video = await existing(idParam(request.params.id));
    return renderForm(request, reply, { id: video.id, values: videoValues(video) });
  });

  admin.post<{ Params: { id: string } }>(`${VIDEO_ROUTES}/:id`, (request, reply) =>
    save(request, reply, idParam(request.params.id)),
  );

  admin.post<{ Params: { id: string } }>(`${VIDEO_ROUTES}/:id/delete`, async (request, reply) => {
    const actor = kit.actor(request, 'press.manage');
    await deleteVideo(db, actor, idParam(request.params.id));
    await kit.deps.content.contentChanged();
    return reply.redirect(`${VIDEOS}?notice=deleted`, 303);
  });
}
