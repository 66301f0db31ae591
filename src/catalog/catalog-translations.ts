/**
 * The library in nynorsk and English (issue 22). A translation is a flat JSON map in
 * `./data/translations/<language>.json` from the keys of `catalogTexts` (catalog-texts.ts)
 * to the text in that language; nn follows `./data/translations/glossary.nn.md`.
 *
 * The translations are Samla's, not KS': wherever the source is named next to a translated
 * library, show `catalogTranslationAttribution(language)` with it.
 *
 * The files are imported like the library itself, so they are bundled with it; they are
 * checked on first use.
 */
import { z } from 'zod';
import { catalogTexts, replaceCatalogTexts } from './catalog-texts.ts';
import { catalogSchema, catalogText, type Catalog } from './catalog.schema.ts';
import { loadCatalog } from './catalog.ts';
import { deepFreeze } from './deep-freeze.ts';
import en from './data/translations/en.json' with { type: 'json' };
import nn from './data/translations/nn.json' with { type: 'json' };

/** nb is KS' own text; nn and en are Samla's translations of it. */
export const catalogLanguages = ['nb', 'nn', 'en'] as const;
export type CatalogLanguage = (typeof catalogLanguages)[number];
export const translationLanguages = ['nn', 'en'] as const;
export type TranslationLanguage = (typeof translationLanguages)[number];

/** Said wherever the source is named beside a translated library. */
export const translationAttributions: Readonly<Record<TranslationLanguage, string>> = Object.freeze({
  nn: "Omsett av Samla frå KS' «Sjekkliste for digital sammenslåing»",
  en: "Translated by Samla from KS' «Sjekkliste for digital sammenslåing»",
});

/** The attribution to show with the library in `language`; null for KS' own bokmål. */
export function catalogTranslationAttribution(language: CatalogLanguage): string | null {
  return language === 'nb' ? null : translationAttributions[language];
}

export type CatalogTranslation = Readonly<Record<string, string>>;

/** Every text passes the library's text rules, and the keys are exactly the library's. */
export const catalogTranslationSchema = z.record(z.string(), catalogText).superRefine((translation, ctx) => {
  const expected = catalogTexts(loadCatalog());
  const missing = [...expected.keys()].filter((key) => !Object.hasOwn(translation, key));
  const extra = Object.keys(translation).filter((key) => !expected.has(key));
  if (missing.length > 0) ctx.addIssue({ code: 'custom', message: `Oversettelsen mangler ${missing.length} tekster: ${missing.join(', ')}` });
  if (extra.length > 0) ctx.addIssue({ code: 'custom', message: `Oversettelsen har ${extra.length} ukjente nøkler: ${extra.join(', ')}` });
});

const translationData: Readonly<Record<TranslationLanguage, unknown>> = { nn, en };

const translations = new Map<TranslationLanguage, CatalogTranslation>();

/** The translation into `language`, key → text, checked on first use and cached (frozen). */
export function catalogTranslation(language: TranslationLanguage): CatalogTranslation {
  let translation = translations.get(language);
  if (!translation) {
    const result = catalogTranslationSchema.safeParse(translationData[language]);
    if (!result.success)
      throw new Error(`The ${language} translation of the catalogue (data/translations/${language}.json) is not valid:\n${result.error.message}`);
    translation = deepFreeze(result.data);
    translations.set(language, translation);
  }
  return translation;
}

const translatedCatalogs = new Map<TranslationLanguage, Catalog>();

/**
 * The library in `language`: the same ids, numbers, priorities and structure as loadCatalog(),
 * with the reading texts replaced; 'nb' is loadCatalog() itself. Validated, cached and
 * deeply frozen like loadCatalog(): treat it as read-only.
 */
export function translatedCatalog(language: CatalogLanguage): Catalog {
  if (language === 'nb') return loadCatalog();
  let catalog = translatedCatalogs.get(language);
  if (!catalog) {
    const translation = catalogTranslation(language);
    const result = catalogSchema.safeParse(replaceCatalogTexts(loadCatalog(), (key) => translation[key]!));
    if (!result.success) throw new Error(`The ${language} catalogue does not match its schema:\n${result.error.message}`);
    catalog = deepFreeze(result.data);
    translatedCatalogs.set(language, catalog);
  }
  return catalog;
}
