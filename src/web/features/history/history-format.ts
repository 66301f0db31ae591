import type { AuditEntry } from '#shared/contracts/audit.ts';
import type { TaskStatus } from '#shared/contracts/checklist.ts';
import type { DecisionOutcome, DecisionState, DecisionTiming } from '#shared/contracts/decisions.ts';
import type { I18n } from '#web/i18n/messages.ts';
import { isIsoDate } from '#web/lib/dates.ts';
import { isMergerRole } from '#web/features/members/roles.ts';

export interface FormatContext extends I18n {
  /** Municipality number → name, for the merger's «Kommuner» field. */
  municipalityNames: ReadonlyMap<string, string>;
}

const taskStatuses: readonly string[] = ['not_started', 'in_progress', 'done', 'not_relevant'];

/** The field's Norwegian name; an unknown field keeps its own name rather than vanishing. */
export function fieldName(field: string, { m }: I18n): string {
  return m.history.fields[field] ?? field;
}

/**
 * One old or new value in words: statuses and roles by their Norwegian names, dates as
 * dd.mm.yyyy, municipalities by name. `null` (nothing there) is said as «(tom)».
 */
export function formatValue(field: string, value: unknown, context: FormatContext): string {
  const { m, fmt } = context;
  if (value === null || value === undefined || value === '') return m.history.emptyValue;
  if (field === 'status' && typeof value === 'string' && taskStatuses.includes(value)) return m.status[value as TaskStatus];
  if (field === 'role' && typeof value === 'string' && isMergerRole(value)) return m.roles[value];
  if (field === 'outcome' && typeof value === 'string' && value in m.decisions.outcomes) return m.decisions.outcomes[value as DecisionOutcome];
  if (field === 'state' && typeof value === 'string' && value in m.decisions.states) return m.decisions.states[value as DecisionState];
  if (field === 'timing' && typeof value === 'string' && value in m.decisions.timings) return m.decisions.timings[value as DecisionTiming];
  if (typeof value === 'string' && (field === 'dueDate' || field === 'mergerDate') && isIsoDate(value)) return fmt.date(value);
  if (field === 'municipalities' && Array.isArray(value)) {
    return fmt.list(
      value.map((item) => {
        const number = String(item);
        const name = context.municipalityNames.get(number);
        return name ? `${name} (${number})` : number;
      }),
    );
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return fmt.number(value);
  if (typeof value === 'boolean') return value ? m.common.yes : m.common.no;
  if (Array.isArray(value)) return fmt.list(value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))));
  return JSON.stringify(value);
}

/** «Oppgave», «Medlem», «Sammenslåingen» — or the API's own word for an entity the web does not know yet. */
export function entityName(entry: Pick<AuditEntry, 'entity'>, { m }: I18n): string {
  return m.history.entities[entry.entity] ?? entry.entity;
}
