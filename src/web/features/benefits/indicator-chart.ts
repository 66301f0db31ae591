import type { Indicator } from '#shared/contracts/benefits.ts';
import type { Formatters } from '#web/i18n/format.ts';
import type { Messages } from '#web/i18n/messages.ts';

/** A value with its unit as Norwegian writes it: «40 %», «1 200 kr», «12» without unit. */
export function valueText(value: number, unit: string, fmt: Pick<Formatters, 'number'>): string {
  const rounded = Math.round(value * 10) / 10;
  return unit ? `${fmt.number(rounded)} ${unit}` : fmt.number(rounded);
}

/** The sentence under the chart: where the latest measurement is against the plan; never colour alone. */
export function indicatorSummary(indicator: Indicator, m: Messages, fmt: Pick<Formatters, 'number' | 'date'>): string {
  const t = m.benefits.indicator;
  const { latest, expected, behind } = indicator.status;
  if (!latest || expected === null) return t.noMeasurements;
  const args = [fmt.date(latest.measuredOn), valueText(latest.value, indicator.unit, fmt), valueText(expected, indicator.unit, fmt)] as const;
  return behind ? t.latestBehind(...args) : t.latestOnPlan(...args);
}

const dayNumber = (isoDate: string): number =>
  Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 86_400_000;
const isoOfDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Round numbers for the value axis: 1, 2 or 5 times a power of ten. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    return niceTicks(min - pad, max + pad, count);
  }
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * power).find((candidate) => candidate >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let tick = Math.floor(min / step) * step; tick <= max + step * 1e-9; tick += step) ticks.push(Math.round(tick / step) * step);
  if (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks;
}

export interface ChartLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  xTicks: Array<{ x: number; date: string }>;
  yTicks: Array<{ y: number; value: number }>;
  /** The plan: baseline to target, flat before and after. */
  line: Array<{ x: number; y: number }>;
  points: Array<{ x: number; y: number; id: string; value: number; measuredOn: string; behind: boolean }>;
}

/** Where everything goes in the SVG; pure, so the scales are tested without a browser. */
export function chartLayout(indicator: Indicator, width = 640, height = 300): ChartLayout {
  const plot = { left: 64, right: width - 24, top: 24, bottom: height - 48 };
  const dates = [indicator.baselineDate, indicator.targetDate, ...indicator.measurements.map((m) => m.measuredOn)].map(dayNumber);
  let startDay = Math.min(...dates);
  let endDay = Math.max(...dates);
  if (startDay === endDay) {
    startDay -= 15;
    endDay += 15;
  }
  const values = [indicator.baselineValue, indicator.targetValue, ...indicator.measurements.map((m) => m.value)];
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const low = ticks[0]!;
  const high = ticks[ticks.length - 1]!;
  const x = (day: number) => plot.left + ((day - startDay) / (endDay - startDay)) * (plot.right - plot.left);
  const y = (value: number) => plot.bottom - ((value - low) / (high - low)) * (plot.bottom - plot.top);
  const xTickDays = [startDay, ...[1, 2, 3].map((i) => startDay + ((endDay - startDay) * i) / 4), endDay].map(Math.round);
  const baselineDay = dayNumber(indicator.baselineDate);
  const targetDay = dayNumber(indicator.targetDate);
  const line = [
    { x: x(startDay), y: y(indicator.baselineValue) },
    { x: x(baselineDay), y: y(indicator.baselineValue) },
    { x: x(targetDay), y: y(indicator.targetValue) },
    { x: x(endDay), y: y(indicator.targetValue) },
  ];
  const behindIds = new Set<string>();
  // Each point is judged against the line on its own date, as the table does.
  for (const m of indicator.measurements) {
    const worse = indicator.direction === 'higher' ? m.value < m.expected : m.value > m.expected;
    if (worse && Math.abs(m.value - m.expected) > 1e-9 * Math.max(1, Math.abs(m.value))) behindIds.add(m.id);
  }
  return {
    width,
    height,
    plot,
    xTicks: [...new Set(xTickDays)].map((day) => ({ x: x(day), date: isoOfDay(day) })),
    yTicks: ticks.map((value) => ({ y: y(value), value })),
    line,
    points: indicator.measurements.map((m) => ({
      x: x(dayNumber(m.measuredOn)),
      y: y(m.value),
      id: m.id,
      value: m.value,
      measuredOn: m.measuredOn,
      behind: behindIds.has(m.id),
    })),
  };
}

/** Whether one measurement is behind the line on its date (for the table's «Vurdering»). */
export function measurementBehind(indicator: Pick<Indicator, 'direction'>, measurement: { value: number; expected: number }): boolean {
  const { value, expected } = measurement;
  if (Math.abs(value - expected) <= 1e-9 * Math.max(1, Math.abs(value), Math.abs(expected))) return false;
  return indicator.direction === 'higher' ? value < expected : value > expected;
}
