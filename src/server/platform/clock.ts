import { todayInOslo } from '#shared/calendar-dates.ts';

/**
 * The one clock: services read the time as `ctx.now()`, never `new Date()`,
 * so a test (buildApp's `now`) can set it and make «overdue» or an expiry
 * deterministic.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** Today's calendar date in Norway by the caller's clock. */
export function todayOf(ctx: { now: Clock }): string {
  return todayInOslo(ctx.now());
}
