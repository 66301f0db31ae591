import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { isRealCalendarDate } from '#shared/contracts/common.ts';
import {
  createMilestoneBody,
  milestoneKinds,
  updateMilestoneBody,
  updatePhaseBody,
  type CreateMilestoneBody,
  type Milestone,
  type Schedule,
  type SchedulePhase,
  type UpdateMilestoneBody,
  type UpdatePhaseBody,
} from '#shared/contracts/plan.schedule.ts';
import { taskTitleInContext } from '#shared/task-title.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { ConfirmDialog } from '#web/components/confirm-dialog.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFormState } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText, LoadError, Loading } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { StatusTag } from '#web/components/status-tag.tsx';
import { useVersionConflict, VersionConflict } from '#web/components/version-conflict.tsx';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { useCreateMilestone, useDeleteMilestone, useSchedule, useUpdateMilestone, useUpdatePhase } from './plan.schedule.api.ts';
import { Timeline } from './timeline.tsx';
import { listRows } from './timeline.ts';
import '#web/styles/schedule.css';

export function SchedulePage() {
  const { mergerId, merger, trail, editable } = useMergerRoute();
  const { m } = useI18n();
  const t = m.schedule;
  const schedule = useSchedule(mergerId);
  useDocumentTitle(t.documentTitle(merger.name));
  return (
    <>
      <PageBreadcrumbs trail={trail} />
      <Heading level={1} data-size='lg'>
        {t.title}
      </Heading>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      {!editable && (
        <Alert data-color='info' className='samla-read-only-note'>
          <Paragraph>{t.readOnly}</Paragraph>
        </Alert>
      )}
      {schedule.isError && <LoadError error={schedule.error} onRetry={() => void schedule.refetch()} />}
      {schedule.isPending && <Loading />}
      {schedule.data && (
        <>
          <Timeline mergerId={mergerId} schedule={schedule.data} />
          <ScheduleList mergerId={mergerId} schedule={schedule.data} />
          <PhasesSection mergerId={mergerId} phases={schedule.data.phases} editable={editable} />
          <MilestonesSection mergerId={mergerId} milestones={schedule.data.milestones} editable={editable} />
        </>
      )}
    </>
  );
}

/** The list alternative: the timeline's content as a table, by date. */
function ScheduleList({ mergerId, schedule }: { mergerId: string; schedule: Schedule }) {
  const { m, fmt } = useI18n();
  const t = m.schedule.list;
  return (
    <section className='samla-section' aria-labelledby='schedule-list-heading'>
      <Heading level={2} data-size='sm' id='schedule-list-heading'>
        {t.heading}
      </Heading>
      <div className='samla-table-scroll'>
        <Table data-color='neutral' className='samla-table samla-schedule-table' border data-size='sm' data-testid='schedule-list'>
          <caption className='ds-sr-only'>{t.caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope='col'>{t.date}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.until}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.kind}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.title}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.status}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {listRows(schedule).map((row) => {
              if (row.kind === 'phase') {
                return (
                  <Table.Row key={`phase-${row.phase.number}`}>
                    <Table.Cell className='samla-nowrap' data-label={t.date}>
                      {fmt.date(row.phase.start)}
                    </Table.Cell>
                    <Table.Cell className='samla-nowrap' data-label={t.until}>
                      {fmt.date(row.phase.end)}
                    </Table.Cell>
                    <Table.Cell data-label={t.kind}>{t.kinds.phase}</Table.Cell>
                    <Table.HeaderCell scope='row'>{t.phaseName(fmt.number(row.phase.number), row.phase.name)}</Table.HeaderCell>
                    <Table.Cell />
                  </Table.Row>
                );
              }
              if (row.kind === 'milestone') {
                return (
                  <Table.Row key={`milestone-${row.milestone.id}`}>
                    <Table.Cell className='samla-nowrap' data-label={t.date}>
                      {fmt.date(row.milestone.date)}
                    </Table.Cell>
                    <Table.Cell />
                    <Table.Cell data-label={t.kind}>{t.kinds.milestone}</Table.Cell>
                    <Table.HeaderCell scope='row'>{row.milestone.title}</Table.HeaderCell>
                    <Table.Cell data-label={t.status}>{m.schedule.milestones.kinds[row.milestone.kind]}</Table.Cell>
                  </Table.Row>
                );
              }
              const task = row.task;
              return (
                <Table.Row key={`task-${task.id}`}>
                  <Table.Cell className='samla-nowrap' data-label={t.date}>
                    {fmt.date(row.date)}
                  </Table.Cell>
                  <Table.Cell className='samla-nowrap' data-label={t.until}>
                    {task.plannedStart && task.dueDate ? fmt.date(task.dueDate) : ''}
                  </Table.Cell>
                  <Table.Cell data-label={t.kind}>{t.kinds.task}</Table.Cell>
                  <Table.HeaderCell scope='row'>
                    <RouterLink to={paths.task(mergerId, task.id)} state={{ from: paths.schedule(mergerId) }}>
                      {/* A list by date has no checklist around it: the area tells same-named tasks apart. */}
                      {taskTitleInContext(task)}
                    </RouterLink>
                  </Table.HeaderCell>
                  <Table.Cell data-label={t.status}>
                    <span className='samla-schedule-status'>
                      <StatusTag status={task.status} />
                      {task.overdue && (
                        <Tag data-size='sm' data-color='danger'>
                          {m.checklist.page.overdue}
                        </Tag>
                      )}
                    </span>
                  </Table.Cell>
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
    </section>
  );
}

function PhasesSection({ mergerId, phases, editable }: { mergerId: string; phases: SchedulePhase[]; editable: boolean }) {
  const { m, fmt } = useI18n();
  const t = m.schedule.phases;
  const [editing, setEditing] = useState<number | null>(null);
  const editButtons = useRef(new Map<number, HTMLButtonElement>());
  const close = (number: number) => {
    setEditing(null);
    requestAnimationFrame(() => editButtons.current.get(number)?.focus());
  };
  return (
    <section className='samla-section' aria-labelledby='phases-dates-heading'>
      <Heading level={2} data-size='sm' id='phases-dates-heading'>
        {t.heading}
      </Heading>
      <div className='samla-table-scroll'>
        <Table data-color='neutral' className='samla-table samla-schedule-table' border data-size='sm'>
          <caption className='ds-sr-only'>{t.caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope='col'>{t.phase}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.start}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.end}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.source}</Table.HeaderCell>
              {editable && (
                <Table.HeaderCell scope='col'>
                  <span className='ds-sr-only'>{m.schedule.milestones.actions}</span>
                </Table.HeaderCell>
              )}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {phases.map((phase) => {
              const name = m.schedule.list.phaseName(fmt.number(phase.number), phase.name);
              return (
                <Table.Row key={phase.number}>
                  <Table.HeaderCell scope='row'>{name}</Table.HeaderCell>
                  <Table.Cell className='samla-nowrap' data-label={t.start}>
                    {fmt.date(phase.start)}
                  </Table.Cell>
                  <Table.Cell className='samla-nowrap' data-label={t.end}>
                    {fmt.date(phase.end)}
                  </Table.Cell>
                  <Table.Cell data-label={t.source}>{phase.isDefault ? t.isDefault : t.own}</Table.Cell>
                  {editable && (
                    <Table.Cell>
                      <Button
                        variant='tertiary'
                        data-size='sm'
                        aria-label={t.edit(name)}
                        aria-expanded={editing === phase.number}
                        ref={(element) => {
                          if (element) editButtons.current.set(phase.number, element);
                        }}
                        onClick={() => setEditing(editing === phase.number ? null : phase.number)}
                      >
                        {t.editShort}
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              );
            })}
          </Table.Body>
        </Table>
      </div>
      {editing !== null && <PhaseForm key={editing} mergerId={mergerId} phase={phases.find((p) => p.number === editing)!} onDone={() => close(editing)} />}
    </section>
  );
}

const phaseFields = ['start', 'end'] as const;

function PhaseForm({ mergerId, phase, onDone }: { mergerId: string; phase: SchedulePhase; onDone: () => void }) {
  const { m, fmt } = useI18n();
  const t = m.schedule.phases;
  const announce = useAnnounce();
  const update = useUpdatePhase(mergerId);
  const schedule = useSchedule(mergerId);
  const name = m.schedule.list.phaseName(fmt.number(phase.number), phase.name);
  const { values, errors, otherErrors, attempt, change, validate, showServerErrorWith } = useFormState({ start: phase.start, end: phase.end }, phaseFields, {
    messages: { start: t.startInvalid, end: t.endInvalid },
  });
  const conflict = useVersionConflict<typeof values>();
  const headingId = `phase-form-${phase.number}`;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // The version is the newest the page has: after a conflict, the reloaded one.
    const body: UpdatePhaseBody = { version: phase.version, start: values.start, end: values.end };
    // The order of the dates is the service's rule; said here once both are dates.
    const rules = isRealCalendarDate(values.start) && isRealCalendarDate(values.end) && values.end < values.start ? { end: t.endBeforeStart } : {};
    if (!validate(updatePhaseBody, body, rules)) return;
    update.mutate(
      { phase: phase.number, body },
      {
        onSuccess: () => {
          conflict.clear();
          announce(t.saved(name));
          onDone();
        },
        onError: (error) => {
          if (conflict.caught(error, values)) return;
          showServerErrorWith(error, (byField, failure) => {
            if (failure.code === 'PHASE_END_BEFORE_START') byField.end = t.endBeforeStart;
          });
        },
      },
    );
  };
  // What was typed stays; saving again applies it to the newest dates.
  const loadLatest = async () => {
    await schedule.refetch();
    conflict.clear();
  };
  const summary: SummaryItem[] = phaseFields.flatMap((field) => (errors[field] ? [{ targetId: `phase-${field}`, message: errors[field] }] : []));
  return (
    <form noValidate onSubmit={onSubmit} className='samla-form samla-schedule-form' aria-labelledby={headingId}>
      <Heading level={3} data-size='xs' id={headingId}>
        {t.formHeading(name)}
      </Heading>
      <VersionConflict
        state={conflict.state}
        headingLevel={3}
        texts={{ heading: t.conflictHeading, text: t.conflict, reload: t.conflictReload }}
        onReload={loadLatest}
      />
      <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />
      <div className='samla-schedule-form__dates'>
        <Textfield
          id='phase-start'
          type='date'
          label={t.start}
          value={values.start}
          onChange={(event) => change('start', event.target.value)}
          error={errors.start}
          min='1900-01-01'
          max='2200-12-31'
          className='samla-date-field'
        />
        <Textfield
          id='phase-end'
          type='date'
          label={t.end}
          value={values.end}
          onChange={(event) => change('end', event.target.value)}
          error={errors.end}
          min='1900-01-01'
          max='2200-12-31'
          className='samla-date-field'
        />
      </div>
      <div className='samla-form__actions'>
        <Button type='submit' loading={update.isPending} disabled={update.isPending}>
          {update.isPending ? m.common.saving : m.common.save}
        </Button>
        <Button variant='tertiary' type='button' onClick={onDone}>
          {m.common.cancel}
        </Button>
      </div>
    </form>
  );
}

function MilestonesSection({ mergerId, milestones, editable }: { mergerId: string; milestones: Milestone[]; editable: boolean }) {
  const { m, fmt } = useI18n();
  const t = m.schedule.milestones;
  const announce = useAnnounce();
  const [editing, setEditing] = useState<Milestone | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Milestone | null>(null);
  const remove = useDeleteMilestone(mergerId);
  return (
    <section className='samla-section' aria-labelledby='milestones-heading'>
      <Heading level={2} data-size='sm' id='milestones-heading'>
        {t.heading}
      </Heading>
      <div className='samla-table-scroll'>
        <Table data-color='neutral' className='samla-table samla-schedule-table' border data-size='sm'>
          <caption className='ds-sr-only'>{t.caption}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell scope='col'>{t.title}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.date}</Table.HeaderCell>
              <Table.HeaderCell scope='col'>{t.kind}</Table.HeaderCell>
              {editable && (
                <Table.HeaderCell scope='col'>
                  <span className='ds-sr-only'>{t.actions}</span>
                </Table.HeaderCell>
              )}
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {milestones.map((milestone) => (
              <Table.Row key={milestone.id}>
                <Table.HeaderCell scope='row'>{milestone.title}</Table.HeaderCell>
                <Table.Cell className='samla-nowrap' data-label={t.date}>
                  {fmt.date(milestone.date)}
                </Table.Cell>
                <Table.Cell data-label={t.kind}>{t.kinds[milestone.kind]}</Table.Cell>
                {editable && (
                  <Table.Cell>
                    {milestone.derived ? (
                      <span className='samla-muted'>{t.derived}</span>
                    ) : (
                      <span className='samla-schedule-actions'>
                        <Button variant='tertiary' data-size='sm' aria-label={t.edit(milestone.title)} onClick={() => setEditing(milestone)}>
                          {t.editShort}
                        </Button>
                        <Button
                          variant='tertiary'
                          data-size='sm'
                          data-color='danger'
                          aria-label={t.delete(milestone.title)}
                          onClick={() => setDeleting(milestone)}
                        >
                          {t.deleteShort}
                        </Button>
                      </span>
                    )}
                  </Table.Cell>
                )}
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {editable && editing === null && (
        <Button variant='secondary' className='samla-mt-2' onClick={() => setEditing('new')}>
          {t.add}
        </Button>
      )}
      {editing !== null && (
        <MilestoneForm
          key={editing === 'new' ? 'new' : editing.id}
          mergerId={mergerId}
          milestone={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        heading={t.deleteHeading}
        text={deleting ? t.deleteText(deleting.title) : ''}
        confirmLabel={t.deleteConfirm}
        pending={remove.isPending}
        error={remove.error ? errorText(remove.error, m) : undefined}
        onCancel={() => {
          remove.reset();
          setDeleting(null);
        }}
        onConfirm={() => {
          if (!deleting) return;
          remove.mutate(deleting.id, {
            onSuccess: () => {
              announce(t.deleted(deleting.title));
              setDeleting(null);
            },
          });
        }}
      />
    </section>
  );
}

const milestoneFields = ['title', 'date', 'kind'] as const;
type StoredKind = (typeof milestoneKinds)[number];

function MilestoneForm({ mergerId, milestone, onDone }: { mergerId: string; milestone: Milestone | null; onDone: () => void }) {
  const { m } = useI18n();
  const t = m.schedule.milestones;
  const announce = useAnnounce();
  const create = useCreateMilestone(mergerId);
  const update = useUpdateMilestone(mergerId);
  const { values, errors, otherErrors, attempt, change, validate, showServerError } = useFormState<
    { title: string; date: string; kind: StoredKind },
    (typeof milestoneFields)[number]
  >(
    {
      title: milestone?.title ?? '',
      date: milestone?.date ?? '',
      kind: (milestone?.kind as StoredKind | undefined) ?? 'joint_committee_meeting',
    },
    milestoneFields,
    { messages: { title: { required: t.titleRequired }, date: t.dateInvalid } },
  );
  const pending = create.isPending || update.isPending;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body: CreateMilestoneBody = { title: values.title.trim(), date: values.date, kind: values.kind };
    const onError = (error: Error) => showServerError(error);
    const onSuccess = (saved: Milestone) => {
      announce(t.saved(saved.title));
      onDone();
    };
    if (milestone) {
      const changes: UpdateMilestoneBody = { version: milestone.version ?? 1, ...body };
      if (validate(updateMilestoneBody, changes)) update.mutate({ id: milestone.id, body: changes }, { onSuccess, onError });
    } else if (validate(createMilestoneBody, body)) {
      create.mutate(body, { onSuccess, onError });
    }
  };
  const summary: SummaryItem[] = milestoneFields.flatMap((field) => (errors[field] ? [{ targetId: `milestone-${field}`, message: errors[field] }] : []));
  return (
    <form noValidate onSubmit={onSubmit} className='samla-form samla-schedule-form' aria-labelledby='milestone-form-heading'>
      <Heading level={3} data-size='xs' id='milestone-form-heading'>
        {milestone ? t.editHeading(milestone.title) : t.newHeading}
      </Heading>
      <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />
      <Textfield
        id='milestone-title'
        label={t.title}
        value={values.title}
        onChange={(event) => change('title', event.target.value)}
        error={errors.title}
        autoComplete='off'
      />
      <Textfield
        id='milestone-date'
        type='date'
        label={t.date}
        value={values.date}
        onChange={(event) => change('date', event.target.value)}
        error={errors.date}
        min='1900-01-01'
        max='2200-12-31'
        className='samla-date-field'
      />
      <Field>
        <Label htmlFor='milestone-kind'>{t.kind}</Label>
        <Select
          id='milestone-kind'
          value={values.kind}
          onChange={(event) => change('kind', milestoneKinds.find((kind) => kind === event.target.value) ?? 'own')}
        >
          {milestoneKinds.map((kind) => (
            <Select.Option key={kind} value={kind}>
              {t.kinds[kind]}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <div className='samla-form__actions'>
        <Button type='submit' loading={pending} disabled={pending}>
          {pending ? m.common.saving : m.common.save}
        </Button>
        <Button variant='tertiary' type='button' onClick={onDone}>
          {m.common.cancel}
        </Button>
      </div>
    </form>
  );
}
