import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { inLang } from '../content/bilingual.js';
import type { Catalog } from '../content/catalog.js';
import type { Lang } from '../db/schema.js';
import type { OutgoingMail } from '../mail/mailer.js';
import { dirOf, formatDate, translator, type Translate } from '../site/i18n/index.js';
import type { IssueEntry } from './issue-content.js';

/**
 * Mail bodies. Mail clients ignore stylesheets, so styles are inline; there are no images
 * and no remote resources at all, so opening a mail tells nobody anything.
 */
const FONT = "font-family: Arial, 'Noto Sans Hebrew', 'Segoe UI', sans-serif;";
export const MAIL_BUTTON =
  'display: inline-block; padding: 10px 18px; background: #0b3a60; color: #ffffff; text-decoration: none; border-radius: 4px;';

export interface MailContext {
  lang: Lang;
  t: Translate;
  instituteName: string;
}

export function mailContext(catalog: Catalog, lang: Lang): MailContext {
  return { lang, t: translator(lang), instituteName: catalog.settings.instituteName[lang] };
}

/** The frame of every mail: institute name, heading, content and a footer, in the reader's direction. */
export function MailDocument(props: {
  ctx: MailContext;
  title: string;
  children: ComponentChildren;
  footer: ComponentChildren;
}) {
  const { lang } = props.ctx;
  const dir = dirOf(lang);
  return (
    <html lang={lang} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
      </head>
      <body style={`margin: 0; padding: 0; background: #f4f4f1; ${FONT}`}>
        <div
          dir={dir}
          style={`max-width: 640px; margin: 0 auto; padding: 24px; background: #ffffff; color: #1a1a1a; text-align: start; line-height: 1.5;`}
        >
          <p style="margin: 0 0 16px; font-size: 14px; color: #555555;">{props.ctx.instituteName}</p>
          <h1 style="margin: 0 0 16px; font-size: 24px;">{props.title}</h1>
          {props.children}
          <div style="margin-top: 32px; padding-top: 16px; border-top: 1px solid #dddddd; font-size: 13px; color: #555555;">
            {props.footer}
          </div>
        </div>
      </body>
    </html>
  );
}

/** A mail body as a complete HTML document. */
export function mailHtml(node: preact.VNode): string {
  return '<!doctype html>' + renderToString(node);
}

export function confirmationMail(ctx: MailContext, to: string, confirmUrl: string): OutgoingMail {
  const { t, instituteName: name } = ctx;
  const subject = t('mailConfirmSubject', { name });
  const intro = t('mailConfirmIntro', { name });
  const ignore = t('mailConfirmIgnore');
  return {
    to,
    subject,
    text: [intro, '', `${t('mailConfirmAction')}: ${confirmUrl}`, '', ignore].join('\n'),
    html: mailHtml(
      <MailDocument ctx={ctx} title={subject} footer={<p>{ignore}</p>}>
        <p>{intro}</p>
        <p>
          <a href={confirmUrl} style={MAIL_BUTTON}>
            {t('mailConfirmAction')}
          </a>
        </p>
      </MailDocument>,
    ),
  };
}

export interface ManageLinks {
  preferencesUrl: string;
  unsubscribeUrl: string;
}

function ManageFooter({ ctx, links, why }: { ctx: MailContext; links: ManageLinks; why: string }) {
  return (
    <>
      <p>{why}</p>
      <p>
        <a href={links.preferencesUrl}>{ctx.t('mailManage')}</a> ·{' '}
        <a href={links.unsubscribeUrl}>{ctx.t('mailUnsubscribe')}</a>
      </p>
    </>
  );
}

function manageText(ctx: MailContext, links: ManageLinks, why: string): string {
  return [
    why,
    `${ctx.t('mailManage')}: ${links.preferencesUrl}`,
    `${ctx.t('mailUnsubscribe')}: ${links.unsubscribeUrl}`,
  ].join('\n');
}

export function alreadySubscribedMail(ctx: MailContext, to: string, links: ManageLinks): OutgoingMail {
  const { t, instituteName: name } = ctx;
  const subject = t('mailAlreadySubject', { name });
  const intro = t('mailAlreadyIntro');
  const why = t('mailWhy', { name, topics: t('mailAnyTopics') });
  return {
    to,
    subject,
    text: [intro, '', manageText(ctx, links, why)].join('\n'),
    html: mailHtml(
      <MailDocument ctx={ctx} title={subject} footer={<ManageFooter ctx={ctx} links={links} why={why} />}>
        <p>{intro}</p>
      </MailDocument>,
    ),
  };
}

export interface IssueMailInput {
  subject: string;
  intro: string;
  entries: IssueEntry[];
  /** Names of the subscriber's topics; empty for all topics. */
  topicNames: string[];
  links: ManageLinks;
  /** Absolute URL of a publication. */
  publicationUrl: (lang: Lang, slug: string) => string;
  catalog: Catalog;
}

function byline(ctx: MailContext, input: IssueMailInput, entry: IssueEntry): string {
  const authors = entry.card.authorIds.flatMap((id) => {
    const person = input.catalog.personById.get(id);
    return person ? [inLang(person, 'name', ctx.lang)] : [];
  });
  const date = formatDate(entry.card.publishedAt, ctx.lang);
  return authors.length > 0 ? `${ctx.t('by')} ${authors.join(', ')} · ${date}` : date;
}

function IssueEntryView({ ctx, input, entry }: { ctx: MailContext; input: IssueMailInput; entry: IssueEntry }) {
  const type = input.catalog.typeById.get(entry.card.typeId);
  const url = input.publicationUrl(ctx.lang, entry.card.slug);
  return (
    <div style="margin: 0 0 24px;">
      {type ? <p style="margin: 0; font-size: 13px; color: #555555;">{inLang(type, 'name', ctx.lang)}</p> : null}
      <h2 style="margin: 4px 0; font-size: 19px;">
        <a href={url} style="color: #0b3a60;">
          {entry.card.title}
        </a>
      </h2>
      <p style="margin: 0 0 6px; font-size: 13px; color: #555555;">{byline(ctx, input, entry)}</p>
      <p style="margin: 0;">{entry.card.summary}</p>
    </div>
  );
}

/** One issue as one subscriber receives it: their language, their topics, their links. */
export function issueMail(ctx: MailContext, to: string, input: IssueMailInput): OutgoingMail {
  const { t, instituteName: name } = ctx;
  const topics = input.topicNames.length > 0 ? input.topicNames.join(', ') : t('mailAnyTopics');
  const why = t('mailWhy', { name, topics });
  const text = [
    input.intro,
    ...input.entries.map((entry) =>
      [
        entry.card.title,
        byline(ctx, input, entry),
        entry.card.summary,
        input.publicationUrl(ctx.lang, entry.card.slug),
      ].join('\n'),
    ),
    '--',
    manageText(ctx, input.links, why),
  ]
    .filter((part) => part !== '')
    .join('\n\n');
  return {
    to,
    subject: input.subject,
    text,
    html: mailHtml(
      <MailDocument ctx={ctx} title={input.subject} footer={<ManageFooter ctx={ctx} links={input.links} why={why} />}>
        {input.intro ? <p style="margin: 0 0 24px;">{input.intro}</p> : null}
        {input.entries.map((entry) => (
          <IssueEntryView key={entry.card.id} ctx={ctx} input={input} entry={entry} />
        ))}
      </MailDocument>,
    ),
  };
}
