import { describe, expect, it } from 'vitest';
import type { Indicator } from '#shared/contracts/benefits.ts';
import { createFormatters } from '#web/i18n/format.ts';
import { nb } from '#web/i18n/nb.ts';
import { chartLayout, indicatorSummary, measurementBehind, niceTicks, valueText } from './indicator-chart.ts';

const fmt = createFormatters(nb.meta.intlLocale, nb.meta.timeAt);
const plain = (text: string) => text.replace(/\s/g, ' ');

const indicator: Indicator = {
  id: '00000000-0000-4000-8000-000000000001',
  benefitId: '00000000-0000-4000-8000-000000000002',
  name: 'Andel digitale søknader',
  unit: '%',
  baselineValue: 20,
  baselineDate: '2027-01-01',
  targetValue: 60,
  targetDate: '2028-01-01',
  direction: 'higher',
  measurements: [
    { id: 'a', measuredOn: '2027-03-01', value: 30, comment: null, recordedBy: 'Kari', expected: 26.5, createdAt: '' },
    { id: 'b', measuredOn: '2027-05-12', value: 40, comment: null, recordedBy: 'Kari', expected: 45, createdAt: '' },
  ],
  status: { latest: { measuredOn: '2027-05-12', value: 40 }, expected: 45, behind: true },
  updatedAt: '',
  version: 1,
};

describe('indicatorSummary', () => {
  it('says the latest measurement is behind plan, with date, value and expected value in words', () => {
    expect(plain(indicatorSummary(indicator, nb, fmt))).toBe('Siste måling (12.05.2027: 40 %) ligger bak planen (forventet 45 %).');
  });
  it('says when it is on plan, and when there is nothing measured', () => {
    expect(plain(indicatorSummary({ ...indicator, status: { ...indicator.status, behind: false } }, nb, fmt))).toContain('ligger i rute');
    expect(indicatorSummary({ ...indicator, measurements: [], status: { latest: null, expected: null, behind: false } }, nb, fmt)).toBe(
      'Ingen målinger er registrert ennå.',
    );
  });
});

describe('valueText', () => {
  it('writes the unit after a space and rounds to one decimal', () => {
    expect(plain(valueText(39.94, '%', fmt))).toBe('39,9 %');
    expect(plain(valueText(1200, 'kr', fmt))).toBe('1 200 kr');
    expect(valueText(12, '', fmt)).toBe('12');
  });
});

describe('niceTicks', () => {
  it('covers the range with round steps', () => {
    expect(niceTicks(20, 60)).toEqual([20, 30, 40, 50, 60]);
    expect(niceTicks(3, 97)).toEqual([0, 20, 40, 60, 80, 100]);
  });
  it('makes a range around a single value', () => {
    const ticks = niceTicks(5, 5);
    expect(ticks[0]).toBeLessThan(5);
    expect(ticks[ticks.length - 1]).toBeGreaterThan(5);
  });
});

describe('chartLayout', () => {
  const layout = chartLayout(indicator);
  it('runs the plan from the baseline at the left to the target at the right', () => {
    expect(layout.line[1]).toEqual({ x: layout.plot.left, y: layout.plot.bottom });
    expect(layout.line[2]).toEqual({ x: layout.plot.right, y: layout.plot.top });
  });
  it('places points by date and value and marks those behind the line on their date', () => {
    expect(layout.points.map((p) => p.behind)).toEqual([false, true]);
    expect(layout.points[1]!.x).toBeGreaterThan(layout.points[0]!.x);
    expect(layout.points[1]!.y).toBeLessThan(layout.points[0]!.y);
  });
  it('labels the date axis from the first to the last date', () => {
    expect(layout.xTicks[0]!.date).toBe('2027-01-01');
    expect(layout.xTicks[layout.xTicks.length - 1]!.date).toBe('2028-01-01');
  });
  it('widens a chart whose dates are all the same day', () => {
    const sameDay = chartLayout({ ...indicator, targetDate: '2027-01-01', measurements: [] });
    expect(Number.isFinite(sameDay.line[1]!.x)).toBe(true);
  });
});

describe('measurementBehind', () => {
  it('follows the direction and treats equal as on plan', () => {
    expect(measurementBehind({ direction: 'higher' }, { value: 40, expected: 45 })).toBe(true);
    expect(measurementBehind({ direction: 'lower' }, { value: 40, expected: 45 })).toBe(false);
    expect(measurementBehind({ direction: 'lower' }, { value: 45, expected: 45 })).toBe(false);
  });
});
