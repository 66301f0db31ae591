/**
 * Gevinstrealisering's rules, pure: where an indicator should be on a date
 * (a straight line from the baseline to the target), whether the latest
 * measurement is behind that line, and a plan's status in numbers.
 */
import type { BenefitStatus, IndicatorDirection } from '#shared/contracts/benefits.ts';
import { benefitStatuses } from '#shared/contracts/benefits.ts';
import type { Localized } from '#shared/localized.ts';
import { daysBetween } from '#shared/calendar-dates.ts';

export interface IndicatorLine {
  baselineValue: number;
  baselineDate: string;
  targetValue: number;
  targetDate: string;
  direction: IndicatorDirection;
}

export interface MeasurementPoint {
  measuredOn: string;
  value: number;
}

/**
 * The value the indicator should have on a date: the baseline until the
 * baseline date, the target from the target date on, and in between the
 * straight line counted in whole days. With baseline date = target date the
 * line is a step on that day (the target applies from it).
 */
export function expectedValueOn(line: IndicatorLine, isoDate: string): number {
  const sinceBaseline = daysBetween(line.baselineDate, isoDate);
  const lineDays = daysBetween(line.baselineDate, line.targetDate);
  if (sinceBaseline >= lineDays) return line.targetValue;
  if (sinceBaseline <= 0) return line.baselineValue;
  return line.baselineValue + ((line.targetValue - line.baselineValue) * sinceBaseline) / lineDays;
}

/** The latest measurement by date; of two on the same date, the one given last (recorded last). */
export function latestMeasurement<T extends MeasurementPoint>(measurements: readonly T[]): T | undefined {
  let latest: T | undefined;
  for (const measurement of measurements) if (!latest || measurement.measuredOn >= latest.measuredOn) latest = measurement;
  return latest;
}

/** Rounding noise (0.1 + 0.2) is not «behind». */
const tolerance = (a: number, b: number) => 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Whether a value is worse than the expected one in the indicator's direction; equal is on plan. */
export function isBehind(direction: IndicatorDirection, value: number, expected: number): boolean {
  if (Math.abs(value - expected) <= tolerance(value, expected)) return false;
  return direction === 'higher' ? value < expected : value > expected;
}

export interface IndicatorVerdict {
  latest: MeasurementPoint | null;
  expected: number | null;
  behind: boolean;
}

/**
 * Is the latest measurement behind the line from baseline to target? Without
 * measurements nothing is behind (there is nothing to judge). A measurement
 * before the baseline date is judged against the baseline, one after the
 * target date against the target.
 */
export function behindTarget(line: IndicatorLine, measurements: readonly MeasurementPoint[]): IndicatorVerdict {
  const latest = latestMeasurement(measurements);
  if (!latest) return { latest: null, expected: null, behind: false };
  const expected = expectedValueOn(line, latest.measuredOn);
  return { latest: { measuredOn: latest.measuredOn, value: latest.value }, expected, behind: isBehind(line.direction, latest.value, expected) };
}

/** A target date before the baseline date makes no line; the problem is put at the target date. */
export function validateIndicatorDates(line: Pick<IndicatorLine, 'baselineDate' | 'targetDate'>): Array<{ path: string; message: Localized }> {
  if (line.targetDate >= line.baselineDate) return [];
  return [
    {
      path: 'targetDate',
      message: {
        nb: 'Måldatoen kan ikke være før datoen for nullpunktet.',
        nn: 'Måldatoen kan ikkje vere før datoen for nullpunktet.',
        en: 'The target date cannot be before the baseline date.',
      },
    },
  ];
}

export interface BenefitFacts {
  status: BenefitStatus;
  /** How many of its indicators have a latest measurement behind the line. */
  behindCount: number;
}

export interface BenefitStatusSummary {
  total: number;
  byStatus: Record<BenefitStatus, number>;
  /** Benefits with an indicator behind plan; a realised or cancelled benefit is no longer followed up. */
  behind: number;
}

export function benefitStatusSummary(benefits: readonly BenefitFacts[]): BenefitStatusSummary {
  // Object.fromEntries types its keys as string; every status is among them.
  const byStatus = Object.fromEntries(benefitStatuses.map((status) => [status, 0])) as Record<BenefitStatus, number>;
  let behind = 0;
  for (const benefit of benefits) {
    byStatus[benefit.status] += 1;
    if (benefit.behindCount > 0 && (benefit.status === 'planned' || benefit.status === 'in_progress')) behind += 1;
  }
  return { total: benefits.length, byStatus, behind };
}
