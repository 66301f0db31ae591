import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { ApiError, NETWORK_ERROR, UNREADABLE_RESPONSE } from '#web/lib/api-client.ts';
import { catalogErrorText } from '#web/i18n/error-messages.ts';
import { useI18n, type Messages } from '#web/i18n/messages.ts';

/** The Norwegian text for an error: the catalog's text for its code, else the server's own message. */
export function errorText(error: unknown, m: Messages): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return m.errors.network;
    if (error.code === UNREADABLE_RESPONSE) return m.errors.unreadable;
    if (error.status >= 500) return m.errors.generic;
    return catalogErrorText(m.errors.byCode, error.code, error.details) ?? error.message;
  }
  return m.errors.generic;
}

export function Loading({ label }: { label?: string }) {
  const { m } = useI18n();
  return (
    <div className='samla-loading'>
      <Spinner aria-hidden='true' data-size='md' />
      <Paragraph role='status'>{label ?? m.common.loading}</Paragraph>
    </div>
  );
}

interface LoadErrorProps {
  error: unknown;
  onRetry?: () => void;
  /** The alert's heading; null for none, when the page's own heading already says it. */
  heading?: string | null;
  /** Instead of the text for `error`, when the caller knows better what went wrong. */
  message?: string;
}

export function LoadError({ error, onRetry, heading, message }: LoadErrorProps) {
  const { m } = useI18n();
  return (
    <Alert data-color='danger' role='alert'>
      {heading !== null && (
        <Heading level={2} data-size='xs'>
          {heading ?? m.errors.loadFailed}
        </Heading>
      )}
      <Paragraph>{message ?? errorText(error, m)}</Paragraph>
      {onRetry && (
        <Button variant='secondary' data-size='sm' onClick={onRetry} className='samla-mt-2'>
          {m.common.retry}
        </Button>
      )}
    </Alert>
  );
}

/**
 * A page whose one thing (a task, a system, a veivalg …) could not be loaded: the page's
 * heading says so, once, and the alert under it says why. A LoadError under an h1 with the
 * same words read the failure twice («Vi fikk ikke hentet innholdet.» as h1 and h2).
 * Something that does not exist cannot be fetched again, so a 404 has no «Prøv igjen».
 */
export function PageLoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { m } = useI18n();
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <>
      <Heading level={1} data-size='lg'>
        {m.errors.loadFailed}
      </Heading>
      <LoadError error={error} heading={null} {...(onRetry && !missing ? { onRetry } : {})} />
    </>
  );
}
