import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DocxImportError, importDocx, importNoteMessage, type ImportNote } from '../import/docx-import.js';
import type { Lang } from '../../db/schema.js';
import { EditorialError } from '../../editorial/editorial-errors.js';
import { createPublication, loadPublication } from '../../editorial/publication-store.js';
import { isMediaError, mediaErrorMessage } from '../../media/media-errors.js';
import { mediaUrl, saveUpload } from '../../media/media-service.js';
import type { AdminContext } from '../admin-context.js';
import type { AdminKit } from '../admin-plugin.js';
import { readMultipartForm } from '../multipart-form.js';
import { Alert, CsrfField } from '../views/fields.js';
import { publicationValues } from '../views/publication-form.js';
import { renderPublicationForm } from './publication-routes.js';

function ImportForm({ ctx, error }: { ctx: AdminContext; error?: string }) {
  const { t } = ctx;
  return (
    <>
      <Alert text={error} />
      <form method="post" action="/admin/publications/import" enctype="multipart/form-data" class="narrow-form">
        <CsrfField ctx={ctx} />
        <div class="field">
          <label for="lang">{t('importLanguage')}</label>
          <select id="lang" name="lang">
            <option value="en">{t('langEn')}</option>
            <option value="he" selected={ctx.lang === 'he'}>
              {t('langHe')}
            </option>
          </select>
        </div>
        <div class="field">
          <label for="file">{t('importFile')}</label>
          <input
            id="file"
            name="file"
            type="file"
            required
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          />
        </div>
        <button type="submit">{t('importButton')}</button>
      </form>
    </>
  );
}

function ImportReport({ ctx, name, notes }: { ctx: AdminContext; name: string; notes: ImportNote[] }) {
  return (
    <section class="import-report" aria-labelledby="import-report-title">
      <p role="status">{ctx.t('importDone', { name })}</p>
      <h2 id="import-report-title">{ctx.t('importReport')}</h2>
      {notes.length === 0 ? (
        <p>{ctx.t('importNothingLost')}</p>
      ) : (
        <ul>
          {notes.map((n, i) => (
            <li key={i}>{importNoteMessage(n, ctx.lang)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function registerImportRoutes(admin: FastifyInstance, kit: AdminKit) {
  const deps = kit.deps;

  const showForm = async (request: FastifyRequest, reply: FastifyReply, error?: string, status = 200) => {
    const ctx = await kit.context(request, reply);
    return kit.page(reply, ctx, ctx.t('importDocx'), <ImportForm ctx={ctx} error={error} />, status);
  };

  admin.get('/publications/import', (request, reply) => showForm(request, reply));

  admin.post('/publications/import', async (request, reply) => {
    const actor = kit.actor(request);
    const form = await readMultipartForm(request, kit.staff(request).csrfToken);
    const ctx = await kit.context(request, reply);
    if (!form.file) return showForm(request, reply, ctx.t('required'), 400);
    const lang: Lang = form.fields.lang === 'he' ? 'he' : 'en';
    let result;
    try {
      result = await importDocx(form.file.buffer, {
        saveImage: async (image) => {
          const media = await saveUpload(deps.db, deps.mediaStore, {
            buffer: image.buffer,
            originalName: `${form.file?.filename ?? 'document'}-image`,
            ...(lang === 'he' ? { altHe: image.alt } : { altEn: image.alt }),
          });
          return { src: mediaUrl(media.path), mediaId: media.id };
        },
        describeImageError: (e) =>
          isMediaError(e) ? { en: mediaErrorMessage(e, 'en'), he: mediaErrorMessage(e, 'he') } : null,
      });
    } catch (error) {
      if (error instanceof DocxImportError) return showForm(request, reply, importNoteMessage(error, ctx.lang), 400);
      if (isMediaError(error)) return showForm(request, reply, mediaErrorMessage(error, ctx.lang), 400);
      throw error;
    }
    const typeId = ctx.catalog.types[0]?.id;
    if (typeId === undefined) throw new EditorialError('not-found', 404);
    const title = result.title?.trim() || form.file.filename.replace(/\.docx$/i, '');
    const id = await createPublication(deps, actor, {
      typeId,
      lang,
      seriesNumber: null,
      volume: null,
      issue: null,
      title: title.slice(0, 300),
      slug: '',
      summary: '',
      seoDescription: '',
      body: result.doc,
      featured: false,
      authorIds: [],
      topicIds: [],
      coverMediaId: null,
      pdfMediaId: null,
      audioMediaId: null,
    });
    const created = await loadPublication(deps.db.kysely, id);
    if (!created) throw new EditorialError('not-found', 404);
    return renderPublicationForm(kit, request, reply, {
      id,
      values: publicationValues(created.row, created.authorIds, created.topicIds),
      extra: <ImportReport ctx={ctx} name={form.file.filename} notes={result.report} />,
    });
  });
}
