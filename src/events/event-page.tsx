import { inLang } from '../content/bilingual.js';
import type { Event, Lang } from '../db/schema.js';
import { LANGUAGES } from '../site/i18n/index.js';
import type { SiteDeps, View } from '../site/page-handler.js';
import { paths } from '../site/paths.js';
import type { FeedLink, PageContext } from '../site/views/page-context.js';
import { eventDetail } from './event-queries.js';
import { EventPage } from './event-views.js';
import { EventHead } from '../discovery/entity-heads.js';
import type { RegistrationFormState } from './registration-views.js';
import { registrationState } from './registrations.js';

/** The events calendar, announced in the head of every events page. */
export function calendarLink(ctx: PageContext): FeedLink {
  const institute = ctx.catalog.settings.instituteName[ctx.lang];
  return {
    title: ctx.t('eventsCalendarTitle', { institute }),
    href: paths.eventsCalendar(ctx.lang),
    type: 'text/calendar',
  };
}

/** Path of the event in each language it is written in. */
function eventAlternates(event: Event): Partial<Record<Lang, string>> {
  const alternates: Partial<Record<Lang, string>> = {};
  for (const lang of LANGUAGES) {
    const slug = inLang(event, 'slug', lang);
    if (slug !== '' && inLang(event, 'title', lang) !== '') alternates[lang] = paths.event(lang, slug);
  }
  return alternates;
}

/** The event page with the registration form in `form`'s state (empty, or as sent back with a problem). */
export async function eventView(
  site: SiteDeps,
  ctx: PageContext,
  event: Event,
  form: RegistrationFormState,
): Promise<View> {
  const detail = await eventDetail(site.db.kysely, event);
  const title = inLang(event, 'title', ctx.lang);
  const slug = inLang(event, 'slug', ctx.lang);
  return {
    meta: {
      title,
      description: inLang(event, 'summary', ctx.lang) || title,
      path: paths.event(ctx.lang, slug),
      alternates: eventAlternates(event),
      feeds: [{ title, href: paths.eventIcs(ctx.lang, slug), type: 'text/calendar' }, calendarLink(ctx)],
      head: (
        <>
          <script src={ctx.scripts.eventTimes} defer />
          <EventHead ctx={ctx} detail={detail} />
        </>
      ),
    },
    body: <EventPage ctx={ctx} detail={detail} registration={registrationState(event, detail.confirmed)} form={form} />,
  };
}
