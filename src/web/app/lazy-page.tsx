import { lazy, useState, type ComponentType } from 'react';

export interface LazyPage {
  (): React.ReactNode;
  /** Starts loading the page's chunk (once); the app calls it for the page it starts on. */
  preload: () => Promise<unknown>;
}

/**
 * A page in its own chunk. Unlike a bare `React.lazy`, it renders at once when
 * its chunk is already loaded (preloaded for the address the app starts on)
 * instead of suspending first: a suspended page shows the fallback, and React
 * then holds the content back for up to 300 ms to avoid flicker, which put
 * about a quarter of a second between the page's chunk arriving and its data
 * being asked for.
 */
export function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed chunk (offline, a new deployment) may be tried again on the next visit.
        loading = undefined;
        throw error;
      },
    ));
  const Suspending = lazy(() => preload().then((component) => ({ default: component })));
  function Page() {
    // Chosen once per mount, so the page is never swapped for another component type under the user.
    const [Component] = useState(() => loaded ?? Suspending);
    return <Component />;
  }
  return Object.assign(Page, { preload });
}
