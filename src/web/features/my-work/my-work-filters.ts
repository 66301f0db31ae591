import type { MyWorkKind, MyWorkQuery } from '#shared/contracts/my-work.ts';

// The contract's kinds, written out: the route table reads the filters, and must not load zod for it.
const kinds: readonly MyWorkKind[] = ['task', 'mitigation', 'benefit', 'decision'];

/** The filters as they live in the address, so a reload or a shared link keeps them. */
export const myWorkParam = { merger: 'sammenslaaing', status: 'status', kind: 'type' } as const;
export const myWorkStatusValues = ['open', 'done', 'all'] as const;
type StatusValue = (typeof myWorkStatusValues)[number];

export function myWorkQueryFromSearch(search: URLSearchParams): MyWorkQuery {
  const status = search.get(myWorkParam.status);
  const kind = search.get(myWorkParam.kind);
  return {
    mergerId: search.get(myWorkParam.merger) || undefined,
    status: (myWorkStatusValues as readonly string[]).includes(status ?? '') ? (status as StatusValue) : 'open',
    kind: (kinds as readonly string[]).includes(kind ?? '') ? (kind as MyWorkKind) : undefined,
  };
}
