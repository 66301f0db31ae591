import { Alert, Button, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useNavigate } from 'react-router';
import { errorText } from '#web/components/query-state.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { useCreateDemoMerger } from './demo.api.ts';

/** «Prøv Samla med en demosammenslåing»: makes the demo and opens it. Making it takes a few seconds, so the button says so. */
export function TryDemoButton() {
  const { m } = useI18n();
  const t = m.demo;
  const navigate = useNavigate();
  const create = useCreateDemoMerger();
  return (
    <>
      <Paragraph>{t.tryText}</Paragraph>
      <Button
        variant='secondary'
        aria-busy={create.isPending}
        disabled={create.isPending}
        onClick={() => create.mutate(undefined, { onSuccess: ({ merger }) => void navigate(paths.merger(merger.id)) })}
      >
        {create.isPending ? t.creating : t.tryButton}
      </Button>
      {create.isError && (
        <Alert data-color='danger' role='alert'>
          {errorText(create.error, m)}
        </Alert>
      )}
    </>
  );
}

/** The mark next to a demo merger's name: text, so it reads the same without colour. */
export function DemoTag() {
  const { m } = useI18n();
  return (
    <Tag data-color='warning' data-size='sm' className='samla-demo-tag'>
      {m.demo.tag}
    </Tag>
  );
}

/** On the demo merger's start page: what the data is, and that it can be used freely. */
export function DemoNotice() {
  const { m } = useI18n();
  return (
    <Alert data-color='warning' className='samla-demo-notice'>
      {m.demo.notice}
    </Alert>
  );
}
