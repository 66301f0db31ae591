import { addDays, daysBetween, daysInMonth, formatCalendarDate, parseCalendarDate } from '#shared/calendar-dates.ts';
import { type SystemFate } from '#shared/contracts/decisions.ts';
import { contractActions } from '#shared/contracts/contract-deadlines.ts';
import type { ChangeClause } from '#shared/contracts/inventory.ts';

/**
 * What must happen with each contract in the inventory when the municipalities
 * merge, and by when. Pure functions over plain data: `today` is passed in, and
 * every date is a calendar date 'YYYY-MM-DD' computed in UTC, so neither the
 * server's time zone nor daylight saving can move a deadline by a day.
 *
 * The rules:
 * - A contract that covers no system, or only systems whose fate is undecided,
 *   waits for the decision on its solution area (`await_decision`, no deadline).
 * - If any covered system continues, the contract must pass to the new
 *   municipality (`transfer`), by the day before the merger date. Unless its
 *   change clause says it transfers, a lawyer must look at it (`legalReview`).
 *   A contract that ends before the merger date runs out while the system is
 *   still needed, so it must be extended first (`extend_before_merger`; the
 *   legal review still applies, since it is to transfer afterwards).
 * - Otherwise every decided system is migrated or retired, and the contract
 *   is needed until the last of them is no longer needed (`neededUntil`): the
 *   day before the merger date when any of them must be replaced before the
 *   merger (or its timing is not set, the earlier and safer date), else the day
 *   before the end of the transition. A contract that ends before that day runs
 *   out while its system is still in use, so it must be extended
 *   (`extend_until_retired`). One that ends on that very day can simply run out
 *   (`let_expire`, deadline = end date; flag `check_auto_renewal`, since many
 *   renew themselves unless terminated). Any other must be terminated
 *   (`terminate`), with notice given by `latestNoticeDate`. If the notice period
 *   is unknown, so is the deadline (flag `notice_period_unknown`). If some
 *   covered systems are still undecided, the deadline is shown anyway, because
 *   a missed notice date is costly (flag `some_systems_undecided`).
 * - The deadline to extend is the latest notice date before the contract's end
 *   date (`latestNoticeDate(endDate, months)`): once that day has passed, the
 *   supplier can no longer be held to a notice period, and an extension has to
 *   be agreed from a weak position or the contract lapses. When the notice
 *   period is unknown it is the end date itself (flag `notice_period_unknown`:
 *   the real deadline is likely earlier). Like every deadline to act, it is
 *   overdue (red) the day after, also while the contract still runs.
 * - Notice periods are whole months that run from the end of the month in
 *   which notice is given: notice on 15 March with 3 months ends the contract
 *   on 30 June, as is usual in Norwegian contracts.
 */

export type { SystemFate };
export type ReplacementTiming = 'before_merger' | 'transition';

export interface ContractFacts {
  id: string;
  /** Agreed end date; null = runs until terminated. */
  endDate: string | null;
  /** Whole months; null = unknown. */
  noticePeriodMonths: number | null;
  /** Does the contract pass to the new municipality? */
  changeClause: ChangeClause | null;
  /** The fate of each system the contract covers, from the decision on its solution area, and when the replacement must be in place. */
  systems: ReadonlyArray<{ fate: SystemFate; timing: ReplacementTiming | null }>;
}

export interface DeadlineContext {
  /** The new municipality's first day (usually 1 January). */
  mergerDate: string;
  /** The first day after the transition period, counted like `mergerDate`: old systems are needed until the day before. */
  transitionEnd: string;
  /** Today's date in Norway (see `todayInOslo`). */
  today: string;
}

export type ContractAction = (typeof contractActions)[number];
export type ContractFlag = 'check_auto_renewal' | 'notice_period_unknown' | 'some_systems_undecided';
/** `overdue` and `expired` are what the web paints red. */
export type DeadlineStatus = 'overdue' | 'expired' | 'due_soon' | 'ok' | 'none';

export interface ContractDeadline {
  contractId: string;
  action: ContractAction;
  /** The last day to act; null when there is nothing to act on yet, or it cannot be known. */
  deadline: string | null;
  /** The last day the contract is needed; null when it must go on (transfer, extend_before_merger) or nothing is decided. */
  neededUntil: string | null;
  /** The change clause does not say the contract transfers, so a lawyer must look at it. */
  legalReview: boolean;
  flags: ContractFlag[];
  status: DeadlineStatus;
}

/** How far ahead a deadline counts as due soon. */
export const DUE_SOON_DAYS = 90;

// ---------------------------------------------------------------- calendar dates

export { addDays, daysBetween };

/**
 * The last day notice can be given so that a contract with `months` months'
 * notice has ended on or before `endBy`. Notice runs from the end of the month
 * it is given in, so the contract ends on the last day of a month: take the
 * last whole month that ends on or before `endBy` (`endBy`'s own month when it
 * is that month's last day, else the month before), go back `months` months,
 * and the answer is that month's last day. With 0 months, notice given on a
 * month's last day ends the contract that same day.
 *
 * endBy 2026-12-31, 3 months → 2026-09-30; endBy 2027-01-01 → also 2026-09-30;
 * endBy 2028-05-31, 3 months → 2028-02-29.
 */
export function latestNoticeDate(endBy: string, months: number): string {
  if (!Number.isInteger(months) || months < 0) {
    throw new RangeError(`A notice period is a whole number of months, not ${months}`);
  }
  const end = parseCalendarDate(endBy);
  const lastWholeMonthEndsOnEndBy = end.day === daysInMonth(end.year, end.month);
  // Months counted from year 0, so going back across years is plain subtraction.
  const index = end.year * 12 + (end.month - 1) - (lastWholeMonthEndsOnEndBy ? 0 : 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatCalendarDate({ year, month, day: daysInMonth(year, month) });
}

// ---------------------------------------------------------------- the rules

/** What must happen with one contract, and by when; the rules are at the top of this file. */
export function contractDeadline(contract: ContractFacts, context: DeadlineContext): ContractDeadline {
  const { mergerDate, transitionEnd, today } = context;
  // The rules compare dates as strings, which is only right for real dates in this one format.
  for (const date of [mergerDate, transitionEnd, today, contract.endDate]) if (date !== null) parseCalendarDate(date);
  const decided = contract.systems.filter((system) => system.fate !== 'undecided');
  const flags: ContractFlag[] = [];
  const result = (action: ContractAction, deadline: string | null, neededUntil: string | null, legalReview = false): ContractDeadline => ({
    contractId: contract.id,
    action,
    deadline,
    neededUntil,
    legalReview,
    flags,
    status: deadlineStatus({ action, deadline, endDate: contract.endDate }, today),
  });

  if (decided.length === 0) return result('await_decision', null, null);

  const months = contract.noticePeriodMonths;
  // The inventory only stores whole months; anything else is as good as unknown.
  const knownMonths = months !== null && Number.isInteger(months) && months >= 0 ? months : null;
  /** The last day to extend a contract that ends on `endDate`: see the rules. */
  const extendBy = (endDate: string) => {
    if (knownMonths === null) flags.push('notice_period_unknown');
    return knownMonths === null ? endDate : latestNoticeDate(endDate, knownMonths);
  };

  if (decided.some((system) => system.fate === 'continues')) {
    // A system that goes on needs its contract on the merger date, whatever happens to the others.
    const legalReview = contract.changeClause !== 'transfers';
    if (contract.endDate !== null && contract.endDate < mergerDate) {
      return result('extend_before_merger', extendBy(contract.endDate), null, legalReview);
    }
    return result('transfer', addDays(mergerDate, -1), null, legalReview);
  }

  if (decided.length < contract.systems.length) flags.push('some_systems_undecided');
  const neededUntil = decided.some((system) => system.timing !== 'transition') ? addDays(mergerDate, -1) : addDays(transitionEnd, -1);

  if (contract.endDate !== null && contract.endDate < neededUntil) {
    // It runs out while the system is still in use: letting it expire would leave the system without a contract.
    return result('extend_until_retired', extendBy(contract.endDate), neededUntil);
  }
  if (contract.endDate === neededUntil) {
    flags.push('check_auto_renewal');
    return result('let_expire', contract.endDate, neededUntil);
  }

  if (knownMonths === null) {
    flags.push('notice_period_unknown');
    return result('terminate', null, neededUntil);
  }
  return result('terminate', latestNoticeDate(neededUntil, knownMonths), neededUntil);
}

/**
 * How a contract's deadline reads today. A deadline that has passed is
 * overdue, except for a contract left to expire: reaching its end date is the
 * goal, so it then reads as expired. A contract whose end date has passed is
 * expired. A deadline within `DUE_SOON_DAYS` days (today included) is due soon.
 */
export function deadlineStatus(item: { action: ContractAction; deadline: string | null; endDate: string | null }, today: string): DeadlineStatus {
  const { action, deadline, endDate } = item;
  if (deadline !== null && deadline < today && action !== 'let_expire') return 'overdue';
  if (endDate !== null && endDate < today) return 'expired';
  if (deadline === null) return 'none';
  return daysBetween(today, deadline) <= DUE_SOON_DAYS ? 'due_soon' : 'ok';
}

/** Earliest deadline first, contracts without a deadline last, then by contract id so the order is stable. */
export function sortByDeadline<T extends { contractId: string; deadline: string | null }>(results: readonly T[]): T[] {
  return [...results].sort((a, b) => {
    if (a.deadline !== b.deadline) {
      if (a.deadline === null) return 1;
      if (b.deadline === null) return -1;
      return a.deadline < b.deadline ? -1 : 1;
    }
    return a.contractId < b.contractId ? -1 : a.contractId > b.contractId ? 1 : 0;
  });
}

/** Every contract's deadline, soonest first. */
export function contractDeadlines(contracts: readonly ContractFacts[], context: DeadlineContext): ContractDeadline[] {
  return sortByDeadline(contracts.map((contract) => contractDeadline(contract, context)));
}

// ---------------------------------------------------------------- deadlines in a window

export interface DateRange {
  from: string;
  /** The range's last day, included. */
  to: string;
}

/**
 * Which contracts can have their deadline in a date range, from the rules
 * above and the merger's dates alone, so a view of the next days can read only
 * those instead of computing every contract's deadline. A deadline is one of:
 * the day before the merger (transfer), the contract's end date (let_expire),
 * the latest notice date before one of the two days a contract can be needed
 * until (terminate), which depends only on the notice period, or the end date
 * or the latest notice date before it (extend_*). An extension is only for a
 * contract that ends before the later of those two days, and its deadline is
 * never after its end date, so its end date lies between the range's first day
 * and that later day. So a contract can fall in the range when every contract
 * can (the day before the merger is in it), when its end date is from the
 * range's first day to the range's last day or the last day a contract can be
 * needed, whichever is later, or when its notice period is one of a few month
 * counts. A superset: `contractDeadline` still decides.
 */
export interface DeadlineCandidates {
  everyContract: boolean;
  endDates: DateRange;
  noticePeriodMonths: number[];
}

export function deadlineCandidates(context: Pick<DeadlineContext, 'mergerDate' | 'transitionEnd'>, range: DateRange): DeadlineCandidates {
  const beforeMerger = addDays(context.mergerDate, -1);
  const beforeTransitionEnd = addDays(context.transitionEnd, -1);
  const months = new Set([...noticeMonthsEndingIn(beforeMerger, range), ...noticeMonthsEndingIn(beforeTransitionEnd, range)]);
  const lastNeeded = beforeMerger > beforeTransitionEnd ? beforeMerger : beforeTransitionEnd;
  return {
    everyContract: inRange(beforeMerger, range),
    endDates: { from: range.from, to: range.to > lastNeeded ? range.to : lastNeeded },
    noticePeriodMonths: [...months].sort((a, b) => a - b),
  };
}

/** Whether a contract passes the candidates' filter (what the read does in SQL). */
export function isDeadlineCandidate(contract: Pick<ContractFacts, 'endDate' | 'noticePeriodMonths'>, candidates: DeadlineCandidates): boolean {
  return (
    candidates.everyContract ||
    (contract.endDate !== null && inRange(contract.endDate, candidates.endDates)) ||
    (contract.noticePeriodMonths !== null && candidates.noticePeriodMonths.includes(contract.noticePeriodMonths))
  );
}

const inRange = (date: string, range: DateRange) => date >= range.from && date <= range.to;

/** The notice periods (whole months) whose latest notice date for `endBy` falls in the range. */
function noticeMonthsEndingIn(endBy: string, range: DateRange): number[] {
  // latestNoticeDate is the last day of the month `months` before the last whole month by endBy.
  const monthIndex = (date: string) => {
    const { year, month } = parseCalendarDate(date);
    return year * 12 + month - 1;
  };
  const latest = monthIndex(latestNoticeDate(endBy, 0));
  const months: number[] = [];
  for (let index = monthIndex(range.from); index <= monthIndex(range.to); index++) {
    const count = latest - index;
    if (count >= 0 && inRange(latestNoticeDate(endBy, count), range)) months.push(count);
  }
  return months;
}
