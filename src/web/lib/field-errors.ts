import type { FieldProblem } from '#shared/contracts/common.ts';

/**
 * Maps the API's field problems (`details: [{ path, message }]`) onto a form's fields.
 *
 * `path` is a dotted path into the request body; the first segment names the field
 * (`municipalities.1` → `municipalities`). Problems whose field the form does not have
 * are returned under `unmatched` so the page can still show them.
 * The first message per field wins.
 */
export function fieldErrorsFromProblems<F extends string>(
  problems: readonly FieldProblem[],
  fields: readonly F[],
): { byField: Partial<Record<F, string>>; unmatched: string[] } {
  const byField: Partial<Record<F, string>> = {};
  const unmatched: string[] = [];
  for (const problem of problems) {
    const head = problem.path.split('.')[0] ?? '';
    const field = fields.find((candidate) => candidate === head);
    if (field === undefined) {
      unmatched.push(problem.message);
    } else if (byField[field] === undefined) {
      byField[field] = problem.message;
    }
  }
  return { byField, unmatched };
}

/** The index in `municipalities.N`, for problems that point at one picked municipality. */
export function indexInPath(path: string, field: string): number | undefined {
  const match = new RegExp(`^${field}\\.(\\d+)$`).exec(path);
  return match ? Number(match[1]) : undefined;
}

/**
 * A field's message as the error summary reads it: with the field's name in front, unless
 * the message already names the field. Next to its field «Oppgi et tall.» is clear; in the
 * summary at the top of the form, and to a screen reader following its link, it says
 * nothing about which field. `label` is the field's visible label (or its group's legend).
 */
export function messageNamingField(label: string | null | undefined, message: string): string {
  const name = cleanLabel(label ?? '');
  if (name === '') return message;
  const words = (text: string) => text.toLocaleLowerCase('nb').normalize('NFC');
  if (words(message).includes(words(name))) return message;
  return `${name}: ${message}`;
}

/** A label without what decorates it: the required mark, a trailing colon, extra spaces. */
function cleanLabel(label: string): string {
  return label
    .replace(/\s+/g, ' ')
    .replace(/\s*\*\s*$/, '')
    .replace(/\s*\((?:valgfritt|påkrevd|må fylles ut)\)\s*$/i, '')
    .replace(/[\s:]+$/, '')
    .trim();
}
