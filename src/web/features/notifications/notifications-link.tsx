import { Link, useLocation } from 'react-router';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { useUnreadCount } from './notifications.api.ts';

/** «Varsler» in the header, with the unread count; its name says the count («Varsler, 2 uleste»). */
export function NotificationsLink() {
  const { m } = useI18n();
  const location = useLocation();
  const unread = useUnreadCount(true).data ?? 0;
  const here = location.pathname === paths.notifications();
  return (
    <Link
      to={paths.notifications()}
      className='samla-nav__link samla-notifications-link'
      aria-label={m.notifications.headerLabel(unread)}
      aria-current={here ? 'page' : undefined}
    >
      {m.notifications.title}
      {unread > 0 && (
        <span className='samla-notifications-link__count' aria-hidden='true'>
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </Link>
  );
}
