import { sql, type SQL } from 'drizzle-orm';

/** The scope the revision triggers (migration 0010) give changes to people (users). */
const globalScope = '00000000-0000-0000-0000-000000000000';

/**
 * The revision of a merger's data and of people, as one text «merger.global»
 * (decision 019): two numbers, because either may change alone. A fragment
 * for the statement a request runs anyway, so checking costs no round trip.
 */
export function dataRevisionSql(mergerId: string): SQL<string> {
  return sql<string>`(coalesce((select r.revision from samla_cache.revisions r where r.scope = ${mergerId}), 0)::text
    || '.' || coalesce((select r.revision from samla_cache.revisions r where r.scope = ${globalScope}), 0)::text)`;
}
