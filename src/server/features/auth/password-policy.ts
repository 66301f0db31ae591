import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { invalid } from '#server/platform/errors.ts';
import type { FieldProblem } from '#shared/contracts/common.ts';

/**
 * Every place a password is set (creating a user, the setup page, changing
 * one's own, a one-time reset) asks this: at least 12 characters and not one
 * of the common passwords shipped in common-passwords.txt.
 */
export const minimumPasswordLength = 12;

/** A listed password followed by digits and punctuation only («passord2024!», «dragon123456») is as guessable as the word. */
const trailingDigitsAndPunctuation = /[\d\p{P}\p{S}\s]+$/u;

/** Pure: what is wrong with a new password, or null. `common` holds lower-cased entries. */
export function passwordProblem(password: string, common: ReadonlySet<string>): string | null {
  if ([...password].length < minimumPasswordLength) return `Passordet må ha minst ${minimumPasswordLength} tegn.`;
  const lowered = password.toLowerCase();
  const base = lowered.replace(trailingDigitsAndPunctuation, '');
  if (common.has(lowered) || common.has(lowered.trim()) || (base.length >= 4 && common.has(base))) {
    return 'Passordet er for vanlig og lett å gjette. Velg et lengre passord, gjerne flere ord som hører sammen for deg.';
  }
  return null;
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
  const problem = passwordProblem(password, commonPasswords());
  if (problem) {
    const details: FieldProblem[] = [{ path, code: 'weak_password', message: problem }];
    throw invalid('WEAK_PASSWORD', problem, details);
  }
}
