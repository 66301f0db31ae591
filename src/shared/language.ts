/**
 * The languages Samla speaks (decision 039): bokmål, nynorsk and English. The web app
 * and the server pick one with {@link pickLanguage}, so a person sees the same language
 * in the pages as in the library the API gives them.
 */
export const languages = ['nb', 'nn', 'en'] as const;
export type Language = (typeof languages)[number];

export const defaultLanguage: Language = 'nb';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The language one tag of Accept-Language or navigator.languages means, or null when
 * Samla does not speak it. Norwegian without a written form (`no`) is bokmål, as most
 * Norwegian is; `no-NN` is how some systems write nynorsk.
 */
export function languageOfTag(tag: string): Language | null {
  const [primary = '', region = ''] = tag.trim().toLowerCase().split(/[-_]/);
  if (primary === 'nn' || primary === 'nno') return 'nn';
  if (primary === 'no' && region === 'nn') return 'nn';
  if (primary === 'nb' || primary === 'nob' || primary === 'no' || primary === 'nor') return 'nb';
  if (primary === 'en' || primary === 'eng') return 'en';
  return null;
}

/**
 * The first language Samla speaks in an Accept-Language header, by the header's
 * q-values (ties keep the header's order; q=0 means «not this one»), or null.
 */
export function languageOfHeader(header: string | null | undefined): Language | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.split(';');
      const q = parameters.map((parameter) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(parameter)?.[1]).find((value) => value !== undefined);
      const quality = q === undefined ? 1 : Number(q);
      return { language: languageOfTag(tag), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.language !== null && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked[0]?.language ?? null;
}

/**
 * The language to answer in: the person's own choice when they made one, else the
 * first the client asks for that Samla speaks, else bokmål. `accepted` is an
 * Accept-Language header, or the browser's navigator.languages.
 */
export function pickLanguage(stored: string | null | undefined, accepted: string | readonly string[] | null | undefined): Language {
  if (isLanguage(stored)) return stored;
  const header = typeof accepted === 'string' || accepted == null ? accepted : accepted.join(',');
  return languageOfHeader(header) ?? defaultLanguage;
}
