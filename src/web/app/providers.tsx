import { QueryClientProvider, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, type ReactNode } from 'react';
import type { AuthStatus, User } from '#shared/contracts/auth.ts';
import type { Language } from '#shared/language.ts';
import { LiveAnnouncerProvider } from '#web/components/live-announcer.tsx';
import { authKeys } from '#web/features/auth/auth.api.ts';
import { sessionQuery } from '#web/features/auth/session.tsx';
import { catalogKeys } from '#web/features/catalog/catalog.api.ts';
import { LanguageProvider } from '#web/i18n/language.tsx';
import { apiRequest } from '#web/lib/api-client.ts';

/** `queryClient`: made before the first render, so the start page's requests can begin before React does. */
export function Providers({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <UserLanguage>
        <LiveAnnouncerProvider>{children}</LiveAnnouncerProvider>
      </UserLanguage>
    </QueryClientProvider>
  );
}

/** The language follows the signed-in user's choice (the same session request the router asks for), decision 039. */
function UserLanguage({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const { data } = useQuery(sessionQuery());
  const save = useCallback(
    async (language: Language) => {
      const user = await apiRequest<User>('/me/language', { method: 'PUT', body: { language } });
      queryClient.setQueryData<AuthStatus>(authKeys.session(), (current) =>
        current?.session?.user.id === user.id ? { ...current, session: { ...current.session, user } } : current,
      );
      // Stored first, then asked again: the server answers the library in the stored language.
      void queryClient.invalidateQueries({ queryKey: catalogKeys.catalog() });
    },
    [queryClient],
  );
  return (
    <LanguageProvider userLanguage={data?.session ? data.session.user.language : undefined} save={save}>
      {children}
    </LanguageProvider>
  );
}
