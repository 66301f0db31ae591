import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startRequests } from '#web/app/app.tsx';
import { createQueryClient } from '#web/lib/query-client.ts';

/**
 * How long the first render waits for the page's first answers (the session
 * and, on a merger's start page, the merger and its dashboard). With them in
 * the cache the page is built once, with its content, instead of first as a
 * spinner and then again: on the large merger's start page that brings the
 * figures on screen ~70 ms sooner (bench/fixes.md, fifth pass). Short, so a
 * slow answer costs the shell no more than this.
 */
const firstRenderWaitsForDataMs = 150;

const root = document.getElementById('root');
if (root) {
  const queryClient = createQueryClient();
  const started = startRequests(window.location.pathname, queryClient);
  await Promise.race([started, new Promise((resolve) => setTimeout(resolve, firstRenderWaitsForDataMs))]);
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
}
