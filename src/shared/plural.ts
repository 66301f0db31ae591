/**
 * A count and its noun in Norwegian bokmål: «1 gevinst», «0 gevinster», «2 500 systemer».
 * Every count-with-noun text in Samla goes through here (the web app's catalog and the
 * server's own texts: the PDF report, e-mails), so no text says «1 risikoer» because someone
 * wrote `${count} risikoer`. The form comes from Intl.PluralRules('nb') rather than
 * `count === 1`, which also gets 1,5 (flertall) and −1 (entall) right. It lives in
 * src/shared because the server uses it too, and the server's bundle is built from
 * src/server, src/shared and src/catalog only.
 */
const rules = new Intl.PluralRules('nb');
const numbers = new Intl.NumberFormat('nb-NO');

/** The noun's form after `count`: `one` after 1, `other` after 0, 2, 1,5 … («gevinst» / «gevinster»). */
export function pluralWord(count: number, one: string, other: string): string {
  return rules.select(count) === 'one' ? one : other;
}

/**
 * The count written the Norwegian way (thousands grouped: «2 500»), a space and the noun in
 * the form the count takes: `plural(1, 'gevinst', 'gevinster')` → «1 gevinst».
 */
export function plural(count: number, one: string, other: string): string {
  return `${numbers.format(count)} ${pluralWord(count, one, other)}`;
}
