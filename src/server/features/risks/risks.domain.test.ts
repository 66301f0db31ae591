import { describe, expect, it } from 'vitest';
import type { RiskMatrix } from '#shared/contracts/risks.ts';
import {
  cellOf,
  defaultMatrix,
  heatmapCounts,
  identityMapping,
  mappingProblems,
  mappingRequired,
  matrixProblems,
  placeRisk,
  remapLevel,
  remapRisk,
  residualPosition,
  riskProblems,
  scoreGrid,
  starterRisks,
  touchesAcceptance,
  worstConsequence,
  type StarterSystem,
} from './risks.domain.ts';

const matrix = defaultMatrix();

/** The same scales with three levels each (Lav / Middels / Høy), for remapping. */
function threeByThree(): RiskMatrix {
  return {
    ...matrix,
    likelihood: matrix.likelihood.slice(0, 3),
    consequence: matrix.consequence.slice(0, 3),
    grid: scoreGrid(3, 3),
  };
}

describe('the default matrix', () => {
  it('is 5 × 5 with DSB’s level names', () => {
    expect(matrix.likelihood.map((level) => level.name)).toEqual([
      'Svært lite sannsynlig',
      'Lite sannsynlig',
      'Moderat sannsynlig',
      'Sannsynlig',
      'Svært sannsynlig',
    ]);
    expect(matrix.consequence.map((level) => level.name)).toEqual(['Svært liten', 'Liten', 'Moderat', 'Stor', 'Svært stor']);
    expect(matrixProblems(matrix)).toEqual([]);
  });

  it('colours by score: 1–4 green, 5–9 yellow, 10–25 red', () => {
    const classOf = (l: number, c: number) => cellOf(matrix, l, c)?.classKey;
    expect(classOf(1, 1)).toBe('low');
    expect(classOf(2, 2)).toBe('low');
    expect(classOf(1, 4)).toBe('low');
    expect(classOf(1, 5)).toBe('medium');
    expect(classOf(3, 3)).toBe('medium');
    expect(classOf(2, 5)).toBe('high');
    expect(classOf(3, 4)).toBe('high');
    expect(classOf(5, 5)).toBe('high');
    expect(matrix.grid.flat().filter((key) => key === 'low')).toHaveLength(8);
    expect(matrix.grid.flat().filter((key) => key === 'high')).toHaveLength(10);
  });
});

describe('matrix lookup', () => {
  it('gives the cell with its class name and colour', () => {
    expect(cellOf(matrix, 4, 5)).toEqual({ likelihood: 4, consequence: 5, classKey: 'high', className: 'Høy', color: '#c62828' });
  });

  it('gives nothing when a level is missing or outside the scale', () => {
    expect(cellOf(matrix, null, 3)).toBeNull();
    expect(cellOf(matrix, 3, null)).toBeNull();
    expect(cellOf(matrix, 6, 1)).toBeNull();
    expect(cellOf(matrix, 0, 1)).toBeNull();
  });

  it('finds a grid that does not fit the scales or names an unknown class', () => {
    const broken: RiskMatrix = { ...matrix, grid: [...matrix.grid.slice(0, 4), ['low', 'low', 'low', 'purple']] };
    expect(matrixProblems(broken).map((problem) => problem.path)).toEqual(['grid.4', 'grid.4.3']);
    const duplicate: RiskMatrix = { ...matrix, classes: [...matrix.classes, { key: 'low', name: 'Lav igjen', color: '#000000' }] };
    expect(matrixProblems(duplicate).map((problem) => problem.code)).toEqual(['duplicate']);
  });
});

describe('the worst-dimension rule', () => {
  it('takes the worst assessed dimension', () => {
    expect(worstConsequence({ lifeHealth: 2, economy: 4, reputation: null })).toBe(4);
    expect(worstConsequence({ infoSecurity: 5 })).toBe(5);
  });
  it('is null when nothing is assessed', () => {
    expect(worstConsequence({})).toBeNull();
    expect(worstConsequence({ lifeHealth: null })).toBeNull();
  });
});

describe('residual risk', () => {
  it('uses the residual assessment where there is one', () => {
    expect(residualPosition({ likelihood: 4, consequence: 5, residualLikelihood: 2, residualConsequence: 3 })).toEqual({ likelihood: 2, consequence: 3 });
  });
  it('stays at the inherent level on an axis without its own assessment', () => {
    expect(residualPosition({ likelihood: 4, consequence: 5, residualLikelihood: 2, residualConsequence: null })).toEqual({ likelihood: 2, consequence: 5 });
  });
  it('is unknown when the inherent level is', () => {
    expect(residualPosition({ likelihood: null, consequence: 5, residualLikelihood: null, residualConsequence: null })).toBeNull();
  });
  it('places a risk inherent and residual', () => {
    const placed = placeRisk(matrix, { likelihood: 4, consequences: { economy: 5 }, residualLikelihood: 2, residualConsequence: 2 });
    expect(placed.inherent?.classKey).toBe('high');
    expect(placed.residual).toMatchObject({ likelihood: 2, consequence: 2, classKey: 'low' });
  });
});

describe('risk rules', () => {
  const ok = {
    likelihood: 3,
    consequence: null,
    consequences: { economy: 4 },
    residualLikelihood: 2,
    residualConsequence: 3,
    status: 'open',
    acceptanceReason: null,
  };
  it('accepts a sound risk', () => {
    expect(riskProblems(matrix, ok)).toEqual([]);
  });
  it('refuses residual above inherent', () => {
    expect(riskProblems(matrix, { ...ok, residualLikelihood: 4, residualConsequence: 5 }).map((p) => p.path)).toEqual([
      'residualLikelihood',
      'residualConsequence',
    ]);
  });
  it('refuses levels outside the scale', () => {
    expect(riskProblems(threeByThree(), { ...ok, likelihood: 4, residualLikelihood: null, residualConsequence: 4 }).map((p) => p.path)).toEqual([
      'likelihood',
      'consequences.economy',
      'residualConsequence',
    ]);
  });
  it('needs a reason to accept a risk', () => {
    expect(riskProblems(matrix, { ...ok, status: 'accepted', acceptanceReason: '  ' }).map((p) => p.path)).toEqual(['acceptanceReason']);
    expect(riskProblems(matrix, { ...ok, status: 'accepted', acceptanceReason: 'Lav kostnad' })).toEqual([]);
  });
});

describe('remapping', () => {
  const small = threeByThree();
  const mapping = { likelihood: { 1: 1, 2: 1, 3: 2, 4: 3, 5: 3 }, consequence: { 1: 1, 2: 2, 3: 2, 4: 3, 5: 3 } };

  it('is required when risks exist and a scale changes size', () => {
    expect(mappingRequired(matrix, small, 2)).toBe(true);
    expect(mappingRequired(matrix, small, 0)).toBe(false);
    expect(mappingRequired(matrix, { ...matrix, classes: matrix.classes.map((c) => ({ ...c, name: c.name.toUpperCase() })) }, 2)).toBe(false);
  });

  it('accepts a mapping where every old level has a new one', () => {
    expect(mappingProblems(matrix, small, mapping)).toEqual([]);
    expect(mappingProblems(matrix, matrix, identityMapping(matrix))).toEqual([]);
  });

  it('refuses a missing, out-of-range or unknown level', () => {
    const problems = mappingProblems(matrix, small, {
      likelihood: { 1: 1, 2: 1, 3: 2, 4: 3 },
      consequence: { 1: 1, 2: 2, 3: 2, 4: 3, 5: 4, 6: 1 },
    });
    expect(problems.map((problem) => [problem.path, problem.code])).toEqual([
      ['mapping.likelihood.5', 'missing'],
      ['mapping.consequence.5', 'invalid'],
      ['mapping.consequence.6', 'unknown'],
    ]);
  });

  it('moves every stored level, the consequence dimensions by the consequence axis', () => {
    const moved = remapRisk({ likelihood: 4, consequences: { economy: 5, lifeHealth: 2 }, residualLikelihood: 2, residualConsequence: 3 }, mapping);
    expect(moved).toEqual({
      likelihood: 3,
      residualLikelihood: 1,
      residualConsequence: 2,
      consequences: { lifeHealth: 2, serviceDelivery: null, economy: 3, reputation: null, infoSecurity: null },
    });
    expect(placeRisk(small, moved).inherent).toMatchObject({ likelihood: 3, consequence: 3, classKey: 'high' });
  });

  it('keeps null as null and fails loudly on an unmapped level', () => {
    expect(remapLevel(null, {})).toBeNull();
    expect(() => remapLevel(2, { 1: 1 })).toThrow();
  });
});

describe('heatmap', () => {
  it('counts risks per cell, inherent and residual, and the unassessed', () => {
    const counts = heatmapCounts(matrix, [
      { likelihood: 4, consequences: { economy: 5 }, residualLikelihood: 2, residualConsequence: 2 },
      { likelihood: 4, consequences: { economy: 5, lifeHealth: 1 }, residualLikelihood: null, residualConsequence: null },
      { likelihood: null, consequences: { economy: 5 }, residualLikelihood: null, residualConsequence: null },
    ]);
    expect(counts.inherent[3]![4]).toBe(2);
    expect(counts.residual[1]![1]).toBe(1);
    expect(counts.residual[3]![4]).toBe(1);
    expect(counts.unassessed).toBe(1);
    expect(counts.total).toBe(3);
    expect(counts.inherent.flat().reduce((a, b) => a + b)).toBe(2);
  });

  it('counts a row that stands for several risks with the same levels as that many', () => {
    const one = { likelihood: 4, consequences: { economy: 5 }, residualLikelihood: 2, residualConsequence: 2 };
    const unassessed = { likelihood: null, consequences: {}, residualLikelihood: null, residualConsequence: null };
    const grouped = heatmapCounts(matrix, [
      { ...one, count: 3 },
      { ...unassessed, count: 2 },
    ]);
    expect(grouped).toEqual(heatmapCounts(matrix, [one, one, one, unassessed, unassessed]));
    expect(grouped).toMatchObject({ total: 5, unassessed: 2 });
    expect(grouped.inherent[3]![4]).toBe(3);
  });
});

describe('starter risks', () => {
  const system = (overrides: Partial<StarterSystem>): StarterSystem => ({
    id: 'sys',
    name: 'System',
    municipalityName: 'Bergen',
    solutionAreaId: 'omrade-x',
    areaName: 'Område X',
    critical: true,
    fate: 'migrated',
    archiveWorthy: null,
    ...overrides,
  });

  it('suggests downtime per critical migrated system, integrations to common solutions that break, and archive loss', () => {
    const suggestions = starterRisks({
      systems: [
        system({ id: 's1', name: 'Visma' }),
        system({ id: 's2', name: 'Gammel', critical: false }),
        system({ id: 's3', name: 'Fortsetter', fate: 'continues' }),
        system({ id: 's4', name: 'Arkivsystem', fate: 'retired', archiveWorthy: true }),
        system({ id: 's5', name: 'Uviktig', fate: 'retired', archiveWorthy: false }),
      ],
      integrations: [
        { id: 'i1', fromSystemId: 's2', toSystemId: null, commonSolutionId: 'altinn', commonSolutionName: 'Altinn' },
        { id: 'i2', fromSystemId: 's3', toSystemId: null, commonSolutionId: 'altinn', commonSolutionName: 'Altinn' },
        { id: 'i3', fromSystemId: 's1', toSystemId: 's3', commonSolutionId: null, commonSolutionName: null },
      ],
      hidden: new Set(),
    });
    expect(suggestions.map((suggestion) => suggestion.key)).toEqual([
      'downtime:s1',
      'integration:i1',
      'archive:s4',
      'generic:downtime',
      'generic:integration',
      'generic:archive',
      'generic:documentation',
    ]);
    expect(suggestions[0]).toMatchObject({ kind: 'downtime', systemIds: ['s1'], areaIds: ['omrade-x'], generic: false });
    expect(suggestions[0]!.title).toContain('Visma');
    expect(suggestions[1]).toMatchObject({ kind: 'integration', integrationIds: ['i1'], systemIds: ['s2'] });
    expect(suggestions[1]!.title).toContain('Altinn');
  });

  it('leaves out dismissed and accepted keys', () => {
    const suggestions = starterRisks({
      systems: [system({ id: 's1' })],
      integrations: [],
      hidden: new Set(['downtime:s1', 'generic:archive']),
    });
    expect(suggestions.map((suggestion) => suggestion.key)).toEqual(['generic:downtime', 'generic:integration', 'generic:documentation']);
  });
});

describe("what touches a risk's acceptance (a decision for prosjektleder and eier)", () => {
  const open = { status: 'open', acceptanceReason: null };
  const accepted = { status: 'accepted', acceptanceReason: 'Lav kostnad' };
  const cases: Array<[string, { status: string; acceptanceReason: string | null } | null, { status: string; acceptanceReason: string | null }, boolean]> = [
    ['a new open risk', null, open, false],
    ['a new risk in progress', null, { status: 'in_progress', acceptanceReason: null }, false],
    ['a new risk accepted at once', null, accepted, true],
    ['open to accepted', open, accepted, true],
    ['closed to accepted', { status: 'closed', acceptanceReason: null }, accepted, true],
    ['accepted to open (lifting the acceptance)', accepted, open, true],
    ['accepted to closed', accepted, { status: 'closed', acceptanceReason: null }, true],
    ['accepted, another reason', accepted, { status: 'accepted', acceptanceReason: 'Annen grunn' }, true],
    ['accepted, same reason (content edited elsewhere)', accepted, { ...accepted }, false],
    ['open to in progress', open, { status: 'in_progress', acceptanceReason: null }, false],
    ['open to closed', open, { status: 'closed', acceptanceReason: null }, false],
    ['open with a reason typed but not accepted', open, { status: 'open', acceptanceReason: 'kladd' }, false],
  ];
  for (const [name, before, after, expected] of cases) {
    it(`${name}: ${expected ? 'touches' : 'does not touch'} the acceptance`, () => {
      expect(touchesAcceptance(before, after)).toBe(expected);
    });
  }
});

describe('the default matrix and starter risks in each language (issue 22)', () => {
  it('gives the same grid and keys in every language, with the words of each', () => {
    for (const language of ['nn', 'en'] as const) {
      const translated = defaultMatrix(language);
      expect(translated.grid).toEqual(matrix.grid);
      expect(translated.classes.map((riskClass) => [riskClass.key, riskClass.color])).toEqual(
        matrix.classes.map((riskClass) => [riskClass.key, riskClass.color]),
      );
      translated.likelihood.forEach((level, index) => expect(level.name).not.toBe(matrix.likelihood[index]!.name));
      translated.consequence.forEach((level, index) => expect(level.description).not.toBe(matrix.consequence[index]!.description));
    }
    expect(defaultMatrix('nn').classes.map((riskClass) => riskClass.name)).toEqual(['Låg', 'Middels', 'Høg']);
    expect(defaultMatrix('en').classes.map((riskClass) => riskClass.name)).toEqual(['Low', 'Medium', 'High']);
    expect(defaultMatrix('nb')).toEqual(defaultMatrix());
  });

  it('writes the starter risks in the language asked, names as given', () => {
    const system: StarterSystem = {
      id: 's1',
      name: 'Gerica',
      municipalityName: 'Sogndal',
      solutionAreaId: 'a',
      areaName: 'Pleie og omsorg',
      critical: true,
      fate: 'retired',
      archiveWorthy: true,
    };
    const nn = starterRisks({ systems: [system], integrations: [], hidden: new Set(), language: 'nn' });
    expect(nn.map((suggestion) => suggestion.title)).toEqual([
      'Arkivtap når Gerica (Sogndal) blir avvikla',
      'Nedetid på system kring samanslåingsdagen',
      'Feil i integrasjonar mot fellesløysingar',
      'Arkivtap',
      'Redusert tilgang til dokumentasjon',
    ]);
    const en = starterRisks({ systems: [{ ...system, fate: 'migrated' }], integrations: [], hidden: new Set(), language: 'en' });
    expect(en[0]).toMatchObject({ key: 'downtime:s1', title: 'Downtime while Gerica (Sogndal) is migrated' });
    expect(en[0]!.description).toContain('(Pleie og omsorg)');
    const nb = starterRisks({ systems: [system], integrations: [], hidden: new Set() });
    expect(nb[0]!.title).toBe('Arkivtap når Gerica (Sogndal) avvikles');
  });
});
