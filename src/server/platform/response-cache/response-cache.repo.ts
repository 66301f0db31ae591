/** The scope the revision triggers (migration 0010) give changes to people (users). */
const globalScope = '00000000-0000-0000-0000-000000000000';

/**
 * SQL for the revision of a merger's data and of people, as one text
 * «merger.global» (decision 019): two numbers, because either may change
 * alone. A column for the statement a request runs anyway (its sign-in), so
 * checking a cached answer costs no round trip. `mergerParameter` is the
 * placeholder ($1, $2 …) that holds the merger id in that statement.
 */
export function revisionColumnSql(mergerParameter: `$${number}`): string {
  return `(coalesce((select r.revision from samla_cache.revisions r where r.scope = ${mergerParameter}), 0)::text
    || '.' || coalesce((select r.revision from samla_cache.revisions r where r.scope = '${globalScope}'), 0)::text)`;
}
