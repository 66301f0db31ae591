import type { QueryClient } from '@tanstack/react-query';
import { BrowserRouter, matchRoutes, Route, Routes } from 'react-router';
import { LoginPage } from '#web/features/auth/login.page.tsx';
import { RequireSession, sessionQuery, SessionProvider } from '#web/features/auth/session.tsx';
import { dashboardQuery } from '#web/features/dashboard/dashboard.api.ts';
import { MergerOverviewPage as MergerOverview } from '#web/features/mergers/merger-overview.page.tsx';
import { mergerQuery } from '#web/features/mergers/mergers.api.ts';
import { routePatterns } from '#web/lib/paths.ts';
import { Layout } from './layout.tsx';
import { eagerPage, lazyPage, type LazyPage } from './lazy-page.tsx';
import { NotFoundPage } from './not-found.page.tsx';
import { Providers } from './providers.tsx';

// One chunk per page: the catalogue and the form's register are not needed to see the list.
// The merger's start page, where most visits begin, comes with the app.
const MergerListPage = lazyPage(() => import('#web/features/mergers/merger-list.page.tsx').then((mod) => mod.MergerListPage));
const NewMergerPage = lazyPage(() => import('#web/features/mergers/new-merger.page.tsx').then((mod) => mod.NewMergerPage));
const MergerOverviewPage = eagerPage(MergerOverview);
const ChecklistPage = lazyPage(() => import('#web/features/checklist/checklist.page.tsx').then((mod) => mod.ChecklistPage));
const TaskEditPage = lazyPage(() => import('#web/features/checklist/task-edit.page.tsx').then((mod) => mod.TaskEditPage));
const CatalogPage = lazyPage(() => import('#web/features/catalog/catalog.page.tsx').then((mod) => mod.CatalogPage));
const MembersPage = lazyPage(() => import('#web/features/members/members.page.tsx').then((mod) => mod.MembersPage));
const HistoryPage = lazyPage(() => import('#web/features/history/history.page.tsx').then((mod) => mod.HistoryPage));
const UsersPage = lazyPage(() => import('#web/features/users/users.page.tsx').then((mod) => mod.UsersPage));
const TokensPage = lazyPage(() => import('#web/features/tokens/tokens.page.tsx').then((mod) => mod.TokensPage));
const InventoryStartPage = lazyPage(() => import('#web/features/inventory/register.page.tsx').then((mod) => mod.InventoryStartPage));
const RegisterPage = lazyPage(() => import('#web/features/inventory/register.page.tsx').then((mod) => mod.RegisterPage));
const InventoryItemPage = lazyPage(() => import('#web/features/inventory/item.page.tsx').then((mod) => mod.InventoryItemPage));
const SideBySidePage = lazyPage(() => import('#web/features/inventory/side-by-side.page.tsx').then((mod) => mod.SideBySidePage));
const ImportPage = lazyPage(() => import('#web/features/inventory/import.page.tsx').then((mod) => mod.ImportPage));
const DecisionsPage = lazyPage(() => import('#web/features/decisions/decisions.page.tsx').then((mod) => mod.DecisionsPage));
const RisksPage = lazyPage(() => import('#web/features/risks/risks.page.tsx').then((mod) => mod.RisksPage));
const RiskPage = lazyPage(() => import('#web/features/risks/risk.page.tsx').then((mod) => mod.RiskPage));
const RiskSuggestionsPage = lazyPage(() => import('#web/features/risks/risk-suggestions.page.tsx').then((mod) => mod.RiskSuggestionsPage));
const RiskHeatmapPage = lazyPage(() => import('#web/features/risks/risk-heatmap.page.tsx').then((mod) => mod.RiskHeatmapPage));
const RiskMatrixPage = lazyPage(() => import('#web/features/risks/risk-matrix.page.tsx').then((mod) => mod.RiskMatrixPage));
const AreaDecisionPage = lazyPage(() => import('#web/features/decisions/area-decision.page.tsx').then((mod) => mod.AreaDecisionPage));
const ContractDeadlinesPage = lazyPage(() => import('#web/features/contract-deadlines/contract-deadlines.page.tsx').then((mod) => mod.ContractDeadlinesPage));
const IntegrationGraphPage = lazyPage(() => import('#web/features/integration-graph/integration-graph.page.tsx').then((mod) => mod.IntegrationGraphPage));
const BenefitsPage = lazyPage(() => import('#web/features/benefits/benefits.page.tsx').then((mod) => mod.BenefitsPage));
const BenefitPage = lazyPage(() => import('#web/features/benefits/benefit.page.tsx').then((mod) => mod.BenefitPage));
const OpportunitiesPage = lazyPage(() => import('#web/features/opportunities/opportunities.page.tsx').then((mod) => mod.OpportunitiesPage));
const ReportsPage = lazyPage(() => import('#web/features/reports/reports.page.tsx').then((mod) => mod.ReportsPage));
const SchedulePage = lazyPage(() => import('#web/features/schedule/schedule.page.tsx').then((mod) => mod.SchedulePage));
const AccountPage = lazyPage(() => import('#web/features/account/account.page.tsx').then((mod) => mod.AccountPage));
const NewPasswordPage = lazyPage(() => import('#web/features/account/new-password.page.tsx').then((mod) => mod.NewPasswordPage));
const SetupPage = lazyPage(() => import('#web/features/auth/setup.page.tsx').then((mod) => mod.SetupPage));

/** The pages behind sign-in, by address. */
const signedInPages: ReadonlyArray<{ path: string; Page: LazyPage }> = [
  { path: routePatterns.mergers, Page: MergerListPage },
  { path: routePatterns.newMerger, Page: NewMergerPage },
  { path: routePatterns.merger, Page: MergerOverviewPage },
  { path: routePatterns.checklist, Page: ChecklistPage },
  { path: routePatterns.task, Page: TaskEditPage },
  { path: routePatterns.members, Page: MembersPage },
  { path: routePatterns.history, Page: HistoryPage },
  { path: routePatterns.inventoryStart, Page: InventoryStartPage },
  { path: routePatterns.inventory, Page: RegisterPage },
  { path: routePatterns.inventoryItem, Page: InventoryItemPage },
  { path: routePatterns.sideBySide, Page: SideBySidePage },
  { path: routePatterns.inventoryImport, Page: ImportPage },
  { path: routePatterns.decisions, Page: DecisionsPage },
  { path: routePatterns.decisionArea, Page: AreaDecisionPage },
  { path: routePatterns.risks, Page: RisksPage },
  { path: routePatterns.riskNew, Page: RiskPage },
  { path: routePatterns.riskSuggestions, Page: RiskSuggestionsPage },
  { path: routePatterns.riskHeatmap, Page: RiskHeatmapPage },
  { path: routePatterns.riskMatrix, Page: RiskMatrixPage },
  { path: routePatterns.risk, Page: RiskPage },
  { path: routePatterns.contractDeadlines, Page: ContractDeadlinesPage },
  { path: routePatterns.integrationGraph, Page: IntegrationGraphPage },
  { path: routePatterns.benefits, Page: BenefitsPage },
  { path: routePatterns.benefit, Page: BenefitPage },
  { path: routePatterns.opportunities, Page: OpportunitiesPage },
  { path: routePatterns.schedule, Page: SchedulePage },
  { path: routePatterns.reports, Page: ReportsPage },
  { path: routePatterns.catalog, Page: CatalogPage },
  { path: routePatterns.users, Page: UsersPage },
  { path: routePatterns.tokens, Page: TokensPage },
  { path: routePatterns.account, Page: AccountPage },
];

/**
 * What the page the app starts on needs, asked for before React first renders:
 * the session, the page's chunk and (for the merger's start page) its data, all
 * at once. Otherwise each waits for the one before it: the session, then the
 * chunk, then the data. Without a session the data requests answer 401 and the
 * sign-in page shows as before; signing in clears them from the cache.
 * Settles when all of them have (prefetches never reject), for main.tsx.
 */
export function startRequests(pathname: string, queryClient: QueryClient): Promise<unknown> {
  const started: Array<Promise<unknown>> = [queryClient.prefetchQuery(sessionQuery())];
  const [match] = matchRoutes(signedInPages.map(({ path }) => ({ path })), pathname) ?? [];
  if (!match) return Promise.all(started);
  const page = signedInPages.find(({ path }) => path === match.route.path)?.Page.preload().catch(() => undefined);
  if (page) started.push(page);
  if (match.route.path === routePatterns.merger && match.params.mergerId) {
    started.push(queryClient.prefetchQuery(mergerQuery(match.params.mergerId)));
    started.push(queryClient.prefetchQuery(dashboardQuery(match.params.mergerId)));
  }
  return Promise.all(started);
}

export function App({ queryClient }: { queryClient: QueryClient }) {
  return (
    <Providers queryClient={queryClient}>
      <BrowserRouter>
        <SessionProvider>
          <Routes>
            <Route element={<Layout />}>
              <Route path={routePatterns.login} element={<LoginPage />} />
              <Route path={routePatterns.setup} element={<SetupPage />} />
              <Route path={routePatterns.newPassword} element={<NewPasswordPage />} />
              <Route element={<RequireSession />}>
                {signedInPages.map(({ path, Page }) => (
                  <Route key={path} path={path} element={<Page />} />
                ))}
                <Route path='*' element={<NotFoundPage />} />
              </Route>
            </Route>
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </Providers>
  );
}
