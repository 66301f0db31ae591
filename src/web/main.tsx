import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createAppRouter } from '#web/app/app.tsx';
import { startInBrowserLanguage } from '#web/i18n/language.tsx';
import { createQueryClient } from '#web/lib/query-client.ts';

const root = document.getElementById('root');
if (root) {
  startInBrowserLanguage();
  const queryClient = createQueryClient();
  // Made before React renders, so the first page's requests leave now; the first render
  // then waits (briefly, lib/prefetch.ts) for them and builds the page once with its content.
  const router = createAppRouter(queryClient);
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} router={router} />
    </StrictMode>,
  );
}
