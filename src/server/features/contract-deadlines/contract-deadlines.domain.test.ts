import { describe, expect, it } from 'vitest';
import {
  addDays,
  type ContractDeadline,
  contractDeadline,
  contractDeadlines,
  type ContractFacts,
  daysBetween,
  deadlineCandidates,
  deadlineStatus,
  type DeadlineContext,
  isDeadlineCandidate,
  latestNoticeDate,
  sortByDeadline,
} from './contract-deadlines.domain.ts';

// A merger on 1 January 2027 with a year of transition, seen from early 2026.
const context: DeadlineContext = { mergerDate: '2027-01-01', transitionEnd: '2028-01-01', today: '2026-03-01' };

function contract(facts: Partial<ContractFacts> = {}): ContractFacts {
  return {
    id: 'c1',
    endDate: null,
    noticePeriodMonths: 3,
    changeClause: 'transfers',
    systems: [{ fate: 'retired', timing: 'before_merger' }],
    ...facts,
  };
}

describe('latestNoticeDate', () => {
  it('counts notice from the end of the month it is given in', () => {
    expect(latestNoticeDate('2026-12-31', 3)).toBe('2026-09-30');
    expect(latestNoticeDate('2026-06-30', 3)).toBe('2026-03-31');
  });
  it('gives the same date for a merger on 1 January as for the day before', () => {
    expect(latestNoticeDate('2027-01-01', 3)).toBe('2026-09-30');
  });
  it('only counts whole months that end on or before the date', () => {
    expect(latestNoticeDate('2026-12-30', 3)).toBe('2026-08-31');
    expect(latestNoticeDate('2026-12-15', 1)).toBe('2026-10-31');
  });
  it('with no notice period, notice on the last day of a month ends the contract that day', () => {
    expect(latestNoticeDate('2026-12-31', 0)).toBe('2026-12-31');
    expect(latestNoticeDate('2026-12-30', 0)).toBe('2026-11-30');
    expect(latestNoticeDate('2027-01-01', 0)).toBe('2026-12-31');
  });
  it('goes back whole years for 12 and 24 months', () => {
    expect(latestNoticeDate('2026-12-31', 12)).toBe('2025-12-31');
    expect(latestNoticeDate('2027-01-01', 24)).toBe('2024-12-31');
    expect(latestNoticeDate('2027-06-30', 18)).toBe('2025-12-31');
  });
  it('lands on 29 February in a leap year and 28 February otherwise', () => {
    expect(latestNoticeDate('2028-05-31', 3)).toBe('2028-02-29');
    expect(latestNoticeDate('2027-05-31', 3)).toBe('2027-02-28');
    expect(latestNoticeDate('2029-02-28', 12)).toBe('2028-02-29');
  });
  it('treats 29 February as the end of a leap-year February, but not 28 February', () => {
    expect(latestNoticeDate('2028-02-29', 0)).toBe('2028-02-29');
    expect(latestNoticeDate('2028-02-28', 0)).toBe('2028-01-31');
    expect(latestNoticeDate('2027-02-28', 0)).toBe('2027-02-28');
  });
  it('refuses notice periods that are not whole months, and dates that do not exist', () => {
    expect(() => latestNoticeDate('2026-12-31', -1)).toThrow(RangeError);
    expect(() => latestNoticeDate('2026-12-31', 1.5)).toThrow(RangeError);
    expect(() => latestNoticeDate('2027-02-29', 1)).toThrow(RangeError);
    expect(() => latestNoticeDate('31.12.2026', 1)).toThrow(RangeError);
  });
});

describe('daysBetween and addDays', () => {
  it('counts calendar days, later dates positive', () => {
    expect(daysBetween('2026-03-01', '2026-03-01')).toBe(0);
    expect(daysBetween('2026-03-01', '2026-05-30')).toBe(90);
    expect(daysBetween('2026-05-30', '2026-03-01')).toBe(-90);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
  });
  it('is not thrown off by daylight saving or leap days', () => {
    // Norway moves its clocks on the last Sundays of March and October.
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });
  it('moves across months, years and leap days', () => {
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('contractDeadline: waiting for a decision', () => {
  it('has nothing to do until the fate of a covered system is decided', () => {
    const result = contractDeadline(contract({ systems: [{ fate: 'undecided', timing: null }] }), context);
    expect(result).toEqual({
      contractId: 'c1',
      action: 'await_decision',
      deadline: null,
      neededUntil: null,
      legalReview: false,
      flags: [],
      status: 'none',
    });
  });
  it('waits as well when the contract covers no system', () => {
    expect(contractDeadline(contract({ systems: [] }), context).action).toBe('await_decision');
  });
  it('still shows an undecided contract as expired once its end date has passed', () => {
    const result = contractDeadline(contract({ systems: [], endDate: '2026-02-28' }), context);
    expect(result.status).toBe('expired');
  });
});

describe('contractDeadline: systems that continue', () => {
  it('must transfer by the day before the merger', () => {
    const result = contractDeadline(contract({ systems: [{ fate: 'continues', timing: null }] }), context);
    expect(result).toMatchObject({ action: 'transfer', deadline: '2026-12-31', neededUntil: null, flags: [] });
  });
  it('needs no legal review only when the change clause says the contract transfers', () => {
    const systems = [{ fate: 'continues' as const, timing: null }];
    expect(contractDeadline(contract({ systems, changeClause: 'transfers' }), context).legalReview).toBe(false);
    expect(contractDeadline(contract({ systems, changeClause: 'does_not_transfer' }), context).legalReview).toBe(true);
    expect(contractDeadline(contract({ systems, changeClause: 'unknown' }), context).legalReview).toBe(true);
    expect(contractDeadline(contract({ systems, changeClause: null }), context).legalReview).toBe(true);
  });
  it('transfers when one covered system continues even if another is retired', () => {
    const result = contractDeadline(
      contract({
        systems: [
          { fate: 'retired', timing: 'before_merger' },
          { fate: 'continues', timing: null },
          { fate: 'undecided', timing: null },
        ],
      }),
      context,
    );
    expect(result.action).toBe('transfer');
    expect(result.deadline).toBe('2026-12-31');
  });
  it('must be extended, by its notice date, when it ends before the merger', () => {
    const systems = [{ fate: 'continues' as const, timing: null }];
    expect(contractDeadline(contract({ systems, endDate: '2026-12-31', changeClause: 'unknown' }), context)).toMatchObject({
      action: 'extend_before_merger',
      // Three months' notice before 31.12.2026: the last day to act is 30.09.2026.
      deadline: '2026-09-30',
      neededUntil: null,
      // It is to go on with the new municipality, so the change clause still matters.
      legalReview: true,
      flags: [],
      status: 'ok',
    });
    expect(contractDeadline(contract({ systems, endDate: '2027-01-01' }), context)).toMatchObject({ action: 'transfer', flags: [] });
    expect(contractDeadline(contract({ systems, endDate: null }), context)).toMatchObject({ action: 'transfer', flags: [] });
  });
  it('is overdue once the merger has happened', () => {
    const result = contractDeadline(contract({ systems: [{ fate: 'continues', timing: null }] }), {
      ...context,
      today: '2027-02-01',
    });
    expect(result.status).toBe('overdue');
  });
});

describe('contractDeadline: systems that are migrated or retired', () => {
  it('must be terminated with notice in time to end the day before the merger', () => {
    const result = contractDeadline(contract({ noticePeriodMonths: 3 }), context);
    expect(result).toMatchObject({
      action: 'terminate',
      deadline: '2026-09-30',
      neededUntil: '2026-12-31',
      legalReview: false,
      flags: [],
      status: 'ok',
    });
  });
  it('treats migrated systems like retired ones', () => {
    const result = contractDeadline(contract({ systems: [{ fate: 'migrated', timing: 'before_merger' }] }), context);
    expect(result.deadline).toBe('2026-09-30');
  });
  it('may run until the end of the transition when every system may be replaced then', () => {
    const result = contractDeadline(
      contract({
        systems: [
          { fate: 'migrated', timing: 'transition' },
          { fate: 'retired', timing: 'transition' },
        ],
      }),
      context,
    );
    expect(result).toMatchObject({ action: 'terminate', neededUntil: '2027-12-31', deadline: '2027-09-30' });
  });
  it('uses the earlier date when one system must be gone before the merger or has no timing yet', () => {
    const mixed = contract({
      systems: [
        { fate: 'migrated', timing: 'transition' },
        { fate: 'retired', timing: 'before_merger' },
      ],
    });
    expect(contractDeadline(mixed, context).neededUntil).toBe('2026-12-31');
    const untimed = contract({ systems: [{ fate: 'retired', timing: null }] });
    expect(contractDeadline(untimed, context).neededUntil).toBe('2026-12-31');
  });
  it('lets a contract expire when it ends by the time the system is no longer needed', () => {
    const result = contractDeadline(contract({ endDate: '2026-12-31' }), context);
    expect(result).toMatchObject({
      action: 'let_expire',
      deadline: '2026-12-31',
      neededUntil: '2026-12-31',
      flags: ['check_auto_renewal'],
      status: 'ok',
    });
    // Half a year before the system can go, the contract runs out: it is not left to expire.
    expect(contractDeadline(contract({ endDate: '2026-06-30' }), context).action).toBe('extend_until_retired');
  });
  it('must terminate a contract that would run one day past the merger', () => {
    const result = contractDeadline(contract({ endDate: '2027-01-01', noticePeriodMonths: 6 }), context);
    expect(result).toMatchObject({ action: 'terminate', deadline: '2026-06-30' });
  });
  it('must terminate a contract without an end date', () => {
    const result = contractDeadline(contract({ endDate: null, noticePeriodMonths: 1 }), context);
    expect(result).toMatchObject({ action: 'terminate', deadline: '2026-11-30' });
  });
  it('cannot give a deadline when the notice period is unknown, but still says to terminate', () => {
    const result = contractDeadline(contract({ noticePeriodMonths: null }), context);
    expect(result).toMatchObject({
      action: 'terminate',
      deadline: null,
      neededUntil: '2026-12-31',
      flags: ['notice_period_unknown'],
      status: 'none',
    });
  });
  it('treats a notice period that is not a whole number of months as unknown', () => {
    expect(contractDeadline(contract({ noticePeriodMonths: -3 }), context).flags).toEqual(['notice_period_unknown']);
    expect(contractDeadline(contract({ noticePeriodMonths: 2.5 }), context).flags).toEqual(['notice_period_unknown']);
  });
  it('with no notice period, can be terminated on the last day before the merger', () => {
    const result = contractDeadline(contract({ noticePeriodMonths: 0 }), context);
    expect(result.deadline).toBe('2026-12-31');
  });
  it('with 12 or 24 months notice, must be terminated a year or two ahead', () => {
    expect(contractDeadline(contract({ noticePeriodMonths: 12 }), context).deadline).toBe('2025-12-31');
    expect(contractDeadline(contract({ noticePeriodMonths: 24 }), context).deadline).toBe('2024-12-31');
  });
  it('is overdue when the notice period is longer than the time left before the merger', () => {
    // From 1 March 2026, 12 months' notice can no longer end the contract by the merger.
    const result = contractDeadline(contract({ noticePeriodMonths: 12 }), context);
    expect(result.status).toBe('overdue');
    // Two weeks before the merger, even 1 month is too late.
    const late = contractDeadline(contract({ noticePeriodMonths: 1 }), { ...context, today: '2026-12-15' });
    expect(late).toMatchObject({ deadline: '2026-11-30', status: 'overdue' });
  });
  it('is still due on the deadline itself, and overdue the day after', () => {
    const on = contractDeadline(contract(), { ...context, today: '2026-09-30' });
    expect(on.status).toBe('due_soon');
    const after = contractDeadline(contract(), { ...context, today: '2026-10-01' });
    expect(after.status).toBe('overdue');
  });
  it('gets notice deadlines in leap-year February right', () => {
    const result = contractDeadline(contract({ noticePeriodMonths: 10 }), {
      mergerDate: '2029-01-01',
      transitionEnd: '2030-01-01',
      today: '2028-01-15',
    });
    expect(result).toMatchObject({ neededUntil: '2028-12-31', deadline: '2028-02-29', status: 'due_soon' });
  });
  it('handles a merger on 1 March in a leap year', () => {
    const result = contractDeadline(contract({ noticePeriodMonths: 1, endDate: '2028-03-01' }), {
      mergerDate: '2028-03-01',
      transitionEnd: '2029-01-01',
      today: '2027-06-01',
    });
    expect(result).toMatchObject({ action: 'terminate', neededUntil: '2028-02-29', deadline: '2028-01-31' });
    const expiring = contractDeadline(contract({ endDate: '2028-02-29' }), {
      mergerDate: '2028-03-01',
      transitionEnd: '2029-01-01',
      today: '2027-06-01',
    });
    expect(expiring.action).toBe('let_expire');
  });
  it('shows the deadline even while some covered systems are undecided, and says so', () => {
    const result = contractDeadline(
      contract({
        systems: [
          { fate: 'retired', timing: 'before_merger' },
          { fate: 'undecided', timing: null },
        ],
      }),
      context,
    );
    expect(result).toMatchObject({ action: 'terminate', deadline: '2026-09-30', flags: ['some_systems_undecided'] });
  });
  it('ignores the change clause when the contract is to end', () => {
    const result = contractDeadline(contract({ changeClause: 'does_not_transfer' }), context);
    expect(result.legalReview).toBe(false);
  });
  it('refuses dates that are not calendar dates rather than compare them wrongly', () => {
    expect(() => contractDeadline(contract({ endDate: '2026-13-01' }), context)).toThrow(RangeError);
    expect(() => contractDeadline(contract(), { ...context, today: '1.3.2026' })).toThrow(RangeError);
  });
});

describe('contractDeadline: a merger date in the past', () => {
  const after = { mergerDate: '2024-01-01', transitionEnd: '2025-01-01', today: '2026-03-01' };
  it('shows a contract that should have been terminated as overdue', () => {
    expect(contractDeadline(contract({ noticePeriodMonths: 3 }), after)).toMatchObject({
      action: 'terminate',
      deadline: '2023-09-30',
      status: 'overdue',
    });
  });
  it('shows a contract that ran out as planned as expired, not overdue', () => {
    expect(contractDeadline(contract({ endDate: '2023-12-31' }), after)).toMatchObject({
      action: 'let_expire',
      status: 'expired',
    });
  });
  it('shows a contract that ran out while its system was still needed as overdue', () => {
    expect(contractDeadline(contract({ endDate: '2023-06-30' }), after)).toMatchObject({
      action: 'extend_until_retired',
      deadline: '2023-03-31',
      status: 'overdue',
    });
  });
});

describe('contractDeadline: every fate × timing × end date', () => {
  // Merger 01.01.2027, transition over 01.01.2028, three months' notice, seen from 01.03.2026.
  // Needed until: the day before the merger (31.12.2026) for systems replaced before the merger
  // or without a timing, the day before the transition's end (31.12.2027) for systems replaced
  // in the transition; a continued system is needed on the merger date and after it.
  type Fate = ContractFacts['systems'][number]['fate'];
  type Timing = ContractFacts['systems'][number]['timing'];
  const s = (fate: Fate, timing: Timing) => ({ fate, timing });
  const groups: Array<{
    name: string;
    systems: ContractFacts['systems'][number][][];
    rows: Array<[endDate: string, action: string, deadline: string | null]>;
  }> = [
    {
      name: 'continues',
      systems: [
        [s('continues', 'before_merger')],
        [s('continues', 'transition')],
        [s('continues', null)],
        [s('continues', 'transition'), s('retired', 'before_merger')],
        [s('continues', null), s('undecided', null)],
      ],
      rows: [
        ['2026-06-30', 'extend_before_merger', '2026-03-31'],
        ['2026-12-31', 'extend_before_merger', '2026-09-30'],
        ['2027-06-30', 'transfer', '2026-12-31'],
        ['2028-06-30', 'transfer', '2026-12-31'],
      ],
    },
    {
      name: 'replaced before the merger, or without a timing',
      systems: [
        [s('migrated', 'before_merger')],
        [s('retired', 'before_merger')],
        [s('migrated', null)],
        [s('retired', null)],
        [s('migrated', 'transition'), s('retired', 'before_merger')],
        [s('retired', 'transition'), s('migrated', null)],
        [s('retired', 'before_merger'), s('undecided', null)],
      ],
      rows: [
        ['2026-06-30', 'extend_until_retired', '2026-03-31'],
        ['2026-12-31', 'let_expire', '2026-12-31'],
        ['2027-06-30', 'terminate', '2026-09-30'],
        ['2028-06-30', 'terminate', '2026-09-30'],
      ],
    },
    {
      name: 'replaced in the transition',
      systems: [
        [s('migrated', 'transition')],
        [s('retired', 'transition')],
        [s('migrated', 'transition'), s('retired', 'transition')],
        [s('retired', 'transition'), s('undecided', null)],
      ],
      rows: [
        ['2026-06-30', 'extend_until_retired', '2026-03-31'],
        ['2027-06-30', 'extend_until_retired', '2027-03-31'],
        ['2027-12-31', 'let_expire', '2027-12-31'],
        ['2028-06-30', 'terminate', '2027-09-30'],
      ],
    },
    {
      name: 'undecided',
      systems: [[s('undecided', null)], [s('undecided', null), s('undecided', null)], []],
      rows: [
        ['2026-06-30', 'await_decision', null],
        ['2026-12-31', 'await_decision', null],
        ['2027-06-30', 'await_decision', null],
        ['2027-12-31', 'await_decision', null],
        ['2028-06-30', 'await_decision', null],
      ],
    },
  ];
  const cases = groups.flatMap((group) =>
    group.systems.flatMap((systems) =>
      group.rows.map(([endDate, action, deadline]) => ({
        label: `${group.name}: ${systems.map((x) => `${x.fate}/${x.timing}`).join(' + ') || 'no system'}, ends ${endDate}`,
        systems,
        endDate,
        action,
        deadline,
      })),
    ),
  );
  it.each(cases)('$label → $action by $deadline', ({ systems, endDate, action, deadline }) => {
    const result = contractDeadline(contract({ systems, endDate, noticePeriodMonths: 3 }), context);
    expect({ action: result.action, deadline: result.deadline }).toEqual({ action, deadline });
    // A contract that runs out while its system is needed is never «God tid» once its deadline has passed.
    if (action.startsWith('extend')) {
      const late = contractDeadline(contract({ systems, endDate, noticePeriodMonths: 3 }), { ...context, today: addDays(deadline!, 1) });
      expect(late.status).toBe('overdue');
    }
  });

  it('says until when a system that is replaced is needed, and nothing for a system that goes on', () => {
    expect(contractDeadline(contract({ systems: [s('migrated', 'transition')], endDate: '2027-08-31' }), context)).toMatchObject({
      action: 'extend_until_retired',
      neededUntil: '2027-12-31',
      legalReview: false,
    });
    expect(contractDeadline(contract({ systems: [s('continues', null)], endDate: '2026-08-31' }), context).neededUntil).toBeNull();
  });

  it('without a known notice period, must be extended by the end date itself, and says the notice period is unknown', () => {
    const result = contractDeadline(contract({ systems: [s('migrated', 'transition')], endDate: '2027-08-31', noticePeriodMonths: null }), context);
    expect(result).toMatchObject({ action: 'extend_until_retired', deadline: '2027-08-31', flags: ['notice_period_unknown'], status: 'ok' });
    const continued = contractDeadline(contract({ systems: [s('continues', null)], endDate: '2026-08-31', noticePeriodMonths: null }), context);
    expect(continued).toMatchObject({ action: 'extend_before_merger', deadline: '2026-08-31', flags: ['notice_period_unknown'] });
  });

  it('is red once the day to extend has passed, even while the contract still runs', () => {
    // The issue's example: Visma Profil ends 31.08.2027, the EPJ area is replaced in a transition that ends 31.12.2028.
    const epj = contract({ systems: [s('migrated', 'transition')], endDate: '2027-08-31', noticePeriodMonths: 6 });
    const dates = { mergerDate: '2028-01-01', transitionEnd: '2029-01-01' };
    expect(contractDeadline(epj, { ...dates, today: '2026-11-01' })).toMatchObject({
      action: 'extend_until_retired',
      neededUntil: '2028-12-31',
      deadline: '2027-02-28',
      status: 'ok',
    });
    expect(contractDeadline(epj, { ...dates, today: '2027-02-28' }).status).toBe('due_soon');
    expect(contractDeadline(epj, { ...dates, today: '2027-03-01' }).status).toBe('overdue');
    expect(contractDeadline(epj, { ...dates, today: '2027-09-01' }).status).toBe('overdue');
  });

  it('keeps the flag for systems not yet decided', () => {
    const result = contractDeadline(contract({ systems: [s('retired', 'transition'), s('undecided', null)], endDate: '2027-06-30' }), context);
    expect(result).toMatchObject({ action: 'extend_until_retired', flags: ['some_systems_undecided'] });
  });
});

describe('deadlineStatus', () => {
  const today = '2026-03-01';
  it('is due soon within 90 days, today included, and ok after that', () => {
    expect(deadlineStatus({ action: 'terminate', deadline: '2026-03-01', endDate: null }, today)).toBe('due_soon');
    expect(deadlineStatus({ action: 'terminate', deadline: '2026-05-30', endDate: null }, today)).toBe('due_soon');
    expect(deadlineStatus({ action: 'terminate', deadline: '2026-05-31', endDate: null }, today)).toBe('ok');
  });
  it('is overdue when a deadline to act has passed', () => {
    expect(deadlineStatus({ action: 'terminate', deadline: '2026-02-28', endDate: null }, today)).toBe('overdue');
    expect(deadlineStatus({ action: 'transfer', deadline: '2026-02-28', endDate: null }, today)).toBe('overdue');
  });
  it('is expired when the end date has passed', () => {
    expect(deadlineStatus({ action: 'let_expire', deadline: '2026-02-28', endDate: '2026-02-28' }, today)).toBe('expired');
    expect(deadlineStatus({ action: 'transfer', deadline: '2026-12-31', endDate: '2026-02-28' }, today)).toBe('expired');
    expect(deadlineStatus({ action: 'let_expire', deadline: '2026-03-01', endDate: '2026-03-01' }, today)).toBe('due_soon');
  });
  it('has nothing to show without a deadline or a passed end date', () => {
    expect(deadlineStatus({ action: 'terminate', deadline: null, endDate: null }, today)).toBe('none');
    expect(deadlineStatus({ action: 'await_decision', deadline: null, endDate: '2027-01-01' }, today)).toBe('none');
  });
});

describe('sortByDeadline', () => {
  const row = (contractId: string, deadline: string | null) => ({ contractId, deadline });
  it('puts the earliest deadline first, contracts without one last, ties by id', () => {
    const sorted = sortByDeadline([row('b', null), row('c', '2026-09-30'), row('a', null), row('b', '2026-06-30'), row('a', '2026-09-30')]);
    expect(sorted).toEqual([row('b', '2026-06-30'), row('a', '2026-09-30'), row('c', '2026-09-30'), row('a', null), row('b', null)]);
  });
  it('leaves the input as it was', () => {
    const input = [row('b', '2026-09-30'), row('a', '2026-06-30')];
    sortByDeadline(input);
    expect(input.map((r) => r.contractId)).toEqual(['b', 'a']);
  });
  it('orders the results of every contract at once', () => {
    const results: ContractDeadline[] = contractDeadlines(
      [contract({ id: 'waiting', systems: [] }), contract({ id: 'long', noticePeriodMonths: 6 }), contract({ id: 'short', noticePeriodMonths: 1 })],
      context,
    );
    expect(results.map((r) => r.contractId)).toEqual(['long', 'short', 'waiting']);
  });
});

describe('deadlineCandidates: which contracts can fall due in a range', () => {
  const range = { from: '2026-09-20', to: '2026-10-19' };

  it('names the notice periods whose notice date falls in the range, for both days a contract can be needed until', () => {
    // Needed until 2026-12-31: 3 months → 2026-09-30. Until 2027-12-31: 15 months → 2026-09-30.
    // End dates up to the last day a contract can be needed (31.12.2027): a contract that ends before then may have to be extended.
    expect(deadlineCandidates(context, range)).toEqual({
      everyContract: false,
      endDates: { from: range.from, to: '2027-12-31' },
      noticePeriodMonths: [3, 15],
    });
    // After that day, only end dates in the range itself.
    const later = { from: '2028-02-01', to: '2028-03-01' };
    expect(deadlineCandidates(context, later).endDates).toEqual(later);
  });

  it('takes every contract when the day before the merger is in the range (the transfer deadline)', () => {
    expect(deadlineCandidates(context, { from: '2026-12-15', to: '2027-01-13' }).everyContract).toBe(true);
    expect(deadlineCandidates(context, { from: '2027-01-01', to: '2027-01-30' }).everyContract).toBe(false);
  });

  it('leaves out no contract whose deadline falls in the range', () => {
    // Every kind of contract, merger and range on a grid of dates: the filter may let too many
    // through (the rules decide), never too few.
    const fates = [
      [{ fate: 'continues', timing: 'before_merger' }],
      [{ fate: 'retired', timing: 'before_merger' }],
      [{ fate: 'migrated', timing: 'transition' }],
      [
        { fate: 'retired', timing: null },
        { fate: 'undecided', timing: null },
      ],
      [
        { fate: 'retired', timing: 'transition' },
        { fate: 'migrated', timing: 'transition' },
      ],
      [
        { fate: 'continues', timing: null },
        { fate: 'migrated', timing: 'transition' },
      ],
      [{ fate: 'migrated', timing: null }],
      [
        { fate: 'retired', timing: 'transition' },
        { fate: 'undecided', timing: null },
      ],
    ] as const;
    const endDates = [null, ...Array.from({ length: 30 }, (_, i) => addDays('2026-01-15', i * 31))];
    const noticeMonths = [null, 0, 1, 2, 3, 6, 12, 18, 24];
    let inRange = 0;
    const actions = new Set<string>();
    const missed: string[] = [];
    for (const [mergerDate, transitionEnd] of [
      ['2027-01-01', '2028-01-01'],
      ['2028-03-01', '2028-09-15'],
    ] as const) {
      for (let start = 0; start < 1000; start += 19) {
        const from = addDays('2025-12-01', start);
        const window = { from, to: addDays(from, 29) };
        const candidates = deadlineCandidates({ mergerDate, transitionEnd }, window);
        for (const systems of fates) {
          for (const endDate of endDates) {
            for (const noticePeriodMonths of noticeMonths) {
              const facts = contract({ endDate, noticePeriodMonths, systems: systems.map((system) => ({ ...system })) });
              const { deadline, action } = contractDeadline(facts, { mergerDate, transitionEnd, today: from });
              if (deadline === null || deadline < window.from || deadline > window.to) continue;
              inRange++;
              actions.add(action);
              if (!isDeadlineCandidate(facts, candidates)) missed.push(`${JSON.stringify(facts)} in ${window.from}–${window.to}`);
            }
          }
        }
      }
    }
    expect(missed).toEqual([]);
    // The grid does reach deadlines of every kind inside the ranges.
    expect(inRange).toBeGreaterThan(1000);
    expect([...actions].sort()).toEqual(['extend_before_merger', 'extend_until_retired', 'let_expire', 'terminate', 'transfer']);
  });
});
