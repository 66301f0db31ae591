import { describe, expect, it } from 'vitest';
import { isAnotherBuild, moduleScriptsOf } from './new-build.ts';

const html = (entry: string) => `<!doctype html>
<html lang="nb"><head>
    <script type="module" src="/assets/early-requests-DuC9Dvph.js"></script>
    <script type="module" crossorigin src="/assets/${entry}"></script>
    <link rel="modulepreload" crossorigin href="/assets/query-client-C9DNvSrQ.js">
    <link rel="stylesheet" crossorigin href="/assets/index-VEi7ThOi.css">
</head><body><div id="root"></div></body></html>`;

describe('telling whether the server has another build than the tab runs', () => {
  it('reads the module scripts an index.html names, not its preloads or stylesheets', () => {
    expect(moduleScriptsOf(html('index-Ve-FcBmV.js'))).toEqual(['/assets/early-requests-DuC9Dvph.js', '/assets/index-Ve-FcBmV.js']);
  });

  it('is another build when a script has another name, and the same build when the names match in any order', () => {
    const running = ['/assets/index-Ve-FcBmV.js', '/assets/early-requests-DuC9Dvph.js'];
    expect(isAnotherBuild(running, moduleScriptsOf(html('index-Ve-FcBmV.js')))).toBe(false);
    expect(isAnotherBuild(running, moduleScriptsOf(html('index-Q2w9xZ1a.js')))).toBe(true);
  });

  it('is not another build when the answer names no scripts (an error page, a proxy’s login page)', () => {
    expect(isAnotherBuild(['/assets/index-Ve-FcBmV.js'], moduleScriptsOf('<html><body>502 Bad Gateway</body></html>'))).toBe(false);
  });
});
