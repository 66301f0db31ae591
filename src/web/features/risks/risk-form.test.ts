import { describe, expect, it } from 'vitest';
import { defaultI18n } from '#web/i18n/messages.ts';
import {
  changedRiskFields,
  emptyRiskValues,
  proportionalMapping,
  riskBodyOf,
  riskFieldMessages,
  riskFields,
  riskRules,
  type RiskValues,
  riskFiltersOf,
  valuesOfSuggestion,
  worstOf,
} from './risk-form.ts';
import { riskApiQuery, riskSearch, textColorOn } from './risk-view.ts';
import { createRiskBody } from '#shared/contracts/risks.ts';
import { validateBody } from '#web/lib/form-validation.ts';

const { m } = defaultI18n;

describe('the risk form', () => {
  it('needs a title, and a reason to accept', () => {
    const values: RiskValues = { ...emptyRiskValues(), status: 'accepted' };
    const checked = validateBody(createRiskBody, riskBodyOf(values), riskFields, riskFieldMessages(m), m);
    expect(checked.ok).toBe(false);
    expect({ ...(checked.ok ? {} : checked.byField), ...riskRules(values, m) }).toEqual({
      title: m.risks.form.titleRequired,
      acceptanceReason: m.risks.form.reasonRequired,
    });
  });

  it('refuses residual above inherent', () => {
    const values = {
      ...emptyRiskValues(),
      title: 'R',
      likelihood: '2',
      residualLikelihood: '3',
      consequences: { ...emptyRiskValues().consequences, economy: '2' },
      residualConsequence: '4',
    };
    expect(Object.keys(riskRules(values, m))).toEqual(['residualLikelihood', 'residualConsequence']);
  });

  it('sends levels as numbers and empty text as null', () => {
    const values = { ...emptyRiskValues(), title: ' Nedetid ', likelihood: '3', consequences: { ...emptyRiskValues().consequences, economy: '4' } };
    const body = riskBodyOf(values);
    expect(validateBody(createRiskBody, body, riskFields, riskFieldMessages(m), m)).toEqual({ ok: true });
    expect(body).toMatchObject({ title: 'Nedetid', likelihood: 3, description: null, residualLikelihood: null, acceptanceReason: null });
    expect(body?.consequences).toMatchObject({ economy: 4, lifeHealth: null });
  });

  it('takes the worst dimension', () => {
    expect(worstOf({ ...emptyRiskValues().consequences, economy: '2', reputation: '4' })).toBe(4);
    expect(worstOf(emptyRiskValues().consequences)).toBeNull();
  });

  it('fills from a suggestion and names the changed fields', () => {
    const values = valuesOfSuggestion({
      key: 'generic:archive',
      kind: 'archive',
      generic: true,
      title: 'Arkivtap',
      description: 'D',
      cause: 'C',
      systemIds: [],
      areaIds: [],
      integrationIds: [],
      consequences: { infoSecurity: 4 },
    });
    expect(values.consequences.infoSecurity).toBe('4');
    expect(changedRiskFields({ ...values, owner: 'Kari' }, values)).toEqual(['owner']);
  });
});

describe('filters in the URL', () => {
  it('round-trips and ignores nonsense', () => {
    const search = riskSearch({ status: 'open', cell: '3-4', residual: true });
    expect(search).toBe('?status=open&celle=3-4&etter=ja');
    expect(riskFiltersOf(new URLSearchParams(search))).toEqual({ status: 'open', level: undefined, cell: '3-4', residual: true });
    expect(riskFiltersOf(new URLSearchParams('status=x&celle=12'))).toEqual({ status: undefined, level: undefined, cell: undefined, residual: undefined });
    expect(riskApiQuery({ level: 'high', residual: true })).toBe('?level=high&residual=true');
  });
});

describe('colours and scales', () => {
  it('picks legible text on the default colours', () => {
    expect(textColorOn('#2e7d32')).toBe('#ffffff');
    expect(textColorOn('#f9a825')).toBe('#000000');
    expect(textColorOn('#c62828')).toBe('#ffffff');
  });

  it('spreads old levels evenly over a new scale', () => {
    expect(proportionalMapping(5, 3)).toEqual({ 1: 1, 2: 2, 3: 2, 4: 3, 5: 3 });
    expect(proportionalMapping(3, 5)).toEqual({ 1: 1, 2: 3, 3: 5 });
  });
});
