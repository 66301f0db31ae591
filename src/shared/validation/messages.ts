import { z } from 'zod';
import { defaultLanguage, type Language } from '#shared/language.ts';
import type { Localized } from '#shared/localized.ts';
import nn from './zod-nn.ts';

/**
 * Validation messages in the reader's language (issue 22). The same contracts check the
 * API's requests and the web's forms (decision 031), so which language a message is written
 * in is not the schema's to know: it is the *current validation language*, one source for
 * zod's general messages (below) and for the contracts' own (`says`).
 *
 * - The web sets it to the language shown (`setValidationLanguage` in the language provider).
 * - The server checks a request before the route runs and cannot pass a language in; it
 *   writes the problems again in the request's language with `inValidationLanguage`
 *   (src/server/platform/validation-messages.ts). A module-level language changed around a
 *   synchronous parse cannot leak into another request: nothing else runs in between.
 */

let source: () => Language = () => defaultLanguage;

/** Where the validation language comes from from now on: a language, or a function asked at each message. */
export function setValidationLanguage(language: Language | (() => Language)): void {
  source = typeof language === 'function' ? language : () => language;
}

export function validationLanguage(): Language {
  return source();
}

/**
 * Runs a synchronous parse with messages in `language`, and puts the language back. Only
 * for synchronous work: an `await` inside would let other code see `language`. Zod writes a
 * failed parse's messages when its `error` is first read, so read it inside:
 * `inValidationLanguage('nn', () => schema.safeParse(value).error?.issues)`.
 */
export function inValidationLanguage<T>(language: Language, parse: () => T): T {
  const before = source;
  source = () => language;
  try {
    return parse();
  } finally {
    source = before;
  }
}

/**
 * A contract's own message, in every language: `z.string().min(1, { error: says({ nb, nn, en }) })`.
 * The text is picked when the issue is raised, in the validation language of that moment.
 */
export function says(text: Localized): () => string {
  return () => text[validationLanguage()];
}

const localeErrors: Record<Language, z.core.$ZodErrorMap> = {
  nb: z.locales.no().localeError,
  nn: nn().localeError,
  en: z.locales.en().localeError,
};

/** Zod's general messages (a value of the wrong type, an unknown option …) in the validation language. */
z.config({ localeError: (issue) => localeErrors[validationLanguage()](issue) });
