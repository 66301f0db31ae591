import { Alert, Button, Field, Heading, Label, Link, Paragraph, Select, Switch, Textfield } from '@digdir/designsystemet-react';
import type { FormEvent } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { Task } from '#shared/contracts/plan.tasks.ts';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { ProgressSummary } from '#web/components/progress-summary.tsx';
import { LoadError, Loading } from '#web/components/query-state.tsx';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { can } from '#web/features/mergers/permissions.ts';
import { useI18n } from '#web/i18n/messages.ts';
import type { FocusState } from '#web/lib/navigation-state.ts';
import { checklistSearch, type ChecklistFilters } from '#web/lib/paths.ts';
import { ActivitySection, type TaskSelection } from './activity-section.tsx';
import { BulkChange } from './checklist-bulk.tsx';
import { checklistExportUrl, useTaskAreas, useTasks } from './plan.tasks.api.ts';
import { filtersFromSearch, narrowsTasks, taskStatuses, visibleSelection } from './checklist-filters.ts';

/** Location state set by the task page after a save. */
export interface ChecklistLocationState extends FocusState {
  savedTitle?: string;
}

export function ChecklistPage() {
  const { mergerId, merger, trail, editable } = useMergerRoute();
  const { m, fmt } = useI18n();
  const t = m.checklist.page;
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const tasks = useTasks(mergerId, filters);
  const location = useLocation();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const state = location.state as ChecklistLocationState | null;

  const phaseName = filters.phase !== undefined ? merger.progress.phases.find((p) => p.number === filters.phase)?.name : undefined;
  const heading = filters.phase !== undefined && phaseName ? t.titleWithPhase(fmt.number(filters.phase), phaseName) : t.title;
  useDocumentTitle(`${heading} – ${merger.name}`);

  // Two quick changes in a row must not undo each other: the second starts from the first's
  // result, not from the URL the page last rendered (the router may not have re-rendered yet).
  const latestFilters = useRef(filters);
  useEffect(() => {
    latestFilters.current = filters;
  }, [filters]);
  // Each change is a step in the browser's history, so «tilbake» undoes a filter.
  const changeFilters = (change: Partial<ChecklistFilters> | 'clear') => {
    const next = change === 'clear' ? {} : { ...latestFilters.current, ...change };
    latestFilters.current = next;
    setSearchParams(new URLSearchParams(checklistSearch(next)));
  };

  // The area filter offers the areas of all the merger's tasks, not only of those shown (the list's answer has them).
  const areas = useTaskAreas(mergerId, filters).data ?? [];

  // Ticked tasks for a change to many; a task no longer shown is no longer ticked.
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const visible = tasks.data && !tasks.isPlaceholderData ? tasks.data : undefined;
  useEffect(() => {
    if (visible)
      setSelected((current) =>
        current.size === 0
          ? current
          : visibleSelection(
              current,
              visible.map((task) => task.id),
            ),
      );
  }, [visible]);
  const selection: TaskSelection | undefined = editable
    ? {
        selected,
        toggle: (taskId, on) =>
          setSelected((current) => {
            const next = new Set(current);
            if (on) next.add(taskId);
            else next.delete(taskId);
            return next;
          }),
      }
    : undefined;

  // Tell screen reader users what a filter change did; the list itself is not a live region.
  const lastCount = useRef<string | undefined>(undefined);
  const countKey = tasks.data && !tasks.isPlaceholderData ? `${checklistSearch(filters)}:${tasks.data.length}` : undefined;
  useEffect(() => {
    if (countKey === undefined || tasks.data === undefined) return;
    if (lastCount.current !== undefined && lastCount.current !== countKey) {
      announce(m.announcer.results(tasks.data.length));
    }
    lastCount.current = countKey;
  }, [countKey, tasks.data, announce, m, fmt]);

  // Back from a saved task: put focus on that task's link, then forget the request.
  const focusId = state?.focusId;
  const ready = Boolean(tasks.data);
  useEffect(() => {
    if (!focusId || !ready) return;
    const target = document.getElementById(focusId);
    if (target) {
      target.focus();
      target.scrollIntoView({ block: 'center' });
    }
  }, [focusId, ready]);
  // The «lagret» note stays while the person looks at the list; the history entry forgets it,
  // so a reload or a later visit does not show it again.
  const [savedTitle, setSavedTitle] = useState(() => state?.savedTitle);
  useEffect(() => {
    if (!ready || state === null) return;
    void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: null });
  }, [ready, state, navigate, location.pathname, location.search]);
  const previousSearch = useRef(location.search);
  useEffect(() => {
    if (previousSearch.current !== location.search) setSavedTitle(undefined);
    previousSearch.current = location.search;
  }, [location.search]);

  return (
    <>
      <PageBreadcrumbs trail={trail} />
      <Heading level={1} data-size='lg'>
        {heading}
      </Heading>
      <Paragraph className='samla-lead'>{t.lead(merger.name)}</Paragraph>
      {!editable && (
        <Alert data-color='info' className='samla-checklist-read-only'>
          <Paragraph>{t.readOnly}</Paragraph>
        </Alert>
      )}

      {savedTitle && (
        <Alert data-color='success' className='samla-saved'>
          <Paragraph>{t.saved(savedTitle)}</Paragraph>
        </Alert>
      )}

      <Filters
        merger={merger}
        filters={filters}
        areas={areas}
        onChange={changeFilters}
        count={tasks.data && !tasks.isPlaceholderData ? tasks.data.length : undefined}
      />
      <ul className='samla-downloads'>
        <li>
          <Link href={checklistExportUrl(mergerId)} download>
            {t.export}
          </Link>
        </li>
      </ul>
      {editable && visible && (
        <BulkChange
          mergerId={mergerId}
          visible={visible}
          selected={selected}
          onSelectAll={(on) => setSelected(on ? new Set(visible.map((task) => task.id)) : new Set())}
          onDone={() => setSelected(new Set())}
        />
      )}
      {tasks.isError && <LoadError error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.isPending && <Loading />}
      {tasks.data && (
        // While a changed filter loads, the old list stays (dimmed) so the page does not jump.
        <div aria-busy={tasks.isPlaceholderData} className='samla-checklist-results'>
          <TaskList merger={merger} tasks={tasks.data} filters={filters} selection={selection} />
        </div>
      )}
    </>
  );
}

interface FiltersProps {
  merger: MergerDetail;
  filters: ChecklistFilters;
  areas: ReadonlyArray<{ id: string; name: string }>;
  onChange: (change: Partial<ChecklistFilters> | 'clear') => void;
  count: number | undefined;
}

function Filters({ merger, filters, areas, onChange, count }: FiltersProps) {
  const { m, fmt } = useI18n();
  const t = m.checklist.page;
  const active = filters.phase !== undefined || narrowsTasks(filters);
  // What is typed is searched on «Søk» (or Enter), not per keystroke; the URL, also after
  // «tilbake», is what the fields show.
  const [text, setText] = useState({ q: filters.q ?? '', responsible: filters.responsible ?? '' });
  useEffect(() => setText({ q: filters.q ?? '', responsible: filters.responsible ?? '' }), [filters.q, filters.responsible]);
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    onChange({ q: text.q.trim() || undefined, responsible: text.responsible.trim() || undefined });
  };
  return (
    <section className='samla-filters' aria-labelledby='filters-heading'>
      <Heading level={2} data-size='2xs' id='filters-heading'>
        {t.filtersHeading}
      </Heading>
      <form role='search' className='samla-filters__row' onSubmit={onSearch} aria-label={t.search}>
        <Textfield
          id='filter-search'
          type='search'
          label={t.search}
          description={t.searchDescription}
          value={text.q}
          onChange={(event) => setText((current) => ({ ...current, q: event.target.value }))}
          autoComplete='off'
          maxLength={200}
        />
        <Textfield
          id='filter-responsible'
          label={t.responsibleFilter}
          value={text.responsible}
          onChange={(event) => setText((current) => ({ ...current, responsible: event.target.value }))}
          autoComplete='off'
          maxLength={200}
        />
        <Button type='submit' variant='secondary'>
          {t.searchSubmit}
        </Button>
      </form>
      <div className='samla-filters__row'>
        <Field>
          <Label>{t.phaseFilter}</Label>
          <Select
            id='filter-phase'
            value={filters.phase === undefined ? '' : String(filters.phase)}
            onChange={(event) => onChange({ phase: event.target.value === '' ? undefined : Number(event.target.value) })}
          >
            <Select.Option value=''>{t.allPhases}</Select.Option>
            {merger.progress.phases.map((phase) => (
              <Select.Option key={phase.phaseId} value={String(phase.number)}>
                {t.phaseOption(fmt.number(phase.number), phase.name)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label>{t.statusFilter}</Label>
          <Select
            id='filter-status'
            value={filters.status ?? ''}
            onChange={(event) => {
              const value = event.target.value;
              onChange({ status: taskStatuses.find((status) => status === value) });
            }}
          >
            <Select.Option value=''>{t.allStatuses}</Select.Option>
            {taskStatuses.map((status) => (
              <Select.Option key={status} value={status}>
                {m.status[status]}
              </Select.Option>
            ))}
          </Select>
        </Field>
        {areas.length > 0 && (
          <Field>
            <Label>{t.areaFilter}</Label>
            <Select id='filter-area' value={filters.area ?? ''} onChange={(event) => onChange({ area: event.target.value || undefined })}>
              <Select.Option value=''>{t.allAreas}</Select.Option>
              {areas.map((area) => (
                <Select.Option key={area.id} value={area.id}>
                  {area.name}
                </Select.Option>
              ))}
            </Select>
          </Field>
        )}
        <Field>
          <Label>{t.municipalityFilter}</Label>
          <Select id='filter-municipality' value={filters.municipality ?? ''} onChange={(event) => onChange({ municipality: event.target.value || undefined })}>
            <Select.Option value=''>{t.allMunicipalities}</Select.Option>
            {merger.municipalities.map((municipality) => (
              <Select.Option key={municipality.number} value={municipality.number}>
                {municipality.name}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Switch
          id='filter-overdue'
          label={t.overdueFilter}
          checked={filters.overdue === true}
          onChange={(event) => onChange({ overdue: event.target.checked })}
          className='samla-filters__switch'
        />
        {active && (
          <Button variant='tertiary' data-size='sm' onClick={() => onChange('clear')} className='samla-filters__clear'>
            {t.clearFilters}
          </Button>
        )}
      </div>
      <Paragraph data-size='sm' className='samla-muted'>
        {count === undefined ? m.common.loading : m.announcer.results(count)}
      </Paragraph>
    </section>
  );
}

function TaskList({
  merger,
  tasks,
  filters,
  selection,
}: {
  merger: MergerDetail;
  tasks: Task[];
  filters: ChecklistFilters;
  selection: TaskSelection | undefined;
}) {
  const { m, fmt } = useI18n();
  const t = m.checklist.page;
  const byActivity = useMemo(() => {
    const map = new Map<string, Task[]>();
    for (const task of tasks) {
      const list = map.get(task.activityId) ?? [];
      list.push(task);
      map.set(task.activityId, list);
    }
    return map;
  }, [tasks]);

  const narrowed = narrowsTasks(filters);
  const phases = merger.progress.phases.filter((phase) => filters.phase === undefined || phase.number === filters.phase);
  const shown = phases
    .map((phase) => ({ phase, activities: phase.activities.filter((activity) => !narrowed || byActivity.has(activity.activityId)) }))
    .filter(({ activities }) => activities.length > 0);

  if (shown.length === 0) {
    return (
      <Alert data-color='info' className='samla-mt-2'>
        <Paragraph>{t.noMatches}</Paragraph>
      </Alert>
    );
  }

  return (
    <div className='samla-checklist'>
      {shown.map(({ phase, activities }) => (
        <section key={phase.phaseId} className='samla-phase' aria-labelledby={`phase-${phase.number}`}>
          <div className='samla-phase__head'>
            <Heading level={2} data-size='sm' id={`phase-${phase.number}`}>
              {t.phaseHeading(fmt.number(phase.number), phase.name)}
            </Heading>
            <div className='samla-phase__progress'>
              <span className='samla-label'>{t.phaseProgress}</span>
              <ProgressSummary progress={phase.progress} details />
            </div>
          </div>
          {activities.map((activity) => (
            <ActivitySection
              key={activity.activityId}
              mergerId={merger.id}
              phaseNumber={phase.number}
              activity={activity}
              tasks={byActivity.get(activity.activityId) ?? []}
              showAddTask={!narrowed && can(merger, 'edit')}
              selection={selection}
            />
          ))}
        </section>
      ))}
    </div>
  );
}
