import type { FieldProblems } from '../../editorial/editorial-errors.js';
import { formatBytes } from '../../media/media-errors.js';
import { MEDIA_FETCH_MAX_BYTES } from '../../media/media-from-url.js';
import { MAX_URL_LENGTH } from '../../lib/safe-fetch.js';
import type { AdminContext } from '../admin-context.js';
import { CsrfField, TextField } from './fields.js';

/** Field names of the form; its alt fields differ from the upload form's so the page's ids stay unique. */
export const MEDIA_URL_FIELDS = { url: 'source_url', altEn: 'url_alt_en', altHe: 'url_alt_he' } as const;

/**
 * "Add from a web address" in the media library. A plain urlencoded form, so the admin's
 * CSRF check applies as to any other form. After a refusal it shows what was typed and why.
 */
export function MediaUrlForm({
  ctx,
  typed,
  problems,
}: {
  ctx: AdminContext;
  typed: Record<string, string>;
  problems: FieldProblems | undefined;
}) {
  const { t } = ctx;
  const f = MEDIA_URL_FIELDS;
  return (
    <form method="post" action="/admin/media/from-url" class="upload-form">
      <h2>{t('mediaFromUrl')}</h2>
      <CsrfField ctx={ctx} />
      <TextField
        ctx={ctx}
        name={f.url}
        type="url"
        label={t('mediaFromUrlField')}
        value={typed[f.url] ?? ''}
        help={t('mediaFromUrlHelp', { limit: formatBytes(MEDIA_FETCH_MAX_BYTES) })}
        problems={problems}
        required
        maxLength={MAX_URL_LENGTH}
        dir="ltr"
        autocomplete="off"
      />
      <TextField
        ctx={ctx}
        name={f.altEn}
        label={t('altEn')}
        value={typed[f.altEn] ?? ''}
        help={t('altHelp')}
        maxLength={500}
        dir="ltr"
      />
      <TextField ctx={ctx} name={f.altHe} label={t('altHe')} value={typed[f.altHe] ?? ''} maxLength={500} dir="rtl" />
      <button type="submit">{t('mediaFromUrlSubmit')}</button>
    </form>
  );
}
