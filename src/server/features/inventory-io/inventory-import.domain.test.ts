import { describe, expect, it } from 'vitest';
import { parseDate, planImport, unescapeFormula, type PlanContext, type SheetInput } from './inventory-import.domain.ts';
import { layoutOfKind } from './inventory-sheets.ts';

let counter = 0;
const context = (stored: PlanContext['stored'] = {}): PlanContext => ({
  municipalityNumbers: new Set(['4601', '4626']),
  areas: [{ id: 'omrade-a', name: 'Økonomi', label: 'Økonomi' }],
  commonSolution: (text) => (text.toLowerCase() === 'altinn' ? { id: 'altinn' } : undefined),
  stored,
  newId: () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`,
});

const sheet = (kind: 'systems' | 'integrations', headers: string[], rows: Array<Array<string | number | null>>): SheetInput => ({
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

  it('matches rows on municipality, name and vendor without regard to case or spacing', () => {
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
      [sheet('systems', headers, [['4601', 'visma enterprise', 'VISMA', 'SaaS/sky'], ['4601', 'Ny', null, 'lokalt']])],
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
    expect(plan.problems).toEqual([
      expect.objectContaining({ sheet: 'Integrasjoner', row: 2, column: 'Fra system', code: 'UNKNOWN_SYSTEM' }),
    ]);
  });

  it('reports a missing required column once, at the header row', () => {
    const plan = planImport([sheet('systems', ['Kommunenummer', 'Leverandør'], [['4601', 'X']])], context());
    expect(plan.problems).toEqual([expect.objectContaining({ row: 1, column: 'Navn', code: 'MISSING_COLUMN' })]);
  });
});
