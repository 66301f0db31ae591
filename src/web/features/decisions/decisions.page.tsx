import { Heading } from '@digdir/designsystemet-react';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { useI18n } from '#web/i18n/messages.ts';

/** Placeholder until the page is built: the route exists so links from the overview resolve. */
export function DecisionsPage() {
  const { m } = useI18n();
  useDocumentTitle(m.decisions.title);
  return (
    <Heading level={1} data-size='lg'>
      {m.decisions.title}
    </Heading>
  );
}
