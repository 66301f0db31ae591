import { describe, expect, it } from 'vitest';
import { defaultMatrix } from '#server/features/risks/risks.domain.ts';
import { daysToMerger, inWindow, overdueTasks, redRisks, upcomingItems, upcomingWindow } from './dashboard.domain.ts';

describe('the next 30 days', () => {
  it('runs from today through the 29th day after it, across month and year ends', () => {
    expect(upcomingWindow('2027-12-15')).toEqual({ from: '2027-12-15', to: '2028-01-13' });
    expect(upcomingWindow('2028-02-10')).toEqual({ from: '2028-02-10', to: '2028-03-10' }); // leap year
    const window = upcomingWindow('2027-09-20');
    expect(inWindow('2027-09-20', window)).toBe(true);
    expect(inWindow('2027-10-19', window)).toBe(true);
    expect(inWindow('2027-10-20', window)).toBe(false);
    expect(inWindow('2027-09-19', window)).toBe(false);
  });
});

describe('upcoming items', () => {
  const window = upcomingWindow('2027-09-20');
  const base = { tasks: [], contracts: [], milestones: [] };

  it('merges open tasks, decided contract deadlines and milestones into one list sorted by date', () => {
    const items = upcomingItems(
      {
        tasks: [
          { id: 't1', title: 'Avklare arkiv', status: 'in_progress', dueDate: '2027-09-21' },
          { id: 't2', title: 'Ferdig allerede', status: 'done', dueDate: '2027-09-22' },
          { id: 't3', title: 'Ikke relevant', status: 'not_relevant', dueDate: '2027-09-22' },
          { id: 't4', title: 'Uten frist', status: 'not_started', dueDate: null },
          { id: 't5', title: 'For sent i vinduet', status: 'not_started', dueDate: '2027-10-20' },
          { id: 't6', title: 'Forfalt', status: 'not_started', dueDate: '2027-09-19' },
          { id: 't7', title: 'Samme dag', status: 'not_started', dueDate: '2027-09-30' },
        ],
        contracts: [
          { contractId: 'c1', vendor: 'Unit4', subject: 'Agresso drift', action: 'terminate', deadline: '2027-09-30' },
          { contractId: 'c2', vendor: 'Visma', subject: null, action: 'await_decision', deadline: null },
          { contractId: 'c3', vendor: 'Evry', subject: null, action: 'transfer', deadline: '2027-12-31' },
        ],
        milestones: [
          { id: 'm1', title: 'Fellesnemnda', date: '2027-09-30' },
          { id: 'merger_date', title: 'Sammenslåingsdato', date: '2028-01-01' },
        ],
      },
      window,
    );
    expect(items).toEqual([
      { kind: 'task', date: '2027-09-21', title: 'Avklare arkiv', targetId: 't1' },
      { kind: 'milestone', date: '2027-09-30', title: 'Fellesnemnda', targetId: 'm1' },
      { kind: 'contract_deadline', date: '2027-09-30', title: 'Unit4: Agresso drift', targetId: 'c1' },
      { kind: 'task', date: '2027-09-30', title: 'Samme dag', targetId: 't7' },
    ]);
  });

  it('includes today and the window’s last day, and is empty when nothing falls in it', () => {
    expect(upcomingItems(base, window)).toEqual([]);
    const edges = upcomingItems(
      {
        ...base,
        milestones: [
          { id: 'last', title: 'Siste dag', date: '2027-10-19' },
          { id: 'first', title: 'I dag', date: '2027-09-20' },
        ],
      },
      window,
    );
    expect(edges.map((item) => item.targetId)).toEqual(['first', 'last']);
  });
});

describe('overdue tasks', () => {
  const tasks = [
    { id: 'a', title: 'B', status: 'not_started' as const, dueDate: '2027-09-01', phase: 2 },
    { id: 'b', title: 'A', status: 'in_progress' as const, dueDate: '2027-08-01', phase: 3 },
    { id: 'c', title: 'Ferdig', status: 'done' as const, dueDate: '2027-07-01', phase: 1 },
    { id: 'd', title: 'Forfaller i dag', status: 'not_started' as const, dueDate: '2027-09-20', phase: 1 },
    { id: 'e', title: 'Ikke relevant', status: 'not_relevant' as const, dueDate: '2027-07-01', phase: 1 },
  ];

  it('follows the checklist’s rule (the due date itself is in time), oldest first, with the full count', () => {
    expect(overdueTasks(tasks, '2027-09-20', 10)).toEqual({
      count: 2,
      tasks: [
        { id: 'b', title: 'A', dueDate: '2027-08-01', phase: 3 },
        { id: 'a', title: 'B', dueDate: '2027-09-01', phase: 2 },
      ],
    });
  });

  it('shows only the first ones but counts them all', () => {
    const result = overdueTasks(tasks, '2027-09-20', 1);
    expect(result.count).toBe(2);
    expect(result.tasks.map((task) => task.id)).toEqual(['b']);
  });
});

describe('days to the merger date', () => {
  it('counts calendar days, zero on the day and negative after', () => {
    expect(daysToMerger('2027-12-31', '2028-01-01')).toBe(1);
    expect(daysToMerger('2028-01-01', '2028-01-01')).toBe(0);
    expect(daysToMerger('2028-01-03', '2028-01-01')).toBe(-2);
    // Across the switch to summer time, still whole days.
    expect(daysToMerger('2027-03-27', '2027-03-29')).toBe(2);
  });
});

describe('red risks', () => {
  it('counts risks in the matrix’s highest class, inherent and residual', () => {
    const matrix = defaultMatrix();
    const empty = () => matrix.likelihood.map(() => matrix.consequence.map(() => 0));
    const inherent = empty();
    const residual = empty();
    inherent[4]![4] = 2; // 5 × 5: high
    inherent[1]![4] = 1; // 2 × 5: high
    inherent[0]![0] = 3; // 1 × 1: low
    residual[2]![2] = 3; // 3 × 3: medium
    expect(redRisks(matrix, inherent, residual)).toEqual({ classKey: 'high', className: 'Høy', inherent: 3, residual: 0 });
  });
});
