import { Button } from '@digdir/designsystemet-react';
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { defaultLanguage, isLanguage, languageOfTag, languages, type Language } from '#shared/language.ts';
import { setValidationLanguage } from '#shared/validation/messages.ts';
import { setRequestLanguage } from '#web/lib/api-client.ts';
import { createFormatters } from './format.ts';
import { defaultI18n, I18nContext, type I18n, type Messages } from './messages.ts';

/**
 * Each language's name in that language, the same on every page: a person looking for
 * their own language finds it whatever language the page is in (decision 039).
 */
export const languageNames: Readonly<Record<Language, string>> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

// Bokmål comes with the app; nynorsk and English are chunks of their own, fetched only by
// those who read them, so the start page's bundle does not carry three catalogs.
const catalogs: Record<Language, () => Promise<Messages>> = {
  nb: () => Promise.resolve(defaultI18n.m),
  nn: () => import('./nn.ts').then((module) => module.nn),
  en: () => import('./en.ts').then((module) => module.en),
};

const loaded = new Map<Language, I18n>([['nb', defaultI18n]]);

function loadI18n(language: Language): Promise<I18n> {
  const ready = loaded.get(language);
  if (ready) return Promise.resolve(ready);
  return catalogs[language]().then((m) => {
    const i18n = { m, fmt: createFormatters(m.meta.intlLocale, m.meta.timeAt) };
    loaded.set(language, i18n);
    return i18n;
  });
}

const storageKey = 'samla.language';

/** The language chosen in this browser (the sign-in page or the user menu), if any. */
export function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLanguage(value) ? value : null;
  } catch {
    // Storage turned off: the browser's languages decide.
    return null;
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not kept beyond this page: the choice still holds while it is open.
  }
}

/** Before sign-in: the choice made in this browser, else the browser's own languages, else bokmål. */
export function browserLanguage(): Language {
  // navigator.languages is in order of preference (no q-values): the first Samla speaks wins,
  // as pickLanguage does for a header (which the web need not parse, so it stays out of the bundle).
  const tags = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  return storedLanguage() ?? tags.map(languageOfTag).find((language) => language !== null) ?? defaultLanguage;
}

/**
 * Called before the router starts the first page's requests: they ask in the language the
 * page will be shown in, and its catalog is on its way while the session is asked for.
 */
export function startInBrowserLanguage(): void {
  const language = browserLanguage();
  setRequestLanguage(language);
  setValidationLanguage(language);
  void loadI18n(language).catch(() => undefined);
}

interface LanguageValue {
  language: Language;
  /** Show Samla in `language`: kept in this browser, and on the user when someone is signed in. */
  choose: (language: Language) => void;
}

const LanguageContext = createContext<LanguageValue>({ language: 'nb', choose: () => undefined });

export function useLanguage(): LanguageValue {
  return useContext(LanguageContext);
}

export interface LanguageProviderProps {
  /** The signed-in user's stored choice: null when they made none; undefined when nobody is signed in (or not known yet). */
  userLanguage: Language | null | undefined;
  /** Stores the signed-in user's choice on the server. */
  save: (language: Language) => Promise<void>;
  children: ReactNode;
}

/**
 * Picks the language (decision 039): the signed-in user's stored choice; before sign-in,
 * or while they have made none, the choice kept in this browser, else the browser's
 * languages. A choice made on the sign-in page is saved on the user who then signs in.
 * `<html lang>` follows the messages shown, so it never names a language the page is not in.
 */
export function LanguageProvider({ userLanguage, save, children }: LanguageProviderProps) {
  const [language, setLanguage] = useState<Language>(browserLanguage);
  const [i18n, setI18n] = useState<I18n | null>(() => loaded.get(language) ?? null);
  // Chosen while nobody was signed in: saved on whoever signs in next on this page.
  const pending = useRef<Language | null>(null);
  const signedIn = userLanguage !== undefined;

  useEffect(() => {
    if (userLanguage === undefined) return;
    const before = pending.current;
    pending.current = null;
    if (before !== null && before !== userLanguage) {
      void save(before).catch(() => undefined);
      return;
    }
    if (userLanguage !== null) {
      setLanguage(userLanguage);
      storeLanguage(userLanguage);
    }
  }, [userLanguage, save]);

  useEffect(() => {
    // The server answers in this language too (the library, before sign-in and without a choice
    // of one's own); set at once, so what is asked again after the switch is asked in it, and the
    // browser's copy in the language before (the library varies by Accept-Language) is not taken.
    setRequestLanguage(language);
    // The contracts check the forms (decision 031): any message of theirs is in this language too.
    setValidationLanguage(language);
    let current = true;
    loadI18n(language).then(
      (next) => {
        if (current) setI18n(next);
      },
      // The chunk could not be fetched (offline, a new release): stay in the language shown, or bokmål.
      () => {
        if (current) setI18n((shown) => shown ?? defaultI18n);
      },
    );
    return () => {
      current = false;
    };
  }, [language]);

  const htmlLang = i18n?.m.meta.htmlLang;
  useEffect(() => {
    if (!htmlLang) return;
    document.documentElement.lang = htmlLang;
  }, [htmlLang]);

  const choose = useCallback(
    (next: Language) => {
      setRequestLanguage(next);
      setValidationLanguage(next);
      setLanguage(next);
      storeLanguage(next);
      if (signedIn) void save(next).catch(() => undefined);
      else pending.current = next;
    },
    [signedIn, save],
  );

  const value = useMemo(() => ({ language, choose }), [language, choose]);
  // Until the first catalog is here (nynorsk or English, a moment): nothing, rather than a flash of bokmål.
  if (!i18n) return null;
  return (
    <LanguageContext.Provider value={value}>
      <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>
    </LanguageContext.Provider>
  );
}

/**
 * The three languages, each named in its own language (and marked so, for screen readers),
 * the current one pressed. `label` names the group in the page's language.
 */
export function LanguageSwitch({ label, className }: { label: string; className?: string }) {
  const { language, choose } = useLanguage();
  const labelId = useId();
  return (
    <div role='group' aria-labelledby={labelId} className={`samla-language-switch${className ? ` ${className}` : ''}`}>
      <span id={labelId} className='samla-language-switch__label'>
        {label}
      </span>
      {languages.map((option) => (
        <Button
          key={option}
          type='button'
          variant={option === language ? 'secondary' : 'tertiary'}
          data-size='sm'
          lang={option}
          aria-pressed={option === language}
          onClick={() => choose(option)}
        >
          {languageNames[option]}
        </Button>
      ))}
    </div>
  );
}
