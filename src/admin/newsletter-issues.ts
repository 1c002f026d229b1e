import type { Kysely } from 'kysely';
import {
  DELIVERY_STATUSES,
  LANGUAGES,
  type Database,
  type DeliveryStatus,
  type Lang,
  type NewsletterIssue,
} from '../db/schema.js';
import type { FieldProblems } from '../editorial/editorial-errors.js';
import { field, fieldList, type FormBody } from '../editorial/form-body.js';

/*
 * Newsletter issues as the admin edits and follows them: the form's rules, saving with a
 * version check, the publication picker, and the per-recipient delivery report. Queueing
 * and sending belong to newsletter/send-queue.ts.
 */

export const SUBJECT_MAX = 200;
export const INTRO_MAX = 2000;
/** How many recent works (translation groups) the picker offers. */
export const PICKER_SIZE = 60;
export const ISSUES_PAGE_SIZE = 30;
export const DELIVERIES_PAGE_SIZE = 50;
/** With no issue sent yet, "everything since the last issue" means this far back. */
const FIRST_ISSUE_LOOKBACK_MS = 30 * 24 * 60 * 60 * 1000;

type IssueTextField = 'subject_en' | 'subject_he' | 'intro_en' | 'intro_he';

export interface IssueFields extends Record<IssueTextField, string> {
  /** Newest first: the order the mail lists them in. */
  publicationIds: number[];
}

export type DeliveryCounts = Record<DeliveryStatus, number>;

function checkLength(problems: FieldProblems, name: string, text: string, max: number) {
  const length = [...text].length;
  if (length > max) problems[name] = [{ code: 'too-long', params: { max, length } }];
}

/** More than the picker can offer; it bounds the SQL lists a hand-made request can cause. */
const MAX_PICKED = 500;

/** The ids ticked in the form, as numbers (anything else is dropped). */
export function pickedIds(body: FormBody): number[] {
  const ids = fieldList(body, 'publication_ids').filter((raw) => /^\d{1,9}$/.test(raw));
  return [...new Set(ids.map(Number))].slice(0, MAX_PICKED);
}

/** Published works among `ids`, newest first. */
async function publishedNewestFirst(db: Kysely<Database>, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('publications')
    .select('id')
    .where('id', 'in', ids)
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => r.id);
}

/** The four texts, trimmed; a subject is one mail header line, so line breaks in it become spaces. */
function issueTexts(body: FormBody): Record<IssueTextField, string> {
  const text = (name: IssueTextField) => field(body, name).trim();
  return {
    subject_en: text('subject_en').replace(/\s+/g, ' '),
    subject_he: text('subject_he').replace(/\s+/g, ' '),
    intro_en: text('intro_en'),
    intro_he: text('intro_he'),
  };
}

/** Reads and checks the issue form; `problems` is empty when it may be saved. */
export async function readIssueForm(
  db: Kysely<Database>,
  body: FormBody,
): Promise<{ fields: IssueFields; problems: FieldProblems }> {
  const text = issueTexts(body);
  const problems: FieldProblems = {};
  if (text.subject_en === '' && text.subject_he === '') problems.subject_en = [{ code: 'newsletter-subject-required' }];
  checkLength(problems, 'subject_en', text.subject_en, SUBJECT_MAX);
  checkLength(problems, 'subject_he', text.subject_he, SUBJECT_MAX);
  checkLength(problems, 'intro_en', text.intro_en, INTRO_MAX);
  checkLength(problems, 'intro_he', text.intro_he, INTRO_MAX);
  const ticked = pickedIds(body);
  const publicationIds = await publishedNewestFirst(db, ticked);
  if (ticked.length === 0) problems.publication_ids = [{ code: 'newsletter-publication-required' }];
  else if (publicationIds.length !== ticked.length) problems.publication_ids = [{ code: 'unknown-choice' }];
  return { fields: { ...text, publicationIds }, problems };
}

async function writeItems(db: Kysely<Database>, issueId: number, publicationIds: number[]) {
  await db.deleteFrom('newsletter_issue_items').where('issue_id', '=', issueId).execute();
  await db
    .insertInto('newsletter_issue_items')
    .values(publicationIds.map((publication_id, position) => ({ issue_id: issueId, publication_id, position })))
    .execute();
}

function textOf(fields: IssueFields): Record<IssueTextField, string> {
  const { subject_en, subject_he, intro_en, intro_he } = fields;
  return { subject_en, subject_he, intro_en, intro_he };
}

export async function createIssue(db: Kysely<Database>, userId: number, fields: IssueFields, now = new Date()) {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('newsletter_issues')
      .values({
        ...textOf(fields),
        status: 'draft',
        created_by: userId,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeItems(trx, id, fields.publicationIds);
    return id;
  });
}

/**
 * Saves a draft if it is still at `expectedVersion`: an editor never silently overwrites
 * what a colleague saved meanwhile, and nothing changes once sending has begun.
 */
export async function updateIssue(
  db: Kysely<Database>,
  id: number,
  fields: IssueFields,
  expectedVersion: number,
  now = new Date(),
): Promise<'saved' | 'conflict' | 'not-draft'> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('newsletter_issues')
      .set((eb) => ({ ...textOf(fields), updated_at: now.toISOString(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      const current = await trx
        .selectFrom('newsletter_issues')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirst();
      return current?.status === 'draft' ? 'conflict' : 'not-draft';
    }
    await writeItems(trx, id, fields.publicationIds);
    return 'saved';
  });
}

export async function issueItemIds(db: Kysely<Database>, issueId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('newsletter_issue_items')
    .select('publication_id')
    .where('issue_id', '=', issueId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.publication_id);
}

/** One work in the picker: its published language versions, English first. */
export interface PickerRow {
  translationGroup: string;
  ids: number[];
  titles: { lang: Lang; title: string }[];
  /** The newest version's publication date. */
  publishedAt: string;
}

interface PickerSource {
  id: number;
  lang: Lang;
  title: string;
  translation_group: string;
  published_at: string | null;
}

function groupRows(sources: PickerSource[]): PickerRow[] {
  const groups = new Map<string, Map<number, PickerSource>>();
  for (const source of sources) {
    const versions = groups.get(source.translation_group) ?? new Map<number, PickerSource>();
    groups.set(source.translation_group, versions.set(source.id, source));
  }
  return [...groups].map(([translationGroup, byId]) => {
    const versions = [...byId.values()];
    const inOrder = LANGUAGES.flatMap((lang) => versions.filter((v) => v.lang === lang));
    return {
      translationGroup,
      ids: inOrder.map((v) => v.id),
      titles: inOrder.map((v) => ({ lang: v.lang, title: v.title })),
      publishedAt: versions.map((v) => v.published_at ?? '').reduce((a, b) => (a > b ? a : b)),
    };
  });
}

/**
 * The PICKER_SIZE most recent published works, one row per translation group, plus the
 * older groups of `pickedIds`, so opening an old draft never drops a work it holds.
 */
export async function pickerRows(db: Kysely<Database>, pickedIds: number[]): Promise<PickerRow[]> {
  const columns = ['p.id', 'p.lang', 'p.title', 'p.translation_group', 'p.published_at'] as const;
  // A group has at most one version per language, so this many rows hold PICKER_SIZE groups.
  const recent = await db
    .selectFrom('publications as p')
    .select(columns)
    .where('p.status', '=', 'published')
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id', 'desc')
    .limit(PICKER_SIZE * LANGUAGES.length)
    .execute();
  const picked =
    pickedIds.length === 0
      ? []
      : await db
          .selectFrom('publications as p')
          .innerJoin('publications as chosen', 'chosen.translation_group', 'p.translation_group')
          .select(columns)
          .where('chosen.id', 'in', pickedIds)
          .where('p.status', '=', 'published')
          .execute();
  const shown = new Set([
    ...[...new Set(recent.map((r) => r.translation_group))].slice(0, PICKER_SIZE),
    ...picked.map((r) => r.translation_group),
  ]);
  return groupRows([...recent, ...picked])
    .filter((row) => shown.has(row.translationGroup))
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}

/** When the last issue began sending, or FIRST_ISSUE_LOOKBACK_MS ago when none has. */
export async function lastIssueSince(db: Kysely<Database>, now = new Date()): Promise<string> {
  const last = await db
    .selectFrom('newsletter_issues')
    .select((eb) => eb.fn.max('queued_at').as('at'))
    .executeTakeFirst();
  return last?.at ?? new Date(now.getTime() - FIRST_ISSUE_LOOKBACK_MS).toISOString();
}

export async function listIssues(db: Kysely<Database>, page: number) {
  const [issues, total] = await Promise.all([
    db
      .selectFrom('newsletter_issues')
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(ISSUES_PAGE_SIZE)
      .offset((page - 1) * ISSUES_PAGE_SIZE)
      .execute(),
    db
      .selectFrom('newsletter_issues')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { issues, total: Number(total.n), counts: await deliveryCounts(db, issues) };
}

function emptyCounts(): DeliveryCounts {
  return Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, 0])) as DeliveryCounts;
}

/** Deliveries per status, for each of `issues`. */
export async function deliveryCounts(
  db: Kysely<Database>,
  issues: Pick<NewsletterIssue, 'id'>[],
): Promise<Map<number, DeliveryCounts>> {
  const counts = new Map(issues.map((issue) => [issue.id, emptyCounts()]));
  if (issues.length === 0) return counts;
  const rows = await db
    .selectFrom('newsletter_deliveries')
    .select((eb) => ['issue_id', 'status', eb.fn.countAll<number>().as('n')])
    .where(
      'issue_id',
      'in',
      issues.map((issue) => issue.id),
    )
    .groupBy(['issue_id', 'status'])
    .execute();
  for (const row of rows) {
    const issueCounts = counts.get(row.issue_id);
    if (issueCounts) issueCounts[row.status] = Number(row.n);
  }
  return counts;
}

export interface DeliveryFilters {
  status: DeliveryStatus | undefined;
  page: number;
}

/** One issue's recipients, in queue order, with what happened to each mail. */
export async function listDeliveries(db: Kysely<Database>, issueId: number, filters: DeliveryFilters) {
  let q = db
    .selectFrom('newsletter_deliveries as d')
    .innerJoin('subscribers as s', 's.id', 'd.subscriber_id')
    .where('d.issue_id', '=', issueId);
  if (filters.status) q = q.where('d.status', '=', filters.status);
  const [rows, total] = await Promise.all([
    q
      .select(['d.id', 's.email', 's.lang', 'd.status', 'd.attempts', 'd.sent_at', 'd.last_error'])
      .orderBy('d.id')
      .limit(DELIVERIES_PAGE_SIZE)
      .offset((filters.page - 1) * DELIVERIES_PAGE_SIZE)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>['rows'][number];

export async function confirmedSubscriberCount(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('subscribers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
