import { Alert, Button, Heading, Paragraph, Switch } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Notification } from '#shared/contracts/notifications.ts';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText, LoadError, Loading } from '#web/components/query-state.tsx';
import { useI18n, type Messages } from '#web/i18n/messages.ts';
import { useMarkAllRead, useMarkRead, useNotifications } from './notifications.api.ts';
import '#web/styles/notifications.css';

const pageSize = 30;

/** What happened, in a sentence: who did what to what. */
export function notificationText(notification: Notification, m: Messages): string {
  const t = m.notifications;
  return t.kinds[notification.kind](notification.actorName ?? t.someone, notification.subjectTitle);
}

/** «Varsler»: what the signed-in person has been told, newest first; opening one marks it read. */
export function NotificationsPage() {
  const { m } = useI18n();
  const t = m.notifications;
  useDocumentTitle(t.title);
  const announce = useAnnounce();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [limit, setLimit] = useState(pageSize);
  const list = useNotifications({ unreadOnly, limit });
  const markAll = useMarkAllRead();
  const [error, setError] = useState<string | undefined>(undefined);

  const unread = list.data?.unreadCount ?? 0;
  return (
    <>
      <Heading level={1} data-size='lg' tabIndex={-1}>
        {t.title}
      </Heading>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      <div className='samla-notifications__tools'>
        <Switch
          label={t.onlyUnread}
          checked={unreadOnly}
          onChange={(event) => {
            setUnreadOnly(event.target.checked);
            setLimit(pageSize);
          }}
        />
        <Button
          variant='secondary'
          data-size='sm'
          disabled={unread === 0}
          loading={markAll.isPending}
          onClick={() =>
            markAll.mutate(undefined, {
              onSuccess: () => {
                setError(undefined);
                announce(t.markedAll);
              },
              onError: (failure) => setError(errorText(failure, m)),
            })
          }
        >
          {t.markAll}
        </Button>
      </div>
      {error && (
        <Alert data-color='danger' role='alert'>
          <Paragraph>{error}</Paragraph>
        </Alert>
      )}
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.notifications.length === 0 ? (
        <Paragraph>{unreadOnly ? t.noneUnread : t.none}</Paragraph>
      ) : (
        <>
          <Paragraph data-size='sm' className='samla-muted'>
            {t.unreadCount(unread)}
          </Paragraph>
          <ul className='samla-notifications' aria-label={t.listLabel}>
            {list.data.notifications.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} />
            ))}
          </ul>
          {list.data.hasMore && (
            <Button variant='secondary' loading={list.isFetching} onClick={() => setLimit((before) => before + pageSize)}>
              {t.more}
            </Button>
          )}
        </>
      )}
    </>
  );
}

function NotificationItem({ notification }: { notification: Notification }) {
  const { m, fmt } = useI18n();
  const t = m.notifications;
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const unread = notification.readAt === null;
  return (
    <li className={unread ? 'samla-notification samla-notification--unread' : 'samla-notification'}>
      <p className='samla-notification__what'>
        {unread && <span className='samla-notification__badge'>{t.unread}</span>}
        {/* A real link (open in a new tab works); following it here marks it read first. */}
        <a
          href={notification.link}
          onClick={(event) => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
              if (unread) markRead.mutate(notification.id);
              return;
            }
            event.preventDefault();
            if (unread) markRead.mutate(notification.id);
            void navigate(notification.link);
          }}
        >
          {notificationText(notification, m)}
        </a>
      </p>
      {/* A comment's words are quoted; an assignment's note («og 2 oppgaver til») is not. */}
      {notification.excerpt && (
        <p className='samla-notification__excerpt'>{notification.kind === 'assigned' ? notification.excerpt : `«${notification.excerpt}»`}</p>
      )}
      <p className='samla-notification__meta samla-muted'>
        {t.inMerger(notification.mergerName)} · <time dateTime={notification.createdAt}>{fmt.dateTime(notification.createdAt)}</time>
      </p>
    </li>
  );
}
