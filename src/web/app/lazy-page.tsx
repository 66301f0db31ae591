import { useEffect, useState, type ComponentType } from 'react';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { reloadIfAnotherBuild } from './new-build.ts';

export interface LazyPage {
  (): React.ReactNode;
  /** Starts loading the page's chunk (once); the app calls it for the page it starts on. */
  preload: () => Promise<unknown>;
}

/**
 * A page in its own chunk, shown as soon as the chunk is there. Not
 * `React.lazy`: a page that suspends shows Suspense's fallback, and React then
 * holds the page back for up to 300 ms after that (so content does not flash
 * in), which put a quarter of a second between the start page's chunk and
 * its data arriving and the page appearing. Here the page shows the loading
 * state itself while its chunk loads, and an error with «Prøv igjen» if the
 * chunk cannot be loaded (offline). When Samla was upgraded meanwhile, the tab
 * loads the new build instead (new-build.ts).
 */
export function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // Asked for again on the next try.
        loading = undefined;
        throw error;
      },
    ));
  function Page() {
    const { m } = useI18n();
    const [state, setState] = useState<{ component?: ComponentType; error?: unknown }>(() => ({ component: loaded }));
    const waiting = !state.component && state.error === undefined;
    useEffect(() => {
      if (!waiting) return;
      let current = true;
      preload().then(
        (component) => current && setState({ component }),
        // After an upgrade the old build's chunks are gone: load the new build instead.
        (error: unknown) => void reloadIfAnotherBuild().then((reloading) => !reloading && current && setState({ error })),
      );
      return () => {
        current = false;
      };
    }, [waiting]);
    if (state.component) return <state.component />;
    if (state.error !== undefined) return <LoadError error={state.error} message={m.errors.pageCodeFailed} onRetry={() => setState({})} />;
    return <Loading />;
  }
  return Object.assign(Page, { preload });
}

/**
 * A page in the app's first chunk, behind the same interface. For the merger's
 * start page, where people land: loading its chunk after the app's own cost a
 * round trip and a render more than its 6 kB (gzip) add to the first load.
 */
export function eagerPage(Component: ComponentType): LazyPage {
  const Page = () => <Component />;
  return Object.assign(Page, { preload: () => Promise.resolve(Component) });
}
