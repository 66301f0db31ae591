import { Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { Suspense, useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Loading } from '#web/components/query-state.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import type { FocusState } from '#web/lib/navigation-state.ts';
import { paths } from '#web/lib/paths.ts';


export function Layout() {
  const { m } = useI18n();
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
          <nav aria-label={m.app.navLabel} className='samla-nav'>
            <ul>
              <li>
                <Link to={paths.mergers()} className='samla-nav__link' aria-current={sectionCurrent(location.pathname, 'mergers')}>
                  {m.app.nav.mergers}
                </Link>
              </li>
              <li>
                <Link to={paths.catalog()} className='samla-nav__link' aria-current={sectionCurrent(location.pathname, 'catalog')}>
                  {m.app.nav.catalog}
                </Link>
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id='main' tabIndex={-1} ref={mainRef} className='samla-main'>
        <div className='samla-container'>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
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

/** `page` on the section's own page, `true` inside the section, else nothing. */
function sectionCurrent(pathname: string, section: 'mergers' | 'catalog'): 'page' | 'true' | undefined {
  if (section === 'catalog') return pathname === paths.catalog() ? 'page' : undefined;
  if (pathname === paths.mergers()) return 'page';
  return pathname.startsWith('/sammenslainger') ? 'true' : undefined;
}
