import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../audit/audit-log.js';
import { DEFAULT_FEED_CONTENT, DEFAULT_TIME_ZONE, FEED_CONTENTS, type FeedContent } from '../../content/catalog.js';
import type { FieldProblems } from '../../editorial/editorial-errors.js';
import { type FormBody } from '../../editorial/form-body.js';
import { noticeParam, formBody } from '../admin-params.js';
import type { AdminKit } from '../admin-plugin.js';
import type { AdminMessageKey } from '../i18n/index.js';
import type { Option } from '../views/fields.js';
import { layoutFields, StructureForm, type StructureLayout } from '../views/structure-table.js';
import { EMAIL, canonicalTimeZone, parseFields, hasProblems } from './structure-fields.js';

/* Settings */

export const SETTINGS_LAYOUT: StructureLayout = [
  [
    { kind: 'text', name: 'institute_name_en', label: 'settingInstituteNameEn', max: 200, required: true },
    { kind: 'text', name: 'institute_name_he', label: 'settingInstituteNameHe', max: 200, required: true },
  ],
  [
    { kind: 'text', name: 'tagline_en', label: 'settingTaglineEn', max: 300 },
    { kind: 'text', name: 'tagline_he', label: 'settingTaglineHe', max: 300 },
  ],
  [
    { kind: 'textarea', name: 'address_en', label: 'settingAddressEn', max: 500, rows: 3 },
    { kind: 'textarea', name: 'address_he', label: 'settingAddressHe', max: 500, rows: 3 },
  ],
  { kind: 'text', name: 'email', label: 'settingEmail', max: 254, dir: 'ltr', type: 'email' },
  { kind: 'text', name: 'phone', label: 'settingPhone', max: 50, dir: 'ltr' },
  { kind: 'text', name: 'time_zone', label: 'settingTimeZone', max: 64, required: true, dir: 'ltr' },
  { kind: 'choice', name: 'feed_content', label: 'settingFeedContent', help: 'settingFeedContentHelp', numeric: false },
];
export const SETTINGS_FIELDS = layoutFields(SETTINGS_LAYOUT);

const FEED_CONTENT_LABELS: Record<FeedContent, AdminMessageKey> = {
  full: 'feedContentFull',
  summary: 'feedContentSummary',
};

/** Options of the settings' select fields, labelled by `label` (parsing needs only the values). */
function settingChoices(label: (key: AdminMessageKey) => string = (key) => key): Record<string, Option[]> {
  return { feed_content: FEED_CONTENTS.map((value) => ({ value, label: label(FEED_CONTENT_LABELS[value]) })) };
}

/** Form field → settings key: `institute_name_en` → `institute_name.en`. */
export const settingKey = (name: string) => name.replace(/_(en|he)$/, '.$1');

export function registerSettingsRoutes(admin: FastifyInstance, kit: AdminKit) {
  const db = kit.deps.db.kysely;

  async function renderSettings(
    request: FastifyRequest,
    reply: FastifyReply,
    values: FormBody,
    problems?: FieldProblems,
    status = 200,
  ) {
    const ctx = await kit.context(
      request,
      reply,
      noticeParam((request.query as Record<string, unknown> | undefined)?.notice),
    );
    return kit.page(
      reply,
      ctx,
      ctx.t('navSettings'),
      <StructureForm
        ctx={ctx}
        action="/admin/settings"
        layout={SETTINGS_LAYOUT}
        values={values}
        problems={problems}
        choices={settingChoices(ctx.t)}
      />,
      status,
    );
  }

  admin.get('/settings', async (request, reply) => {
    kit.actor(request, 'settings.manage');
    const stored = new Map((await db.selectFrom('settings').selectAll().execute()).map((s) => [s.key, s.value]));
    const values: FormBody = {};
    for (const f of SETTINGS_FIELDS) values[f.name] = stored.get(settingKey(f.name)) ?? '';
    if (!values.time_zone) values.time_zone = DEFAULT_TIME_ZONE;
    if (!values.feed_content) values.feed_content = DEFAULT_FEED_CONTENT;
    return renderSettings(request, reply, values);
  });

  admin.post('/settings', async (request, reply) => {
    const actor = kit.actor(request, 'settings.manage');
    // A form opened before the feed setting existed leaves it out: that keeps the default.
    const body = { feed_content: DEFAULT_FEED_CONTENT, ...formBody(request) };
    const { data, problems } = parseFields(SETTINGS_FIELDS, body, settingChoices());
    const email = String(data.email ?? '');
    if (!problems.email && email !== '' && !EMAIL.test(email)) problems.email = [{ code: 'email-invalid' }];
    const zone = canonicalTimeZone(String(data.time_zone ?? ''));
    if (!problems.time_zone) {
      if (zone === null) problems.time_zone = [{ code: 'time-zone-invalid' }];
      else data.time_zone = zone;
    }
    if (hasProblems(problems)) return renderSettings(request, reply, body, problems, 400);
    await db.transaction().execute(async (trx) => {
      const stored = new Map((await trx.selectFrom('settings').selectAll().execute()).map((s) => [s.key, s.value]));
      const before: Record<string, string | null> = {};
      const after: Record<string, string> = {};
      for (const f of SETTINGS_FIELDS) {
        const key = settingKey(f.name);
        const value = String(data[f.name] ?? '');
        if (stored.get(key) === value) continue;
        before[key] = stored.get(key) ?? null;
        after[key] = value;
        await trx
          .insertInto('settings')
          .values({ key, value })
          .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
          .execute();
      }
      if (Object.keys(after).length)
        await audit(trx, actor, { action: 'update', entity: 'settings', entityId: 'site', before, after });
    });
    await kit.deps.content.contentChanged();
    return reply.redirect('/admin/settings?notice=saved', 303);
  });
}
