import type { LocalizedFieldProblem } from '#server/platform/errors.ts';
import type { Localized } from '#shared/localized.ts';
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

/** What is wrong with a choice of municipalities, in every language; mergers' corrections say the same. */
export const municipalityProblemMessages = {
  tooFew: { nb: 'Velg minst to ulike kommuner.', nn: 'Vel minst to ulike kommunar.', en: 'Choose at least two different municipalities.' },
  unknown: (number: string): Localized => ({
    nb: `Kommunenummer ${number} finnes ikke i kommuneregisteret.`,
    nn: `Kommunenummer ${number} finst ikkje i kommuneregisteret.`,
    en: `Municipality number ${number} is not in the municipality register.`,
  }),
  duplicate: (number: string): Localized => ({
    nb: `Kommune ${number} er valgt mer enn én gang.`,
    nn: `Kommune ${number} er vald meir enn éin gong.`,
    en: `Municipality ${number} is chosen more than once.`,
  }),
} as const satisfies Record<string, Localized | ((number: string) => Localized)>;

function describe(problem: MunicipalitySelectionProblem): LocalizedFieldProblem & { readonly message: Localized } {
  switch (problem.code) {
    case 'TOO_FEW_MUNICIPALITIES':
      return { path: 'municipalities', code: problem.code, message: municipalityProblemMessages.tooFew };
    case 'UNKNOWN_MUNICIPALITY':
      return { path: `municipalities.${problem.index}`, code: problem.code, message: municipalityProblemMessages.unknown(problem.number) };
    case 'DUPLICATE_MUNICIPALITY':
      return { path: `municipalities.${problem.index}`, code: problem.code, message: municipalityProblemMessages.duplicate(problem.number) };
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
): { ok: true; municipalities: Municipality[] } | { ok: false; code: ErrorCode; message: Localized; problems: LocalizedFieldProblem[] } {
  const result = validateMunicipalitySelection(loadMunicipalityRegister(on), numbers);
  if (result.ok) return { ok: true, municipalities: [...result.municipalities] };
  const problems = result.problems.map(describe);
  const first = problems[0]!;
  return { ok: false, code: result.problems[0]!.code, message: first.message, problems };
}
