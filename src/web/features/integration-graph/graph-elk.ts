import type { ElkLike } from './graph-layout.ts';

let loaded: Promise<ElkLike> | undefined;

/**
 * ELK, loaded the first time a graph is drawn and run in a worker: the library is
 * large (it stays out of the main bundle) and packing thousands of nodes takes
 * long enough that the page must not wait on it.
 */
export function loadElk(): Promise<ElkLike> {
  loaded ??= Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?url')]).then(
    // elk-api is CommonJS: its default export is module.exports, which carries the class again as .default.
    ([api, worker]) => new api.default.default({ workerUrl: worker.default }),
  );
  return loaded;
}
