import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../auth/policy.js';
import { audit } from '../../audit/audit-log.js';
import { MEDIA_KINDS, type MediaKind } from '../../db/schema.js';
import { EditorialError, type FieldProblem, type FieldProblems } from '../../editorial/editorial-errors.js';
import { field, type FormBody } from '../../editorial/form-body.js';
import { isFetchRefused, MAX_URL_LENGTH, type FetchRefused } from '../../lib/safe-fetch.js';
import { isMediaError, mediaErrorMessage, formatBytes } from '../../media/media-errors.js';
import { saveFromUrl } from '../../media/media-from-url.js';
import { deleteMedia, listMedia, mediaUrl, parseVariants, saveUpload } from '../../media/media-service.js';
import { formBody, idParam, noticeParam, pageParam, stringParam } from '../admin-params.js';
import type { AdminKit } from '../admin-plugin.js';
import type { AdminMessageKey } from '../i18n/index.js';
import { readMultipartForm } from '../multipart-form.js';
import { Alert, CsrfField, TextField } from '../views/fields.js';
import { MEDIA_URL_FIELDS, MediaUrlForm } from '../views/media-url-form.js';

function kindParam(raw: unknown): MediaKind | undefined {
  return (MEDIA_KINDS as readonly string[]).includes(String(raw)) ? (raw as MediaKind) : undefined;
}

const KIND_LABEL: Record<MediaKind, AdminMessageKey> = {
  image: 'mediaKindImage',
  pdf: 'mediaKindPdf',
  audio: 'mediaKindAudio',
  video: 'mediaKindVideo',
};

/** The smallest variant of an image, for thumbnails in lists and the editor's picker. */
function thumbnail(media: { path: string; variants_json: string; kind: MediaKind }) {
  if (media.kind !== 'image') return undefined;
  const variants = parseVariants(media).filter((v) => v.mime === 'image/webp');
  const smallest = variants.sort((a, b) => a.width - b.width)[0];
  return mediaUrl(smallest?.path ?? media.path);
}

/** Why a URL was not fetched, as a problem on the form's address field (worded by the admin strings). */
function fetchProblem(err: FetchRefused): FieldProblem & { code: AdminMessageKey } {
  const d = err.detail;
  switch (err.reason) {
    case 'invalid_url':
      return { code: 'mediaUrlInvalid' };
    case 'scheme':
      return { code: 'mediaUrlScheme' };
    case 'credentials':
      return { code: 'mediaUrlCredentials' };
    case 'port':
      return { code: 'mediaUrlPort', params: { port: d.port ?? '' } };
    case 'private_address':
      // Said plainly, so an editor who pasted an intranet link knows it is not a glitch.
      return { code: d.hop > 0 ? 'mediaUrlPrivateRedirect' : 'mediaUrlPrivate' };
    case 'unresolvable':
      return { code: 'mediaUrlUnresolvable' };
    case 'unreachable':
      return { code: 'mediaUrlUnreachable' };
    case 'redirect':
      return { code: 'mediaUrlRedirect' };
    case 'http_status':
      return { code: 'mediaUrlStatus', params: { status: d.status ?? '' } };
    case 'too_large':
      return { code: 'mediaUrlTooLarge', params: { limit: formatBytes(d.limit ?? 0) } };
    case 'timeout':
      return { code: 'mediaUrlTimeout', params: { seconds: Math.round((d.timeoutMs ?? 0) / 1000) } };
  }
}

export function registerMediaRoutes(admin: FastifyInstance, kit: AdminKit) {
  const { db, mediaStore } = kit.deps;

  async function renderLibrary(
    request: FastifyRequest<{ Querystring: Record<string, unknown> }>,
    reply: FastifyReply,
    options: {
      problems?: FieldProblems;
      typed?: Record<string, string>;
      /** What was typed into "Add from a web address", and why it was refused. */
      urlForm?: { typed: Record<string, string>; problems: FieldProblems };
      alert?: string;
      status?: number;
    } = {},
  ) {
    const ctx = await kit.context(request, reply, noticeParam(request.query.notice));
    const { t } = ctx;
    const kind = kindParam(request.query.kind);
    const q = stringParam(request.query.q);
    const page = await listMedia(db, { kind, q, page: pageParam(request.query.page) });
    const actor = kit.actor(request);
    const typed = options.typed ?? {};
    return kit.page(
      reply,
      ctx,
      t('mediaTitle'),
      <>
        <Alert text={options.alert} />
        <form method="post" action="/admin/media" enctype="multipart/form-data" class="upload-form">
          <h2>{t('upload')}</h2>
          <CsrfField ctx={ctx} />
          <TextField
            ctx={ctx}
            name="alt_en"
            label={t('altEn')}
            value={typed.alt_en ?? ''}
            help={t('altHelp')}
            maxLength={500}
            dir="ltr"
          />
          <TextField ctx={ctx} name="alt_he" label={t('altHe')} value={typed.alt_he ?? ''} maxLength={500} dir="rtl" />
          <div class="field">
            <label for="file">{t('uploadFile')}</label>
            <input
              id="file"
              name="file"
              type="file"
              required
              accept="image/jpeg,image/png,image/webp,image/gif,image/avif,application/pdf,audio/*,video/mp4,video/webm"
              aria-invalid={options.problems?.file ? 'true' : undefined}
              aria-describedby={options.problems?.file ? 'file-error' : undefined}
            />
            {options.problems?.file ? (
              <p id="file-error" class="field-error">
                {options.problems.file[0]?.params?.message}
              </p>
            ) : null}
          </div>
          <button type="submit">{t('upload')}</button>
        </form>
        <MediaUrlForm ctx={ctx} typed={options.urlForm?.typed ?? {}} problems={options.urlForm?.problems} />
        <form method="get" action="/admin/media" class="filters">
          <div class="field">
            <label for="f-q">{t('mediaSearch')}</label>
            <input id="f-q" name="q" type="search" value={q} maxLength={200} />
          </div>
          <div class="field">
            <label for="f-kind">{t('colKind')}</label>
            <select id="f-kind" name="kind">
              <option value="">{t('any')}</option>
              {MEDIA_KINDS.map((k) => (
                <option key={k} value={k} selected={k === kind}>
                  {t(KIND_LABEL[k])}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('filterApply')}</button>
        </form>
        {page.items.length === 0 ? (
          <p>{t('noMedia')}</p>
        ) : (
          <table class="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('colFile')}</th>
                <th scope="col">{t('colKind')}</th>
                <th scope="col">{t('colSize')}</th>
                <th scope="col">{t('altEn')}</th>
                <th scope="col">{t('altHe')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((m) => (
                <tr key={m.id}>
                  <td>
                    {m.kind === 'image' ? <img src={thumbnail(m)} alt="" width={80} loading="lazy" /> : null}{' '}
                    <a href={mediaUrl(m.path)}>{m.original_name || m.path}</a>
                    {can(actor, 'media.delete') ? (
                      <form method="post" action={`/admin/media/${m.id}/delete`} class="inline-form">
                        <CsrfField ctx={ctx} />
                        <button type="submit" class="link-button" aria-label={`${t('delete')} ${m.original_name}`}>
                          {t('delete')}
                        </button>
                      </form>
                    ) : null}
                  </td>
                  <td>{t(KIND_LABEL[m.kind])}</td>
                  <td>{formatBytes(m.bytes)}</td>
                  <td dir="ltr">{m.alt_en}</td>
                  <td dir="rtl">{m.alt_he}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>,
      options.status ?? 200,
    );
  }

  admin.get<{ Querystring: Record<string, unknown> }>('/media', (request, reply) => renderLibrary(request, reply));

  admin.post<{ Querystring: Record<string, unknown> }>('/media', async (request, reply) => {
    const actor = kit.actor(request);
    if (!can(actor, 'media.upload')) throw new EditorialError('forbidden', 403);
    const form = await readMultipartForm(request, kit.staff(request).csrfToken);
    const ctx = await kit.context(request, reply);
    const fail = (message: string) =>
      renderLibrary(request, reply, {
        problems: { file: [{ code: 'media', params: { message } }] },
        typed: form.fields,
        status: 400,
      });
    if (!form.file) return fail(ctx.t('required'));
    try {
      const media = await saveUpload(db, mediaStore, {
        buffer: form.file.buffer,
        originalName: form.file.filename,
        altEn: form.fields.alt_en ?? '',
        altHe: form.fields.alt_he ?? '',
      });
      await audit(db.kysely, actor, { action: 'upload', entity: 'media', entityId: media.id, after: media });
    } catch (error) {
      if (isMediaError(error)) return fail(mediaErrorMessage(error, ctx.lang));
      throw error;
    }
    return reply.redirect('/admin/media?notice=uploaded', 303);
  });

  /**
   * "Add from a web address": the same permission as an upload, the admin's usual CSRF check
   * (an urlencoded form), the fetch through safeFetch and the file through saveUpload.
   */
  admin.post<{ Querystring: Record<string, unknown>; Body: FormBody }>('/media/from-url', async (request, reply) => {
    const actor = kit.actor(request, 'media.upload');
    const body = formBody(request);
    const f = MEDIA_URL_FIELDS;
    const url = field(body, f.url);
    const typed = {
      [f.url]: url.slice(0, MAX_URL_LENGTH),
      [f.altEn]: field(body, f.altEn).slice(0, 500),
      [f.altHe]: field(body, f.altHe).slice(0, 500),
    };
    try {
      const { media, sourceUrl } = await saveFromUrl(db, mediaStore, {
        url,
        altEn: typed[f.altEn],
        altHe: typed[f.altHe],
      });
      await audit(db.kysely, actor, {
        action: 'upload',
        entity: 'media',
        entityId: media.id,
        after: { ...media, source_url: sourceUrl },
      });
    } catch (error) {
      let problem: FieldProblem;
      if (isFetchRefused(error)) {
        // Someone probing the network from the admin is worth a line in the log.
        if (error.reason === 'private_address') {
          request.log.warn(
            { userId: actor.id, address: error.detail.address, hop: error.detail.hop },
            'media from URL: refused a non-public address',
          );
        }
        problem = fetchProblem(error);
      } else if (isMediaError(error)) {
        const ctx = await kit.context(request, reply);
        problem = { code: 'mediaUrlFile', params: { message: mediaErrorMessage(error, ctx.lang) } };
      } else {
        throw error;
      }
      return renderLibrary(request, reply, { urlForm: { typed, problems: { [f.url]: [problem] } }, status: 400 });
    }
    return reply.redirect('/admin/media?notice=uploaded', 303);
  });

  admin.post<{ Params: { id: string }; Querystring: Record<string, unknown>; Body: FormBody }>(
    '/media/:id/delete',
    async (request, reply) => {
      const actor = kit.actor(request);
      if (!can(actor, 'media.delete')) throw new EditorialError('forbidden', 403);
      try {
        const { media } = await deleteMedia(db, mediaStore, idParam(request.params.id));
        await audit(db.kysely, actor, { action: 'delete', entity: 'media', entityId: media.id, before: media });
      } catch (error) {
        if (!isMediaError(error)) throw error;
        const ctx = await kit.context(request, reply);
        return renderLibrary(request, reply, { alert: mediaErrorMessage(error, ctx.lang), status: 409 });
      }
      return reply.redirect('/admin/media?notice=deleted', 303);
    },
  );

  /** The editor's image picker reads the library from here. */
  admin.get<{ Querystring: Record<string, unknown> }>('/api/media', async (request) => {
    const page = await listMedia(db, {
      kind: kindParam(request.query.kind),
      q: stringParam(request.query.q),
      page: pageParam(request.query.page),
    });
    return {
      items: page.items.map((m) => ({
        id: m.id,
        url: mediaUrl(m.path),
        thumbUrl: thumbnail(m) ?? mediaUrl(m.path),
        alt_en: m.alt_en,
        alt_he: m.alt_he,
        original_name: m.original_name,
      })),
      total: page.total,
    };
  });
}
