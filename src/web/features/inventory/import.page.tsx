import { Alert, Button, Field, Heading, Input, Label, Link, Paragraph, Select, Table, ValidationMessage } from '@digdir/designsystemet-react';
import { useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import type { ImportResult } from '#shared/contracts/inventory-import.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { useMerger } from '#web/features/mergers/mergers.api.ts';
import { can } from '#web/features/mergers/permissions.ts';
import { useI18n } from '#web/i18n/messages.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { paths } from '#web/lib/paths.ts';
import { exportXlsxUrl, templateUrl, useImport } from './inventory.api.ts';
import { apiSegment, kindOrder } from './inventory-kinds.ts';
import { InventoryNav } from './inventory-nav.tsx';

/** A 400 IMPORT_INVALID on commit carries the problems in `details`. */
function problemsOf(error: unknown): ImportResult['problems'] | undefined {
  if (!(error instanceof ApiError) || error.code !== 'IMPORT_INVALID' || !Array.isArray(error.details)) return undefined;
  return error.details as ImportResult['problems'];
}

export function ImportPage() {
  const { mergerId = '' } = useParams();
  const { m, fmt } = useI18n();
  const t = m.inventory.import;
  const merger = useMerger(mergerId);
  const run = useImport(mergerId);
  const announce = useAnnounce();
  useDocumentTitle(merger.data ? t.documentTitle(merger.data.name) : t.title);
  const fileRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | undefined>(undefined);
  const [kind, setKind] = useState('');
  const [errors, setErrors] = useState<{ file?: string; kind?: string }>({});
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<ImportResult | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const isCsv = file?.name.toLowerCase().endsWith('.csv') ?? false;
  const editable = can(merger.data, 'edit');

  const trail = [{ label: m.mergers.list.title, to: paths.mergers() }];
  if (merger.data) trail.push({ label: merger.data.name, to: paths.merger(mergerId) });

  const send = (mode: 'preview' | 'commit') => {
    setFailure(undefined);
    if (!file) return;
    run.mutate(
      { file, mode, kind: isCsv ? kind : undefined },
      {
        onSuccess: (answer) => {
          setResult(answer);
          announce(answer.committed ? t.done : answer.problems.length > 0 ? t.problemsHeading(fmt.number(answer.problems.length)) : t.ready);
        },
        onError: (error) => {
          const problems = problemsOf(error);
          if (problems) {
            setResult({ mode, committed: false, sheets: result?.sheets ?? [], problems });
          } else {
            setFailure(errorText(error, m));
          }
        },
      },
    );
  };

  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    const found: { file?: string; kind?: string } = {};
    if (!file) found.file = t.fileRequired;
    else if (!/\.(xlsx|csv)$/i.test(file.name)) found.file = t.fileType;
    else if (isCsv && kind === '') found.kind = t.kindRequired;
    setErrors(found);
    setAttempt((n) => n + 1);
    setResult(undefined);
    if (Object.keys(found).length > 0) return;
    send('preview');
  };

  const summary: SummaryItem[] = [
    ...(errors.file ? [{ targetId: 'import-file', message: errors.file }] : []),
    ...(errors.kind ? [{ targetId: 'import-kind', message: errors.kind }] : []),
  ];

  return (
    <>
      <PageBreadcrumbs trail={trail} />
      <Heading level={1} data-size='lg'>
        {m.inventory.title}: {t.title}
      </Heading>
      <InventoryNav mergerId={mergerId} current='import' />
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      <ul className='samla-downloads samla-mt-2' aria-label={t.exportHeading}>
        <li>
          <Link href={templateUrl(mergerId)} download>
            {t.template}
          </Link>
        </li>
        <li>
          <Link href={exportXlsxUrl(mergerId)} download>
            {t.exportXlsx}
          </Link>
        </li>
      </ul>
      {merger.data && !editable && (
        <Alert data-color='info' className='samla-read-only-note samla-mt-4'>
          <Paragraph>{m.inventory.register.readOnly}</Paragraph>
        </Alert>
      )}
      {editable && (
        <>
          <FormErrorSummary key={attempt} items={summary} />
          <form noValidate onSubmit={onPreview} className='samla-form samla-mt-4' aria-label={t.title}>
            <Field>
              <Label>{t.fileLabel}</Label>
              <Field.Description>{t.fileDescription}</Field.Description>
              <Input
                ref={fileRef}
                id='import-file'
                type='file'
                accept='.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'
                aria-invalid={errors.file ? true : undefined}
                onChange={(event) => {
                  setFile(event.target.files?.[0]);
                  setResult(undefined);
                  setErrors({});
                }}
              />
              {errors.file && <ValidationMessage>{errors.file}</ValidationMessage>}
            </Field>
            {isCsv && (
              <Field>
                <Label>{t.kindLabel}</Label>
                <Select id='import-kind' value={kind} aria-invalid={errors.kind ? true : undefined} onChange={(event) => setKind(event.target.value)}>
                  <Select.Option value=''>{t.chooseKind}</Select.Option>
                  {kindOrder.map((key) => (
                    <Select.Option key={key} value={apiSegment(key)}>
                      {m.inventory.kinds[key]}
                    </Select.Option>
                  ))}
                </Select>
                {errors.kind && <ValidationMessage>{errors.kind}</ValidationMessage>}
              </Field>
            )}
            <div className='samla-form__actions'>
              <Button type='submit' variant={result && result.problems.length === 0 && !result.committed ? 'secondary' : 'primary'} loading={run.isPending && run.variables?.mode === 'preview'} disabled={run.isPending}>
                {t.preview}
              </Button>
            </div>
          </form>
        </>
      )}
      {failure && (
        <Alert data-color='danger' role='alert' className='samla-mt-4'>
          <Paragraph>{failure}</Paragraph>
        </Alert>
      )}
      {result && <ImportOutcome mergerId={mergerId} result={result} pending={run.isPending} onCommit={() => send('commit')} />}
    </>
  );
}

function ImportOutcome({ mergerId, result, pending, onCommit }: { mergerId: string; result: ImportResult; pending: boolean; onCommit: () => void }) {
  const { m, fmt } = useI18n();
  const t = m.inventory.import;
  const hasProblems = result.problems.length > 0;
  return (
    <section className='samla-section' aria-labelledby='import-result-heading'>
      <Heading level={2} data-size='sm' id='import-result-heading'>
        {result.committed ? t.resultHeading : t.previewHeading}
      </Heading>
      {result.sheets.length > 0 && (
        <div className='samla-table-scroll'>
          <Table data-color='neutral' className='samla-table samla-table--compact' border data-size='sm'>
            <caption>{t.sheetsCaption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope='col'>{t.sheet}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.created}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.updated}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.unchanged}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {result.sheets.map((sheet) => (
                <Table.Row key={sheet.sheet}>
                  <Table.HeaderCell scope='row'>{sheet.sheet}</Table.HeaderCell>
                  <Table.Cell>{fmt.number(sheet.created)}</Table.Cell>
                  <Table.Cell>{fmt.number(sheet.updated)}</Table.Cell>
                  <Table.Cell>{fmt.number(sheet.unchanged)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      {hasProblems ? (
        <>
          <Alert data-color='danger' className='samla-mt-4'>
            <Heading level={3} data-size='xs'>
              {t.problemsHeading(fmt.number(result.problems.length))}
            </Heading>
            <Paragraph>{t.nothingImported}</Paragraph>
          </Alert>
          <div className='samla-table-scroll samla-mt-2'>
            <Table data-color='neutral' className='samla-table samla-table--compact' border data-size='sm'>
              <caption>{t.problemsCaption}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell scope='col'>{t.sheet}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t.row}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t.column}</Table.HeaderCell>
                  <Table.HeaderCell scope='col'>{t.problem}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {result.problems.map((problem, index) => (
                  <Table.Row key={`${problem.sheet}-${problem.row ?? ''}-${problem.column ?? ''}-${index}`}>
                    <Table.Cell>{problem.sheet}</Table.Cell>
                    <Table.Cell>{problem.row === null ? '' : fmt.number(problem.row)}</Table.Cell>
                    <Table.Cell>{problem.column ?? ''}</Table.Cell>
                    <Table.Cell>{problem.message}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      ) : result.committed ? (
        <Alert data-color='success' className='samla-mt-4'>
          <Paragraph>{t.done}</Paragraph>
          <ul className='samla-links'>
            <li>
              <RouterLink to={paths.inventory(mergerId)}>{t.goToRegisters}</RouterLink>
            </li>
            <li>
              <RouterLink to={paths.sideBySide(mergerId)}>{t.goToSideBySide}</RouterLink>
            </li>
          </ul>
        </Alert>
      ) : (
        <>
          <Alert data-color='info' className='samla-mt-4'>
            <Paragraph>{t.ready}</Paragraph>
          </Alert>
          <div className='samla-form__actions samla-mt-4'>
            <Button onClick={onCommit} loading={pending} disabled={pending}>
              {t.commit}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
