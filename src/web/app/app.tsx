import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LoginPage } from '#web/features/auth/login.page.tsx';
import { RequireSession, SessionProvider } from '#web/features/auth/session.tsx';
import { routePatterns } from '#web/lib/paths.ts';
import { Layout } from './layout.tsx';
import { NotFoundPage } from './not-found.page.tsx';
import { Providers } from './providers.tsx';

// One chunk per page: the catalogue and the form's register are not needed to see the list.
const MergerListPage = lazy(() => import('#web/features/mergers/merger-list.page.tsx').then((mod) => ({ default: mod.MergerListPage })));
const NewMergerPage = lazy(() => import('#web/features/mergers/new-merger.page.tsx').then((mod) => ({ default: mod.NewMergerPage })));
const MergerOverviewPage = lazy(() =>
  import('#web/features/mergers/merger-overview.page.tsx').then((mod) => ({ default: mod.MergerOverviewPage })),
);
const ChecklistPage = lazy(() => import('#web/features/checklist/checklist.page.tsx').then((mod) => ({ default: mod.ChecklistPage })));
const TaskEditPage = lazy(() => import('#web/features/checklist/task-edit.page.tsx').then((mod) => ({ default: mod.TaskEditPage })));
const CatalogPage = lazy(() => import('#web/features/catalog/catalog.page.tsx').then((mod) => ({ default: mod.CatalogPage })));
const MembersPage = lazy(() => import('#web/features/members/members.page.tsx').then((mod) => ({ default: mod.MembersPage })));
const HistoryPage = lazy(() => import('#web/features/history/history.page.tsx').then((mod) => ({ default: mod.HistoryPage })));
const UsersPage = lazy(() => import('#web/features/users/users.page.tsx').then((mod) => ({ default: mod.UsersPage })));
const TokensPage = lazy(() => import('#web/features/tokens/tokens.page.tsx').then((mod) => ({ default: mod.TokensPage })));
const InventoryStartPage = lazy(() =>
  import('#web/features/inventory/register.page.tsx').then((mod) => ({ default: mod.InventoryStartPage })),
);
const RegisterPage = lazy(() => import('#web/features/inventory/register.page.tsx').then((mod) => ({ default: mod.RegisterPage })));
const InventoryItemPage = lazy(() => import('#web/features/inventory/item.page.tsx').then((mod) => ({ default: mod.InventoryItemPage })));
const SideBySidePage = lazy(() => import('#web/features/inventory/side-by-side.page.tsx').then((mod) => ({ default: mod.SideBySidePage })));
const ImportPage = lazy(() => import('#web/features/inventory/import.page.tsx').then((mod) => ({ default: mod.ImportPage })));
const DecisionsPage = lazy(() => import('#web/features/decisions/decisions.page.tsx').then((mod) => ({ default: mod.DecisionsPage })));
const RisksPage = lazy(() => import('#web/features/risks/risks.page.tsx').then((mod) => ({ default: mod.RisksPage })));
const RiskPage = lazy(() => import('#web/features/risks/risk.page.tsx').then((mod) => ({ default: mod.RiskPage })));
const RiskSuggestionsPage = lazy(() =>
  import('#web/features/risks/risk-suggestions.page.tsx').then((mod) => ({ default: mod.RiskSuggestionsPage })),
);
const RiskHeatmapPage = lazy(() => import('#web/features/risks/risk-heatmap.page.tsx').then((mod) => ({ default: mod.RiskHeatmapPage })));
const RiskMatrixPage = lazy(() => import('#web/features/risks/risk-matrix.page.tsx').then((mod) => ({ default: mod.RiskMatrixPage })));
const AreaDecisionPage = lazy(() =>
  import('#web/features/decisions/area-decision.page.tsx').then((mod) => ({ default: mod.AreaDecisionPage })),
);
const ContractDeadlinesPage = lazy(() =>
  import('#web/features/contract-deadlines/contract-deadlines.page.tsx').then((mod) => ({ default: mod.ContractDeadlinesPage })),
);
const IntegrationGraphPage = lazy(() =>
  import('#web/features/integration-graph/integration-graph.page.tsx').then((mod) => ({ default: mod.IntegrationGraphPage })),
);
const BenefitsPage = lazy(() => import('#web/features/benefits/benefits.page.tsx').then((mod) => ({ default: mod.BenefitsPage })));
const BenefitPage = lazy(() => import('#web/features/benefits/benefit.page.tsx').then((mod) => ({ default: mod.BenefitPage })));
const OpportunitiesPage = lazy(() =>
  import('#web/features/opportunities/opportunities.page.tsx').then((mod) => ({ default: mod.OpportunitiesPage })),
);
const ReportsPage = lazy(() => import('#web/features/reports/reports.page.tsx').then((mod) => ({ default: mod.ReportsPage })));
const SchedulePage = lazy(() => import('#web/features/schedule/schedule.page.tsx').then((mod) => ({ default: mod.SchedulePage })));
const SetupPage = lazy(() => import('#web/features/auth/setup.page.tsx').then((mod) => ({ default: mod.SetupPage })));

export function App() {
  return (
    <Providers>
      <BrowserRouter>
        <SessionProvider>
          <Routes>
            <Route element={<Layout />}>
              <Route path={routePatterns.login} element={<LoginPage />} />
              <Route path={routePatterns.setup} element={<SetupPage />} />
              <Route element={<RequireSession />}>
                <Route path={routePatterns.mergers} element={<MergerListPage />} />
                <Route path={routePatterns.newMerger} element={<NewMergerPage />} />
                <Route path={routePatterns.merger} element={<MergerOverviewPage />} />
                <Route path={routePatterns.checklist} element={<ChecklistPage />} />
                <Route path={routePatterns.task} element={<TaskEditPage />} />
                <Route path={routePatterns.members} element={<MembersPage />} />
                <Route path={routePatterns.history} element={<HistoryPage />} />
                <Route path={routePatterns.inventoryStart} element={<InventoryStartPage />} />
                <Route path={routePatterns.inventory} element={<RegisterPage />} />
                <Route path={routePatterns.inventoryItem} element={<InventoryItemPage />} />
                <Route path={routePatterns.sideBySide} element={<SideBySidePage />} />
                <Route path={routePatterns.inventoryImport} element={<ImportPage />} />
                <Route path={routePatterns.decisions} element={<DecisionsPage />} />
                <Route path={routePatterns.decisionArea} element={<AreaDecisionPage />} />
                <Route path={routePatterns.risks} element={<RisksPage />} />
                <Route path={routePatterns.riskNew} element={<RiskPage />} />
                <Route path={routePatterns.riskSuggestions} element={<RiskSuggestionsPage />} />
                <Route path={routePatterns.riskHeatmap} element={<RiskHeatmapPage />} />
                <Route path={routePatterns.riskMatrix} element={<RiskMatrixPage />} />
                <Route path={routePatterns.risk} element={<RiskPage />} />
                <Route path={routePatterns.contractDeadlines} element={<ContractDeadlinesPage />} />
                <Route path={routePatterns.integrationGraph} element={<IntegrationGraphPage />} />
                <Route path={routePatterns.benefits} element={<BenefitsPage />} />
                <Route path={routePatterns.benefit} element={<BenefitPage />} />
                <Route path={routePatterns.opportunities} element={<OpportunitiesPage />} />
                <Route path={routePatterns.schedule} element={<SchedulePage />} />
                <Route path={routePatterns.reports} element={<ReportsPage />} />
                <Route path={routePatterns.catalog} element={<CatalogPage />} />
                <Route path={routePatterns.users} element={<UsersPage />} />
                <Route path={routePatterns.tokens} element={<TokensPage />} />
                <Route path='*' element={<NotFoundPage />} />
              </Route>
            </Route>
          </Routes>
        </SessionProvider>
      </BrowserRouter>
    </Providers>
  );
}
