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

const root = document.getElementById('root');
if (root) {
  const queryClient = createQueryClient();
  startRequests(window.location.pathname, queryClient);
  createRoot(root).render(
    <StrictMode>
      <App queryClient={queryClient} />
    </StrictMode>,
  );
}
