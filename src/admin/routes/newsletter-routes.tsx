import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { audit } from '../../audit/audit-log.js';
import { can } from '../../auth/policy.js';
import { inLang } from '../../content/bilingual.js';
import { DELIVERY_STATUSES, LANGUAGES, type DeliveryStatus, type Lang, type NewsletterIssue } from '../../db/schema.js';
import { EditorialError, type FieldProblems } from '../../editorial/editorial-errors.js';
import { field, type FormBody } from '../../editorial/form-body.js';
import type { OutgoingMail } from '../../mail/mailer.js';
import { issueEntries } from '../../newsletter/issue-content.js';
import { issueMail, mailContext } from '../../newsletter/mail-views.js';
import { newsletterPaths } from '../../newsletter/newsletter-paths.js';
import { issueSubject, queueIssue } from '../../newsletter/send-queue.js';
import { dirOf } from '../../site/i18n/index.js';
import { paths } from '../../site/paths.js';
import { idParam, noticeParam, pageParam, queryOf, formBody } from '../admin-params.js';
import type { AdminContext } from '../admin-context.js';
import type { AdminKit } from '../admin-plugin.js';
import { languageName } from '../i18n/index.js';
import {
  confirmedSubscriberCount,
  createIssue,
  deliveryCounts,
  DELIVERIES_PAGE_SIZE,
  ISSUES_PAGE_SIZE,
  issueItemIds,
  lastIssueSince,
  listDeliveries,
  listIssues,
  pickedIds,
  pickerRows,
  readIssueForm,
  updateIssue,
  type DeliveryFilters,
} from '../newsletter-issues.js';
import { Alert } from '../views/fields.js';
import { DeliveryReport } from '../views/delivery-report-views.js';
import { IssueForm, IssueList, IssueSummary, IssueTools, SendForm } from '../views/newsletter-views.js';
import { registerSubscriberRoutes } from './subscriber-routes.js';

/*
 * Newsletter issues: compose and edit drafts, preview and test them, send them once, and
 * follow each recipient's delivery. Subscriber pages are registered from here too.
 */

/** The mail preview is a mail, not an admin page: inline styles only, and no script at all. */
const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'self'";

interface PageOptions {
  alert?: string;
  status?: number;
}

interface IssuePageOptions extends PageOptions {
  /** Problems with the send form (the unticked confirmation). */
  sendProblems?: FieldProblems;
}

interface FormOptions extends IssuePageOptions {
  issueId?: number;
  values: FormBody;
  picked: number[];
  problems?: FieldProblems;
  notice?: string;
  extra?: ComponentChildren;
}

function issueValues(issue: NewsletterIssue, itemIds: number[]): FormBody {
  return {
    subject_en: issue.subject_en,
    subject_he: issue.subject_he,
    intro_en: issue.intro_en,
    intro_he: issue.intro_he,
    publication_ids: itemIds.map(String),
    version: String(issue.version),
  };
}

function deliveryFilters(query: Record<string, unknown>): DeliveryFilters {
  const status = String(query.status ?? '');
  return {
    status: (DELIVERY_STATUSES as readonly string[]).includes(status) ? (status as DeliveryStatus) : undefined,
    page: pageParam(query.page),
  };
}

export function registerNewsletterAdminRoutes(admin: FastifyInstance, kit: AdminKit) {
  const deps = kit.deps;
  const db = deps.db.kysely;

  async function findIssue(id: number): Promise<NewsletterIssue> {
    const issue = await db.selectFrom('newsletter_issues').selectAll().where('id', '=', id).executeTakeFirst();
    if (!issue) throw new EditorialError('not-found', 404);
    return issue;
  }

  /** The issue in `lang` as a subscriber who chose no topics gets it, or undefined when nothing is in that language. */
  async function sampleMail(issue: NewsletterIssue, lang: Lang, to: string): Promise<OutgoingMail | undefined> {
    const entries = await issueEntries(db, issue.id, lang);
    if (entries.length === 0) return undefined;
    const catalog = await deps.content.getCatalog();
    // Real links are signed per subscriber; these only show where they lead.
    const placeholder = (path: string) => `${deps.publicUrl}${path}?token=preview`;
    return issueMail(mailContext(catalog, lang), to, {
      subject: issueSubject(issue, lang),
      intro: inLang(issue, 'intro', lang),
      entries,
      topicNames: [],
      links: {
        preferencesUrl: placeholder(newsletterPaths.preferences(lang)),
        unsubscribeUrl: placeholder(newsletterPaths.unsubscribe(lang)),
      },
      publicationUrl: (pubLang, slug) => deps.publicUrl + paths.publication(pubLang, slug),
      catalog,
    });
  }

  async function issueContext(request: FastifyRequest, reply: FastifyReply): Promise<AdminContext> {
    const raw = queryOf(request).notice;
    const ctx = await kit.context(request, reply, noticeParam(raw));
    // This notice names the address, so it is built here rather than taken from the URL.
    if (raw === 'testSent') ctx.notice = ctx.t('newsletterTestSent', { email: ctx.user?.email ?? '' });
    return ctx;
  }

  /** The new-issue form, or a draft's form with its previews, test and send forms. */
  async function renderForm(request: FastifyRequest, reply: FastifyReply, options: FormOptions) {
    const ctx = await issueContext(request, reply);
    if (options.notice) ctx.notice = options.notice;
    const [rows, since, issue, confirmed] = await Promise.all([
      pickerRows(db, options.picked),
      lastIssueSince(db),
      options.issueId === undefined ? undefined : findIssue(options.issueId),
      confirmedSubscriberCount(db),
    ]);
    return kit.page(
      reply,
      ctx,
      issue ? ctx.t('editIssue') : ctx.t('newIssue'),
      <>
        <p>
          <a href="/admin/newsletter">{ctx.t('newsletterTitle')}</a>
        </p>
        <Alert text={options.alert} />
        {options.extra}
        <IssueForm
          ctx={ctx}
          values={options.values}
          picked={options.picked}
          problems={options.problems}
          rows={rows}
          since={since}
          issueId={options.issueId}
        />
        {issue ? (
          <>
            <IssueTools ctx={ctx} issue={issue} />
            <SendForm ctx={ctx} issue={issue} confirmed={confirmed} problems={options.sendProblems} />
          </>
        ) : null}
      </>,
      options.status ?? 200,
    );
  }

  /** A sent or sending issue: its texts, how delivery is going, previews and a test. */
  async function renderReport(
    request: FastifyRequest,
    reply: FastifyReply,
    issue: NewsletterIssue,
    options: PageOptions,
  ) {
    const ctx = await issueContext(request, reply);
    const actor = kit.actor(request);
    const filters = deliveryFilters(queryOf(request));
    const counts = (await deliveryCounts(db, [issue])).get(issue.id)!;
    // The recipient list shows addresses, so only those who may see subscribers get it.
    const recipients = can(actor, 'subscribers.view')
      ? { ...(await listDeliveries(db, issue.id, filters)), perPage: DELIVERIES_PAGE_SIZE, filters }
      : undefined;
    return kit.page(
      reply,
      ctx,
      issueSubject(issue, ctx.lang),
      <>
        <p>
          <a href="/admin/newsletter">{ctx.t('newsletterTitle')}</a>
        </p>
        <Alert text={options.alert} />
        <IssueSummary ctx={ctx} issue={issue} />
        <DeliveryReport ctx={ctx} issueId={issue.id} counts={counts} recipients={recipients} />
        <IssueTools ctx={ctx} issue={issue} />
      </>,
      options.status ?? 200,
    );
  }

  /** The issue as stored: the edit form while it is a draft, the delivery report once sending began. */
  async function renderIssuePage(
    request: FastifyRequest,
    reply: FastifyReply,
    issue: NewsletterIssue,
    options: IssuePageOptions = {},
  ) {
    if (issue.status !== 'draft') return renderReport(request, reply, issue, options);
    const itemIds = await issueItemIds(db, issue.id);
    return renderForm(request, reply, {
      ...options,
      issueId: issue.id,
      values: issueValues(issue, itemIds),
      picked: itemIds,
    });
  }

  /** "Take everything since the last issue": ticks those works on top of what was typed; saves nothing. */
  async function tickSinceLast(request: FastifyRequest, reply: FastifyReply, values: FormBody, issueId?: number) {
    const since = await lastIssueSince(db);
    const recent = (await pickerRows(db, [])).filter((row) => row.publishedAt > since);
    const picked = [...new Set([...pickedIds(values), ...recent.map((row) => row.ids[0]!)])];
    const ctx = await kit.context(request, reply);
    return renderForm(request, reply, {
      issueId,
      values,
      picked,
      notice: ctx.t('tickedSinceLast', { count: recent.length }),
    });
  }

  /** Why the issue may not be sent now, as the page options to show; undefined when it may. */
  async function sendRefusal(
    issue: NewsletterIssue,
    body: FormBody,
    ctx: AdminContext,
  ): Promise<IssuePageOptions | undefined> {
    if (issue.status !== 'draft') return { alert: ctx.t('alreadySent'), status: 409 };
    // The sender vouched for the previews of the version they saw; a later edit needs a new look.
    if (Number(field(body, 'version')) !== issue.version)
      return { alert: ctx.t('issueChangedSinceChecked', { version: issue.version }), status: 409 };
    if (field(body, 'checked_previews') !== '1')
      return { sendProblems: { checked_previews: [{ code: 'send-confirm-required' }] }, status: 400 };
    const entries = await Promise.all(LANGUAGES.map((lang) => issueEntries(db, issue.id, lang)));
    if (entries.every((inLanguage) => inLanguage.length === 0)) return { alert: ctx.t('nothingToSend'), status: 400 };
    return undefined;
  }

  admin.get<{ Querystring: Record<string, unknown> }>('/newsletter', async (request, reply) => {
    kit.actor(request, 'newsletter.send');
    const ctx = await kit.context(request, reply, noticeParam(request.query.notice));
    const page = pageParam(request.query.page);
    const { issues, total, counts } = await listIssues(db, page);
    const pages = Math.max(1, Math.ceil(total / ISSUES_PAGE_SIZE));
    return kit.page(
      reply,
      ctx,
      ctx.t('newsletterTitle'),
      <IssueList ctx={ctx} issues={issues} counts={counts} page={page} pages={pages} />,
    );
  });

  admin.get('/newsletter/new', async (request, reply) => {
    kit.actor(request, 'newsletter.send');
    return renderForm(request, reply, { values: {}, picked: [] });
  });

  admin.post('/newsletter', async (request, reply) => {
    const actor = kit.actor(request, 'newsletter.send');
    const values = formBody(request);
    if (field(values, 'intent') === 'since-last') return tickSinceLast(request, reply, values);
    const { fields, problems } = await readIssueForm(db, values);
    if (Object.keys(problems).length)
      return renderForm(request, reply, { values, picked: pickedIds(values), problems, status: 400 });
    const id = await createIssue(db, actor.id, fields);
    return reply.redirect(`/admin/newsletter/${id}?notice=created`, 303);
  });

  admin.get<{ Params: { id: string } }>('/newsletter/:id', async (request, reply) => {
    kit.actor(request, 'newsletter.send');
    return renderIssuePage(request, reply, await findIssue(idParam(request.params.id)));
  });

  admin.post<{ Params: { id: string } }>('/newsletter/:id', async (request, reply) => {
    kit.actor(request, 'newsletter.send');
    const id = idParam(request.params.id);
    const issue = await findIssue(id);
    const values = formBody(request);
    const ctx = await kit.context(request, reply);
    if (issue.status !== 'draft')
      return renderIssuePage(request, reply, issue, { alert: ctx.t('issueNotDraft'), status: 409 });
    if (field(values, 'intent') === 'since-last') return tickSinceLast(request, reply, values, id);
    const { fields, problems } = await readIssueForm(db, values);
    const picked = pickedIds(values);
    if (Object.keys(problems).length)
      return renderForm(request, reply, { issueId: id, values, picked, problems, status: 400 });
    const outcome = await updateIssue(db, id, fields, Number(field(values, 'version')));
    if (outcome === 'saved') return reply.redirect(`/admin/newsletter/${id}?notice=saved`, 303);
    const current = await findIssue(id);
    if (outcome === 'not-draft')
      return renderIssuePage(request, reply, current, { alert: ctx.t('issueNotDraft'), status: 409 });
    // Conflict: keep what this editor typed, show what was saved meanwhile beside it.
    return renderForm(request, reply, {
      issueId: id,
      values: { ...values, version: String(current.version) },
      picked,
      alert: ctx.t('issueConflict', { version: current.version }),
      extra: <TheirVersion ctx={ctx} issue={current} />,
      status: 409,
    });
  });

  admin.get<{ Params: { id: string }; Querystring: Record<string, unknown> }>(
    '/newsletter/:id/preview',
    async (request, reply) => {
      const actor = kit.actor(request, 'newsletter.send');
      const issue = await findIssue(idParam(request.params.id));
      const lang: Lang = request.query.lang === 'he' ? 'he' : 'en';
      const mail = await sampleMail(issue, lang, actor.email);
      if (!mail) {
        const ctx = await kit.context(request, reply);
        const text = ctx.t('previewEmpty', { lang: languageName(ctx.t, lang) });
        return kit.page(reply, ctx, ctx.t('previewsTitle'), <PreviewUnavailable ctx={ctx} issue={issue} text={text} />);
      }
      reply.header('content-security-policy', PREVIEW_CSP).header('x-frame-options', 'SAMEORIGIN');
      if (request.query.format === 'text') return reply.type('text/plain; charset=utf-8').send(mail.text);
      return reply.type('text/html; charset=utf-8').send(mail.html);
    },
  );

  admin.post<{ Params: { id: string } }>('/newsletter/:id/test', async (request, reply) => {
    const actor = kit.actor(request, 'newsletter.send');
    const issue = await findIssue(idParam(request.params.id));
    const lang: Lang = field(formBody(request), 'lang') === 'he' ? 'he' : 'en';
    const ctx = await kit.context(request, reply);
    const mail = await sampleMail(issue, lang, actor.email);
    if (!mail)
      return renderIssuePage(request, reply, issue, {
        alert: ctx.t('previewEmpty', { lang: languageName(ctx.t, lang) }),
        status: 400,
      });
    try {
      await deps.mailer.send(mail);
    } catch (error) {
      request.log.warn({ err: error }, 'newsletter test mail failed');
      return renderIssuePage(request, reply, issue, {
        alert: ctx.t('testFailed', { error: String((error as Error).message ?? error) }),
        status: 502,
      });
    }
    return reply.redirect(`/admin/newsletter/${issue.id}?notice=testSent`, 303);
  });

  admin.post<{ Params: { id: string } }>('/newsletter/:id/send', async (request, reply) => {
    const actor = kit.actor(request, 'newsletter.send');
    const issue = await findIssue(idParam(request.params.id));
    const ctx = await kit.context(request, reply);
    const refusal = await sendRefusal(issue, formBody(request), ctx);
    if (refusal) return renderIssuePage(request, reply, issue, refusal);
    const recipients = await queueIssue(db, issue.id, issue.version);
    // Two editors may press send at once, or one may save meanwhile; queueIssue lets
    // through exactly one send of the version that was checked.
    if (recipients === undefined)
      return renderIssuePage(request, reply, await findIssue(issue.id), { alert: ctx.t('alreadySent'), status: 409 });
    await audit(db, actor, {
      action: 'newsletter-send',
      entity: 'newsletter_issue',
      entityId: issue.id,
      before: { status: 'draft', version: issue.version },
      after: { status: 'sending', recipients },
    });
    return reply.redirect(`/admin/newsletter/${issue.id}?notice=newsletterQueued`, 303);
  });

  registerSubscriberRoutes(admin, kit);
}

/** The saved texts shown beside the editor's own after a conflict. */
function TheirVersion({ ctx, issue }: { ctx: AdminContext; issue: NewsletterIssue }) {
  return (
    <details class="conflict-theirs" open>
      <summary>{ctx.t('conflictTheirs')}</summary>
      {LANGUAGES.map((lang) => (
        <div key={lang} lang={lang} dir={dirOf(lang)}>
          <h2>{inLang(issue, 'subject', lang) || '—'}</h2>
          <p class="plain-text">{inLang(issue, 'intro', lang)}</p>
        </div>
      ))}
    </details>
  );
}

/** Why there is no preview, with the way back to the issue. */
function PreviewUnavailable({ ctx, issue, text }: { ctx: AdminContext; issue: NewsletterIssue; text: string }) {
  return (
    <>
      <Alert text={text} />
      <p>
        <a href={`/admin/newsletter/${issue.id}`}>{issueSubject(issue, ctx.lang) || ctx.t('newsletterTitle')}</a>
      </p>
    </>
  );
}
