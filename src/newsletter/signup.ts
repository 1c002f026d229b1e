import type { Catalog } from '../content/catalog.js';
import type { Db } from '../db/create-db.js';
import { isLang } from '../site/i18n/index.js';
import type { Lang } from '../db/schema.js';
import type { Mailer } from '../mail/mailer.js';
import { field, fieldList, type FormBody } from '../editorial/form-body.js';
import { alreadySubscribedMail, confirmationMail, mailContext } from './mail-views.js';
import { newsletterPaths } from './newsletter-paths.js';
import { redeemSolution } from './proof-of-work.js';
import { recordSignup, signupWaitMinutes } from './signup-limits.js';
import { normaliseEmail, signUp, type Preferences } from './subscribers.js';
import { manageLinks } from './manage-links.js';

/** Deliberately simple: one @, no spaces, a dot in the domain. The confirmation mail is the real check. */
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;

/** True for an address worth mailing (normalised first with `normaliseEmail`). */
export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email);
}

export interface SignupDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
}

export interface SignupRequest {
  email: string;
  prefs: Preferences;
  /** The honeypot was filled: a bot. */
  trapped: boolean;
  proof: string;
}

export type SignupProblem =
  | {
      field: 'email' | 'topics' | 'lang';
      key: 'newsletterInvalidEmail' | 'newsletterInvalidTopic' | 'newsletterInvalidLanguage';
    }
  | { field: 'form'; key: 'newsletterProofFailed' | 'newsletterMailFailed' }
  | { field: 'form'; key: 'newsletterTooMany'; minutes: number };

export function readSignupForm(body: FormBody, pageLang: Lang): SignupRequest {
  const lang = field(body, 'lang');
  return {
    email: normaliseEmail(field(body, 'email')),
    prefs: {
      lang: (lang === '' ? pageLang : lang) as Lang,
      topicIds: fieldList(body, 'topics').map((id) => (/^\d{1,9}$/.test(id) ? Number(id) : NaN)),
    },
    trapped: field(body, 'website') !== '',
    proof: field(body, 'pow'),
  };
}

/** Checks the fields; the first problem found, or undefined. */
export function checkSignupFields(catalog: Catalog, request: SignupRequest): SignupProblem | undefined {
  if (!isPlausibleEmail(request.email)) return { field: 'email', key: 'newsletterInvalidEmail' };
  if (!isLang(request.prefs.lang)) return { field: 'lang', key: 'newsletterInvalidLanguage' };
  if (request.prefs.topicIds.some((id) => !catalog.topicById.has(id)))
    return { field: 'topics', key: 'newsletterInvalidTopic' };
  return undefined;
}

/**
 * Runs a checked sign-up: proof of work, limits, the database, then the one mail. A bot
 * that filled the honeypot is answered like everyone else and nothing happens.
 */
export async function handleSignup(
  deps: SignupDeps,
  catalog: Catalog,
  request: SignupRequest,
  ip: string,
): Promise<SignupProblem | undefined> {
  if (request.trapped) return undefined;
  const solvedProof = request.proof !== '';
  if (solvedProof && !(await redeemSolution(deps.db, request.proof)))
    return { field: 'form', key: 'newsletterProofFailed' };
  const attempt = { email: request.email, ip, solvedProof };
  const minutes = await signupWaitMinutes(deps.db.kysely, attempt);
  if (minutes > 0) return { field: 'form', key: 'newsletterTooMany', minutes };
  await recordSignup(deps.db.kysely, attempt);
  const result = await signUp(deps.db.kysely, request.email, request.prefs);
  const ctx = mailContext(catalog, result.subscriber.lang);
  const mail =
    result.kind === 'confirmation-needed'
      ? confirmationMail(
          ctx,
          request.email,
          `${deps.publicUrl}${newsletterPaths.confirm(result.subscriber.lang)}?token=${result.confirmToken}`,
        )
      : alreadySubscribedMail(ctx, request.email, await manageLinks(deps, result.subscriber));
  try {
    await deps.mailer.send(mail);
  } catch {
    return { field: 'form', key: 'newsletterMailFailed' };
  }
  return undefined;
}
