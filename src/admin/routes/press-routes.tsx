import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { AuditActor } from '../../audit/audit-log.js';
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
    return reply.redirect(`${PRESS_BASE}/mentions`, 303);
  });
  registerPressResource(admin, kit, mentionResource);
  registerPressResource(admin, kit, videoResource);
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

/** One kind of item the media-section admin edits: its list, form, checks and writes. */
interface PressResource<Row extends { id: number }, Fields> {
  tab: 'mentions' | 'videos';
  listTitle: AdminMessageKey;
  newLabel: AdminMessageKey;
  editTitle: AdminMessageKey;
  columns: (ctx: AdminContext) => ListColumn<Row>[];
  list: (db: Kysely<Database>, page: number) => Promise<{ rows: Row[]; total: number }>;
  find: (db: Kysely<Database>, id: number) => Promise<Row | undefined>;
  /** The form's values for a new item, and for a stored one. */
  blank: FormBody;
  values: (row: Row) => FormBody;
  form: (db: Kysely<Database>, ctx: AdminContext, action: string, options: FormOptions) => Promise<VNode>;
  read: (kit: AdminKit, values: FormBody) => Promise<{ fields: Fields; problems: FieldProblems }>;
  save: (db: Kysely<Database>, actor: AuditActor, fields: Fields, id?: number) => Promise<number>;
  remove: (db: Kysely<Database>, actor: AuditActor, id: number) => Promise<unknown>;
}

const mentionResource: PressResource<MentionCard, ReturnType<typeof readMentionForm>['fields']> = {
  tab: 'mentions',
  listTitle: 'pressMentionsTitle',
  newLabel: 'pressNewMention',
  editTitle: 'pressEditMention',
  columns: mentionColumns,
  list: async (db, page) => {
    const listing = await listAllMentions(db, page, PAGE_SIZE);
    return { rows: listing.items, total: listing.total };
  },
  find: findMention,
  blank: { lang: 'en' },
  values: mentionValues,
  form: async (_db, ctx, action, options) => (
    <MentionForm ctx={ctx} action={action} values={options.values} problems={options.problems} />
  ),
  read: async (kit, values) => {
    const catalog = await kit.deps.content.getCatalog();
    return readMentionForm(values, new Set(catalog.personById.keys()));
  },
  save: saveMention,
  remove: deleteMention,
};

const videoResource: PressResource<Video, Awaited<ReturnType<typeof readVideoForm>>['fields']> = {
  tab: 'videos',
  listTitle: 'pressVideosTitle',
  newLabel: 'pressNewVideo',
  editTitle: 'pressEditVideo',
  columns: videoColumns,
  list: async (db, page) => {
    const listing = await listAllVideos(db, page, PAGE_SIZE);
    return { rows: listing.items.map((item) => item.video), total: listing.total };
  },
  find: findVideo,
  blank: { provider: 'youtube' },
  values: videoValues,
  form: async (db, ctx, action, options) => {
    const choices: VideoChoices = {
      images: await mediaOptions(db, ctx.lang, 'image', field(options.values, 'poster_media_id')),
      videoFiles: await mediaOptions(db, ctx.lang, 'video', field(options.values, 'video_media_id')),
    };
    return (
      <VideoForm ctx={ctx} action={action} values={options.values} problems={options.problems} choices={choices} />
    );
  },
  read: (kit, values) => readVideoForm(kit.deps.db.kysely, values),
  save: saveVideo,
  remove: deleteVideo,
};

/** The list, new, edit and delete routes of one resource under `/admin/press/<tab>`. */
function registerPressResource<Row extends { id: number }, Fields>(
  admin: FastifyInstance,
  kit: AdminKit,
  resource: PressResource<Row, Fields>,
) {
  const db = kit.deps.db.kysely;
  // Routes are registered inside the admin's `/admin` prefix; links need the full path.
  const routes = `/press/${resource.tab}`;
  const base = `${PRESS_BASE}/${resource.tab}`;

  async function existing(id: number): Promise<Row> {
    const row = await resource.find(db, id);
    if (!row) throw new EditorialError('not-found', 404);
    return row;
  }

  async function renderForm(request: FastifyRequest, reply: FastifyReply, options: FormOptions) {
    const ctx = await kit.context(request, reply, noticeParam(queryOf(request).notice));
    const action = options.id === undefined ? base : `${base}/${options.id}`;
    return kit.page(
      reply,
      ctx,
      ctx.t(options.id === undefined ? resource.newLabel : resource.editTitle),
      <>
        <PressTabs ctx={ctx} current={resource.tab} />
        {await resource.form(db, ctx, action, options)}
        {options.id === undefined ? null : <DeleteBox ctx={ctx} action={`${action}/delete`} />}
      </>,
      options.status ?? 200,
    );
  }

  async function save(request: FastifyRequest, reply: FastifyReply, id?: number) {
    const actor = kit.actor(request, 'press.manage');
    if (id !== undefined) await existing(id);
    const values = formBody(request);
    const { fields, problems } = await resource.read(kit, values);
    if (hasProblems(problems)) return renderForm(request, reply, { id, values, problems, status: 400 });
    const savedId = await resource.save(db, actor, fields, id);
    await kit.deps.content.contentChanged();
    return reply.redirect(`${base}/${savedId}?notice=${id === undefined ? 'created' : 'saved'}`, 303);
  }

  admin.get(routes, (request, reply) =>
    renderList(kit, request, reply, {
      tab: resource.tab,
      title: resource.listTitle,
      newLabel: resource.newLabel,
      load: (page) => resource.list(db, page),
      columns: resource.columns,
    }),
  );

  admin.get(`${routes}/new`, async (request, reply) => {
    kit.actor(request, 'press.manage');
    return renderForm(request, reply, { values: resource.blank });
  });

  admin.post(routes, (request, reply) => save(request, reply));

  admin.get<{ Params: { id: string } }>(`${routes}/:id`, async (request, reply) => {
    kit.actor(request, 'press.manage');
    const row = await existing(idParam(request.params.id));
    return renderForm(request, reply, { id: row.id, values: resource.values(row) });
  });

  admin.post<{ Params: { id: string } }>(`${routes}/:id`, (request, reply) =>
    save(request, reply, idParam(request.params.id)),
  );

  admin.post<{ Params: { id: string } }>(`${routes}/:id/delete`, async (request, reply) => {
    const actor = kit.actor(request, 'press.manage');
    await resource.remove(db, actor, idParam(request.params.id));
    await kit.deps.content.contentChanged();
    return reply.redirect(`${base}?notice=deleted`, 303);
  });
}
