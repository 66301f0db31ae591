import { describe, expect, it } from 'vitest';
import {
  behindTarget,
  benefitStatusSummary,
  expectedValueOn,
  isBehind,
  latestMeasurement,
  validateIndicatorDates,
  type IndicatorLine,
} from './benefits.domain.ts';
import { baselineDateProblem, measurementDateProblem } from '#shared/contracts/benefits.ts';

// Self-service share rises from 20 % on 1 Jan 2027 to 60 % on 1 Jan 2028 (365 days).
const rising: IndicatorLine = { baselineValue: 20, baselineDate: '2027-01-01', targetValue: 60, targetDate: '2028-01-01', direction: 'higher' };
// Case handling time falls from 30 to 10 days over the same year.
const falling: IndicatorLine = { baselineValue: 30, baselineDate: '2027-01-01', targetValue: 10, targetDate: '2028-01-01', direction: 'lower' };

describe('expectedValueOn', () => {
  it('is the baseline on the baseline date and the target on the target date', () => {
    expect(expectedValueOn(rising, '2027-01-01')).toBe(20);
    expect(expectedValueOn(rising, '2028-01-01')).toBe(60);
  });

  it('follows the straight line in whole days in between', () => {
    // 2027-07-02 is day 182 of 365.
    expect(expectedValueOn(rising, '2027-07-02')).toBeCloseTo(20 + (40 * 182) / 365, 10);
    expect(expectedValueOn(falling, '2027-07-02')).toBeCloseTo(30 - (20 * 182) / 365, 10);
  });

  it('is flat at the baseline before the baseline date and at the target after the target date', () => {
    expect(expectedValueOn(rising, '2026-06-01')).toBe(20);
    expect(expectedValueOn(rising, '2029-06-01')).toBe(60);
  });

  it('steps to the target on the day when baseline date and target date are the same', () => {
    const step: IndicatorLine = { ...rising, targetDate: '2027-01-01' };
    expect(expectedValueOn(step, '2026-12-31')).toBe(20);
    expect(expectedValueOn(step, '2027-01-01')).toBe(60);
    expect(expectedValueOn(step, '2027-01-02')).toBe(60);
  });

  it('counts calendar days across daylight saving time and leap years', () => {
    const leap: IndicatorLine = { ...rising, baselineDate: '2028-02-28', targetDate: '2028-03-01' };
    expect(expectedValueOn(leap, '2028-02-29')).toBe(40);
  });
});

describe('latestMeasurement', () => {
  it('takes the latest date, not the last given', () => {
    expect(
      latestMeasurement([
        { measuredOn: '2027-05-01', value: 1 },
        { measuredOn: '2027-03-01', value: 2 },
      ])?.value,
    ).toBe(1);
  });
  it('takes the one recorded last of two on the same date', () => {
    expect(
      latestMeasurement([
        { measuredOn: '2027-05-01', value: 1 },
        { measuredOn: '2027-05-01', value: 2 },
      ])?.value,
    ).toBe(2);
  });
  it('is undefined without measurements', () => {
    expect(latestMeasurement([])).toBeUndefined();
  });
});

describe('behindTarget', () => {
  it('is never behind without measurements', () => {
    expect(behindTarget(rising, [])).toEqual({ latest: null, expected: null, behind: false });
  });

  it('is behind when higher is better and the latest value is below the line', () => {
    const verdict = behindTarget(rising, [{ measuredOn: '2027-07-02', value: 30 }]);
    expect(verdict.behind).toBe(true);
    expect(verdict.expected).toBeCloseTo(39.945, 2);
    expect(verdict.latest).toEqual({ measuredOn: '2027-07-02', value: 30 });
  });

  it('is on plan when higher is better and the latest value is above the line', () => {
    expect(behindTarget(rising, [{ measuredOn: '2027-07-02', value: 45 }]).behind).toBe(false);
  });

  it('is on plan when the value is exactly on the line, also with rounding noise', () => {
    expect(behindTarget(rising, [{ measuredOn: '2028-01-01', value: 60 }]).behind).toBe(false);
    const tenths: IndicatorLine = { ...rising, baselineValue: 0.1, targetValue: 0.3, baselineDate: '2027-01-01', targetDate: '2027-01-03' };
    expect(behindTarget(tenths, [{ measuredOn: '2027-01-02', value: 0.2 }]).behind).toBe(false);
    expect(isBehind('higher', 0.1 + 0.2, 0.3)).toBe(false);
  });

  it('is behind when lower is better and the latest value is above the line', () => {
    expect(behindTarget(falling, [{ measuredOn: '2027-07-02', value: 25 }]).behind).toBe(true);
    expect(behindTarget(falling, [{ measuredOn: '2027-07-02', value: 15 }]).behind).toBe(false);
  });

  it('judges only the latest measurement', () => {
    const measurements = [
      { measuredOn: '2027-10-01', value: 55 },
      { measuredOn: '2027-03-01', value: 10 },
    ];
    expect(behindTarget(rising, measurements).behind).toBe(false);
    expect(behindTarget(rising, [...measurements, { measuredOn: '2027-11-01', value: 40 }]).behind).toBe(true);
  });

  it('judges a measurement before the baseline date against the baseline', () => {
    expect(behindTarget(rising, [{ measuredOn: '2026-10-01', value: 19 }])).toMatchObject({ expected: 20, behind: true });
    expect(behindTarget(rising, [{ measuredOn: '2026-10-01', value: 20 }]).behind).toBe(false);
    expect(behindTarget(falling, [{ measuredOn: '2026-10-01', value: 29 }]).behind).toBe(false);
  });

  it('judges a measurement after the target date against the target', () => {
    expect(behindTarget(rising, [{ measuredOn: '2029-01-01', value: 59 }])).toMatchObject({ expected: 60, behind: true });
    expect(behindTarget(falling, [{ measuredOn: '2029-01-01', value: 9 }])).toMatchObject({ expected: 10, behind: false });
    expect(behindTarget(falling, [{ measuredOn: '2029-01-01', value: 11 }]).behind).toBe(true);
  });

  it('handles baseline date = target date as a step', () => {
    const step: IndicatorLine = { ...falling, targetDate: '2027-01-01' };
    expect(behindTarget(step, [{ measuredOn: '2027-01-01', value: 20 }])).toMatchObject({ expected: 10, behind: true });
    expect(behindTarget(step, [{ measuredOn: '2026-12-31', value: 20 }])).toMatchObject({ expected: 30, behind: false });
  });

  it('handles a target equal to the baseline (keep the level)', () => {
    const keep: IndicatorLine = { ...rising, targetValue: 20 };
    expect(behindTarget(keep, [{ measuredOn: '2027-06-01', value: 20 }]).behind).toBe(false);
    expect(behindTarget(keep, [{ measuredOn: '2027-06-01', value: 19.5 }]).behind).toBe(true);
  });

  it('works with negative values', () => {
    const deficit: IndicatorLine = { baselineValue: -10, baselineDate: '2027-01-01', targetValue: 0, targetDate: '2027-01-11', direction: 'higher' };
    expect(behindTarget(deficit, [{ measuredOn: '2027-01-06', value: -6 }]).behind).toBe(true);
    expect(behindTarget(deficit, [{ measuredOn: '2027-01-06', value: -5 }]).behind).toBe(false);
  });
});

describe('validateIndicatorDates', () => {
  it('refuses a target date before the baseline date, at the target date', () => {
    expect(validateIndicatorDates({ baselineDate: '2027-01-02', targetDate: '2027-01-01' })).toEqual([
      { path: 'targetDate', message: expect.objectContaining({ nb: 'Måldatoen kan ikke være før datoen for nullpunktet.' }) },
    ]);
    expect(validateIndicatorDates({ baselineDate: '2027-01-01', targetDate: '2027-01-01' })).toEqual([]);
  });
});

describe('benefitStatusSummary', () => {
  it('counts per status and the benefits still followed up that are behind', () => {
    expect(
      benefitStatusSummary([
        { status: 'planned', behindCount: 0 },
        { status: 'in_progress', behindCount: 2 },
        { status: 'in_progress', behindCount: 0 },
        { status: 'realised', behindCount: 1 },
        { status: 'cancelled', behindCount: 1 },
      ]),
    ).toEqual({ total: 5, byStatus: { planned: 1, in_progress: 2, realised: 1, cancelled: 1 }, behind: 1 });
  });
  it('is all zeros for an empty plan', () => {
    expect(benefitStatusSummary([])).toEqual({ total: 0, byStatus: { planned: 0, in_progress: 0, realised: 0, cancelled: 0 }, behind: 0 });
  });
});

describe('measurementDateProblem (a measurement before the baseline is refused)', () => {
  it.each([
    ['2026-12-31', '2027-01-01', true],
    ['2020-06-01', '2027-01-01', true],
    ['2027-01-01', '2027-01-01', false],
    ['2027-01-02', '2027-01-01', false],
    ['2029-01-01', '2027-01-01', false],
  ])('measured %s against baseline %s: refused = %s', (measuredOn, baselineDate, refused) => {
    const problem = measurementDateProblem(measuredOn, baselineDate);
    expect(problem !== null).toBe(refused);
  });

  it('names the field and the baseline date in dd.mm.åååå', () => {
    expect(measurementDateProblem('2026-12-31', '2027-01-15')).toEqual({
      path: 'measuredOn',
      message: 'Dato for målingen kan ikke være før datoen for nullpunktet (15.01.2027).',
    });
  });
});

describe('baselineDateProblem (a baseline moved after existing measurements is refused)', () => {
  it.each([
    ['2027-01-01', [], 0],
    ['2027-01-01', ['2027-01-01', '2027-03-01'], 0],
    ['2027-03-01', ['2027-01-01', '2027-03-01'], 1],
    ['2027-12-31', ['2027-06-01', '2027-01-01', '2027-03-01'], 3],
  ] as const)('baseline %s with measurements %j: %i earlier', (baselineDate, measured, earlier) => {
    const problem = baselineDateProblem(baselineDate, measured);
    expect(problem?.earlierCount ?? 0).toBe(earlier);
  });

  it('says at the baseline date how many measurements are earlier and the first of them', () => {
    expect(baselineDateProblem('2027-04-01', ['2027-03-01', '2027-02-01'])).toEqual({
      path: 'baselineDate',
      earlierCount: 2,
      message:
        'Dato for nullpunktet kan ikke være 01.04.2027: 2 målinger er registrert før denne datoen (den første 01.02.2027). ' +
        'Velg en tidligere dato, eller slett målingene først.',
    });
    expect(baselineDateProblem('2027-04-01', ['2027-03-01'])?.message).toContain('1 måling er registrert');
  });
});

describe('the measurement date rules in the reader’s language', () => {
  it('say a measurement before the baseline in nynorsk and English, English with the month by name', () => {
    expect(measurementDateProblem('2026-12-31', '2027-01-15', 'nn')?.message).toBe(
      'Datoen for målinga kan ikkje vere før datoen for nullpunktet (15.01.2027).',
    );
    expect(measurementDateProblem('2026-12-31', '2027-01-15', 'en')?.message).toBe(
      'The date of the measurement cannot be before the baseline date (15 Jan 2027).',
    );
  });

  it('say a baseline after measurements in nynorsk and English, counting them', () => {
    expect(baselineDateProblem('2027-04-01', ['2027-03-01', '2027-02-01'], 'nn')?.message).toBe(
      'Datoen for nullpunktet kan ikkje vere 01.04.2027: det er registrert 2 målingar før denne datoen (den første 01.02.2027). ' +
        'Vel ein tidlegare dato, eller slett målingane først.',
    );
    expect(baselineDateProblem('2027-04-01', ['2027-03-01'], 'en')?.message).toBe(
      'The baseline date cannot be 1 Apr 2027: 1 measurement was recorded before that date (the first on 1 Mar 2027). ' +
        'Choose an earlier date, or delete the measurements first.',
    );
  });
});
