import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { LiveAnnouncerProvider } from '#web/components/live-announcer.tsx';
import { defaultI18n, I18nContext } from '#web/i18n/messages.ts';
import { createQueryClient } from '#web/lib/query-client.ts';

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
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
