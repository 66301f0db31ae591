import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { RouterLink } from '#web/components/router-link.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';

export function NotFoundPage() {
  const { m } = useI18n();
  useDocumentTitle(m.errors.notFoundTitle);
  return (
    <>
      <Heading level={1} data-size='lg'>
        {m.errors.notFoundTitle}
      </Heading>
      <Paragraph>{m.errors.notFoundText}</Paragraph>
      <Paragraph>
        <RouterLink to={paths.mergers()}>{m.errors.goHome}</RouterLink>
      </Paragraph>
    </>
  );
}
