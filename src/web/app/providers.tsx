import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { LiveAnnouncerProvider } from '#web/components/live-announcer.tsx';
import { defaultI18n, I18nContext } from '#web/i18n/messages.ts';

/** `queryClient`: made before the first render, so the start page's requests can begin before React does. */
export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  useEffect(() => {
    document.documentElement.lang = defaultI18n.m.meta.htmlLang;
  }, []);
  // One language for now; a language switch will pick nb, nn or en here.
  return (
    <I18nContext.Provider value={defaultI18n}>
      <QueryClientProvider client={queryClient}>
        <LiveAnnouncerProvider>{children}</LiveAnnouncerProvider>
      </QueryClientProvider>
    </I18nContext.Provider>
  );
}
