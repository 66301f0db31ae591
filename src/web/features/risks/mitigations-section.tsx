import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, Textfield, ValidationMessage } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import type { MergerDetail } from '#shared/contracts/mergers.ts';
import { createMitigationBody, mitigationStatuses, type CreateMitigationBody, type MitigationStatus, type Risk } from '#shared/contracts/risks.ts';
import { ConfirmDialog } from '#web/components/confirm-dialog.tsx';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFormState } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { paths } from '#web/lib/paths.ts';
import { ResponsibleField } from '#web/features/members/responsible-field.tsx';
import { responsibleBody } from '#web/features/members/responsible.ts';
import { useCreateMitigation, useDeleteMitigation, useUpdateMitigation, type RiskOptions } from './risks.api.ts';

const mitigationFields = ['title', 'description', 'owner', 'deadline', 'status', 'taskId'] as const;
type MitigationField = (typeof mitigationFields)[number];
interface MitigationValues {
  title: string;
  description: string;
  /** The responsible's name: a member's (picked) or typed for someone outside Samla. */
  owner: string;
  /** The member picked; '' for a typed name. */
  responsibleUserId: string;
  deadline: string;
  status: MitigationStatus;
  taskId: string;
}
const emptyMitigation: MitigationValues = { title: '', owner: '', responsibleUserId: '', deadline: '', status: 'planned', taskId: '', description: '' };

function isMitigationStatus(value: string): value is MitigationStatus {
  return (mitigationStatuses as readonly string[]).includes(value);
}

export function Mitigations({ merger, risk, options, editable }: { merger: MergerDetail; risk: Risk; options: RiskOptions; editable: boolean }) {
  const { m, fmt } = useI18n();
  const t = m.risks.mitigations;
  const announce = useAnnounce();
  const create = useCreateMitigation(merger.id, risk.id);
  const update = useUpdateMitigation(merger.id, risk.id);
  const remove = useDeleteMitigation(merger.id, risk.id);
  const { values, setValues, errors, otherErrors, attempt, change, validate, showServerError } = useFormState<MitigationValues, MitigationField>(
    emptyMitigation,
    mitigationFields,
    { messages: { title: { required: m.risks.form.titleRequired } } },
  );
  // A status changed in the table that did not save: said above the table, not in the form.
  const [message, setMessage] = useState<string | undefined>(undefined);
  const [toDelete, setToDelete] = useState<{ id: string; title: string; version: number } | undefined>(undefined);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMessage(undefined);
    const text = (value: string) => (value.trim() === '' ? null : value.trim());
    const body: CreateMitigationBody = {
      title: values.title.trim(),
      description: text(values.description),
      ...(({ responsible, responsibleUserId }) => ({ owner: responsible, responsibleUserId }))(
        responsibleBody({ text: values.owner, userId: values.responsibleUserId }),
      ),
      deadline: values.deadline === '' ? null : values.deadline,
      status: values.status,
      taskId: values.taskId === '' ? null : values.taskId,
    };
    if (!validate(createMitigationBody, body)) return;
    create.mutate(body, {
      onSuccess: (saved) => {
        announce(t.added(saved.title));
        setValues(emptyMitigation);
      },
      onError: (error) => showServerError(error),
    });
  };
  const summary: SummaryItem[] = mitigationFields.flatMap((field) => {
    const message = errors[field];
    return message ? [{ targetId: `mitigation-${field === 'taskId' ? 'task' : field}`, message }] : [];
  });

  return (
    <section className='samla-section' aria-labelledby='mitigations-heading'>
      <Heading level={2} data-size='sm' id='mitigations-heading'>
        {t.heading}
      </Heading>
      <Paragraph>{t.lead}</Paragraph>
      {message && (
        <Alert data-color='danger' role='alert'>
          <Paragraph>{message}</Paragraph>
        </Alert>
      )}
      {risk.mitigations.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        <div className='samla-table-scroll'>
          <Table data-color='neutral' className='samla-table' border data-size='sm'>
            <caption className='ds-sr-only'>{t.caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope='col'>{t.title}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.owner}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.deadline}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.status}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.task}</Table.HeaderCell>
                {editable && <Table.HeaderCell scope='col'>{t.actions}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {risk.mitigations.map((mitigation) => (
                <Table.Row key={mitigation.id}>
                  <Table.Cell>
                    {mitigation.title}
                    {mitigation.description && <div className='samla-muted'>{mitigation.description}</div>}
                  </Table.Cell>
                  <Table.Cell>{mitigation.responsibleName ?? m.decisions.none}</Table.Cell>
                  <Table.Cell className='samla-nowrap'>{mitigation.deadline ? fmt.date(mitigation.deadline) : m.decisions.none}</Table.Cell>
                  <Table.Cell>
                    {editable ? (
                      <Select
                        aria-label={t.statusFor(mitigation.title)}
                        data-size='sm'
                        value={mitigation.status}
                        onChange={(event) => {
                          const status = event.target.value;
                          if (!isMitigationStatus(status)) return;
                          update.mutate(
                            { id: mitigation.id, body: { version: mitigation.version, status } },
                            {
                              onSuccess: (saved) => announce(t.statusSaved(saved.title, m.risks.mitigationStatuses[saved.status] ?? saved.status)),
                              onError: (error) => setMessage(error instanceof ApiError && error.code === 'VERSION_CONFLICT' ? t.conflict : errorText(error, m)),
                            },
                          );
                        }}
                      >
                        {mitigationStatuses.map((status) => (
                          <Select.Option key={status} value={status}>
                            {m.risks.mitigationStatuses[status]}
                          </Select.Option>
                        ))}
                      </Select>
                    ) : (
                      m.risks.mitigationStatuses[mitigation.status]
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    {mitigation.taskId ? (
                      <RouterLink to={paths.task(merger.id, mitigation.taskId)}>{mitigation.taskTitle ?? mitigation.taskId}</RouterLink>
                    ) : (
                      m.decisions.none
                    )}
                  </Table.Cell>
                  {editable && (
                    <Table.Cell>
                      <Button
                        variant='tertiary'
                        data-size='sm'
                        data-color='danger'
                        aria-label={t.delete(mitigation.title)}
                        onClick={() => setToDelete({ id: mitigation.id, title: mitigation.title, version: mitigation.version })}
                      >
                        {t.deleteShort}
                      </Button>
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {editable && (
        <form noValidate onSubmit={onSubmit} className='samla-form' aria-labelledby='mitigation-form-heading'>
          <Heading level={3} data-size='xs' id='mitigation-form-heading'>
            {t.addHeading}
          </Heading>
          <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />
          <Textfield id='mitigation-title' label={t.titleLabel} value={values.title} onChange={(e) => change('title', e.target.value)} error={errors.title} />
          <Textfield
            id='mitigation-description'
            multiline
            rows={2}
            label={t.description}
            value={values.description}
            onChange={(e) => change('description', e.target.value)}
            error={errors.description}
          />
          <ResponsibleField
            id='mitigation-owner'
            mergerId={merger.id}
            label={t.owner}
            value={{ text: values.owner, userId: values.responsibleUserId }}
            onChange={(picked) => {
              change('owner', picked.text);
              change('responsibleUserId', picked.userId);
            }}
            error={errors.owner}
          />
          <Textfield
            id='mitigation-deadline'
            type='date'
            label={t.deadline}
            value={values.deadline}
            onChange={(e) => change('deadline', e.target.value)}
            error={errors.deadline}
            className='samla-date-field'
          />
          <Field>
            <Label htmlFor='mitigation-status'>{t.status}</Label>
            <Select id='mitigation-status' value={values.status} onChange={(e) => isMitigationStatus(e.target.value) && change('status', e.target.value)}>
              {mitigationStatuses.map((status) => (
                <Select.Option key={status} value={status}>
                  {m.risks.mitigationStatuses[status]}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label htmlFor='mitigation-task'>{t.task}</Label>
            <Select
              id='mitigation-task'
              value={values.taskId}
              onChange={(e) => change('taskId', e.target.value)}
              aria-invalid={errors.taskId ? true : undefined}
            >
              <Select.Option value=''>{t.noTask}</Select.Option>
              {options.tasks.map((task) => (
                <Select.Option key={task.id} value={task.id}>
                  {task.title}
                </Select.Option>
              ))}
            </Select>
            {errors.taskId && <ValidationMessage>{errors.taskId}</ValidationMessage>}
          </Field>
          <div className='samla-form__actions'>
            <Button type='submit' variant='secondary' loading={create.isPending} disabled={create.isPending}>
              {t.add}
            </Button>
          </div>
        </form>
      )}
      <ConfirmDialog
        open={toDelete !== undefined}
        heading={t.deleteHeading}
        text={toDelete ? t.deleteText(toDelete.title) : ''}
        confirmLabel={t.deleteShort}
        pending={remove.isPending}
        onCancel={() => setToDelete(undefined)}
        onConfirm={() => {
          if (toDelete) remove.mutate(toDelete, { onSettled: () => setToDelete(undefined) });
        }}
      />
    </section>
  );
}
