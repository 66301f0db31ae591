import type { z } from 'zod';
import type { Messages } from '#web/i18n/messages.ts';

/**
 * What kind of mistake a zod issue is, in the words a form speaks to its user. The contract's
 * schema knows *that* a value is wrong; the catalog says *how to put it right*, per field where
 * the field has its own words («Skriv en tittel.») and in general terms otherwise.
 */
export type IssueKind =
  'required' | 'tooLong' | 'tooShort' | 'number' | 'wholeNumber' | 'tooSmall' | 'tooBig' | 'tooFew' | 'tooMany' | 'email' | 'date' | 'option' | 'invalid';

/** A field's own messages: one text for every kind, or a text per kind (the rest fall back to the catalog's general ones). */
export type FieldMessages<F extends string> = Partial<Record<F, string | Partial<Record<IssueKind, string>>>>;

type Issue = z.core.$ZodIssue;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function issueKind(issue: Issue): IssueKind {
  const input = (issue as { input?: unknown }).input;
  // An empty text is a missing value, whatever length or format the field asks for
  // (a password of at least 12 characters, an e-mail address, a date).
  if (input === '' && (issue.code === 'too_small' || issue.code === 'invalid_format')) return 'required';
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined || input === null || input === '') return 'required';
      if (issue.expected === 'int') return 'wholeNumber';
      if (issue.expected === 'number') return 'number';
      return 'invalid';
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? 'required' : 'tooShort';
      if (issue.origin === 'array' || issue.origin === 'set') return minimum <= 1 ? 'required' : 'tooFew';
      return 'tooSmall';
    }
    case 'too_big':
      if (issue.origin === 'string') return 'tooLong';
      if (issue.origin === 'array' || issue.origin === 'set') return 'tooMany';
      return 'tooBig';
    case 'invalid_format':
      if (issue.format === 'email') return 'email';
      if (issue.format === 'date' || (issue.format === 'regex' && issue.pattern === String(datePattern))) return 'date';
      return 'invalid';
    case 'invalid_value':
      return 'option';
    case 'not_multiple_of':
      return 'wholeNumber';
    case 'custom':
      // The contracts' one refinement of a well-formed string is «is this a real calendar date».
      return typeof input === 'string' && datePattern.test(input) ? 'date' : 'invalid';
    default:
      return 'invalid';
  }
}

/** The catalog's general text for an issue, with the bound it broke where it has one. */
export function generalMessage(issue: Issue, m: Messages): string {
  const v = m.validation;
  const kind = issueKind(issue);
  const bound = (value: unknown) => Number(value);
  switch (kind) {
    case 'tooLong':
      return v.tooLong(bound((issue as { maximum?: unknown }).maximum));
    case 'tooShort':
      return v.tooShort(bound((issue as { minimum?: unknown }).minimum));
    case 'tooSmall':
      return v.tooSmall(bound((issue as { minimum?: unknown }).minimum));
    case 'tooBig':
      return v.tooBig(bound((issue as { maximum?: unknown }).maximum));
    case 'tooFew':
      return v.tooFew(bound((issue as { minimum?: unknown }).minimum));
    case 'tooMany':
      return v.tooMany(bound((issue as { maximum?: unknown }).maximum));
    default:
      return v[kind];
  }
}

/** The Norwegian text for one issue on one field: the field's own words for it, or the catalog's general ones. */
export function issueMessage<F extends string>(issue: Issue, field: F | undefined, messages: FieldMessages<F>, m: Messages): string {
  const forField = field === undefined ? undefined : messages[field];
  if (typeof forField === 'string') return forField;
  return forField?.[issueKind(issue)] ?? generalMessage(issue, m);
}

/**
 * A failed parse as a form shows it: the first issue per field next to that field (the first
 * segment of the issue's path names it, as with the server's field problems), the rest above
 * the form.
 */
export function fieldErrorsFromIssues<F extends string>(
  issues: readonly Issue[],
  fields: readonly F[],
  messages: FieldMessages<F>,
  m: Messages,
): { byField: Partial<Record<F, string>>; unmatched: string[] } {
  const byField: Partial<Record<F, string>> = {};
  const unmatched: string[] = [];
  for (const issue of issues) {
    const head = String(issue.path[0] ?? '');
    const field = fields.find((candidate) => candidate === head);
    const message = issueMessage(issue, field, messages, m);
    if (field === undefined) {
      if (!unmatched.includes(message)) unmatched.push(message);
    } else if (byField[field] === undefined) {
      byField[field] = message;
    }
  }
  return { byField, unmatched };
}

/**
 * Checks a request body against its contract the way the server will, and says what is wrong
 * in the form's words. `reportInput` lets the mapping tell an empty field from a wrong one.
 */
export function validateBody<S extends z.ZodType, F extends string>(
  schema: S,
  body: z.input<S>,
  fields: readonly F[],
  messages: FieldMessages<F>,
  m: Messages,
): { ok: true } | { ok: false; byField: Partial<Record<F, string>>; unmatched: string[] } {
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return { ok: true };
  return { ok: false, ...fieldErrorsFromIssues(result.error.issues, fields, messages, m) };
}

/**
 * Everything a form's check finds before sending: the contract's issues in the form's words,
 * and `extra`, what the form knows beyond the contract (rules across fields the service checks,
 * a date the browser could not read); a field's contract issue comes first.
 */
export function checkForm<S extends z.ZodType, F extends string>(
  schema: S,
  body: z.input<S>,
  fields: readonly F[],
  messages: FieldMessages<F>,
  m: Messages,
  extra: Partial<Record<F, string>> = {},
): { errors: Partial<Record<F, string>>; other: string[] } {
  const result = validateBody(schema, body, fields, messages, m);
  const errors: Partial<Record<F, string>> = result.ok ? {} : { ...result.byField };
  for (const [field, message] of Object.entries(extra) as [F, string | undefined][]) {
    if (message && errors[field] === undefined) errors[field] = message;
  }
  return { errors, other: result.ok ? [] : result.unmatched };
}
