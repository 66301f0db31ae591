import type { QueryClient } from '@tanstack/react-query';
import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { createContext, useContext, useMemo } from 'react';
import { Outlet, useParams, type LoaderFunctionArgs } from 'react-router';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { PageBreadcrumbs, type Crumb } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { Loading, PageLoadError } from '#web/components/query-state.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { prefetch } from '#web/lib/prefetch.ts';
import { mergerQuery, useMerger } from './mergers.api.ts';
import { can, type MergerPermission } from './permissions.ts';

/** What every page inside a merger gets from the `sammenslainger/:mergerId` route. */
export interface MergerRouteValue {
  mergerId: string;
  merger: MergerDetail;
  /** Breadcrumbs down to the merger's start page, for the pages under it. */
  trail: Crumb[];
  /** Whether the signed-in user's role in the merger allows something (the API refuses it regardless). */
  can: (permission: MergerPermission) => boolean;
  /** `can('edit')`, which most pages ask. */
  editable: boolean;
}

const MergerRouteContext = createContext<MergerRouteValue | null>(null);

/** The merger the page is in, loaded once by the layout route; only for pages under it. */
export function useMergerRoute(): MergerRouteValue {
  const value = useContext(MergerRouteContext);
  if (!value) throw new Error('useMergerRoute outside the merger route');
  return value;
}

/** Asks for the merger as soon as the address is known, in parallel with the page's own loader. */
export function mergerRouteLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => prefetch(queryClient, [mergerQuery(params.mergerId ?? '')]);
}

/**
 * The layout of every page under `/sammenslainger/:mergerId`: loads the merger and the
 * user's rights in it (through the query cache, so a page changing it refreshes it
 * here), and shows the loading state and the error once for all of them.
 */
export function MergerRoute() {
  const { mergerId = '' } = useParams();
  const { m } = useI18n();
  const merger = useMerger(mergerId);
  const data = merger.data;
  const value = useMemo<MergerRouteValue | null>(() => {
    if (!data) return null;
    const allowed = (permission: MergerPermission) => can(data, permission);
    return {
      mergerId,
      merger: data,
      trail: [
        { label: m.mergers.list.title, to: paths.mergers() },
        { label: data.name, to: paths.merger(mergerId) },
      ],
      can: allowed,
      editable: allowed('edit'),
    };
  }, [data, mergerId, m]);

  if (value) {
    return (
      <MergerRouteContext.Provider value={value}>
        {value.merger.archivedAt !== null && <ArchivedBanner />}
        <Outlet />
      </MergerRouteContext.Provider>
    );
  }
  return <MergerNotShown error={merger.isError ? merger.error : undefined} onRetry={() => void merger.refetch()} />;
}

function MergerNotShown({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { m } = useI18n();
  useDocumentTitle(error === undefined ? m.common.loading : m.errors.loadFailed);
  return (
    <>
      <PageBreadcrumbs trail={[{ label: m.mergers.list.title, to: paths.mergers() }]} />
      {error === undefined ? <Loading /> : <PageLoadError error={error} onRetry={onRetry} />}
    </>
  );
}

/** On every page of an archived merger: why nothing can be changed (decision 033). */
function ArchivedBanner() {
  const { m } = useI18n();
  const t = m.mergers.archived;
  return (
    // Not a heading: it comes before the page's own h1.
    <Alert data-color='warning' className='samla-archived-banner'>
      <Paragraph>
        <strong>{t.bannerHeading}.</strong> {t.banner}
      </Paragraph>
    </Alert>
  );
}
