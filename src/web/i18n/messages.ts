import { createContext, useContext } from 'react';
import { nb } from './nb.ts';
import { createFormatters, type Formatters } from './format.ts';

/** The shape every language's catalog must have: the bokmål catalog's. */
export type Messages = typeof nb;

export interface I18n {
  m: Messages;
  fmt: Formatters;
}

export const defaultI18n: I18n = { m: nb, fmt: createFormatters(nb.meta.intlLocale, nb.meta.timeAt) };

export const I18nContext = createContext<I18n>(defaultI18n);

/** The current language's messages (`m`) and formatters (`fmt`). */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
