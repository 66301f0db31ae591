import type { FieldProblem } from '#shared/contracts/common.ts';
import type { MunicipalityRegister } from '#shared/contracts/municipalities.ts';
import type { ErrorCode } from '#shared/error-codes.ts';
import { loadMunicipalityRegister, validateMunicipalitySelection, type Municipality, type MunicipalitySelectionProblem } from './municipalities.domain.ts';

/** The register in force on a date (YYYY-MM-DD; the caller's today in Norway). */
export function municipalityRegister(on: string): MunicipalityRegister {
  const register = loadMunicipalityRegister(on);
  return {
    validFrom: register.validFrom,
    source: register.source,
    municipalities: register.municipalities.map((m) => ({ ...m, nameParts: [...m.nameParts] })),
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
 * Checks the municipalities picked for a merger against the register in force
 * on `on` (the day the merger is created), with one field problem per wrong
 * entry so the form can point at it.
 */
export function registerProblemsAsFields(
  numbers: string[],
  on: string,
): { ok: true; municipalities: Municipality[] } | { ok: false; code: ErrorCode; message: string; problems: FieldProblem[] } {
  const result = validateMunicipalitySelection(loadMunicipalityRegister(on), numbers);
  if (result.ok) return { ok: true, municipalities: [...result.municipalities] };
  const problems = result.problems.map(describe);
  const first = problems[0]!;
  return { ok: false, code: result.problems[0]!.code, message: first.message, problems };
}
