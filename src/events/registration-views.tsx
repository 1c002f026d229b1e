import { inLang } from '../content/bilingual.js';
import type { Event } from '../db/schema.js';
import { newsletterPaths } from '../newsletter/newsletter-paths.js';
import { paths } from '../site/paths.js';
import type { PageContext } from '../site/views/page-context.js';
import { MAX_NAME, MAX_ORGANISATION, type RegistrationField } from './registration-form.js';
import type { RegistrationState } from './registrations.js';

/** What the form shows: the visitor's values and, after a refusal, what was wrong. */
export interface RegistrationFormState {
  name: string;
  email: string;
  organisation: string;
  problem?: { field: RegistrationField | 'form'; message: string };
}

export const emptyRegistrationForm: RegistrationFormState = { name: '', email: '', organisation: '' };

const FIELDS = {
  name: { label: 'eventRegName', autocomplete: 'name', maxLength: MAX_NAME, required: true },
  email: { label: 'eventRegEmail', autocomplete: 'email', maxLength: 254, required: true },
  organisation: {
    label: 'eventRegOrganisation',
    autocomplete: 'organization',
    maxLength: MAX_ORGANISATION,
    required: false,
  },
} as const;

/** One labelled input; after a refusal it keeps what was typed and names its problem. */
function TextField({ ctx, state, name }: { ctx: PageContext; state: RegistrationFormState; name: RegistrationField }) {
  const spec = FIELDS[name];
  const id = `registration-${name}`;
  const error = state.problem?.field === name ? state.problem.message : undefined;
  const attributes = {
    id,
    name,
    value: state[name],
    autocomplete: spec.autocomplete,
    maxLength: spec.maxLength,
    required: spec.required,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
  };
  return (
    <p class="form-field">
      <label for={id}>{ctx.t(spec.label)}</label>
      {/* Addresses are Latin script: left to right inside Hebrew pages too. */}
      {name === 'email' ? (
        <input type="email" dir="ltr" {...attributes} />
      ) : (
        <input type="text" dir="auto" {...attributes} />
      )}
      {error ? (
        <span id={`${id}-error`} class="field-error">
          {error}
        </span>
      ) : null}
    </p>
  );
}

/**
 * The registration form. It posts without JavaScript; with it, the newsletter's script
 * solves the proof of work in the background first (it arms every `form[data-challenge]`).
 * `website` is a honeypot that people never see.
 */
function RegistrationForm(props: { ctx: PageContext; event: Event; state: RegistrationFormState; full: boolean }) {
  const { ctx, event, state } = props;
  const { t, lang } = ctx;
  return (
    <form
      class="registration-form"
      method="post"
      action={paths.eventRegistration(lang, inLang(event, 'slug', lang))}
      data-challenge={newsletterPaths.challenge}
      aria-describedby="registration-note"
    >
      {state.problem?.field === 'form' ? (
        <p class="form-error" role="alert">
          {state.problem.message}
        </p>
      ) : null}
      <TextField ctx={ctx} state={state} name="name" />
      <TextField ctx={ctx} state={state} name="email" />
      <TextField ctx={ctx} state={state} name="organisation" />
      <div class="trap">
        <label for="registration-website">{t('eventRegHoneypot')}</label>
        <input id="registration-website" type="text" name="website" tabIndex={-1} autocomplete="off" />
      </div>
      <input type="hidden" name="pow" value="" />
      <button type="submit">{props.full ? t('eventRegSubmitWaitlist') : t('eventRegSubmit')}</button>
      <p id="registration-note" class="note">
        {t('eventRegPrivacy')}
      </p>
    </form>
  );
}

/** Registration on the event page: the form, the waiting list, or why there is neither. */
export function RegistrationSection(props: {
  ctx: PageContext;
  event: Event;
  registration: RegistrationState;
  form: RegistrationFormState;
}) {
  const { ctx, registration } = props;
  const { t } = ctx;
  if (registration === 'ended') return null;
  return (
    <section class="registration" aria-labelledby="registration-title">
      <h2 id="registration-title">{t('eventRegister')}</h2>
      {registration === 'closed' ? (
        <p class="registration-closed">
          <strong>{t('eventRegClosed')}</strong>
        </p>
      ) : (
        <>
          {registration === 'full' ? (
            <p class="registration-full">
              <strong>{t('eventRegFull')}</strong>
            </p>
          ) : (
            <p>{t('eventRegIntro')}</p>
          )}
          <RegistrationForm ctx={ctx} event={props.event} state={props.form} full={registration === 'full'} />
        </>
      )}
    </section>
  );
}

/** A short page after registering or cancelling: a heading, messages, a way back, perhaps one button. */
export function EventMessagePage(props: {
  ctx: PageContext;
  title: string;
  texts: string[];
  eventHref?: string;
  action?: { url: string; label: string; fields: Record<string, string> };
}) {
  const { ctx } = props;
  return (
    <section class="event-message">
      <h1>{props.title}</h1>
      <div role="status">
        {props.texts.map((text) => (
          <p key={text}>{text}</p>
        ))}
      </div>
      {props.action ? (
        <form method="post" action={props.action.url}>
          {Object.entries(props.action.fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit">{props.action.label}</button>
        </form>
      ) : null}
      {props.eventHref ? (
        <p>
          <a href={props.eventHref}>{ctx.t('eventBackToEvent')}</a>
        </p>
      ) : null}
    </section>
  );
}
