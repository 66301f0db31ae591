import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  applyDoneRule,
  cycleIfAdded,
  datesStillFollowPhase,
  defaultPhaseDates,
  defaultTaskDates,
  effectivePhaseDates,
  plannedStartIsValid,
  taskDatesToFollow,
  transitionEnd,
} from './plan.schedule.domain.ts';

describe('calendar arithmetic', () => {
  it('adds days across months and years', () => {
    expect(addDays('2028-01-01', -1)).toBe('2027-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
  it('adds months keeping the day, or the last day of a shorter month', () => {
    expect(addMonths('2028-01-01', -9)).toBe('2027-04-01');
    expect(addMonths('2027-08-31', 1)).toBe('2027-09-30');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
  });
});

describe('default phase dates', () => {
  const phases = defaultPhaseDates('2028-01-01');
  it('ends Gjennomføring the day before the merger date, after nine months', () => {
    expect(phases[3]).toEqual({ number: 4, start: '2027-04-01', end: '2027-12-31' });
  });
  it('counts phases 1–3 back in six months each, with no gaps', () => {
    expect(phases.slice(0, 3)).toEqual([
      { number: 1, start: '2025-10-01', end: '2026-03-31' },
      { number: 2, start: '2026-04-01', end: '2026-09-30' },
      { number: 3, start: '2026-10-01', end: '2027-03-31' },
    ]);
  });
  it('starts Overgangsfase on the merger date for a year, and Drift after it for a year', () => {
    expect(phases[4]).toEqual({ number: 5, start: '2028-01-01', end: '2028-12-31' });
    expect(phases[5]).toEqual({ number: 6, start: '2029-01-01', end: '2029-12-31' });
    expect(transitionEnd(phases)).toBe('2028-12-31');
  });
  it('takes the project’s own dates where set and marks the rest as defaults', () => {
    const effective = effectivePhaseDates('2028-01-01', [{ number: 4, start: '2027-03-01', end: '2027-12-15' }]);
    expect(effective[3]).toEqual({ number: 4, start: '2027-03-01', end: '2027-12-15', isDefault: false });
    expect(effective[2]!.isDefault).toBe(true);
  });
});

describe('dependencies', () => {
  const edges = [
    { taskId: 'B', dependsOnTaskId: 'A' },
    { taskId: 'C', dependsOnTaskId: 'B' },
  ];
  it('finds the cycle a new dependency would close, in order', () => {
    expect(cycleIfAdded(edges, 'A', 'C')).toEqual(['A', 'C', 'B', 'A']);
    expect(cycleIfAdded(edges, 'A', 'A')).toEqual(['A', 'A']);
    expect(cycleIfAdded(edges, 'B', 'C')).toEqual(['B', 'C', 'B']);
  });
  it('allows edges that close no cycle', () => {
    expect(cycleIfAdded(edges, 'C', 'A')).toBeNull();
    expect(cycleIfAdded(edges, 'D', 'C')).toBeNull();
  });

  const open = { id: 'A', title: 'Kartlegg', status: 'in_progress' as const };
  const settled = [
    { id: 'B', title: 'Ferdig', status: 'done' as const },
    { id: 'C', title: 'Utgår', status: 'not_relevant' as const },
  ];
  it('refuses «ferdig» while a task it depends on is open, listing the open ones', () => {
    expect(applyDoneRule('in_progress', 'done', [open, ...settled], undefined)).toEqual({
      ok: false,
      code: 'DEPENDENCIES_OPEN',
      openTasks: [open],
    });
    expect(applyDoneRule('in_progress', 'done', [open], '   ').ok).toBe(false);
  });
  it('allows it with a reason, and says what was overridden', () => {
    expect(applyDoneRule('not_started', 'done', [open], ' Avtalt i styringsgruppen ')).toEqual({
      ok: true,
      override: { reason: 'Avtalt i styringsgruppen', openTasks: [open] },
    });
  });
  it('does not apply to other statuses, to a task already done, or when all are done or not relevant', () => {
    expect(applyDoneRule('not_started', 'in_progress', [open], undefined)).toEqual({ ok: true, override: null });
    expect(applyDoneRule('done', 'done', [open], undefined)).toEqual({ ok: true, override: null });
    expect(applyDoneRule('in_progress', 'done', settled, undefined)).toEqual({ ok: true, override: null });
  });
  it('wants a planned start on or before the due date', () => {
    expect(plannedStartIsValid('2027-01-02', '2027-01-01')).toBe(false);
    expect(plannedStartIsValid('2027-01-01', '2027-01-01')).toBe(true);
    expect(plannedStartIsValid(null, '2027-01-01')).toBe(true);
    expect(plannedStartIsValid('2027-01-01', null)).toBe(true);
  });
});

describe('dates of tasks Samla places in a phase', () => {
  const phases = defaultPhaseDates('2028-01-01');
  it('spans the whole phase: phase 4 ends the day before the merger date, phase 5 is the transition', () => {
    expect(defaultTaskDates(phases[3]!)).toEqual({ plannedStart: '2027-04-01', dueDate: '2027-12-31' });
    expect(defaultTaskDates(phases[4]!)).toEqual({ plannedStart: '2028-01-01', dueDate: '2028-12-31' });
  });

  const task = (over: Partial<Parameters<typeof taskDatesToFollow>[0][number]>) => ({
    id: 't',
    phase: 4,
    plannedStart: '2027-04-01',
    dueDate: '2027-12-31',
    datesFollowPhase: true,
    ...over,
  });
  it.each([
    [
      'a following task, when its phase moves',
      task({}),
      [{ number: 4, start: '2027-02-01', end: '2027-11-30' }],
      { plannedStart: '2027-02-01', dueDate: '2027-11-30' },
    ],
    ['a following task without dates yet', task({ plannedStart: null, dueDate: null }), phases, { plannedStart: '2027-04-01', dueDate: '2027-12-31' }],
    ['a following task now in phase 5 (the veivalg moved it)', task({ phase: 5 }), phases, { plannedStart: '2028-01-01', dueDate: '2028-12-31' }],
    [
      'a following task when the merger date moves the defaults',
      task({}),
      defaultPhaseDates('2028-07-01'),
      { plannedStart: '2027-10-01', dueDate: '2028-06-30' },
    ],
  ])('moves %s', (_, input, newPhases, after) => {
    expect(taskDatesToFollow([input], newPhases)).toEqual([{ id: 't', before: { plannedStart: input.plannedStart, dueDate: input.dueDate }, after }]);
  });
  it.each([
    ['a task a person dated', task({ datesFollowPhase: false }), [{ number: 4, start: '2027-02-01', end: '2027-11-30' }]],
    ['a task already on its phase’s dates', task({}), phases],
    [
      'a task in a phase that did not change',
      task({ phase: 5, plannedStart: '2028-01-01', dueDate: '2028-12-31' }),
      [{ number: 4, start: '2027-02-01', end: '2027-11-30' }],
    ],
  ])('leaves %s', (_, input, newPhases) => {
    expect(taskDatesToFollow([input], newPhases)).toEqual([]);
  });
  it('is idempotent', () => {
    const moved = taskDatesToFollow([task({})], [{ number: 4, start: '2027-02-01', end: '2027-11-30' }]);
    expect(taskDatesToFollow([task({ ...moved[0]!.after })], [{ number: 4, start: '2027-02-01', end: '2027-11-30' }])).toEqual([]);
  });

  const current = { plannedStart: '2027-04-01', dueDate: '2027-12-31', datesFollowPhase: true };
  it.each([
    ['no date in the change', {}, true],
    ['the same dates sent back', { plannedStart: '2027-04-01', dueDate: '2027-12-31' }, true],
    ['a new planned start', { plannedStart: '2027-05-01' }, false],
    ['a new due date', { dueDate: '2027-10-01' }, false],
    ['a cleared due date', { dueDate: null }, false],
  ])('still follows the phase after %s: %s', (_, change, follows) => {
    expect(datesStillFollowPhase(current, change)).toBe(follows);
  });
  it('never follows again once a person took the dates over', () => {
    expect(datesStillFollowPhase({ ...current, datesFollowPhase: false }, {})).toBe(false);
  });
});
