import type { ComponentType } from 'react';
import { reloadIfAnotherBuild } from './new-build.ts';

/** A page's code could not be fetched (offline, or the server answered an error). */
export class PageCodeError extends Error {
  constructor(cause: unknown) {
    super('page code failed to load', { cause });
    this.name = 'PageCodeError';
  }
}

export interface PageChunk {
  /** Loads the chunk (once); for the route's loader, so it comes in parallel with the page's data. */
  load: (destination: string) => Promise<null>;
  /** The page, for the route's `Component`; rendered only after `load` has resolved. */
  Component: ComponentType;
}

/**
 * A page in its own chunk, loaded by its route's loader. Not react-router's `lazy`:
 * the router keeps a failed `lazy()` for its whole life, so «Prøv igjen» could never
 * fetch the chunk again without reloading the tab; a loader runs anew on every try
 * (the error boundary revalidates). When Samla was upgraded meanwhile and the old
 * build's chunk is gone, the tab loads the new build instead (new-build.ts).
 */
export function pageChunk(importPage: () => Promise<ComponentType>): PageChunk {
  let loaded: ComponentType | undefined;
  let loading: Promise<ComponentType> | undefined;
  const load = async (destination: string): Promise<null> => {
    if (loaded) return null;
    loading ??= importPage().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // Asked for again on the next try.
        loading = undefined;
        throw error;
      },
    );
    try {
      await loading;
      return null;
    } catch (error) {
      // Reloading: keep the router waiting rather than flash the error.
      if (await reloadIfAnotherBuild(destination)) await new Promise(() => undefined);
      throw new PageCodeError(error);
    }
  };
  function Page() {
    if (!loaded) throw new Error('page rendered before its chunk was loaded');
    const Loaded = loaded;
    return <Loaded />;
  }
  return { load, Component: Page };
}
