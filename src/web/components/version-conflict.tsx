import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { ApiError } from '#web/lib/api-client.ts';

/** Where an edit form is after a 409 VERSION_CONFLICT (decision 005). */
export type ConflictState = 'none' | 'detected' | 'reloaded';

/**
 * A form's conflict with someone else's save: the state and what this person had typed
 * (`D`: the whole form, or only the fields they changed), kept so they can apply it to the
 * newest version instead of typing it again.
 */
export function useVersionConflict<D>() {
  const [state, setState] = useState<ConflictState>('none');
  const [draft, setDraft] = useState<D | undefined>(undefined);
  return {
    state,
    draft,
    /** True when the save failed because someone else saved first; the draft is kept. */
    caught(error: Error, typed: D): boolean {
      if (!(error instanceof ApiError && error.code === 'VERSION_CONFLICT')) return false;
      setDraft(typed);
      setState('detected');
      return true;
    },
    /** The newest version is in the form now; the draft waits to be applied. */
    reloaded() {
      setState('reloaded');
    },
    /** Saved, or the draft applied: nothing left to show. */
    clear() {
      setState('none');
      setDraft(undefined);
    },
  };
}

export interface VersionConflictTexts {
  heading: string;
  text: string;
  reload: string;
  /** Above the draft once the newest version is loaded. */
  reloaded?: string;
  applyDraft?: string;
}

/**
 * «Someone else changed this»: the one place the 409 is explained. While `detected` it takes
 * focus (so a screen reader says it at once) and offers to load the newest version; once
 * `reloaded`, `children` show what the person had typed and `onApply` puts it back.
 */
export function VersionConflict({
  state,
  texts,
  headingLevel = 3,
  onReload,
  onApply,
  children,
}: {
  state: ConflictState;
  texts: VersionConflictTexts;
  headingLevel?: 2 | 3;
  onReload: () => Promise<unknown> | void;
  onApply?: () => void;
  children?: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [reloading, setReloading] = useState(false);
  useEffect(() => {
    if (state === 'detected') ref.current?.focus();
  }, [state]);

  if (state === 'detected') {
    return (
      <Alert data-color='warning' className='samla-conflict' ref={ref} tabIndex={-1} role='alert'>
        <Heading level={headingLevel} data-size='xs'>
          {texts.heading}
        </Heading>
        <Paragraph>{texts.text}</Paragraph>
        <Button
          variant='secondary'
          data-size='sm'
          loading={reloading}
          className='samla-mt-2'
          onClick={() => {
            setReloading(true);
            void Promise.resolve(onReload()).finally(() => setReloading(false));
          }}
        >
          {texts.reload}
        </Button>
      </Alert>
    );
  }
  if (state === 'reloaded' && children && texts.reloaded) {
    return (
      <Alert data-color='info' className='samla-conflict' role='status'>
        <Paragraph>{texts.reloaded}</Paragraph>
        {children}
        {onApply && texts.applyDraft && (
          <Button variant='secondary' data-size='sm' onClick={onApply}>
            {texts.applyDraft}
          </Button>
        )}
      </Alert>
    );
  }
  return null;
}
