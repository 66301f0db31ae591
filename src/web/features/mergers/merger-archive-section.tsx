import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { ConfirmDialog } from '#web/components/confirm-dialog.tsx';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText } from '#web/components/query-state.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { useSetArchived } from './mergers.api.ts';

/** Archive (after a confirmation) or reopen the merger (decision 033). */
export function MergerArchiveSection({ merger }: { merger: MergerDetail }) {
  const { m } = useI18n();
  const t = m.mergers.edit;
  const announce = useAnnounce();
  const setArchived = useSetArchived(merger.id);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const archived = merger.archivedAt !== null;

  const send = (archive: boolean) => {
    setError(undefined);
    setArchived.mutate(
      { archived: archive, version: merger.version },
      {
        onSuccess: () => {
          setConfirming(false);
          announce(archive ? t.archived : t.unarchived);
        },
        onError: (failure) => setError(errorText(failure, m)),
      },
    );
  };

  return (
    <section className='samla-section' aria-labelledby='merger-archive-heading'>
      <Heading level={2} data-size='sm' id='merger-archive-heading'>
        {t.archiveHeading}
      </Heading>
      <Paragraph>{archived ? t.unarchiveText : t.archiveText}</Paragraph>
      {error && !confirming && (
        <Alert data-color='danger' role='alert' className='samla-mt-2'>
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      <div className='samla-form__actions'>
        {archived ? (
          <Button variant='secondary' onClick={() => send(false)} loading={setArchived.isPending} disabled={setArchived.isPending}>
            {t.unarchive}
          </Button>
        ) : (
          <Button variant='secondary' onClick={() => setConfirming(true)}>
            {t.archive}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        heading={t.archiveConfirmHeading}
        text={t.archiveConfirmText}
        confirmLabel={t.archive}
        pending={setArchived.isPending}
        error={error}
        onConfirm={() => send(true)}
        onCancel={() => {
          setConfirming(false);
          setError(undefined);
        }}
      />
    </section>
  );
}
