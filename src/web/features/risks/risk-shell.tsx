import { Heading, Link } from '@digdir/designsystemet-react';
import type { ReactNode } from 'react';
import type { CellRef } from '#shared/contracts/risks.ts';
import { PageBreadcrumbs, type Crumb } from '#web/components/breadcrumbs.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { textColorOn } from './risk-view.ts';
import { riskRegisterUrl } from './risks.api.ts';
import '#web/styles/risks.css';

/** The merger route's data, with the breadcrumbs down to the ROS pages (`inside`: below the list). */
export function useRiskTrail(inside = true) {
  const { m } = useI18n();
  const route = useMergerRoute();
  const trail: Crumb[] = inside ? [...route.trail, { label: m.risks.title, to: paths.risks(route.mergerId) }] : route.trail;
  return { ...route, trail };
}

/** The ROS pages' own navigation, the same on each. */
export function RiskNav({ mergerId, editable }: { mergerId: string; editable: boolean }) {
  const { m } = useI18n();
  const t = m.risks.nav;
  return (
    <nav aria-label={t.label} className='samla-risk-nav'>
      <ul>
        <li>
          <RouterLink to={paths.risks(mergerId)}>{t.list}</RouterLink>
        </li>
        <li>
          <RouterLink to={paths.riskHeatmap(mergerId)}>{t.heatmap}</RouterLink>
        </li>
        <li>
          <RouterLink to={paths.riskSuggestions(mergerId)}>{t.suggestions}</RouterLink>
        </li>
        <li>
          <RouterLink to={paths.riskMatrix(mergerId)}>{t.matrix}</RouterLink>
        </li>
        {editable && (
          <li>
            <RouterLink to={paths.riskNew(mergerId)}>{t.newRisk}</RouterLink>
          </li>
        )}
        <li>
          <Link href={riskRegisterUrl(mergerId)} download>
            {t.export}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

export function RiskPageHead({ trail, title, children }: { trail: Crumb[]; title: string; children?: ReactNode }) {
  return (
    <>
      <PageBreadcrumbs trail={trail} />
      <Heading level={1} data-size='lg'>
        {title}
      </Heading>
      {children}
    </>
  );
}

/** A cell as text and colour together: the class name is always written, never colour alone. */
export function CellBadge({ cell }: { cell: CellRef | null }) {
  const { m } = useI18n();
  if (!cell) return <span className='samla-muted'>{m.risks.notAssessed}</span>;
  return (
    <span className='samla-risk-badge' style={{ backgroundColor: cell.color, color: textColorOn(cell.color) }}>
      {m.risks.cellText(cell.className, String(cell.likelihood), String(cell.consequence))}
    </span>
  );
}
