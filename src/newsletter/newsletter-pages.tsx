import type { PageContext } from '../site/views/page-context.js';
import { newsletterPaths } from './newsletter-paths.js';
import { PreferenceFields, SignupForm, type SignupFormState } from './signup-form.js';

/** The newsletter's own pages: sign-up, confirmation, preferences, unsubscribe. */

export function SignupPage({ ctx, state }: { ctx: PageContext; state: SignupFormState }) {
  return (
    <section class="newsletter-page">
      <h1>{ctx.t('newsletterTitle')}</h1>
      <p>{ctx.t('newsletterText')}</p>
      <SignupForm ctx={ctx} state={state} idPrefix="signup" expanded />
    </section>
  );
}

/** A short page with a heading, a message and optionally one button that posts `fields`. */
export function MessagePage(props: {
  ctx: PageContext;
  title: string;
  text: string;
  action?: { url: string; label: string; fields: Record<string, string> };
}) {
  return (
    <section class="newsletter-page">
      <h1>{props.title}</h1>
      <p role="status">{props.text}</p>
      {props.action ? (
        <form method="post" action={props.action.url}>
          {Object.entries(props.action.fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit">{props.action.label}</button>
        </form>
      ) : null}
    </section>
  );
}

export function PreferencesPage(props: {
  ctx: PageContext;
  email: string;
  token: string;
  state: SignupFormState;
  unsubscribed: boolean;
  saved: boolean;
}) {
  const { ctx, token } = props;
  const { t, lang } = ctx;
  return (
    <section class="newsletter-page">
      <h1>{t('newsletterPrefsTitle')}</h1>
      <p>{t('newsletterPrefsFor', { email: props.email })}</p>
      {props.saved ? <p role="status">{t('newsletterPrefsSaved')}</p> : null}
      {props.unsubscribed ? <p role="status">{t('newsletterIsUnsubscribed')}</p> : null}
      <form method="post" action={newsletterPaths.preferences(lang)} class="newsletter-form">
        <input type="hidden" name="token" value={token} />
        <PreferenceFields ctx={ctx} state={props.state} idPrefix="prefs" />
        <button type="submit">{t('newsletterPrefsSave')}</button>
      </form>
      {props.unsubscribed ? null : (
        <form method="post" action={`${newsletterPaths.unsubscribe(lang)}?token=${encodeURIComponent(token)}`}>
          <button type="submit" class="secondary">
            {t('newsletterUnsubscribeButton')}
          </button>
        </form>
      )}
    </section>
  );
}
