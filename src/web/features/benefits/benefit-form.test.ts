import { describe, expect, it } from 'vitest';
import { nb } from '#web/i18n/nb.ts';
import { benefitBodyOf, emptyBenefit, emptyIndicator, indicatorBodyOf, parseNumber } from './benefit-form.ts';

describe('parseNumber', () => {
  it('reads Norwegian and English decimals, spaces and minus', () => {
    expect(parseNumber('12,5')).toBe(12.5);
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('1 200')).toBe(1200);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('tolv')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });
});

describe('benefitBodyOf', () => {
  it('asks for title and type at their fields', () => {
    expect(benefitBodyOf(emptyBenefit, nb).errors).toEqual({ title: nb.benefits.form.titleRequired, type: nb.benefits.form.typeRequired });
  });
  it('sends empty text as null', () => {
    const { body } = benefitBodyOf({ ...emptyBenefit, title: ' Raskere saksbehandling ', type: 'time', owner: '  ' }, nb);
    expect(body).toMatchObject({ title: 'Raskere saksbehandling', type: 'time', owner: null, plannedRealisationDate: null, status: 'planned' });
  });
});

describe('indicatorBodyOf', () => {
  const valid = { ...emptyIndicator, name: 'Andel', unit: '%', baselineValue: '20', baselineDate: '2027-01-01', targetValue: '60,5', targetDate: '2028-01-01' };
  it('turns the texts into numbers', () => {
    expect(indicatorBodyOf(valid, nb).body).toMatchObject({ baselineValue: 20, targetValue: 60.5, direction: 'higher' });
  });
  it('points at each wrong field, and at the target date when it is before the baseline', () => {
    expect(Object.keys(indicatorBodyOf(emptyIndicator, nb).errors).sort()).toEqual(['baselineDate', 'baselineValue', 'name', 'targetDate', 'targetValue']);
    expect(indicatorBodyOf({ ...valid, targetDate: '2026-01-01' }, nb).errors).toEqual({ targetDate: nb.benefits.indicatorForm.targetBeforeBaseline });
  });
});
