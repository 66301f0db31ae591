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
