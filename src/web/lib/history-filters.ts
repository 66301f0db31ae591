import { isCalendarDate } from '#shared/calendar-dates.ts';

/** Every kind of row history records (the server's audit.presentation.ts), in the order the filter offers them. */
export const historyEntities = [
  'merger',
  'member',
  'task',
  'phase',
  'milestone',
  'decision',
  'system',
  'digitalService',
  'contract',
  'integration',
  'archive',
  'infrastructure',
  'itOrganisation',
  'intermunicipalCooperation',
  'risk',
  'mitigation',
  'riskMatrix',
  'benefit',
  'indicator',
  'measurement',
  'calendarFeed',
  'comment',
  'statusReport',
] as const;
export type HistoryEntity = (typeof historyEntities)[number];
export const historyActions = ['create', 'update', 'delete'] as const;
export type HistoryAction = (typeof historyActions)[number];

/** The history's filters as they live in the URL, so a reload or a shared link keeps them. */
export interface HistoryFilters {
  entity?: HistoryEntity | undefined;
  action?: HistoryAction | undefined;
  /** A user id. */
  actor?: string | undefined;
  /** `YYYY-MM-DD`, inclusive. */
  from?: string | undefined;
  /** `YYYY-MM-DD`, inclusive. */
  to?: string | undefined;
}

export const historyParam = { entity: 'hva', action: 'handling', actor: 'hvem', from: 'fra', to: 'til' } as const;

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(allowed: readonly T[], value: string | null): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** Reads the filters from the URL; anything unknown or malformed is ignored rather than an error. */
export function historyFiltersFromSearch(params: URLSearchParams): HistoryFilters {
  const actor = params.get(historyParam.actor);
  const from = params.get(historyParam.from);
  const to = params.get(historyParam.to);
  return {
    entity: oneOf(historyEntities, params.get(historyParam.entity)),
    action: oneOf(historyActions, params.get(historyParam.action)),
    actor: actor !== null && uuidPattern.test(actor) ? actor : undefined,
    from: from !== null && isCalendarDate(from) ? from : undefined,
    to: to !== null && isCalendarDate(to) ? to : undefined,
  };
}

export function historySearch(filters: HistoryFilters): string {
  const params = new URLSearchParams();
  for (const key of ['entity', 'action', 'actor', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) params.set(historyParam[key], value);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The same filters as the API's query (`entity`, `action`, `actor`, `from`, `to`), plus extra pairs. */
export function historyApiQuery(filters: HistoryFilters & { entityId?: string | undefined }, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams(extra);
  for (const key of ['entity', 'entityId', 'action', 'actor', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

export function hasHistoryFilters(filters: HistoryFilters): boolean {
  return Boolean(filters.entity || filters.action || filters.actor || filters.from || filters.to);
}
