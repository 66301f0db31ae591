import { Breadcrumbs } from '@digdir/designsystemet-react';
import { Link as RouterLinkBase } from 'react-router';
import { useI18n } from '#web/i18n/messages.ts';

export interface Crumb {
  label: string;
  to: string;
}

/** The trail to the current page; the current page itself is the h1, not a crumb. */
export function PageBreadcrumbs({ trail }: { trail: Crumb[] }) {
  const { m } = useI18n();
  if (trail.length === 0) return null;
  return (
    <Breadcrumbs aria-label={m.app.breadcrumbsLabel} className='samla-breadcrumbs'>
      <Breadcrumbs.List>
        {trail.map((crumb) => (
          <Breadcrumbs.Item key={crumb.to}>
            <Breadcrumbs.Link asChild>
              <RouterLinkBase to={crumb.to}>{crumb.label}</RouterLinkBase>
            </Breadcrumbs.Link>
          </Breadcrumbs.Item>
        ))}
      </Breadcrumbs.List>
    </Breadcrumbs>
  );
}
