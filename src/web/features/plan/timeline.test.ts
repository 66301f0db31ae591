import { describe, expect, it } from 'vitest';
import type { Schedule } from '#shared/contracts/plan.schedule.ts';
import { fitPxPerDay, isoWeek, listRows, milestoneLabelSide, offsetOf, ticks, timelineRange } from './timeline.ts';

const schedule: Schedule = {
  mergerDate: '2028-01-01',
  today: '2027-03-10',
  phases: [
    { phaseId: 'fase-4', number: 4, name: 'Gjennomføring', start: '2027-04-01', end: '2027-12-31', isDefault: true, version: 0, activities: [] },
    { phaseId: 'fase-5', number: 5, name: 'Overgangsfase', start: '2028-01-01', end: '2028-12-31', isDefault: true, version: 0, activities: [] },
  ],
  milestones: [{ id: 'merger_date', kind: 'merger_date', title: 'Sammenslåingsdato', date: '2028-01-01', derived: true, version: null }],
  tasks: [
    {
      id: '00000000-0000-4000-8000-000000000001',
      title: 'A',
      area: null,
      group: null,
      datesFollowPhase: false,
      phase: 4,
      activityId: 'x',
      status: 'not_started',
      plannedStart: '2027-02-15',
      dueDate: '2027-03-01',
      overdue: true,
      dependsOn: [],
    },
    {
      id: '00000000-0000-4000-8000-000000000002',
      title: 'B',
      area: null,
      group: null,
      datesFollowPhase: false,
      phase: 4,
      activityId: 'x',
      status: 'not_started',
      plannedStart: null,
      dueDate: null,
      overdue: false,
      dependsOn: [],
    },
  ],
};

describe('timeline scale', () => {
  it('covers whole months around everything shown', () => {
    expect(timelineRange(schedule)).toEqual({ start: '2027-02-01', end: '2028-12-31' });
  });
  it('places dates by days from the start', () => {
    expect(offsetOf('2027-02-01', '2027-02-11', 'weeks')).toBe(100);
    expect(offsetOf('2027-02-01', '2027-02-11', 'quarters')).toBe(10);
  });
  it('numbers weeks as ISO 8601 does', () => {
    expect(isoWeek('2027-01-04')).toBe(1);
    expect(isoWeek('2026-12-31')).toBe(53);
    expect(isoWeek('2027-03-10')).toBe(10);
  });
  it('marks Mondays, months or quarters', () => {
    const range = { start: '2027-02-01', end: '2027-07-31' };
    expect(ticks(range, 'weeks')[0]).toEqual({ date: '2027-02-01', kind: 'week', number: 5, year: 2027 });
    expect(ticks(range, 'months').map((tick) => tick.date)).toEqual(['2027-02-01', '2027-03-01', '2027-04-01', '2027-05-01', '2027-06-01', '2027-07-01']);
    expect(ticks(range, 'quarters').map((tick) => [tick.date, tick.number])).toEqual([
      ['2027-04-01', 2],
      ['2027-07-01', 3],
    ]);
  });
});

describe('list alternative', () => {
  it('lists phases, milestones and dated tasks by date, leaving out tasks without dates', () => {
    expect(listRows(schedule).map((row) => [row.kind, row.date])).toEqual([
      ['task', '2027-02-15'],
      ['phase', '2027-04-01'],
      ['phase', '2028-01-01'],
      ['milestone', '2028-01-01'],
    ]);
  });
});

describe('«Kvartaler» fitted to the screen', () => {
  // The default plan of a merger on 1 January 2028: 1 October 2025 to 31 December 2029, 1553 days.
  const plan = { start: '2025-10-01', end: '2029-12-31' };
  it('fits the whole plan into the track (1366 px screen: about 810 px of track)', () => {
    const perDay = fitPxPerDay(plan, 812);
    expect(perDay * 1553).toBeLessThanOrEqual(812);
    expect(offsetOf(plan.start, plan.end, perDay) + perDay).toBeLessThanOrEqual(812);
  });
  it('never goes below the floor (a phone scrolls inside the region) nor above a quarter’s 1 px a day', () => {
    expect(fitPxPerDay(plan, 200)).toBe(0.4);
    expect(fitPxPerDay({ start: '2027-01-01', end: '2027-03-31' }, 2000)).toBe(1);
    expect(fitPxPerDay(plan, 0)).toBe(1);
  });
  it('puts a milestone’s name to the left of its diamond when it would run past the track', () => {
    expect(milestoneLabelSide(700, 810, 150)).toBe('left');
    expect(milestoneLabelSide(400, 810, 150)).toBe('right');
    // Not to the left either when there is no room there: right, as the region can scroll.
    expect(milestoneLabelSide(100, 200, 150)).toBe('right');
  });
});
