/**
 * After Samla is upgraded, a tab opened before it still runs the old build and
 * asks for the old build's page chunks, which are gone (the server answers
 * 404). Such a tab should load the new build rather than show an error: the
 * person only followed a link.
 */

/** The module scripts an index.html names (`/assets/…` paths); a new build names others (content hashes). */
export function moduleScriptsOf(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]!).sort();
}

/** Whether the server's index.html belongs to another build than the one running. */
export function isAnotherBuild(running: readonly string[], deployed: readonly string[]): boolean {
  if (deployed.length === 0) return false;
  const sortedRunning = [...running].sort();
  return sortedRunning.length !== deployed.length || sortedRunning.some((script, index) => script !== deployed[index]);
}

/**
 * When a page's code failed to load: reloads the tab if the server now has
 * another build, once per build (so a build that cannot load either ends in
 * the error, not in a loop). Resolves true when the tab is reloading.
 * `destination`: the address the person was going to (the router changes the
 * address only once the page's code is there), else the current one.
 */
export async function reloadIfAnotherBuild(destination?: string): Promise<boolean> {
  if (typeof window === 'undefined') return false;
  const response = await fetch('/', { cache: 'no-store', headers: { accept: 'text/html' } }).catch(() => undefined);
  if (!response?.ok) return false;
  const deployed = moduleScriptsOf(await response.text());
  const running = [...document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')].map((script) => new URL(script.src).pathname);
  if (!isAnotherBuild(running, deployed)) return false;
  const marker = `samla-reloaded-for-build:${deployed.join(' ')}`;
  try {
    if (sessionStorage.getItem(marker)) return false;
    sessionStorage.setItem(marker, '1');
  } catch {
    // No sessionStorage (a locked-down browser): reload anyway; the loop guard is then the server's build staying put.
  }
  if (destination && destination !== window.location.href) window.location.assign(destination);
  else window.location.reload();
  return true;
}
