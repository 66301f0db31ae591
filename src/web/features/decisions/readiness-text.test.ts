import { describe, expect, it } from 'vitest';
import { createFormatters } from '#web/i18n/format.ts';
import { nb } from '#web/i18n/nb.ts';
import { acceptedDeferralText, daysLeftText, missingReasons } from './readiness-text.ts';

const fmt = createFormatters(nb.meta.intlLocale, nb.meta.timeAt);

describe('day-one readiness in words', () => {
  it('counts the days to the merger date, and since it once it has passed', () => {
    expect(daysLeftText(306, '2028-01-01', nb, fmt)).toBe('306 dager til sammenslåingsdatoen 01.01.2028.');
    expect(daysLeftText(1, '2028-01-01', nb, fmt)).toBe('1 dag til sammenslåingsdatoen 01.01.2028.');
    expect(daysLeftText(0, '2028-01-01', nb, fmt)).toBe('Sammenslåingsdatoen 01.01.2028 er i dag.');
    expect(daysLeftText(-1, '2028-01-01', nb, fmt)).toBe('Sammenslåingsdatoen var for 1 dag siden.');
    expect(daysLeftText(-12, '2028-01-01', nb, fmt)).toBe('Sammenslåingsdatoen var for 12 dager siden.');
  });

  it('says why an area is not ready', () => {
    const entry = { areaId: 'a', areaName: 'Økonomi', reasons: ['not_adopted', 'tasks_open'] as const, openTasks: 3, rationale: null };
    expect(missingReasons({ ...entry, reasons: [...entry.reasons] }, nb, fmt)).toEqual(['veivalget er ikke vedtatt', '3 åpne oppgaver']);
    expect(missingReasons({ ...entry, reasons: ['tasks_open'], openTasks: 1 }, nb, fmt)).toEqual(['1 åpen oppgave']);
    expect(missingReasons({ ...entry, reasons: ['no_decision'], openTasks: 0 }, nb, fmt)).toEqual(['ingen veivalg']);
  });

  it("says that a critical area is deferred to the transition, with the veivalg's rationale", () => {
    const entry = { areaId: 'a', areaName: 'Økonomi', reasons: ['deferred' as const], openTasks: 0 };
    expect(missingReasons({ ...entry, rationale: 'Ny anskaffelse tar tid.' }, nb, fmt)).toEqual([
      'utsatt til overgangsfasen («Ny anskaffelse tar tid.»), utsettelsen er ikke godtatt',
    ]);
    expect(missingReasons({ ...entry, rationale: null }, nb, fmt)).toEqual(['utsatt til overgangsfasen, utsettelsen er ikke godtatt']);
  });

  it('shows an accepted deferral with who, when and why', () => {
    expect(acceptedDeferralText({ acceptedBy: 'Live Leder', acceptedOn: '2027-11-02', reason: 'Leverandøren kan ikke levere før mars.' }, nb, fmt)).toBe(
      'Utsettelse godtatt av Live Leder 02.11.2027: Leverandøren kan ikke levere før mars.',
    );
  });
});
