import { inLang } from '../content/bilingual.js';
import type { Event, EventRegistration } from '../db/schema.js';
import type { OutgoingMail } from '../mail/mailer.js';
import { MAIL_BUTTON, MailDocument, mailHtml, type MailContext } from '../newsletter/mail-views.js';
import { ICS_CONTENT_TYPE } from './event-calendar.js';
import { eventTimes } from './event-times.js';

/** Confirmed on registering, waitlisted on registering, or confirmed later from the waiting list. */
export type RegistrationMailKind = 'confirmed' | 'waitlisted' | 'promoted';

export interface RegistrationMailInput {
  kind: RegistrationMailKind;
  event: Event;
  registration: Pick<EventRegistration, 'email' | 'name'>;
  /** Place on the waiting list (waitlisted mails only). */
  position?: number;
  eventUrl: string;
  cancelUrl: string;
  /** The event's iCalendar, attached to mails that confirm a seat. */
  ics?: string;
  instituteZone: string;
}

const SUBJECTS = {
  confirmed: 'mailEventConfirmedSubject',
  waitlisted: 'mailEventWaitlistedSubject',
  promoted: 'mailEventPromotedSubject',
} as const;

const INTROS = {
  confirmed: 'mailEventConfirmedIntro',
  waitlisted: 'mailEventWaitlistedIntro',
  promoted: 'mailEventPromotedIntro',
} as const;

/** "Date and time: …", "Venue: …" lines, in the registrant's language and both zones. */
function factLines(ctx: MailContext, input: RegistrationMailInput): string[] {
  const { t, lang } = ctx;
  const times = eventTimes(input.event, lang, input.instituteZone);
  const lines = [`${t('eventWhen')}: ${t('eventTimeIn', { time: times.local.range, zone: times.local.zone })}`];
  if (times.institute) lines.push(t('eventTimeAlso', { time: times.institute.range, zone: times.institute.zone }));
  const venue = inLang(input.event, 'venue', lang);
  if (venue) lines.push(`${t('eventWhere')}: ${venue}`);
  if (input.event.online_url) lines.push(`${t('eventOnline')}: ${input.event.online_url}`);
  return lines;
}

/**
 * The mail a registrant receives on registering, re-registering or being promoted from
 * the waiting list: multipart, in their language, with the .ics when a seat is theirs and
 * always with the cancellation link (which opens a page with a button, never cancels).
 */
export function registrationMail(ctx: MailContext, input: RegistrationMailInput): OutgoingMail {
  const { t, instituteName } = ctx;
  const title = inLang(input.event, 'title', ctx.lang);
  const subject = t(SUBJECTS[input.kind], { title });
  const intro = t(INTROS[input.kind], { name: input.registration.name, position: input.position ?? 0 });
  const facts = factLines(ctx, input);
  const cancelNote = t(input.kind === 'waitlisted' ? 'mailEventLeaveWaitlist' : 'mailEventCancelNote');
  const why = t('mailEventWhy', { name: instituteName });
  const calendarNote = input.ics ? t('mailEventCalendarNote') : '';
  const text = [
    intro,
    facts.join('\n'),
    `${t('mailEventPage')}: ${input.eventUrl}`,
    calendarNote,
    `${cancelNote}\n${input.cancelUrl}`,
    `--\n${why}`,
  ].filter((part) => part !== '');
  return {
    to: input.registration.email,
    subject,
    text: text.join('\n\n'),
    html: mailHtml(
      <MailDocument ctx={ctx} title={subject} footer={<p>{why}</p>}>
        <p>{intro}</p>
        {facts.map((line) => (
          <p key={line} style="margin: 0 0 6px;">
            {line}
          </p>
        ))}
        <p style="margin: 16px 0;">
          <a href={input.eventUrl} style={MAIL_BUTTON}>
            {t('mailEventPage')}
          </a>
        </p>
        {calendarNote ? <p>{calendarNote}</p> : null}
        <p>
          {cancelNote} <a href={input.cancelUrl}>{t('mailEventCancel')}</a>
        </p>
      </MailDocument>,
    ),
    attachments: input.ics
      ? [{ filename: 'event.ics', content: input.ics, contentType: `${ICS_CONTENT_TYPE}; method=PUBLISH` }]
      : undefined,
  };
}
