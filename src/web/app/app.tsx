import { lazy } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
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

export function App() {
  return (
    <Providers>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route path={routePatterns.mergers} element={<MergerListPage />} />
            <Route path={routePatterns.newMerger} element={<NewMergerPage />} />
            <Route path={routePatterns.merger} element={<MergerOverviewPage />} />
            <Route path={routePatterns.checklist} element={<ChecklistPage />} />
            <Route path={routePatterns.task} element={<TaskEditPage />} />
            <Route path={routePatterns.catalog} element={<CatalogPage />} />
            <Route path='*' element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </Providers>
  );
}
