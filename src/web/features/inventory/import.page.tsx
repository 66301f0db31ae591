import { Alert, Button, Checkbox, Field, Heading, Input, Label, Link, Paragraph, Select, ValidationMessage } from '@digdir/designsystemet-react';
import { useLayoutEffect, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { importQuery, type ImportMissing, type ImportResult } from '#shared/contracts/inventory-import.ts';
import { PageBreadcrumbs } from '#web/components/breadcrumbs.tsx';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { FormErrorSummary, type SummaryItem } from '#web/components/form-error-summary.tsx';
import { useFieldErrors } from '#web/components/form-state.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText } from '#web/components/query-state.tsx';
import { RouterLink } from '#web/components/router-link.tsx';
import { useMergerRoute } from '#web/features/mergers/merger-route.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { paths } from '#web/lib/paths.ts';
import { changesAnything, importRefusal } from './import-outcome.ts';
import { MissingRows, ProblemTable, SheetsCounts, SheetsPreview } from './import-preview.tsx';
import { exportXlsxUrl, templateUrl, useImport } from './inventory.api.ts';
import { apiSegment, kindOrder } from './inventory-kinds.ts';
import { InventoryNav } from './inventory-nav.tsx';

export function ImportPage() {
  const { mergerId, merger, trail, editable } = useMergerRoute();
  const { m, fmt } = useI18n();
  const t = m.inventory.import;
  const run = useImport(mergerId);
  const announce = useAnnounce();
  useDocumentTitle(t.documentTitle(merger.name));
  const fileRef = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const [file, setFile] = useState<File | undefined>(undefined);
  const [kind, setKind] = useState('');
  // The file and what kind of register a CSV is are the page's to check: the request's query (the
  // contract) does not see the file, and the service asks for the kind only of a CSV.
  const { errors, otherErrors, attempt, validate, clearField, clearErrors } = useFieldErrors(['file', 'kind'] as const);
  const [result, setResult] = useState<ImportResult | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  /** The data or the file changed between preview and commit: the preview shown is the server's new one. */
  const [outdated, setOutdated] = useState(false);
  const [missing, setMissing] = useState<ImportMissing>('keep');
  const [confirmed, setConfirmed] = useState(false);
  const [confirmError, setConfirmError] = useState<string | undefined>(undefined);
  const [commitAttempt, setCommitAttempt] = useState(0);
  /** Counts the answers that should take focus to the result's heading (not a changed radio button). */
  const [focusResult, setFocusResult] = useState(0);
  const isCsv = file?.name.toLowerCase().endsWith('.csv') ?? false;

  // In the same frame as the result appears, so focus is never left behind on a button that
  // has gone (or at the top of the page, where a screen reader would start reading again).
  useLayoutEffect(() => {
    if (focusResult > 0) resultHeading.current?.focus();
  }, [focusResult]);

  const municipalityName = (number: string) => merger.municipalities.find((one) => one.number === number)?.name ?? number;

  /** A new preview: what was confirmed about the last one no longer holds. */
  const showPreview = (answer: ImportResult) => {
    setResult(answer);
    setMissing(answer.missingAction);
    setConfirmed(false);
    setConfirmError(undefined);
  };

  const preview = (choice: ImportMissing, moveFocus: boolean) => {
    setFailure(undefined);
    if (!file) return;
    run.mutate(
      { file, mode: 'preview', kind: isCsv ? kind : undefined, missing: choice },
      {
        onSuccess: (answer) => {
          showPreview(answer);
          setOutdated(false);
          if (moveFocus) setFocusResult((n) => n + 1);
          announce(
            answer.problems.length > 0
              ? t.problemsHeading(fmt.number(answer.problems.length))
              : moveFocus
                ? answer.warnings.length > 0
                  ? t.readyWithWarnings
                  : t.ready
                : t.previewUpdated,
          );
        },
        onError: (error) => {
          // The radio button goes back to what the preview on screen shows.
          if (result) setMissing(result.missingAction);
          setFailure(errorText(error, m));
        },
      },
    );
  };

  const commit = () => {
    setFailure(undefined);
    if (!file || !result) return;
    run.mutate(
      {
        file,
        mode: 'commit',
        kind: isCsv ? kind : undefined,
        missing: result.missingAction,
        confirmWarnings: confirmed,
        previewToken: result.previewToken,
      },
      {
        onSuccess: (answer) => {
          setResult(answer);
          setOutdated(false);
          setFocusResult((n) => n + 1);
          announce(answer.committed ? t.done : t.ready);
        },
        onError: (error) => {
          const refusal = importRefusal(error);
          if (!refusal) {
            setFailure(errorText(error, m));
            return;
          }
          if (refusal.type === 'invalid') {
            setResult(refusal.result ?? { ...result, mode: 'commit', committed: false, problems: refusal.problems });
            setFocusResult((n) => n + 1);
            announce(t.problemsHeading(fmt.number(refusal.problems.length)));
          } else if (refusal.type === 'outdated') {
            showPreview(refusal.result);
            setOutdated(true);
            setFocusResult((n) => n + 1);
            announce(t.outdated);
          } else {
            showPreview(refusal.result);
            setConfirmError(t.confirmWarningsRequired);
            setCommitAttempt((n) => n + 1);
          }
        },
      },
    );
  };

  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    if (run.isPending) return;
    const rules: { file?: string; kind?: string } = {};
    if (!file) rules.file = t.fileRequired;
    else if (!/\.(xlsx|csv)$/i.test(file.name)) rules.file = t.fileType;
    else if (isCsv && kind === '') rules.kind = t.kindRequired;
    const query: z.input<typeof importQuery> = { mode: 'preview', kind: isCsv ? kind : undefined, missing };
    const ok = validate(importQuery, query, rules);
    setResult(undefined);
    setOutdated(false);
    if (!ok) return;
    preview(missing, true);
  };

  const onCommit = (event: FormEvent) => {
    event.preventDefault();
    if (!result || run.isPending) return;
    if (result.warnings.length > 0 && !confirmed) {
      setConfirmError(t.confirmWarningsRequired);
      setCommitAttempt((n) => n + 1);
      return;
    }
    setConfirmError(undefined);
    commit();
  };

  const onChooseMissing = (choice: ImportMissing) => {
    setMissing(choice);
    preview(choice, false);
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
      {!editable && (
        <Alert data-color='info' className='samla-read-only-note samla-mt-4'>
          <Paragraph>{m.inventory.register.readOnly}</Paragraph>
        </Alert>
      )}
      {editable && (
        <>
          <FormErrorSummary key={attempt} items={summary} extra={otherErrors} />
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
                  setOutdated(false);
                  // Deleting rows is chosen for one file, never carried over to another.
                  setMissing('keep');
                  clearErrors();
                }}
              />
              {errors.file && <ValidationMessage>{errors.file}</ValidationMessage>}
            </Field>
            {isCsv && (
              <Field>
                <Label>{t.kindLabel}</Label>
                <Select
                  id='import-kind'
                  value={kind}
                  aria-invalid={errors.kind ? true : undefined}
                  onChange={(event) => {
                    setKind(event.target.value);
                    clearField('kind');
                  }}
                >
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
              <Button
                type='submit'
                variant={result && result.problems.length === 0 && !result.committed ? 'secondary' : 'primary'}
                loading={run.isPending && run.variables?.mode === 'preview' && result === undefined}
                // aria-disabled, not disabled: a disabled button drops the keyboard's focus to the
                // top of the page while the file is read. The handler ignores a second press.
                aria-disabled={run.isPending || undefined}
              >
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
      {result && (
        <section className='samla-section' aria-labelledby='import-result-heading'>
          <Heading level={2} data-size='sm' id='import-result-heading' ref={resultHeading} tabIndex={-1}>
            {result.committed ? t.resultHeading : t.previewHeading}
          </Heading>
          {outdated && (
            <Alert data-color='warning' className='samla-mt-4'>
              <Paragraph>{t.outdated}</Paragraph>
            </Alert>
          )}
          {result.committed ? (
            <Committed mergerId={mergerId} result={result} />
          ) : (
            <>
              <PreviewStatus result={result} />
              {result.problems.length > 0 && <ProblemTable problems={result.problems} caption={t.problemsCaption} what={t.problem} id='import-problems' />}
              <SheetsPreview sheets={result.sheets} />
              {result.missing.length > 0 && (
                <MissingRows
                  result={result}
                  choice={missing}
                  onChoose={onChooseMissing}
                  updating={run.isPending && run.variables?.mode === 'preview'}
                  municipalityName={municipalityName}
                />
              )}
              {result.warnings.length > 0 && (
                <section className='samla-mt-4' aria-labelledby='import-warnings-heading'>
                  <Heading level={3} data-size='xs' id='import-warnings-heading'>
                    {t.warningsHeading(result.warnings.length)}
                  </Heading>
                  <Paragraph>{t.warningsLead}</Paragraph>
                  <ProblemTable problems={result.warnings} caption={t.warningsCaption} what={t.warning} id='import-warnings' />
                </section>
              )}
              {result.problems.length === 0 && (
                <form noValidate onSubmit={onCommit} className='samla-form samla-mt-4' aria-label={t.commit}>
                  <FormErrorSummary key={commitAttempt} items={confirmError ? [{ targetId: 'import-confirm-warnings', message: confirmError }] : []} />
                  {result.warnings.length > 0 && (
                    <Checkbox
                      id='import-confirm-warnings'
                      label={t.confirmWarnings}
                      checked={confirmed}
                      aria-required
                      aria-invalid={confirmError ? true : undefined}
                      error={confirmError}
                      onChange={(event) => {
                        setConfirmed(event.target.checked);
                        if (event.target.checked) setConfirmError(undefined);
                      }}
                    />
                  )}
                  <div className='samla-form__actions'>
                    <Button type='submit' loading={run.isPending && run.variables?.mode === 'commit'} aria-disabled={run.isPending || undefined}>
                      {t.commit}
                    </Button>
                  </div>
                </form>
              )}
            </>
          )}
        </section>
      )}
    </>
  );
}

/** What the preview comes to: nothing can be imported, or it can (and whether it changes anything). */
function PreviewStatus({ result }: { result: ImportResult }) {
  const { m, fmt } = useI18n();
  const t = m.inventory.import;
  if (result.problems.length > 0) {
    return (
      <Alert data-color='danger' className='samla-mt-4'>
        <Heading level={3} data-size='xs'>
          {t.problemsHeading(fmt.number(result.problems.length))}
        </Heading>
        <Paragraph>{t.nothingImported}</Paragraph>
      </Alert>
    );
  }
  return (
    <Alert data-color='info' className='samla-mt-4'>
      <Paragraph>{result.warnings.length > 0 ? t.readyWithWarnings : t.ready}</Paragraph>
      {!changesAnything(result) && <Paragraph>{t.nothingToChange}</Paragraph>}
    </Alert>
  );
}

function Committed({ mergerId, result }: { mergerId: string; result: ImportResult }) {
  const { m } = useI18n();
  const t = m.inventory.import;
  return (
    <>
      <Alert data-color='success' className='samla-mt-4'>
        <Paragraph>{t.done}</Paragraph>
        {result.deleted > 0 && <Paragraph>{t.deleted(result.deleted)}</Paragraph>}
        <ul className='samla-links'>
          <li>
            <RouterLink to={paths.inventory(mergerId)}>{t.goToRegisters}</RouterLink>
          </li>
          <li>
            <RouterLink to={paths.sideBySide(mergerId)}>{t.goToSideBySide}</RouterLink>
          </li>
        </ul>
      </Alert>
      <div className='samla-mt-4'>
        <SheetsCounts sheets={result.sheets} />
      </div>
    </>
  );
}
