import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { notificationMailDelivery, type MailPreferences, type NotificationMailDelivery } from '#shared/contracts/mail.ts';
import { notificationKind, type NotificationKind } from '#shared/contracts/notifications.ts';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText, LoadError, Loading } from '#web/components/query-state.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { useMailPreferences, useSaveMailPreferences } from './mail.api.ts';

/** «Varslingsinnstillinger»: per kind of notification, straks, daglig sammendrag or av by e-mail (issue 21, decision 037). */
export function MailSettingsPage() {
  const { m } = useI18n();
  const t = m.mail;
  useDocumentTitle(t.title);
  const preferences = useMailPreferences();
  return (
    <>
      <Heading level={1} data-size='lg' tabIndex={-1}>
        {t.title}
      </Heading>
      <Paragraph className='samla-mt-2'>{t.lead}</Paragraph>
      {preferences.isPending ? (
        <Loading />
      ) : preferences.isError ? (
        <LoadError error={preferences.error} onRetry={() => void preferences.refetch()} />
      ) : (
        <MailSettingsForm saved={preferences.data} />
      )}
    </>
  );
}

function MailSettingsForm({ saved }: { saved: MailPreferences }) {
  const { m } = useI18n();
  const t = m.mail;
  const announce = useAnnounce();
  const save = useSaveMailPreferences();
  const [deliveries, setDeliveries] = useState(saved.deliveries);
  const [weeklyDigest, setWeeklyDigest] = useState(saved.weeklyDigest);
  const [done, setDone] = useState(false);

  const choose = (kind: NotificationKind, delivery: NotificationMailDelivery) => {
    setDone(false);
    setDeliveries((current) => ({ ...current, [kind]: delivery }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { deliveries, weeklyDigest },
      {
        onSuccess: () => {
          setDone(true);
          announce(t.saved);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} className='samla-stack samla-mt-4' noValidate>
      {!saved.emailEnabled && (
        <Alert data-color='info'>
          <Heading level={2} data-size='xs'>
            {t.off.title}
          </Heading>
          <Paragraph>{t.off.body}</Paragraph>
        </Alert>
      )}
      {notificationKind.options.map((kind) => (
        <Fieldset key={kind}>
          <Fieldset.Legend>{t.kinds[kind]}</Fieldset.Legend>
          <div className='samla-radios'>
            {notificationMailDelivery.options.map((delivery) => (
              <Radio
                key={delivery}
                id={`mail-${kind}-${delivery}`}
                name={`mail-${kind}`}
                value={delivery}
                label={t.deliveries[delivery]}
                checked={deliveries[kind] === delivery}
                onChange={() => choose(kind, delivery)}
              />
            ))}
          </div>
        </Fieldset>
      ))}
      <Fieldset>
        <Fieldset.Legend>{t.weekly.legend}</Fieldset.Legend>
        <Fieldset.Description>{t.weekly.description}</Fieldset.Description>
        <Checkbox
          id='mail-weekly-digest'
          label={t.weekly.label}
          checked={weeklyDigest}
          onChange={(event) => {
            setDone(false);
            setWeeklyDigest(event.target.checked);
          }}
        />
      </Fieldset>
      <div>
        <Button type='submit' loading={save.isPending}>
          {t.save}
        </Button>
      </div>
      {done && (
        <Alert data-color='success' role='status'>
          {t.saved}
        </Alert>
      )}
      {save.isError && <Alert data-color='danger'>{errorText(save.error, m)}</Alert>}
    </form>
  );
}
