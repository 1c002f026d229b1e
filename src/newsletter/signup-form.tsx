import { inLang } from '../content/bilingual.js';
import type { Catalog } from '../content/catalog.js';
import { LANGUAGES, type Lang } from '../db/schema.js';
import type { MessageKey } from '../site/i18n/index.js';
import type { PageContext } from '../site/views/page-context.js';
import { newsletterPaths } from './newsletter-paths.js';

/** What the form shows: the visitor's values and, after a refused sign-up, what was wrong. */
export interface SignupFormState {
  email: string;
  lang: Lang;
  topicIds: number[];
  problem?: { field: 'email' | 'topics' | 'lang' | 'form'; message: string };
}

export function emptySignupForm(lang: Lang): SignupFormState {
  return { email: '', lang, topicIds: [] };
}

function TopicChoices(props: {
  ctx: PageContext;
  catalog: Catalog;
  parentId: number;
  chosen: number[];
  idPrefix: string;
}) {
  const children = props.catalog.topicChildren.get(props.parentId) ?? [];
  if (children.length === 0) return null;
  return (
    <ul class="topic-choices">
      {children.map((topic) => (
        <li key={topic.id}>
          <input
            type="checkbox"
            name="topics"
            value={String(topic.id)}
            id={`${props.idPrefix}-topic-${topic.id}`}
            checked={props.chosen.includes(topic.id)}
          />
          <label for={`${props.idPrefix}-topic-${topic.id}`}>{inLang(topic, 'name', props.ctx.lang)}</label>
          <TopicChoices {...props} parentId={topic.id} />
        </li>
      ))}
    </ul>
  );
}

/** Language, topics: shared by the sign-up form and the preferences page. */
export function PreferenceFields(props: { ctx: PageContext; state: SignupFormState; idPrefix: string }) {
  const { ctx, state, idPrefix } = props;
  const { t } = ctx;
  return (
    <>
      <fieldset class="newsletter-lang">
        <legend>{t('newsletterLanguage')}</legend>
        {LANGUAGES.map((lang) => (
          <span key={lang} class="choice">
            <input
              type="radio"
              name="lang"
              value={lang}
              id={`${idPrefix}-lang-${lang}`}
              checked={state.lang === lang}
            />
            <label for={`${idPrefix}-lang-${lang}`} lang={lang}>
              {t(`languageName_${lang}` as MessageKey)}
            </label>
          </span>
        ))}
      </fieldset>
      <fieldset class="newsletter-topics" aria-describedby={`${idPrefix}-topics-hint`}>
        <legend>{t('newsletterTopics')}</legend>
        <p id={`${idPrefix}-topics-hint`} class="note">
          {t('newsletterTopicsHint')}
        </p>
        {state.problem?.field === 'topics' ? <p class="field-error">{state.problem.message}</p> : null}
        <TopicChoices ctx={ctx} catalog={ctx.catalog} parentId={0} chosen={state.topicIds} idPrefix={idPrefix} />
      </fieldset>
    </>
  );
}

/**
 * The sign-up form. It posts without JavaScript; with it, the proof of work is solved in
 * the background before sending. `website` is a honeypot that people never see.
 */
export function SignupForm(props: { ctx: PageContext; state: SignupFormState; idPrefix: string; expanded: boolean }) {
  const { ctx, state, idPrefix } = props;
  const { t, lang } = ctx;
  const emailError = state.problem?.field === 'email' ? state.problem.message : undefined;
  return (
    <form
      class="newsletter-form"
      method="post"
      action={newsletterPaths.signup(lang)}
      data-challenge={newsletterPaths.challenge}
      aria-describedby={`${idPrefix}-note`}
    >
      {state.problem?.field === 'form' || state.problem?.field === 'lang' ? (
        <p class="form-error" role="alert">
          {state.problem.message}
        </p>
      ) : null}
      <label for={`${idPrefix}-email`}>{t('newsletterEmail')}</label>
      <input
        id={`${idPrefix}-email`}
        type="email"
        name="email"
        autocomplete="email"
        required
        maxLength={254}
        value={state.email}
        dir="ltr"
        aria-invalid={emailError ? 'true' : undefined}
        aria-describedby={emailError ? `${idPrefix}-email-error` : undefined}
      />
      {emailError ? (
        <p id={`${idPrefix}-email-error`} class="field-error">
          {emailError}
        </p>
      ) : null}
      <details open={props.expanded}>
        <summary>{t('newsletterMore')}</summary>
        <PreferenceFields ctx={ctx} state={state} idPrefix={idPrefix} />
      </details>
      <div class="trap">
        <label for={`${idPrefix}-website`}>{t('newsletterHoneypot')}</label>
        <input id={`${idPrefix}-website`} type="text" name="website" tabIndex={-1} autocomplete="off" />
      </div>
      <input type="hidden" name="pow" value="" />
      <button type="submit">{t('newsletterSubmit')}</button>
      <p id={`${idPrefix}-note`} class="note">
        {t('newsletterPrivacy')}
      </p>
    </form>
  );
}

/** The box at the foot of every page. */
export function NewsletterBox({ ctx }: { ctx: PageContext }) {
  const { t } = ctx;
  return (
    <section class="newsletter-box" aria-labelledby="newsletter-title">
      <h2 id="newsletter-title">{t('newsletterTitle')}</h2>
      <p>{t('newsletterText')}</p>
      <SignupForm ctx={ctx} state={emptySignupForm(ctx.lang)} idPrefix="newsletter" expanded={false} />
    </section>
  );
}
