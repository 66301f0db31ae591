import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { ApiError, NETWORK_ERROR, UNREADABLE_RESPONSE } from '#web/lib/api-client.ts';
import { useI18n, type Messages } from '#web/i18n/messages.ts';

/** The Norwegian text for an error: the catalog's text for its code, else the server's own message. */
export function errorText(error: unknown, m: Messages): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return m.errors.network;
    if (error.code === UNREADABLE_RESPONSE) return m.errors.unreadable;
    if (error.status >= 500) return m.errors.generic;
    return m.errors.byCode[error.code] ?? error.message;
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
  heading?: string;
  /** Instead of the text for `error`, when the caller knows better what went wrong. */
  message?: string;
}

export function LoadError({ error, onRetry, heading, message }: LoadErrorProps) {
  const { m } = useI18n();
  return (
    <Alert data-color='danger' role='alert'>
      <Heading level={2} data-size='xs'>
        {heading ?? m.errors.loadFailed}
      </Heading>
      <Paragraph>{message ?? errorText(error, m)}</Paragraph>
      {onRetry && (
        <Button variant='secondary' data-size='sm' onClick={onRetry} className='samla-mt-2'>
          {m.common.retry}
        </Button>
      )}
    </Alert>
  );
}
