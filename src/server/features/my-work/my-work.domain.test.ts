import { describe, expect, it } from 'vitest';
import { isOverdueItem, orderMyWork, stateOf } from './my-work.domain.ts';

const item = (title: string, dueDate: string | null, overdue = false, mergerName = 'Nye Bergen') => ({ title, dueDate, overdue, mergerName });

describe('«Mine oppgaver» order', () => {
  it('puts overdue first (longest overdue on top), then by due date, and those without a date last', () => {
    const ordered = orderMyWork([
      item('Uten frist', null),
      item('Juni', '2027-06-01'),
      item('Forfalt i februar', '2027-02-01', true),
      item('April', '2027-04-01'),
      item('Forfalt i januar', '2027-01-01', true),
    ]);
    expect(ordered.map((entry) => entry.title)).toEqual(['Forfalt i januar', 'Forfalt i februar', 'April', 'Juni', 'Uten frist']);
  });

  it('orders the same date by merger, then title, in Norwegian order', () => {
    const ordered = orderMyWork([
      item('B', '2027-04-01', false, 'Nye Ålesund'),
      item('B', '2027-04-01', false, 'Nye Bergen'),
      item('A', '2027-04-01', false, 'Nye Ålesund'),
    ]);
    expect(ordered.map((entry) => `${entry.mergerName} ${entry.title}`)).toEqual(['Nye Bergen B', 'Nye Ålesund A', 'Nye Ålesund B']);
  });
});

describe('done and overdue', () => {
  it('counts each kind as done by its own statuses', () => {
    expect(stateOf('task', 'not_relevant')).toBe('done');
    expect(stateOf('task', 'in_progress')).toBe('open');
    expect(stateOf('mitigation', 'done')).toBe('done');
    expect(stateOf('benefit', 'cancelled')).toBe('done');
    expect(stateOf('benefit', 'in_progress')).toBe('open');
    expect(stateOf('decision', 'adopted')).toBe('done');
    expect(stateOf('decision', 'proposed')).toBe('open');
  });

  it('is overdue only when open and the date has passed (not on the day itself)', () => {
    expect(isOverdueItem({ dueDate: '2027-02-28', state: 'open' }, '2027-03-01')).toBe(true);
    expect(isOverdueItem({ dueDate: '2027-03-01', state: 'open' }, '2027-03-01')).toBe(false);
    expect(isOverdueItem({ dueDate: '2027-02-28', state: 'done' }, '2027-03-01')).toBe(false);
    expect(isOverdueItem({ dueDate: null, state: 'open' }, '2027-03-01')).toBe(false);
  });
});
