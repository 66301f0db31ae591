import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useNavigation } from 'react-router';
import type { AuthStatus, SessionResponse, User } from '#shared/contracts/auth.ts';
import { apiRequest, onUnauthenticated, setCsrfToken } from '#web/lib/api-client.ts';
import { paths } from '#web/lib/paths.ts';
import { authKeys, fetchAuthStatus, logout } from './auth.api.ts';

/** Why the sign-in page is shown when the person did not ask for it. */
export type SignOutReason = 'expired' | 'signedOut' | null;

export interface SessionValue {
  /** Undefined until GET /auth/session has answered. */
  status: AuthStatus | undefined;
  statusError: unknown;
  retry: () => void;
  user: User | null;
  reason: SignOutReason;
  /** After login or setup: remember the session and forget what an earlier user saw. */
  signedIn: (session: SessionResponse) => void;
  signOut: () => Promise<void>;
  signingOut: boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

/** Who is signed in, asked once per page load (the app asks before it first renders). */
export const sessionQuery = () =>
  queryOptions({
    queryKey: authKeys.session(),
    queryFn: ({ signal }) => fetchAuthStatus(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<SignOutReason>(null);
  const [signingOut, setSigningOut] = useState(false);
  const query = useQuery(sessionQuery());

  const markSignedOut = useCallback(
    (why: SignOutReason) => {
      setCsrfToken(null);
      setReason(why);
      queryClient.setQueryData<AuthStatus>(authKeys.session(), (current) => (current ? { ...current, signedIn: false, session: null } : current));
    },
    [queryClient],
  );

  // A 401 from any call: the session expired or was ended elsewhere. RequireSession then
  // sends the person to sign in, with the page they were on as the way back.
  useEffect(
    () =>
      onUnauthenticated(() => {
        const current = queryClient.getQueryData<AuthStatus>(authKeys.session());
        if (current?.signedIn) markSignedOut('expired');
      }),
    [queryClient, markSignedOut],
  );

  // Going to another page asks whether the session still holds, beside the page's own
  // requests: a page shown from the cache asks nothing, and a person whose session was ended
  // (deactivated, or signed out from another browser) should learn at their next click.
  const location = useLocation();
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    const before = queryClient.getQueryData<AuthStatus>(authKeys.session());
    if (!before?.signedIn) return;
    const controller = new AbortController();
    apiRequest<AuthStatus>('/auth/session', { signal: controller.signal }).then(
      (now) => {
        const current = queryClient.getQueryData<AuthStatus>(authKeys.session());
        if (!current?.signedIn || current.session?.user.id !== before.session?.user.id) return;
        if (!now.session) markSignedOut('expired');
        // Someone else signed in in another tab: nothing on this page is theirs.
        else if (now.session.user.id !== current.session?.user.id) window.location.reload();
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [location.pathname, queryClient, markSignedOut]);

  const signedIn = useCallback(
    (session: SessionResponse) => {
      setCsrfToken(session.csrfToken, session.user.id);
      setReason(null);
      // Another person may have used this tab: nothing they saw may linger in the cache.
      queryClient.removeQueries({ predicate: (cached) => cached.queryKey[0] !== authKeys.session()[0] });
      queryClient.setQueryData<AuthStatus>(authKeys.session(), (current) => ({
        signedIn: true,
        session,
        setupRequired: false,
        singleSignOn: current?.singleSignOn ?? null,
      }));
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    setSigningOut(true);
    try {
      await logout();
    } catch {
      // Signed out already (401) or the server is away: either way, forget the session here.
    } finally {
      setSigningOut(false);
    }
    // RequireSession takes the person to the sign-in page, without a way back: the next
    // person to sign in on this machine starts at the front page.
    markSignedOut('signedOut');
  }, [markSignedOut]);

  const { data, error, refetch } = query;
  const value = useMemo<SessionValue>(
    () => ({
      status: data,
      statusError: error,
      retry: () => void refetch(),
      user: data?.session?.user ?? null,
      reason,
      signedIn,
      signOut,
      signingOut,
    }),
    [data, error, refetch, reason, signedIn, signOut, signingOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for pages under {@link RequireSession}. */
export function useCurrentUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useCurrentUser without a signed-in user');
  return user;
}

/** Pages that need a signed-in user: everyone else goes to sign in (or to setup on first run). */
export function RequireSession() {
  const { status, reason } = useSession();
  const current = useLocation();
  // A session that ends while the next page's loaders run (their requests answer 401) is
  // noticed before the address changes: come back to where the person was going.
  const location = useNavigation().location ?? current;
  if (!status) return null;
  if (status.setupRequired) return <Navigate to={paths.setup()} replace />;
  if (!status.signedIn) {
    const back = reason === 'signedOut' ? undefined : `${location.pathname}${location.search}`;
    return <Navigate to={paths.login(back)} replace />;
  }
  return <Outlet />;
}
