import { describe, expect, it } from 'vitest';
import { createFormatters } from '#web/i18n/format.ts';
import { nb } from '#web/i18n/nb.ts';
import { countsByClass, daysLeftFigure, upcomingTarget } from './dashboard-text.ts';

const fmt = createFormatters(nb.meta.intlLocale, nb.meta.timeAt);

describe('dashboard text', () => {
  it('says the days left in words, on the day and after', () => {
    expect(daysLeftFigure(103, '2028-01-01', nb, fmt)).toEqual({ figure: '103 dager', text: 'til sammenslåingsdatoen 01.01.2028' });
    expect(daysLeftFigure(1, '2028-01-01', nb, fmt).figure).toBe('1 dag');
    expect(daysLeftFigure(0, '2028-01-01', nb, fmt)).toEqual({ figure: 'I dag', text: 'Sammenslåingsdatoen 01.01.2028 er i dag' });
    expect(daysLeftFigure(-5, '2028-01-01', nb, fmt).figure).toBe('5 dager siden');
  });

  it('links each kind of upcoming item to the list behind it', () => {
    expect(upcomingTarget('m', { kind: 'task', date: '2027-09-21', title: 'x', targetId: 't' })).toBe('/sammenslainger/m/oppgaver/t');
    expect(upcomingTarget('m', { kind: 'contract_deadline', date: '2027-09-21', title: 'x', targetId: 'c' })).toBe('/sammenslainger/m/avtalefrister');
    expect(upcomingTarget('m', { kind: 'milestone', date: '2027-09-21', title: 'x', targetId: 'merger_date' })).toBe('/sammenslainger/m/fremdriftsplan');
  });

  it('counts the heatmap per class, highest first', () => {
    const level = { name: 'n', description: '' };
    const matrix = {
      likelihood: [level, level, level],
      consequence: [level, level, level],
      classes: [
        { key: 'low', name: 'Lav', color: '#2e7d32' },
        { key: 'medium', name: 'Middels', color: '#f9a825' },
        { key: 'high', name: 'Høy', color: '#c62828' },
      ],
      grid: [
        ['low', 'low', 'medium'],
        ['low', 'medium', 'high'],
        ['medium', 'high', 'high'],
      ],
    };
    const inherent = [
      [1, 0, 0],
      [0, 0, 1],
      [0, 0, 1],
    ];
    const counts = countsByClass({
      matrix,
      inherent,
      residual: inherent,
      total: 3,
      unassessed: 0,
      red: { classKey: 'high', className: 'Høy', inherent: 2, residual: 2 },
    });
    expect(counts).toEqual([
      { key: 'high', name: 'Høy', count: 2 },
      { key: 'medium', name: 'Middels', count: 0 },
      { key: 'low', name: 'Lav', count: 1 },
    ]);
  });
});
