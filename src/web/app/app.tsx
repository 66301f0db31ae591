import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { createBrowserRouter, RouterProvider, type LoaderFunctionArgs, type Params, type RouteObject, type ShouldRevalidateFunction } from 'react-router';
import { Loading } from '#web/components/query-state.tsx';
import { LoginPage } from '#web/features/auth/login.page.tsx';
import { RequireSession, sessionQuery, SessionProvider } from '#web/features/auth/session.tsx';
import { dashboardQuery } from '#web/features/dashboard/dashboard.api.ts';
import { MergerOverviewPage } from '#web/features/mergers/merger-overview.page.tsx';
import { MergerRoute, mergerRouteLoader } from '#web/features/mergers/merger-route.tsx';
import { prefetch } from '#web/lib/prefetch.ts';
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
  checklist: pageChunk(() => import('#web/features/checklist/checklist.page.tsx').then((mod) => mod.ChecklistPage)),
  task: pageChunk(() => import('#web/features/checklist/task-edit.page.tsx').then((mod) => mod.TaskEditPage)),
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
  schedule: pageChunk(() => import('#web/features/schedule/schedule.page.tsx').then((mod) => mod.SchedulePage)),
  account: pageChunk(() => import('#web/features/account/account.page.tsx').then((mod) => mod.AccountPage)),
  newPassword: pageChunk(() => import('#web/features/account/new-password.page.tsx').then((mod) => mod.NewPasswordPage)),
  setup: pageChunk(() => import('#web/features/auth/setup.page.tsx').then((mod) => mod.SetupPage)),
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

export function appRoutes(queryClient: QueryClient): RouteObject[] {
  /** A page in its own chunk; `queries` are what it asks for first, fetched together with the chunk. */
  const page = (path: string, chunk: PageChunk, queries?: (params: Params) => Parameters<typeof prefetch>[1]) =>
    route({
      path,
      loader: ({ params, request }: LoaderFunctionArgs) =>
        Promise.all([chunk.load(request.url), queries ? prefetch(queryClient, queries(params)) : null]).then(() => null),
      Component: chunk.Component,
    });
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
            page(routePatterns.mergers, chunks.mergerList),
            page(routePatterns.newMerger, chunks.newMerger),
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
                page(routePatterns.checklist, chunks.checklist),
                page(routePatterns.task, chunks.task),
                page(routePatterns.members, chunks.members),
                page(routePatterns.history, chunks.history),
                page(routePatterns.inventoryStart, chunks.inventoryStart),
                page(routePatterns.inventory, chunks.inventory),
                page(routePatterns.inventoryItem, chunks.inventoryItem),
                page(routePatterns.sideBySide, chunks.sideBySide),
                page(routePatterns.inventoryImport, chunks.inventoryImport),
                page(routePatterns.decisions, chunks.decisions),
                page(routePatterns.decisionArea, chunks.decisionArea),
                page(routePatterns.risks, chunks.risks),
                page(routePatterns.riskNew, chunks.risk),
                page(routePatterns.riskSuggestions, chunks.riskSuggestions),
                page(routePatterns.riskHeatmap, chunks.riskHeatmap),
                page(routePatterns.riskMatrix, chunks.riskMatrix),
                page(routePatterns.risk, chunks.risk),
                page(routePatterns.contractDeadlines, chunks.contractDeadlines),
                page(routePatterns.integrationGraph, chunks.integrationGraph),
                page(routePatterns.benefits, chunks.benefits),
                page(routePatterns.benefit, chunks.benefit),
                page(routePatterns.opportunities, chunks.opportunities),
                page(routePatterns.schedule, chunks.schedule),
                page(routePatterns.reports, chunks.reports),
              ],
            }),
            page(routePatterns.catalog, chunks.catalog),
            page(routePatterns.users, chunks.users),
            page(routePatterns.tokens, chunks.tokens),
            page(routePatterns.account, chunks.account),
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
