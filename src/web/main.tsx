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
 * The first render waits (a little) for the chunk of the page the app opens on,
 * which is on its way by then: rendered without it, the page would suspend,
 * show the spinner, and React would hold the page back for up to 300 ms more.
 */
const firstRenderWaitsAtMostMs = 1_000;

const root = document.getElementById('root');
if (root) {
  const queryClient = createQueryClient();
  const startPage = startRequests(window.location.pathname, queryClient);
  const render = () =>
    createRoot(root).render(
      <StrictMode>
        <App queryClient={queryClient} />
      </StrictMode>,
    );
  void Promise.race([startPage, new Promise((resolve) => setTimeout(resolve, firstRenderWaitsAtMostMs))]).then(render);
}
