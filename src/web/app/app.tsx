import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createBrowserRouter, RouterProvider, type LoaderFunctionArgs, type Params, type RouteObject, type ShouldRevalidateFunction } from 'react-router';
import { Loading } from '#web/components/query-state.tsx';
import { LoginPage } from '#web/features/auth/login.page.tsx';
import { RequireSession, sessionQuery, SessionProvider } from '#web/features/auth/session.tsx';
import { benefitQuery, benefitsQuery, opportunitiesQuery } from '#web/features/benefits/benefits.api.ts';
import { catalogQuery } from '#web/features/catalog/catalog.api.ts';
import { taskQuery, tasksQuery } from '#web/features/plan/plan.tasks.api.ts';
import { filtersFromSearch } from '#web/features/plan/checklist-filters.ts';
import { contractDeadlinesQuery } from '#web/features/contract-deadlines/contract-deadlines.api.ts';
import { dashboardQuery } from '#web/features/dashboard/dashboard.api.ts';
import { areaDecisionQuery, decisionOverviewQuery, readinessQuery } from '#web/features/decisions/decisions.api.ts';
import { historyQuery } from '#web/features/history/history.api.ts';
import { integrationGraphQuery } from '#web/features/integration-graph/integration-graph.api.ts';
import { graphFiltersFromSearch } from '#web/features/integration-graph/graph-filters.ts';
import { membersQuery } from '#web/features/members/members.api.ts';
import { notificationsQuery } from '#web/features/notifications/notifications.api.ts';
import { MergerOverviewPage } from '#web/features/mergers/merger-overview.page.tsx';
import { MergerRoute, mergerRouteLoader } from '#web/features/mergers/merger-route.tsx';
import { mergerQuery, mergersQuery } from '#web/features/mergers/mergers.api.ts';
import {
  heatmapQuery,
  riskHistoryQuery,
  riskMatrixQuery,
  riskOptionsQuery,
  riskQuery,
  risksQuery,
  riskSuggestionsQuery,
} from '#web/features/risks/risks.api.ts';
import { riskFilterParam } from '#web/features/risks/risk-view.ts';
import { scheduleQuery } from '#web/features/plan/plan.schedule.api.ts';
import { tokensQuery } from '#web/features/tokens/tokens.api.ts';
import { myWorkQuery } from '#web/features/my-work/my-work.api.ts';
import { myWorkQueryFromSearch } from '#web/features/my-work/my-work-filters.ts';
import { historyFiltersFromSearch } from '#web/lib/history-filters.ts';
import { prefetch, type AnyQuery, type RouteQueries } from '#web/lib/prefetch.ts';
import { routePatterns } from '#web/lib/paths.ts';
import { Layout } from './layout.tsx';
import { NotFoundPage } from './not-found.page.tsx';
import { pageChunk, type PageChunk } from './page-chunk.tsx';
import { Providers } from './providers.tsx';
import { RouteError } from './route-error.tsx';

// One chunk per page: the catalogue and the form's register are not needed to see the list.
// The merger's start page, where most visits begin, comes with the app.
const chunks = {
  mergerList: pageChunk(() => import('#web/features/mergers/merger-list.page.tsx').then((mod) => mod.MergerListPage)),
  newMerger: pageChunk(() => import('#web/features/mergers/new-merger.page.tsx').then((mod) => mod.NewMergerPage)),
  editMerger: pageChunk(() => import('#web/features/mergers/edit-merger.page.tsx').then((mod) => mod.EditMergerPage)),
  mergerDeletions: pageChunk(() => import('#web/features/mergers/merger-deletions.page.tsx').then((mod) => mod.MergerDeletionsPage)),
  checklist: pageChunk(() => import('#web/features/plan/checklist.page.tsx').then((mod) => mod.ChecklistPage)),
  task: pageChunk(() => import('#web/features/plan/task-edit.page.tsx').then((mod) => mod.TaskEditPage)),
  catalog: pageChunk(() => import('#web/features/catalog/catalog.page.tsx').then((mod) => mod.CatalogPage)),
  members: pageChunk(() => import('#web/features/members/members.page.tsx').then((mod) => mod.MembersPage)),
  history: pageChunk(() => import('#web/features/history/history.page.tsx').then((mod) => mod.HistoryPage)),
  users: pageChunk(() => import('#web/features/users/users.page.tsx').then((mod) => mod.UsersPage)),
  tokens: pageChunk(() => import('#web/features/tokens/tokens.page.tsx').then((mod) => mod.TokensPage)),
  inventoryStart: pageChunk(() => import('#web/features/inventory/register.page.tsx').then((mod) => mod.InventoryStartPage)),
  inventory: pageChunk(() => import('#web/features/inventory/register.page.tsx').then((mod) => mod.RegisterPage)),
  inventoryItem: pageChunk(() => import('#web/features/inventory/item.page.tsx').then((mod) => mod.InventoryItemPage)),
  sideBySide: pageChunk(() => import('#web/features/inventory/side-by-side.page.tsx').then((mod) => mod.SideBySidePage)),
  inventoryImport: pageChunk(() => import('#web/features/inventory/import.page.tsx').then((mod) => mod.ImportPage)),
  decisions: pageChunk(() => import('#web/features/decisions/decisions.page.tsx').then((mod) => mod.DecisionsPage)),
  decisionArea: pageChunk(() => import('#web/features/decisions/area-decision.page.tsx').then((mod) => mod.AreaDecisionPage)),
  risks: pageChunk(() => import('#web/features/risks/risks.page.tsx').then((mod) => mod.RisksPage)),
  risk: pageChunk(() => import('#web/features/risks/risk.page.tsx').then((mod) => mod.RiskPage)),
  riskSuggestions: pageChunk(() => import('#web/features/risks/risk-suggestions.page.tsx').then((mod) => mod.RiskSuggestionsPage)),
  riskHeatmap: pageChunk(() => import('#web/features/risks/risk-heatmap.page.tsx').then((mod) => mod.RiskHeatmapPage)),
  riskMatrix: pageChunk(() => import('#web/features/risks/risk-matrix.page.tsx').then((mod) => mod.RiskMatrixPage)),
  contractDeadlines: pageChunk(() => import('#web/features/contract-deadlines/contract-deadlines.page.tsx').then((mod) => mod.ContractDeadlinesPage)),
  integrationGraph: pageChunk(() => import('#web/features/integration-graph/integration-graph.page.tsx').then((mod) => mod.IntegrationGraphPage)),
  benefits: pageChunk(() => import('#web/features/benefits/benefits.page.tsx').then((mod) => mod.BenefitsPage)),
  benefit: pageChunk(() => import('#web/features/benefits/benefit.page.tsx').then((mod) => mod.BenefitPage)),
  opportunities: pageChunk(() => import('#web/features/opportunities/opportunities.page.tsx').then((mod) => mod.OpportunitiesPage)),
  reports: pageChunk(() => import('#web/features/reports/reports.page.tsx').then((mod) => mod.ReportsPage)),
  schedule: pageChunk(() => import('#web/features/plan/schedule.page.tsx').then((mod) => mod.SchedulePage)),
  myWork: pageChunk(() => import('#web/features/my-work/my-work.page.tsx').then((mod) => mod.MyWorkPage)),
  account: pageChunk(() => import('#web/features/account/account.page.tsx').then((mod) => mod.AccountPage)),
  mailSettings: pageChunk(() => import('#web/features/mail/mail-settings.page.tsx').then((mod) => mod.MailSettingsPage)),
  newPassword: pageChunk(() => import('#web/features/account/new-password.page.tsx').then((mod) => mod.NewPasswordPage)),
  setup: pageChunk(() => import('#web/features/auth/setup.page.tsx').then((mod) => mod.SetupPage)),
  notifications: pageChunk(() => import('#web/features/notifications/notifications.page.tsx').then((mod) => mod.NotificationsPage)),
} satisfies Record<string, PageChunk>;

/**
 * Loaders run again when only the address's query changes (a filter), which would only
 * ask the query cache what it already knows: the pages' own queries follow the filters.
 * A retry (revalidate) and a new page still run them.
 */
const skipSearchOnlyChanges: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate && (currentUrl.pathname !== nextUrl.pathname || currentUrl.search === nextUrl.search);

/** Every route has the same error boundary, so a failing page leaves the app's frame standing. */
function route(object: RouteObject): RouteObject {
  return { errorElement: <RouteError />, shouldRevalidate: skipSearchOnlyChanges, ...object } as RouteObject;
}

/**
 * The inventory's query definitions come with the code of the pages that use them, not with
 * the app: they need the registers' descriptions and the contracts' schemas (zod), ~35 kB
 * compressed the start page would load for nothing. Asked for with the page's chunk, of which
 * they are a part, so the data still leaves before the merger has answered.
 */
const inventoryQueries = () =>
  Promise.all([import('#web/features/inventory/inventory.api.ts'), import('#web/features/inventory/inventory-kinds.ts')]).then(([api, kinds]) => ({
    ...api,
    ...kinds,
  }));
type InventoryQueries = Awaited<ReturnType<typeof inventoryQueries>>;
const withInventory = (queries: (inventory: InventoryQueries) => readonly AnyQuery[]): Promise<readonly AnyQuery[]> => inventoryQueries().then(queries);

export function appRoutes(queryClient: QueryClient): RouteObject[] {
  /**
   * A page in its own chunk; `queries` are what it asks for first (as the page asks for them:
   * same options, so its useQuery finds the answer), fetched together with the chunk and, under
   * a merger, with the merger: opened directly, the page does not wait for the merger's answer
   * to ask for its own (decision 018). The address's search selects data on some pages.
   */
  const page = (path: string, chunk: PageChunk, queries?: (params: Params, search: URLSearchParams) => RouteQueries) =>
    route({
      path,
      loader: ({ params, request }: LoaderFunctionArgs) =>
        Promise.all([chunk.load(request.url), queries ? prefetch(queryClient, queries(params, new URL(request.url).searchParams)) : null]).then(() => null),
      Component: chunk.Component,
    });
  /** The risk pages' form asks for what a risk can point at, the matrix and the suggestions. */
  const riskForm = (mergerId: string): RouteQueries => [
    riskMatrixQuery(mergerId),
    riskOptionsQuery(mergerId),
    riskSuggestionsQuery(mergerId),
    withInventory((inventory) => [inventory.solutionAreasQuery()]),
  ];
  const eager = (path: string, Component: ComponentType) => route({ path, Component });

  return [
    route({
      // The session is asked for at once, beside the page's chunk and data: without it the
      // data requests answer 401 and the sign-in page shows, as it would have anyway.
      loader: () => prefetch(queryClient, [sessionQuery()]),
      element: (
        <SessionProvider>
          <Layout />
        </SessionProvider>
      ),
      HydrateFallback: Loading,
      children: [
        eager(routePatterns.login, LoginPage),
        page(routePatterns.setup, chunks.setup),
        page(routePatterns.newPassword, chunks.newPassword),
        route({
          element: <RequireSession />,
          children: [
            page(routePatterns.mergers, chunks.mergerList, () => [mergersQuery()]),
            page(routePatterns.newMerger, chunks.newMerger),
            page(routePatterns.mergerDeletions, chunks.mergerDeletions),
            route({
              path: routePatterns.merger,
              loader: mergerRouteLoader(queryClient),
              element: <MergerRoute />,
              children: [
                // The start page: most visits begin here, so its code comes with the app and its
                // dashboard is asked for together with the merger (no waterfall; decision 018).
                route({
                  index: true,
                  loader: ({ params }) => prefetch(queryClient, [dashboardQuery(params.mergerId ?? '')]),
                  Component: MergerOverviewPage,
                }),
                // Each page's first queries leave with the merger's (no waterfall; decision 018).
                page(routePatterns.checklist, chunks.checklist, ({ mergerId = '' }, search) => [tasksQuery(mergerId, filtersFromSearch(search))]),
                // The task, and what the page shows under it: its dependencies (the plan) and its history.
                page(routePatterns.task, chunks.task, ({ mergerId = '', taskId = '' }) => [
                  taskQuery(mergerId, taskId),
                  scheduleQuery(mergerId),
                  historyQuery(mergerId, { entity: 'task', entityId: taskId }),
                ]),
                page(routePatterns.editMerger, chunks.editMerger),
                page(routePatterns.members, chunks.members, ({ mergerId = '' }) => [membersQuery(mergerId)]),
                page(routePatterns.history, chunks.history, ({ mergerId = '' }, search) => [
                  membersQuery(mergerId),
                  historyQuery(mergerId, historyFiltersFromSearch(search)),
                ]),
                page(routePatterns.inventoryStart, chunks.inventoryStart),
                page(routePatterns.inventory, chunks.inventory, ({ mergerId = '', kind }, search) => [
                  withInventory((inventory) => {
                    const spec = inventory.kindBySlug(kind);
                    // An unknown register sends the person to the first one, whose loader asks.
                    if (!spec) return [];
                    return [inventory.inventoryListQuery(mergerId, spec.key, inventory.registerFiltersFromSearch(search)), inventory.solutionAreasQuery()];
                  }),
                ]),
                page(routePatterns.inventoryItem, chunks.inventoryItem, ({ mergerId = '', kind, itemId = '' }) => [
                  withInventory((inventory) => {
                    const spec = inventory.kindBySlug(kind);
                    if (!spec) return [];
                    const item = itemId === 'ny' ? [] : [inventory.inventoryItemQuery(mergerId, spec.key, itemId)];
                    return [...item, inventory.solutionAreasQuery()];
                  }),
                ]),
                page(routePatterns.sideBySide, chunks.sideBySide, ({ mergerId = '' }) => [withInventory((inventory) => [inventory.sideBySideQuery(mergerId)])]),
                page(routePatterns.inventoryImport, chunks.inventoryImport),
                page(routePatterns.decisions, chunks.decisions, ({ mergerId = '' }) => [decisionOverviewQuery(mergerId), readinessQuery(mergerId)]),
                page(routePatterns.decisionArea, chunks.decisionArea, ({ mergerId = '', areaId = '' }) => [areaDecisionQuery(mergerId, areaId)]),
                // A filtered list is left to the page: reading the filters needs the risk contracts (zod).
                page(routePatterns.risks, chunks.risks, ({ mergerId = '' }, search) =>
                  Object.values(riskFilterParam).some((name) => search.has(name)) ? [] : [risksQuery(mergerId, {})],
                ),
                page(routePatterns.riskNew, chunks.risk, ({ mergerId = '' }) => riskForm(mergerId)),
                page(routePatterns.riskSuggestions, chunks.riskSuggestions, ({ mergerId = '' }) => [riskSuggestionsQuery(mergerId)]),
                page(routePatterns.riskHeatmap, chunks.riskHeatmap, ({ mergerId = '' }) => [heatmapQuery(mergerId)]),
                page(routePatterns.riskMatrix, chunks.riskMatrix, ({ mergerId = '' }) => [riskMatrixQuery(mergerId)]),
                page(routePatterns.risk, chunks.risk, ({ mergerId = '', riskId = '' }) => [
                  riskQuery(mergerId, riskId),
                  riskHistoryQuery(mergerId, riskId),
                  ...riskForm(mergerId),
                ]),
                page(routePatterns.contractDeadlines, chunks.contractDeadlines, ({ mergerId = '' }) => [contractDeadlinesQuery(mergerId)]),
                // Without a municipality in the address the graph shows the merger's first: that one
                // waits for the merger (the layout's request, not another).
                page(routePatterns.integrationGraph, chunks.integrationGraph, ({ mergerId = '' }, search) => [
                  withInventory((inventory) => [inventory.solutionAreasQuery()]),
                  queryClient.ensureQueryData(mergerQuery(mergerId)).then((merger) => {
                    const filters = graphFiltersFromSearch(
                      search,
                      merger.municipalities.map((municipality) => municipality.number),
                    );
                    return [integrationGraphQuery(mergerId, { municipality: filters.municipality, area: filters.area })];
                  }),
                ]),
                page(routePatterns.benefits, chunks.benefits, ({ mergerId = '' }) => [benefitsQuery(mergerId)]),
                page(routePatterns.benefit, chunks.benefit, ({ mergerId = '', benefitId = '' }) => [benefitQuery(mergerId, benefitId)]),
                // The filters as the page reads them (?omrade=…&lavthengende=ja).
                page(routePatterns.opportunities, chunks.opportunities, ({ mergerId = '' }, search) => [
                  opportunitiesQuery(mergerId, { area: search.get('omrade') ?? undefined, lowHangingFruit: search.get('lavthengende') === 'ja' }),
                ]),
                page(routePatterns.schedule, chunks.schedule, ({ mergerId = '' }) => [scheduleQuery(mergerId)]),
                page(routePatterns.reports, chunks.reports),
              ],
            }),
            page(routePatterns.catalog, chunks.catalog, () => [catalogQuery()]),
            page(routePatterns.users, chunks.users),
            page(routePatterns.tokens, chunks.tokens, () => [tokensQuery()]),
            page(routePatterns.account, chunks.account),
            page(routePatterns.mailSettings, chunks.mailSettings),
            page(routePatterns.notifications, chunks.notifications, () => [notificationsQuery({ unreadOnly: false, limit: 30 })]),
            page(routePatterns.myWork, chunks.myWork, (_params, search) => [myWorkQuery(myWorkQueryFromSearch(search))]),
            eager('*', NotFoundPage),
          ],
        }),
      ],
    }),
  ];
}

/**
 * The router starts the first page's requests as soon as it is made: the session, the
 * page's chunk and its data, all at once (decision 018).
 */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(appRoutes(queryClient));
}

export function App({ queryClient, router }: { queryClient: QueryClient; router: ReturnType<typeof createAppRouter> }) {
  return (
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>
  );
}
