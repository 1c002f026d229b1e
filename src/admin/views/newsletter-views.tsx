import {
  DELIVERY_STATUSES,
  LANGUAGES,
  type DeliveryStatus,
  type IssueStatus,
  type NewsletterIssue,
} from '../../db/schema.js';
import type { FieldProblems } from '../../editorial/editorial-errors.js';
import { field, type FormBody } from '../../editorial/form-body.js';
import { dirOf, formatDate } from '../../site/i18n/index.js';
import type { AdminContext } from '../admin-context.js';
import { languageName, problemMessage, type AdminMessageKey } from '../i18n/index.js';
import { INTRO_MAX, SUBJECT_MAX, type DeliveryCounts, type PickerRow } from '../newsletter-issues.js';
import { CheckboxField, CsrfField, ErrorSummary, Pagination, TextArea, TextField } from './fields.js';
import { formatWhen } from './user-audit-log.js';

const ISSUE_STATUS_LABEL: Record<IssueStatus, AdminMessageKey> = {
  draft: 'statusDraft',
  sending: 'issueSending',
  sent: 'issueSent',
};

export const DELIVERY_LABEL: Record<DeliveryStatus, AdminMessageKey> = {
  queued: 'deliveryQueued',
  sending: 'deliverySending',
  sent: 'deliverySent',
  failed: 'deliveryFailed',
  uncertain: 'deliveryUncertain',
  skipped: 'deliverySkipped',
};

/** A moment, or a dash when it has not happened. */
export function When({ ctx, iso }: { ctx: AdminContext; iso: string | null }) {
  return iso ? <time datetime={iso}>{formatWhen(iso, ctx)}</time> : <>—</>;
}

/** Both subjects, each marked with its language. */
function Subjects({ issue }: { issue: Pick<NewsletterIssue, 'subject_en' | 'subject_he'> }) {
  return (
    <>
      {issue.subject_en ? (
        <span lang="en" dir="ltr">
          {issue.subject_en}
        </span>
      ) : null}
      {issue.subject_en && issue.subject_he ? <br /> : null}
      {issue.subject_he ? (
        <span lang="he" dir="rtl">
          {issue.subject_he}
        </span>
      ) : null}
    </>
  );
}

/** "Sent: 120 · Failed: 2", leaving out statuses nobody is in. */
function CountsInline({ ctx, counts }: { ctx: AdminContext; counts: DeliveryCounts | undefined }) {
  const parts = DELIVERY_STATUSES.filter((s) => (counts?.[s] ?? 0) > 0).map(
    (s) => `${ctx.t(DELIVERY_LABEL[s])}: ${counts?.[s] ?? 0}`,
  );
  return <>{parts.length ? parts.join(' · ') : '—'}</>;
}

export function IssueList(props: {
  ctx: AdminContext;
  issues: NewsletterIssue[];
  counts: Map<number, DeliveryCounts>;
  page: number;
  pages: number;
}) {
  const { ctx, issues } = props;
  const { t } = ctx;
  return (
    <>
      <p class="actions">
        <a class="button primary" href="/admin/newsletter/new">
          {t('newIssue')}
        </a>
      </p>
      {issues.length === 0 ? (
        <p>{t('noIssues')}</p>
      ) : (
        <table class="admin-table">
          <thead>
            <tr>
              <th scope="col">{t('colSubject')}</th>
              <th scope="col">{t('colStatus')}</th>
              <th scope="col">{t('colCreated')}</th>
              <th scope="col">{t('colQueued')}</th>
              <th scope="col">{t('colFinished')}</th>
              <th scope="col">{t('colDeliveries')}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue) => (
              <tr key={issue.id}>
                <td>
                  <a href={`/admin/newsletter/${issue.id}`}>
                    <Subjects issue={issue} />
                  </a>
                </td>
                <td>
                  <span class={`status status-${issue.status}`}>{t(ISSUE_STATUS_LABEL[issue.status])}</span>
                </td>
                <td>
                  <When ctx={ctx} iso={issue.created_at} />
                </td>
                <td>
                  <When ctx={ctx} iso={issue.queued_at} />
                </td>
                <td>
                  <When ctx={ctx} iso={issue.finished_at} />
                </td>
                <td>
                  <CountsInline ctx={ctx} counts={props.counts.get(issue.id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination ctx={ctx} page={props.page} pages={props.pages} href={(p) => `/admin/newsletter?page=${p}`} />
    </>
  );
}

export function PickerRowLabel({ ctx, row }: { ctx: AdminContext; row: PickerRow }) {
  return (
    <>
      {row.titles.map((title, i) => (
        <span key={title.lang}>
          {i > 0 ? ' · ' : null}
          <span lang={title.lang} dir={dirOf(title.lang)}>
            {title.title}
          </span>
        </span>
      ))}{' '}
      <span class="help">({formatDate(row.publishedAt, ctx.lang)})</span>
    </>
  );
}

/** Checkboxes, one per work; a row is ticked when any of its language versions was picked. */
function PublicationPicker(props: {
  ctx: AdminContext;
  rows: PickerRow[];
  picked: number[];
  problems: FieldProblems | undefined;
}) {
  const { ctx, rows, problems } = props;
  const { t } = ctx;
  const picked = new Set(props.picked);
  const errors = problems?.publication_ids ?? [];
  return (
    <fieldset
      id="publication_ids"
      tabIndex={-1}
      aria-describedby={errors.length ? 'publication_ids-help publication_ids-error' : 'publication_ids-help'}
    >
      <legend>{t('fieldIssuePublications')}</legend>
      <p id="publication_ids-help" class="help">
        {t('issuePublicationsHelp')}
      </p>
      {errors.length ? (
        <ul id="publication_ids-error" class="field-error">
          {errors.map((p, i) => (
            <li key={i}>{problemMessage(p, ctx.lang)}</li>
          ))}
        </ul>
      ) : null}
      {rows.length === 0 ? <p>{t('noPublishedWorks')}</p> : null}
      <ul class="pick-list">
        {rows.map((row) => {
          const id = `pub-${row.ids[0]}`;
          return (
            <li key={row.translationGroup}>
              <input
                type="checkbox"
                id={id}
                name="publication_ids"
                value={String(row.ids[0])}
                checked={row.ids.some((pubId) => picked.has(pubId))}
              />
              <label for={id}>
                <PickerRowLabel ctx={ctx} row={row} />
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/** New issue or a draft: subjects, introductions and publications. */
export function IssueForm(props: {
  ctx: AdminContext;
  values: FormBody;
  picked: number[];
  problems?: FieldProblems | undefined;
  rows: PickerRow[];
  /** From when "since the last issue" counts. */
  since: string;
  /** Set when editing. */
  issueId?: number | undefined;
}) {
  const { ctx, values, problems, issueId } = props;
  const { t } = ctx;
  const v = (name: string) => field(values, name);
  return (
    <form method="post" action={issueId ? `/admin/newsletter/${issueId}` : '/admin/newsletter'}>
      <ErrorSummary ctx={ctx} problems={problems} />
      <CsrfField ctx={ctx} />
      {issueId ? <input type="hidden" name="version" value={v('version')} /> : null}
      <div class="field-row">
        <TextField
          ctx={ctx}
          name="subject_en"
          label={t('fieldSubjectEn')}
          value={v('subject_en')}
          maxLength={SUBJECT_MAX}
          dir="ltr"
          help={t('fieldSubjectHelp')}
          problems={problems}
        />
        <TextField
          ctx={ctx}
          name="subject_he"
          label={t('fieldSubjectHe')}
          value={v('subject_he')}
          maxLength={SUBJECT_MAX}
          dir="rtl"
          problems={problems}
        />
      </div>
      <div class="field-row">
        <TextArea
          ctx={ctx}
          name="intro_en"
          label={t('fieldIntroEn')}
          value={v('intro_en')}
          maxLength={INTRO_MAX}
          dir="ltr"
          problems={problems}
        />
        <TextArea
          ctx={ctx}
          name="intro_he"
          label={t('fieldIntroHe')}
          value={v('intro_he')}
          maxLength={INTRO_MAX}
          dir="rtl"
          problems={problems}
        />
      </div>
      <PublicationPicker ctx={ctx} rows={props.rows} picked={props.picked} problems={problems} />
      {/* Save comes first: pressing Enter in a field submits with the first button. */}
      <p class="panel-actions">
        <button type="submit" class="primary">
          {t('save')}
        </button>
        <button type="submit" name="intent" value="since-last" formNoValidate aria-describedby="since-last-help">
          {t('takeSinceLast')}
        </button>
      </p>
      <p id="since-last-help" class="help">
        {t('takeSinceLastHelp', { date: formatWhen(props.since, ctx) })}
      </p>
    </form>
  );
}

/** A sent (or sending) issue's texts, read-only. */
export function IssueSummary({ ctx, issue }: { ctx: AdminContext; issue: NewsletterIssue }) {
  const { t } = ctx;
  return (
    <dl class="issue-summary">
      <dt>{t('colStatus')}</dt>
      <dd>
        <span class={`status status-${issue.status}`}>{t(ISSUE_STATUS_LABEL[issue.status])}</span>
      </dd>
      <dt>{t('colSubject')}</dt>
      <dd>
        <Subjects issue={issue} />
      </dd>
      <dt>{t('colQueued')}</dt>
      <dd>
        <When ctx={ctx} iso={issue.queued_at} />
      </dd>
      <dt>{t('colFinished')}</dt>
      <dd>
        <When ctx={ctx} iso={issue.finished_at} />
      </dd>
    </dl>
  );
}

function Previews({ ctx, issueId }: { ctx: AdminContext; issueId: number }) {
  const { t } = ctx;
  const base = `/admin/newsletter/${issueId}/preview`;
  return (
    <section aria-labelledby="previews-heading">
      <h2 id="previews-heading">{t('previewsTitle')}</h2>
      <p class="help">{t('previewNote')}</p>
      <ul class="panel-links">
        {LANGUAGES.map((lang) => (
          <li key={lang}>
            <a href={`${base}?lang=${lang}`}>{t('previewMail', { lang: languageName(t, lang) })}</a> (
            <a href={`${base}?lang=${lang}&format=text`}>{t('previewText')}</a>)
          </li>
        ))}
      </ul>
    </section>
  );
}

function TestSend({ ctx, issueId }: { ctx: AdminContext; issueId: number }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="test-heading">
      <h2 id="test-heading">{t('testTitle')}</h2>
      <p class="help">{t('testHelp', { email: ctx.user?.email ?? '' })}</p>
      <form method="post" action={`/admin/newsletter/${issueId}/test`} class="schedule-form">
        <CsrfField ctx={ctx} />
        <label for="test_lang">{t('fieldLanguage')}</label>
        <select id="test_lang" name="lang">
          {LANGUAGES.map((lang) => (
            <option key={lang} value={lang} selected={lang === ctx.lang}>
              {languageName(t, lang)}
            </option>
          ))}
        </select>
        <button type="submit">{t('testSend')}</button>
      </form>
    </section>
  );
}

/** Sending to every confirmed subscriber, after ticking that the previews were checked. */
export function SendForm(props: {
  ctx: AdminContext;
  issue: NewsletterIssue;
  confirmed: number;
  problems: FieldProblems | undefined;
}) {
  const { ctx, issue, problems } = props;
  const { t } = ctx;
  return (
    <section aria-labelledby="send-heading">
      <h2 id="send-heading">{t('sendTitle')}</h2>
      <form method="post" action={`/admin/newsletter/${issue.id}/send`} class="narrow-form">
        <CsrfField ctx={ctx} />
        {/* The version the sender checked: an edit made since then stops the send. */}
        <input type="hidden" name="version" value={String(issue.version)} />
        <p>{t('sendHelp', { count: props.confirmed })}</p>
        <CheckboxField ctx={ctx} name="checked_previews" label={t('sendConfirm')} checked={false} problems={problems} />
        <button type="submit" class="primary">
          {t('sendButton')}
        </button>
      </form>
    </section>
  );
}

/** Previews and a test mail, for drafts and sent issues alike. */
export function IssueTools({ ctx, issue }: { ctx: AdminContext; issue: NewsletterIssue }) {
  return (
    <>
      <Previews ctx={ctx} issueId={issue.id} />
      <TestSend ctx={ctx} issueId={issue.id} />
    </>
  );
}
