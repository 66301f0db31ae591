import { describe, expect, it } from 'vitest';
import { parseDate, planImport, unescapeFormula, type PlanContext, type SheetInput } from './inventory-import.domain.ts';
import { layoutOfKind } from './inventory-sheets.ts';

let counter = 0;
const context = (stored: PlanContext['stored'] = {}, extra: Partial<PlanContext> = {}): PlanContext => ({
  municipalities: [
    { number: '4601', name: 'Bergen' },
    { number: '4626', name: 'Øygarden' },
  ],
  municipalityNumbers: new Set(['4601', '4626']),
  areas: [{ id: 'omrade-a', name: 'Økonomi', label: 'Økonomi' }],
  commonSolution: (text) => (text.toLowerCase() === 'altinn' ? { id: 'altinn' } : undefined),
  stored,
  newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
  ...extra,
});

const sheet = (kind: 'systems' | 'integrations' | 'contracts', headers: string[], rows: Array<Array<string | number | null>>): SheetInput => ({
  sheet: layoutOfKind(kind).sheet,
  layout: layoutOfKind(kind),
  headerRow: 1,
  headers,
  rows: rows.map((cells, index) => ({ row: index + 2, cells })),
});

describe('cells', () => {
  it('reads dates as dd.mm.yyyy, yyyy-mm-dd and date cells, and says how a bad one must look', () => {
    expect(parseDate('1.2.2024')).toEqual({ value: '2024-02-01' });
    expect(parseDate('2024-02-29')).toEqual({ value: '2024-02-29' });
    expect(parseDate(new Date(Date.UTC(2024, 1, 1)))).toEqual({ value: '2024-02-01' });
    expect(parseDate(null)).toEqual({ value: null });
    expect(parseDate('31.02.2024')).toMatchObject({ code: 'BAD_DATE' });
    expect(parseDate('feb 2024')).toMatchObject({ problem: expect.stringContaining('dd.mm.åååå') });
  });

  it('strips the apostrophe that keeps a formula-looking text from running, and nothing else', () => {
    expect(unescapeFormula("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(unescapeFormula("'-5")).toBe('-5');
    expect(unescapeFormula("'tekst")).toBe("'tekst");
  });
});

describe('planImport', () => {
  const headers = ['Kommunenummer', 'Navn', 'Leverandør', 'Drift'];

  it('matches rows on municipality and name without regard to case or spacing', () => {
    const stored = {
      systems: [
        {
          id: 'a',
          version: 3,
          values: { municipalityNumber: '4601', name: 'Visma  Enterprise', vendor: 'Visma', hosting: 'saas', notes: null },
        },
      ],
    };
    const plan = planImport(
      [
        sheet('systems', headers, [
          ['4601', 'visma enterprise', 'VISMA', 'SaaS/sky'],
          ['4601', 'Ny', null, 'lokalt'],
        ]),
      ],
      context(stored),
    );
    expect(plan.problems).toEqual([]);
    expect(plan.sheets[0]).toMatchObject({ created: 1, updated: 1, unchanged: 0 });
    // The name's spelling changed, so the stored row is updated to it.
    expect(plan.updates[0]).toMatchObject({ id: 'a', version: 3, values: { name: 'visma enterprise', hosting: 'saas' } });
    expect(plan.creates[0]!.values).toMatchObject({ name: 'Ny', hosting: 'local', vendor: null });
  });

  it('lets an integration point at a system created in the same file, whatever the sheet order', () => {
    const integrations = sheet('integrations', ['Kommunenummer', 'Fra system', 'Fellesløsning'], [['4601', 'Nytt', 'Altinn']]);
    const systems = sheet('systems', headers, [['4601', 'Nytt', null, null]]);
    const plan = planImport([integrations, systems], context());
    expect(plan.problems).toEqual([]);
    expect(plan.creates.find((write) => write.kind === 'integrations')!.values).toMatchObject({
      fromSystemId: plan.creates.find((write) => write.kind === 'systems')!.id,
      commonSolutionId: 'altinn',
    });
  });

  it('does not find a system in another municipality', () => {
    const plan = planImport(
      [
        sheet('systems', headers, [['4626', 'Der borte', null, null]]),
        sheet('integrations', ['Kommunenummer', 'Fra system', 'Fellesløsning'], [['4601', 'Der borte', 'Altinn']]),
      ],
      context(),
    );
    expect(plan.problems).toEqual([expect.objectContaining({ sheet: 'Integrasjoner', row: 2, column: 'Fra system', code: 'UNKNOWN_SYSTEM' })]);
  });

  it('reports a missing required column once, at the header row', () => {
    const plan = planImport([sheet('systems', ['Kommunenummer', 'Leverandør'], [['4601', 'X']])], context());
    expect(plan.problems).toEqual([expect.objectContaining({ row: 1, column: 'Navn', code: 'MISSING_COLUMN' })]);
  });

  const idA = '11111111-1111-4111-8111-111111111111';
  const idB = '22222222-2222-4222-8222-222222222222';
  const storedSystem = (id: string, name: string, vendor: string | null, extra: Record<string, unknown> = {}) => ({
    id,
    version: 1,
    values: { municipalityNumber: '4601', name, vendor, hosting: null, notes: null, ...extra },
  });

  it('recognises a row by its Samla-ID first, so a corrected vendor or name changes the row instead of adding one', () => {
    const stored = { systems: [storedSystem(idA, 'Kart', 'Norkart AS')] };
    const plan = planImport([sheet('systems', [...headers, 'Samla-ID'], [['4601', 'Kartløsning', 'Norkart', null, idA]])], context(stored));
    expect(plan.problems).toEqual([]);
    expect(plan.creates).toEqual([]);
    expect(plan.sheets[0]!.changedRows).toEqual([
      {
        row: 2,
        id: idA,
        label: 'Kartløsning',
        matchedBy: 'samlaId',
        changes: [
          { column: 'Navn', before: 'Kart', after: 'Kartløsning' },
          { column: 'Leverandør', before: 'Norkart AS', after: 'Norkart' },
        ],
      },
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('without a Samla-ID, matches on municipality and name and warns that the vendor changes', () => {
    const stored = { systems: [storedSystem(idA, 'Kart', 'Norkart AS')] };
    const plan = planImport([sheet('systems', headers, [['4601', 'Kart', 'Norkart', null]])], context(stored));
    expect(plan.creates).toEqual([]);
    expect(plan.updates).toEqual([expect.objectContaining({ id: idA, values: expect.objectContaining({ vendor: 'Norkart' }) })]);
    expect(plan.warnings).toEqual([expect.objectContaining({ sheet: 'IKT-systemer', row: 2, column: 'Leverandør', code: 'MATCHED_BY_NAME' })]);
    expect(plan.warnings[0]!.message).toContain('«Norkart AS» til «Norkart»');
  });

  it('keeps what is stored for a column the file does not have, and never lets it change which row is matched', () => {
    const stored = { systems: [storedSystem(idA, 'Kart', 'Norkart AS', { hosting: 'saas' })] };
    const plan = planImport([sheet('systems', ['Kommunenummer', 'Navn', 'Drift'], [['4601', 'Kart', 'Lokalt']])], context(stored));
    expect(plan.creates).toEqual([]);
    expect(plan.updates[0]!.values).toMatchObject({ vendor: 'Norkart AS', hosting: 'local' });
    expect(plan.sheets[0]!.changedRows[0]!.changes).toEqual([{ column: 'Drift', before: 'SaaS/sky', after: 'Lokalt' }]);
  });

  it('shows a blank cell that clears a stored value as a change to empty', () => {
    const stored = { systems: [storedSystem(idA, 'Kart', 'Norkart AS')] };
    const plan = planImport([sheet('systems', headers, [['4601', 'Kart', null, null]])], context(stored));
    expect(plan.sheets[0]!.changedRows[0]!.changes).toEqual([{ column: 'Leverandør', before: 'Norkart AS', after: null }]);
  });

  it('tells two stored systems of one name apart by vendor, and asks for the Samla-ID when it cannot', () => {
    const stored = { systems: [storedSystem(idA, 'Fag', 'Visma'), storedSystem(idB, 'Fag', 'Tieto')] };
    const byVendor = planImport([sheet('systems', headers, [['4601', 'Fag', 'Tieto', 'Lokalt']])], context(stored));
    expect(byVendor.updates.map((write) => write.id)).toEqual([idB]);
    const unclear = planImport([sheet('systems', headers, [['4601', 'Fag', 'Evry', null]])], context(stored));
    expect(unclear.problems).toEqual([expect.objectContaining({ row: 2, column: 'Navn', code: 'AMBIGUOUS_MATCH' })]);
    expect(unclear.problems[0]!.message).toContain('Samla-ID');
  });

  it('refuses the same Samla-ID twice in a file (a copied row) and warns about an id it does not know', () => {
    const stored = { systems: [storedSystem(idA, 'Kart', 'Norkart')] };
    const plan = planImport(
      [
        sheet(
          'systems',
          [...headers, 'Samla-ID'],
          [
            ['4601', 'Kart', 'Norkart', null, idA],
            ['4601', 'Kart 2', 'Norkart', null, idA],
            ['4601', 'Nytt', null, null, idB],
          ],
        ),
      ],
      context(stored),
    );
    expect(plan.problems).toEqual([expect.objectContaining({ row: 3, column: 'Samla-ID', code: 'DUPLICATE_SAMLA_ID' })]);
    expect(plan.warnings).toEqual([expect.objectContaining({ row: 4, column: 'Samla-ID', code: 'SAMLA_ID_NOT_FOUND' })]);
  });

  it('lists stored rows the file does not have, only for the municipalities it has, and keeps them unless asked to delete', () => {
    const stored = {
      systems: [
        storedSystem(idA, 'Kart', 'Norkart'),
        storedSystem(idB, 'Borte', null),
        { id: 'other', version: 2, values: { municipalityNumber: '4626', name: 'Annen kommune', vendor: null, hosting: null, notes: null } },
      ],
    };
    const file = [sheet('systems', headers, [['4601', 'Kart', 'Norkart', null]])];
    const kept = planImport(file, context(stored));
    expect(kept.missing).toEqual([{ kind: 'systems', id: idB, label: 'Borte', municipalityNumber: '4601', action: 'keep' }]);
    expect(kept.deletes).toEqual([]);
    const removed = planImport(file, context(stored, { missing: 'delete' }));
    expect(removed.missing).toEqual([expect.objectContaining({ id: idB, action: 'delete' })]);
    expect(removed.deletes).toEqual([expect.objectContaining({ kind: 'systems', id: idB, version: 1 })]);
  });

  it('does not delete a missing system that something still points at, and says why', () => {
    const stored = {
      systems: [storedSystem(idA, 'Kart', 'Norkart'), storedSystem(idB, 'Brukt', null)],
      integrations: [
        {
          id: 'i1',
          version: 1,
          values: { municipalityNumber: '4626', fromSystemId: idB, toSystemId: null, commonSolutionId: 'altinn', direction: null, method: null, notes: null },
        },
      ],
    };
    const plan = planImport([sheet('systems', headers, [['4601', 'Kart', 'Norkart', null]])], context(stored, { missing: 'delete' }));
    expect(plan.deletes).toEqual([]);
    expect(plan.missing).toEqual([expect.objectContaining({ id: idB, action: 'keep' })]);
    expect(plan.warnings).toEqual([expect.objectContaining({ code: 'SYSTEM_KEPT_IN_USE' })]);
    const inDecision = planImport(
      [sheet('systems', headers, [['4601', 'Kart', 'Norkart', null]])],
      context({ systems: stored.systems }, { missing: 'delete', systemsInDecisions: new Set([idB]) }),
    );
    expect(inDecision.deletes).toEqual([]);
  });

  it('says once that rows depend on a system row with a problem, instead of «finnes ikke» on each', () => {
    const plan = planImport(
      [
        sheet('systems', ['Kommunenummer', 'Navn', 'Antall brukere'], [['4601', 'Nytt', 'mange']]),
        sheet(
          'integrations',
          ['Kommunenummer', 'Fra system', 'Fellesløsning'],
          [
            ['4601', 'Nytt', 'Altinn'],
            ['4601', 'Nytt', 'Altinn'],
          ],
        ),
        sheet('contracts', ['Kommunenummer', 'Leverandør', 'Systemer'], [['4601', 'Visma', 'Nytt']]),
      ],
      context(),
    );
    expect(plan.problems.map((problem) => [problem.sheet, problem.row, problem.code])).toEqual([
      ['IKT-systemer', 2, 'BAD_NUMBER'],
      ['Integrasjoner', 2, 'DEPENDS_ON_ROW_WITH_PROBLEM'],
      ['Avtaler', 2, 'DEPENDS_ON_ROW_WITH_PROBLEM'],
    ]);
    expect(plan.problems[1]!.message).toContain('Rad 2 og 3 viser til systemet «Nytt» i rad 2 i arket «IKT-systemer»');
  });

  it('reads two sheets of one kind together and names each row by its own sheet', () => {
    const first = { ...sheet('systems', headers, [['4601', 'A', null, null]]), sheet: 'IKT-systemer' };
    const second = { ...sheet('systems', headers, [['4601', 'A', null, null]]), sheet: 'IKT-systemer (2)' };
    const plan = planImport([first, second], context());
    expect(plan.problems).toEqual([expect.objectContaining({ sheet: 'IKT-systemer (2)', row: 2, code: 'DUPLICATE_ROW' })]);
    expect(plan.problems[0]!.message).toContain('rad 2 i arket «IKT-systemer»');
  });
});
