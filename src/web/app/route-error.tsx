import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef } from 'react';
import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { LoadError } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { NotFoundPage } from './not-found.page.tsx';
import { PageCodeError } from './page-chunk.tsx';

/**
 * Every route's `errorElement`: a page that throws while it is shown (or whose code
 * cannot be fetched) is replaced by this, inside the app's frame, instead of blanking
 * the whole app. Focus moves to its heading so a screen reader hears what happened.
 */
export function RouteError() {
  const error = useRouteError();
  const { m } = useI18n();
  const revalidator = useRevalidator();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  useDocumentTitle(notFound ? m.errors.notFoundTitle : m.errors.pageFailedTitle);
  useEffect(() => {
    headingRef.current?.focus();
  }, [error]);
  if (notFound) return <NotFoundPage />;

  if (!(error instanceof PageCodeError)) {
    // For whoever looks at the browser's console; the person sees the Norwegian text.
    console.error(error);
  }
  return (
    <>
      <Heading level={1} data-size='lg' tabIndex={-1} ref={headingRef}>
        {m.errors.pageFailedTitle}
      </Heading>
      {error instanceof PageCodeError ? (
        // The loaders run again, and with them the chunk's import.
        <LoadError error={error} heading={null} message={m.errors.pageCodeFailed} onRetry={() => void revalidator.revalidate()} />
      ) : (
        <LoadError error={error} heading={null} message={m.errors.pageFailedText} onRetry={() => window.location.reload()} />
      )}
      <Paragraph>
        <RouterLink to={paths.mergers()}>{m.errors.goHome}</RouterLink>
      </Paragraph>
    </>
  );
}
