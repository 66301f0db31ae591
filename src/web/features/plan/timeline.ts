import type { Schedule } from '#shared/contracts/plan.schedule.ts';
import { daysBetween } from '#shared/calendar-dates.ts';

/** How much of the calendar one screen of the timeline shows. */
export const zoomLevels = ['weeks', 'months', 'quarters'] as const;
export type Zoom = (typeof zoomLevels)[number];

/** Pixels per day at each zoom: a week is 70 px, a month about 90 px, a quarter about 90 px. */
export const pxPerDay: Record<Zoom, number> = { weeks: 10, months: 3, quarters: 1 };

/**
 * «Kvartaler» is the overview: it fits the whole plan into the space the track has, so
 * a 1366 px screen shows every phase and milestone without scrolling sideways. Below
 * `floor` pixels per day a quarter gets too narrow for its «1. kv.», and the region
 * scrolls instead (a phone).
 */
export const quarterFloorPxPerDay = 0.4;

/** Pixels per day that fit `range` into `space` pixels (never below the floor, never above a quarter's 1 px). */
export function fitPxPerDay(range: { start: string; end: string }, space: number, floor = quarterFloorPxPerDay): number {
  const days = daysBetween(range.start, range.end) + 1;
  if (!(space > 0) || days <= 0) return pxPerDay.quarters;
  return Math.min(pxPerDay.quarters, Math.max(floor, space / days));
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
function iso(y: number, m: number, d: number): string {
  const date = new Date(Date.UTC(y, m - 1, d));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}
function ymd(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

/** The span the timeline covers: whole months around everything it shows, and today. */
export function timelineRange(schedule: Schedule): { start: string; end: string } {
  const dates = [
    schedule.today,
    ...schedule.phases.flatMap((phase) => [phase.start, phase.end]),
    ...schedule.milestones.map((milestone) => milestone.date),
    ...schedule.tasks.flatMap((task) => [task.plannedStart, task.dueDate].filter((date): date is string => date !== null)),
  ].sort();
  const [y0, m0] = ymd(dates[0]!);
  const [y1, m1] = ymd(dates[dates.length - 1]!);
  return { start: iso(y0, m0, 1), end: iso(y1, m1 + 1, 0) };
}

/** Where a date sits, in pixels from the start of the range, at `perDay` pixels a day (a zoom's, or a fitted one). */
export function offsetOf(rangeStart: string, date: string, perDay: Zoom | number): number {
  return daysBetween(rangeStart, date) * (typeof perDay === 'number' ? perDay : pxPerDay[perDay]);
}

/**
 * Which side of its diamond a milestone's name goes: to the right, unless that would run
 * past the end of the track (the plan's last dates: the end of the transition, a late
 * merger date on a fitted scale), then to the left, so the name is never cut.
 */
export function milestoneLabelSide(offset: number, trackWidth: number, labelWidth: number): 'right' | 'left' {
  return offset + labelWidth > trackWidth && offset - labelWidth >= 0 ? 'left' : 'right';
}

/** ISO 8601 week number. */
export function isoWeek(date: string): number {
  const [y, m, d] = ymd(date);
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0
  day.setUTCDate(day.getUTCDate() - weekday + 3); // Thursday of the week
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  return Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

export interface Tick {
  date: string;
  kind: 'week' | 'month' | 'quarter';
  /** Week number, month (1–12) or quarter (1–4), with its year. */
  number: number;
  year: number;
}

/** The scale's marks: Mondays, first days of months, or first days of quarters. */
export function ticks(range: { start: string; end: string }, zoom: Zoom): Tick[] {
  const result: Tick[] = [];
  const [y, m] = ymd(range.start);
  if (zoom === 'weeks') {
    const [, , d] = ymd(range.start);
    const first = new Date(Date.UTC(y, m - 1, d));
    const toMonday = (8 - first.getUTCDay()) % 7;
    for (let day = iso(y, m, d + toMonday); day <= range.end;) {
      result.push({ date: day, kind: 'week', number: isoWeek(day), year: ymd(day)[0] });
      const [yy, mm, dd] = ymd(day);
      day = iso(yy, mm, dd + 7);
    }
    return result;
  }
  const step = zoom === 'months' ? 1 : 3;
  let month = zoom === 'months' ? m : m + ((3 - ((m - 1) % 3)) % 3);
  for (let day = iso(y, month, 1); day <= range.end; day = iso(y, month, 1)) {
    const [yy, mm] = ymd(day);
    result.push(
      zoom === 'months' ? { date: day, kind: 'month', number: mm, year: yy } : { date: day, kind: 'quarter', number: Math.floor((mm - 1) / 3) + 1, year: yy },
    );
    month += step;
  }
  return result;
}

export type ListRow =
  | { kind: 'phase'; date: string; phase: Schedule['phases'][number] }
  | { kind: 'milestone'; date: string; milestone: Schedule['milestones'][number] }
  | { kind: 'task'; date: string; task: Schedule['tasks'][number] };

/** The list alternative: phases, milestones and tasks with dates, by date (phases first on a tie). */
export function listRows(schedule: Schedule): ListRow[] {
  const order = { phase: 0, milestone: 1, task: 2 } as const;
  const rows: ListRow[] = [
    ...schedule.phases.map((phase) => ({ kind: 'phase' as const, date: phase.start, phase })),
    ...schedule.milestones.map((milestone) => ({ kind: 'milestone' as const, date: milestone.date, milestone })),
    ...schedule.tasks
      .filter((task) => task.plannedStart !== null || task.dueDate !== null)
      .map((task) => ({ kind: 'task' as const, date: (task.plannedStart ?? task.dueDate)!, task })),
  ];
  return rows.sort((a, b) => a.date.localeCompare(b.date) || order[a.kind] - order[b.kind]);
}

/** Tasks with at least one date, grouped by phase and activity in checklist order. */
export function datedTasksByActivity(schedule: Schedule) {
  return schedule.phases.map((phase) => ({
    phase,
    activities: phase.activities
      .map((activity) => ({
        activity,
        tasks: schedule.tasks.filter((task) => task.activityId === activity.activityId && (task.plannedStart !== null || task.dueDate !== null)),
      }))
      .filter((group) => group.tasks.length > 0),
  }));
}
