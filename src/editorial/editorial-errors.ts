/** One problem with one form field: a message code and what the message needs. */
export interface FieldProblem {
  code: string;
  params?: Record<string, string | number>;
}

export type FieldProblems = Record<string, FieldProblem[]>;

/**
 * A refused editorial operation. `code` names the message shown to staff (see the admin's
 * strings); `fields` carries per-field problems so a form can show them beside the inputs.
 */
export class EditorialError extends Error {
  readonly code: string;
  readonly status: 400 | 403 | 404 | 409;
  readonly fields: FieldProblems;
  readonly params: Record<string, string | number>;
  constructor(
    code: string,
    status: 400 | 403 | 404 | 409,
    options: { fields?: FieldProblems; params?: Record<string, string | number> } = {},
  ) {
    super(code);
    this.code = code;
    this.status = status;
    this.fields = options.fields ?? {};
    this.params = options.params ?? {};
  }
}

export const forbidden = () => new EditorialError('forbidden', 403);
export const notFound = () => new EditorialError('not-found', 404);
