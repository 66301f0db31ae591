import type { FieldProblem } from '#shared/contracts/common.ts';
import type { MunicipalityRegister } from '#shared/contracts/municipalities.ts';
import {
  loadMunicipalityRegister,
  validateMunicipalitySelection,
  type Municipality,
  type MunicipalitySelectionProblem,
} from './municipalities.domain.ts';

export function municipalityRegister(): MunicipalityRegister {
  const register = loadMunicipalityRegister();
  return {
    validFrom: register.validFrom,
    source: register.source,
    municipalities: register.municipalities.map((m) => ({ ...m, parallelNames: m.parallelNames ?? [] })),
  };
}

function describe(problem: MunicipalitySelectionProblem): FieldProblem {
  switch (problem.code) {
    case 'TOO_FEW_MUNICIPALITIES':
      return { path: 'municipalities', code: problem.code, message: 'Velg minst to ulike kommuner.' };
    case 'UNKNOWN_MUNICIPALITY':
      return {
        path: `municipalities.${problem.index}`,
        code: problem.code,
        message: `Kommunenummer ${problem.number} finnes ikke i kommuneregisteret.`,
      };
    case 'DUPLICATE_MUNICIPALITY':
      return {
        path: `municipalities.${problem.index}`,
        code: problem.code,
        message: `Kommune ${problem.number} er valgt mer enn én gang.`,
      };
  }
}

/**
 * Checks the municipalities picked for a merger against the register, with
 * one field problem per wrong entry so the form can point at it.
 */
export function registerProblemsAsFields(
  numbers: string[],
):
  | { ok: true; municipalities: Municipality[] }
  | { ok: false; code: string; message: string; problems: FieldProblem[] } {
  const result = validateMunicipalitySelection(loadMunicipalityRegister(), numbers);
  if (result.ok) return { ok: true, municipalities: [...result.municipalities] };
  const problems = result.problems.map(describe);
  const first = problems[0]!;
  return { ok: false, code: first.code, message: first.message, problems };
}
