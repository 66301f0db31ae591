import { useEffect } from 'react';
import { useI18n } from '#web/i18n/messages.ts';

/** Sets `document.title` to «{page} – Samla» while the page is shown. */
export function useDocumentTitle(page: string | undefined): void {
  const { m } = useI18n();
  useEffect(() => {
    document.title = page ? m.app.documentTitle(page) : m.app.name;
  }, [page, m]);
}
