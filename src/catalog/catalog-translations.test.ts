import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogTexts, replaceCatalogTexts } from './catalog-texts.ts';
import {
  catalogTranslation,
  catalogTranslationAttribution,
  translatedCatalog,
  translationLanguages,
  type TranslationLanguage,
} from './catalog-translations.ts';
import { catalogText, loadCatalog } from './catalog.ts';

/**
 * Texts that may stay exactly as in bokmål, per language. Anything else identical to its
 * source is taken for an untranslated text. Keep the lists explicit; an entry that no text
 * uses any more fails the test, so they cannot grow stale.
 */
const allowedEqual: Record<TranslationLanguage, { names: string[]; sameInBothForms?: string[] }> = {
  nn: {
    // Names, titles of KS' documents, acronyms and addresses.
    names: [
      'KS',
      'PA Consulting',
      'Sjekkliste for digital sammenslåing',
      'https://www.anskaffelser.no/innovasjon',
      'PPT',
      'PPT-system',
      'Integrasjon mot Helsenettet',
      'Integrere helsestasjonssystemet med Nasjonalt vaksinasjonsregister',
      'Ta i bruk Feide',
      'Ta i bruk helsenorge.no',
      'Ta i bruk eByggeSak, eByggeSøknad og ePlanSak',
      'Innføre BYOD',
    ],
    // Nynorsk and bokmål share much of this vocabulary: these headings and short titles are
    // correct nynorsk as they stand (glossary.nn.md).
    sameInBothForms: [
      'Arkiv',
      'Barnehage',
      'Barnevern',
      'Barnevernssystem',
      'Bibliotek',
      'Byggforvaltning',
      'Dagens IKT-organisering og -styring – roller, kompetanse, årsverk',
      'Digitale arkiv',
      'Drift',
      'Forenkle der du kan',
      'Gjennomføre opplæring',
      'Gjennomføring',
      'Helse og velferd',
      'Helsestasjon',
      'IKT-infrastruktur',
      'IKT-infrastruktur og -drift',
      'IKT-organisering og -styring',
      'Innføre e-læring',
      'Innføre utlån av e-bøker',
      'Innkjøp',
      'Konkurransegjennomføring',
      'Legevakt',
      'Oppvekst og utdanning',
      'Overgangsfase',
      'Plan, bygg og geodata',
      'Pleie og omsorg',
      'Sentralisere innkjøpsfunksjonen',
      'System for barnehageadministrasjon',
      'System for konkurransegjennomføring',
      'Ta i bruk e-handel',
      'Ta i bruk e-resept',
      'Velferdsteknologi',
      'Vurdere å inngå innkjøpssamarbeid',
    ],
  },
  en: {
    names: ['KS', 'PA Consulting', 'https://www.anskaffelser.no/innovasjon'],
  },
};

/** Phase 1's name in each language (the issue names the nynorsk one). */
const phaseOneName: Partial<Record<TranslationLanguage, string>> = { nn: 'Før du startar', en: 'Before you start' };

const source = catalogTexts(loadCatalog());
// Read without the loader's checks, so a broken file fails with the keys or texts named.
const rawTranslation = (language: TranslationLanguage): Record<string, unknown> =>
  JSON.parse(fs.readFileSync(new URL(`./data/translations/${language}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

describe.each(translationLanguages)('the library in %s', (language) => {
  it('has a text for every key of the library, and no other keys', () => {
    const keys = Object.keys(rawTranslation(language));
    const missing = [...source.keys()].filter((key) => !keys.includes(key));
    const extra = keys.filter((key) => !source.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it("keeps to the library's rules for a text", () => {
    const broken = Object.entries(rawTranslation(language))
      .filter(([, text]) => !catalogText.safeParse(text).success)
      .map(([key, text]) => `${key}: ${JSON.stringify(text)}`);
    expect(broken).toEqual([]);
  });

  it('leaves nothing untranslated but names and words spelt alike', () => {
    const translation = rawTranslation(language);
    const allowed = new Set([...allowedEqual[language].names, ...(allowedEqual[language].sameInBothForms ?? [])]);
    const untranslated = [...source].filter(([key, text]) => translation[key] === text && !allowed.has(text)).map(([key, text]) => `${key}: ${text}`);
    expect(untranslated).toEqual([]);
    const equalTexts = new Set([...source].filter(([key, text]) => translation[key] === text).map(([, text]) => text));
    expect([...allowed].filter((text) => !equalTexts.has(text))).toEqual([]);
  });

  it('gives the library with the same ids and structure and the texts in the language', () => {
    const catalog = translatedCatalog(language);
    const blank = () => '';
    expect(replaceCatalogTexts(catalog, blank)).toEqual(replaceCatalogTexts(loadCatalog(), blank));
    expect(Object.fromEntries(catalogTexts(catalog))).toEqual(catalogTranslation(language));
    const expectedName = phaseOneName[language];
    if (expectedName) expect(catalog.phases[0]!.name).toBe(expectedName);
    expect(catalog.phases[0]!.name).not.toBe(loadCatalog().phases[0]!.name);
  });

  it('is cached and frozen, like loadCatalog()', () => {
    const catalog = translatedCatalog(language);
    expect(translatedCatalog(language)).toBe(catalog);
    expect(Object.isFrozen(catalog.phases[0]!.activities[0]!.tasks)).toBe(true);
    expect(Object.isFrozen(catalogTranslation(language))).toBe(true);
  });

  it("says the translation is Samla's, naming KS' original", () => {
    const attribution = catalogTranslationAttribution(language);
    expect(attribution).toContain('Samla');
    expect(attribution).toContain("KS' «Sjekkliste for digital sammenslåing»");
  });
});

describe('the library in bokmål', () => {
  it('is KS’ own text, without an attribution', () => {
    expect(translatedCatalog('nb')).toBe(loadCatalog());
    expect(catalogTranslationAttribution('nb')).toBeNull();
  });
});

describe('the nynorsk attribution', () => {
  it('is the one the issue asks for', () => {
    expect(catalogTranslationAttribution('nn')).toBe("Omsett av Samla frå KS' «Sjekkliste for digital sammenslåing»");
  });
});
