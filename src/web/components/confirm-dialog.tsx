import { Alert, Button, Dialog, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useId, useRef } from 'react';
import { useI18n } from '#web/i18n/messages.ts';

interface ConfirmDialogProps {
  open: boolean;
  heading: string;
  text: string;
  confirmLabel: string;
  pending?: boolean;
  /** Why the action failed, shown in the dialog so the person can cancel or try again. */
  error?: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * «Are you sure?» before something that cannot be undone. A modal <dialog>: focus starts on
 * «Avbryt» (the safe choice), Escape cancels, and focus returns to the button that opened it.
 */
export function ConfirmDialog({ open, heading, text, confirmLabel, pending = false, error, onConfirm, onCancel }: ConfirmDialogProps) {
  const { m } = useI18n();
  const headingId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) cancelRef.current?.focus();
  }, [open]);
  return (
    <Dialog open={open} onClose={onCancel} closeButton={m.common.closeDialog} aria-labelledby={headingId} className='samla-dialog'>
      <Dialog.Block>
        <Heading level={2} data-size='xs' id={headingId}>
          {heading}
        </Heading>
      </Dialog.Block>
      <Dialog.Block>
        <Paragraph>{text}</Paragraph>
        {error && (
          <Alert data-color='danger' role='alert' className='samla-mt-2'>
            <Paragraph>{error}</Paragraph>
          </Alert>
        )}
        <div className='samla-form__actions samla-mt-4'>
          <Button data-color='danger' onClick={onConfirm} loading={pending} disabled={pending}>
            {confirmLabel}
          </Button>
          <Button ref={cancelRef} variant='secondary' onClick={onCancel}>
            {m.common.cancel}
          </Button>
        </div>
      </Dialog.Block>
    </Dialog>
  );
}
