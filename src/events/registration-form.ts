import { field, type FormBody } from '../editorial/form-body.js';
import { isPlausibleEmail } from '../newsletter/signup.js';
import { normaliseEmail } from '../newsletter/subscribers.js';

export const MAX_NAME = 200;
export const MAX_ORGANISATION = 200;

/** A registration as submitted: the person, plus the abuse checks' fields. */
export interface RegistrationRequest {
  name: string;
  email: string;
  organisation: string;
  /** The honeypot was filled: a bot. */
  trapped: boolean;
  /** A solved proof of work, or '' when the browser ran no script. */
  proof: string;
}

export type RegistrationField = 'name' | 'email' | 'organisation';

/** A field that needs correcting, named by its message key. */
export interface FieldProblem {
  field: RegistrationField;
  key: 'eventRegInvalidName' | 'eventRegInvalidEmail' | 'eventRegInvalidOrganisation';
}

/** One line of text: control characters and runs of whitespace become single spaces. */
function oneLine(value: string): string {
  return value.replace(/[\p{Cc}\s]+/gu, ' ').trim();
}

export function readRegistrationForm(body: FormBody): RegistrationRequest {
  return {
    name: oneLine(field(body, 'name')),
    email: normaliseEmail(field(body, 'email')),
    organisation: oneLine(field(body, 'organisation')),
    trapped: field(body, 'website') !== '',
    proof: field(body, 'pow'),
  };
}

/** The first field that needs correcting, or undefined. */
export function checkRegistrationFields(request: RegistrationRequest): FieldProblem | undefined {
  if (request.name === '' || request.name.length > MAX_NAME) return { field: 'name', key: 'eventRegInvalidName' };
  if (!isPlausibleEmail(request.email)) return { field: 'email', key: 'eventRegInvalidEmail' };
  if (request.organisation.length > MAX_ORGANISATION)
    return { field: 'organisation', key: 'eventRegInvalidOrganisation' };
  return undefined;
}
