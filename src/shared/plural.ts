import type { Language } from '#shared/language.ts';

/**
 * A count and its noun in Norwegian bokmål: «1 gevinst», «0 gevinster», «2 500 systemer».
 * Every count-with-noun text in Samla goes through here (the web app's catalog and the
 * server's own texts: the PDF report, e-mails), so no text says «1 risikoer» because someone
 * wrote `${count} risikoer`. The form comes from Intl.PluralRules('nb') rather than
 * `count === 1`, which also gets 1,5 (flertall) and −1 (entall) right. It lives in
 * src/shared because the server uses it too, and the server's bundle is built from
 * src/server, src/shared and src/catalog only.
 *
 * A document in the merger's målform (issue 22) passes its language: nynorsk counts and groups
 * thousands as bokmål does, English writes «2,500». Without one, bokmål as before.
 */
const locales: Readonly<Record<Language, string>> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
const rules = new Map<Language, Intl.PluralRules>();
const numbers = new Map<Language, Intl.NumberFormat>();

function rulesOf(language: Language): Intl.PluralRules {
  let found = rules.get(language);
  if (!found) rules.set(language, (found = new Intl.PluralRules(locales[language])));
  return found;
}

/** A count on its own, written the way `language` groups thousands («2 500», «2,500»). */
export function formatCount(count: number, language: Language = 'nb'): string {
  let found = numbers.get(language);
  if (!found) numbers.set(language, (found = new Intl.NumberFormat(locales[language])));
  return found.format(count);
}

/** The noun's form after `count`: `one` after 1, `other` after 0, 2, 1,5 … («gevinst» / «gevinster»). */
export function pluralWord(count: number, one: string, other: string, language: Language = 'nb'): string {
  return rulesOf(language).select(count) === 'one' ? one : other;
}

/**
 * The count written the Norwegian way (thousands grouped: «2 500»), a space and the noun in
 * the form the count takes: `plural(1, 'gevinst', 'gevinster')` → «1 gevinst».
 */
export function plural(count: number, one: string, other: string, language: Language = 'nb'): string {
  return `${formatCount(count, language)} ${pluralWord(count, one, other, language)}`;
}
