import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { invalid } from '#server/platform/errors.ts';
import type { Localized } from '#shared/localized.ts';

/**
 * Every place a password is set (creating a user, the setup page, changing
 * one's own, a one-time reset) asks this: at least 12 characters and not one
 * of the common passwords shipped in common-passwords.txt.
 */
export const minimumPasswordLength = 12;

/** A listed password followed by digits and punctuation only («passord2024!», «dragon123456») is as guessable as the word. */
const trailingDigitsAndPunctuation = /[\d\p{P}\p{S}\s]+$/u;

/** Pure: what is wrong with a new password, in every language, or null. `common` holds lower-cased entries. */
export function localizedPasswordProblem(password: string, common: ReadonlySet<string>): Localized | null {
  if ([...password].length < minimumPasswordLength) {
    return {
      nb: `Passordet må ha minst ${minimumPasswordLength} tegn.`,
      nn: `Passordet må ha minst ${minimumPasswordLength} teikn.`,
      en: `The password must have at least ${minimumPasswordLength} characters.`,
    };
  }
  const lowered = password.toLowerCase();
  const base = lowered.replace(trailingDigitsAndPunctuation, '');
  if (common.has(lowered) || common.has(lowered.trim()) || (base.length >= 4 && common.has(base))) {
    return {
      nb: 'Passordet er for vanlig og lett å gjette. Velg et lengre passord, gjerne flere ord som hører sammen for deg.',
      nn: 'Passordet er for vanleg og lett å gjette. Vel eit lengre passord, gjerne fleire ord som høyrer saman for deg.',
      en: 'The password is too common and easy to guess. Choose a longer password, for example several words that belong together for you.',
    };
  }
  return null;
}

/** Pure: what is wrong with a new password, in bokmål, or null. */
export function passwordProblem(password: string, common: ReadonlySet<string>): string | null {
  return localizedPasswordProblem(password, common)?.nb ?? null;
}

/** The list sits beside this file, in the sources and in the bundle (scripts/build-server.mjs copies it). */
function listFile(): string {
  return fileURLToPath(new URL('./common-passwords.txt', import.meta.url));
}

let common: ReadonlySet<string> | undefined;

/** Read on first use (a few thousand lines, about a millisecond), not at start. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    fs
      .readFileSync(listFile(), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line !== '' && !line.startsWith('#')),
  );
  return common;
}

/** Throws 400 WEAK_PASSWORD with the problem at `path` (the form's field). */
export function assertAcceptablePassword(password: string, path: string): void {
  const problem = localizedPasswordProblem(password, commonPasswords());
  if (problem) throw invalid('WEAK_PASSWORD', problem, [{ path, code: 'weak_password', message: problem }]);
}
