import { Dropdown, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import type { User } from '#shared/contracts/auth.ts';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { useSession } from '#web/features/auth/session.tsx';
import { NotificationsLink } from '#web/features/notifications/notifications-link.tsx';
import { LanguageSwitch } from '#web/i18n/language.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import type { FocusState } from '#web/lib/navigation-state.ts';
import { paths } from '#web/lib/paths.ts';
import '#web/styles/notifications.css';

export function Layout() {
  const { m } = useI18n();
  const { status, statusError, retry, user } = useSession();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname);

  // After a client-side page change, start reading at the new page's content, as after a
  // full page load; a page that asks to focus something specific handles that itself.
  // Only a new page moves focus; a changed filter (search) does not.
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    const state = location.state as FocusState | null;
    if (state?.focusId) return;
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname, location.state]);

  return (
    <div className='samla-shell'>
      <SkipLink href='#main'>{m.app.skipLink}</SkipLink>
      <header className='samla-header'>
        <div className='samla-container samla-header__inner'>
          <Link to={paths.mergers()} className='samla-brand'>
            <span className='samla-brand__mark' aria-hidden='true' />
            <span className='samla-brand__name'>{m.app.name}</span>
            <span className='samla-brand__tagline'>{m.app.tagline}</span>
          </Link>
          {user && (
            <div className='samla-header__end'>
              <nav aria-label={m.app.navLabel} className='samla-nav'>
                <ul>
                  <li>
                    <Link to={paths.mergers()} className='samla-nav__link' aria-current={sectionCurrent(location.pathname, 'mergers')}>
                      {m.app.nav.mergers}
                    </Link>
                  </li>
                  <li>
                    <Link to={paths.myWork()} className='samla-nav__link' aria-current={sectionCurrent(location.pathname, 'myWork')}>
                      {m.app.nav.myWork}
                    </Link>
                  </li>
                  <li>
                    <Link to={paths.catalog()} className='samla-nav__link' aria-current={sectionCurrent(location.pathname, 'catalog')}>
                      {m.app.nav.catalog}
                    </Link>
                  </li>
                  <li>
                    <NotificationsLink />
                  </li>
                </ul>
              </nav>
              <UserMenu user={user} />
            </div>
          )}
        </div>
      </header>
      <main id='main' tabIndex={-1} ref={mainRef} className='samla-main'>
        <div className='samla-container'>
          {status ? (
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          ) : statusError ? (
            <LoadError error={statusError} onRetry={retry} />
          ) : (
            <Loading />
          )}
        </div>
      </main>
      <footer className='samla-footer'>
        <div className='samla-container'>
          <Paragraph data-size='sm'>{m.app.footerShort}</Paragraph>
        </div>
      </footer>
    </div>
  );
}

/** The signed-in person's name, opening their own pages and «Logg ut». */
function UserMenu({ user }: { user: User }) {
  const { m } = useI18n();
  const t = m.app.userMenu;
  const { signOut, signingOut } = useSession();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  // Following a link in the menu closes it.
  useEffect(() => setOpen(false), [location.pathname]);

  return (
    <Dropdown.TriggerContext>
      <Dropdown.Trigger variant='tertiary' className='samla-user-menu__trigger' aria-label={t.triggerLabel(user.name)}>
        <span className='samla-user-menu__avatar' aria-hidden='true'>
          {initials(user.name)}
        </span>
        <span className='samla-user-menu__name'>{t.trigger(user.name)}</span>
      </Dropdown.Trigger>
      <Dropdown placement='bottom-end' open={open} onOpen={() => setOpen(true)} onClose={() => setOpen(false)} className='samla-user-menu'>
        <div className='samla-user-menu__who'>
          <span className='samla-muted'>{t.signedInAs}</span>
          <strong>{user.name}</strong>
          <span className='samla-muted'>{user.email}</span>
          {user.isAdministrator && <span className='samla-muted'>{t.administrator}</span>}
        </div>
        <Dropdown.List>
          <Dropdown.Item>
            <Dropdown.Button asChild>
              <Link to={paths.tokens()}>{t.tokens}</Link>
            </Dropdown.Button>
          </Dropdown.Item>
          <Dropdown.Item>
            <Dropdown.Button asChild>
              <Link to={paths.account()}>{t.account}</Link>
            </Dropdown.Button>
          </Dropdown.Item>
          <Dropdown.Item>
            <Dropdown.Button asChild>
              <Link to={paths.mailSettings()}>{t.mailSettings}</Link>
            </Dropdown.Button>
          </Dropdown.Item>
          {user.isAdministrator && (
            <Dropdown.Item>
              <Dropdown.Button asChild>
                <Link to={paths.users()}>{t.users}</Link>
              </Dropdown.Button>
            </Dropdown.Item>
          )}
          {user.isAdministrator && (
            <Dropdown.Item>
              <Dropdown.Button asChild>
                <Link to={paths.mergerDeletions()}>{t.mergerDeletions}</Link>
              </Dropdown.Button>
            </Dropdown.Item>
          )}
          <Dropdown.Item>
            <Dropdown.Button
              onClick={() => {
                setOpen(false);
                void signOut();
              }}
              loading={signingOut}
            >
              {signingOut ? t.signingOut : t.signOut}
            </Dropdown.Button>
          </Dropdown.Item>
        </Dropdown.List>
        {/* Last: the person's own pages come first in the tab order, as they are used more often. */}
        <LanguageSwitch label={m.app.language} className='samla-user-menu__language' />
      </Dropdown>
    </Dropdown.TriggerContext>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '';
  const last = parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '';
  return `${first}${last}`.toUpperCase();
}

/** `page` on the section's own page, `true` inside the section, else nothing. */
function sectionCurrent(pathname: string, section: 'mergers' | 'myWork' | 'catalog'): 'page' | 'true' | undefined {
  if (section === 'catalog') return pathname === paths.catalog() ? 'page' : undefined;
  if (section === 'myWork') return pathname === paths.myWork() ? 'page' : undefined;
  if (pathname === paths.mergers()) return 'page';
  return pathname.startsWith('/sammenslainger') ? 'true' : undefined;
}
