import { Alert, Button, Fieldset, Heading, Paragraph, Radio, Table } from '@digdir/designsystemet-react';
import { Fragment, useState, type ReactNode } from 'react';
import type { ImportMissing, ImportProblem, ImportResult, ImportRowChange, ImportSheetSummary } from '#shared/contracts/inventory-import.ts';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { groupMissing, isEmptySheet, previewLimit, visibleRows } from './import-outcome.ts';
import { kindOrder } from './inventory-kinds.ts';

/** The register's name for a kind the server sent (`systems` → «IKT-systemer»), or the kind itself. */
function useRegisterName() {
  const { m } = useI18n();
  const names = m.inventory.kinds as Record<string, string | undefined>;
  return (kind: string) => names[kind] ?? kind;
}

/**
 * The first {@link previewLimit} of a long list and a button for the rest. The button stays
 * where it is (its text turns to «Vis bare de 50 første»), so keyboard focus is not lost.
 */
function LongList<T>({ rows, controls, children }: { rows: readonly T[]; controls: string; children: (shown: readonly T[]) => ReactNode }) {
  const { m, fmt } = useI18n();
  const t = m.inventory.import;
  const [showAll, setShowAll] = useState(false);
  const long = rows.length > previewLimit;
  return (
    <>
      {children(visibleRows(rows, showAll))}
      {long && (
        <div className='samla-show-more'>
          <Button type='button' variant='secondary' data-size='sm' aria-controls={controls} onClick={() => setShowAll((now) => !now)}>
            {showAll ? t.showFirst(fmt.number(previewLimit)) : t.showAll(fmt.number(rows.length))}
          </Button>
        </div>
      )}
    </>
  );
}

/** A value as the change table shows it: «(tom)» for an empty one. */
function Value({ value }: { value: string | null }) {
  const { m } = useI18n();
  if (value === null || value === '') return <span className='samla-muted'>{m.inventory.import.empty}</span>;
  return <span className='samla-changes__new'>{value}</span>;
}

function ChangedRow({ change }: { change: ImportRowChange }) {
  const { m, fmt } = useI18n();
  const t = m.inventory.import;
  const span = Math.max(1, change.changes.length);
  const [first, ...rest] = change.changes;
  const lead = (
    <>
      <Table.Cell rowSpan={span}>{fmt.number(change.row)}</Table.Cell>
      <Table.HeaderCell scope='rowgroup' rowSpan={span}>
        {change.label}
        {change.matchedBy === 'key' && (
          <>
            {' '}
            <span className='samla-muted'>– {t.matchedByKey}</span>
          </>
        )}
      </Table.HeaderCell>
    </>
  );
  // One <tbody> per stored row: its number and name head all of its field changes.
  return (
    <Table.Body>
      <Table.Row>
        {lead}
        <Table.Cell>{first?.column ?? ''}</Table.Cell>
        <Table.Cell>{first ? <Value value={first.before} /> : null}</Table.Cell>
        <Table.Cell>{first ? <Value value={first.after} /> : null}</Table.Cell>
      </Table.Row>
      {rest.map((field) => (
        <Table.Row key={field.column}>
          <Table.Cell>{field.column}</Table.Cell>
          <Table.Cell>
            <Value value={field.before} />
          </Table.Cell>
          <Table.Cell>
            <Value value={field.after} />
          </Table.Cell>
        </Table.Row>
      ))}
    </Table.Body>
  );
}

function SheetPreview({ sheet, index }: { sheet: ImportSheetSummary; index: number }) {
  const { m, fmt } = useI18n();
  const t = m.inventory.import;
  const registerName = useRegisterName();
  const id = `import-sheet-${index}`;
  const nothing = sheet.newRows.length === 0 && sheet.changedRows.length === 0;
  return (
    <section className='samla-mt-4' aria-labelledby={`${id}-heading`}>
      <Heading level={3} data-size='xs' id={`${id}-heading`}>
        {t.sheetHeading(sheet.sheet, registerName(sheet.kind))}
      </Heading>
      <Paragraph>{t.sheetCounts(sheet.created, sheet.updated, sheet.unchanged)}</Paragraph>
      {nothing && <Paragraph className='samla-muted'>{t.sheetNoChanges}</Paragraph>}
      {sheet.newRows.length > 0 && (
        <>
          <Heading level={4} data-size='2xs' className='samla-mt-4'>
            {t.newRowsHeading(fmt.number(sheet.newRows.length))}
          </Heading>
          <LongList rows={sheet.newRows} controls={`${id}-new`}>
            {(shown) => (
              <ul id={`${id}-new`}>
                {shown.map((row) => (
                  <li key={row.row}>{t.newRow(row.label, fmt.number(row.row))}</li>
                ))}
              </ul>
            )}
          </LongList>
        </>
      )}
      {sheet.changedRows.length > 0 && (
        <>
          <Heading level={4} data-size='2xs' className='samla-mt-4'>
            {t.changedRowsHeading(fmt.number(sheet.changedRows.length))}
          </Heading>
          <LongList rows={sheet.changedRows} controls={`${id}-changes`}>
            {(shown) => (
              <ScrollRegion label={t.changesCaption(sheet.sheet)}>
                <Table id={`${id}-changes`} data-color='neutral' className='samla-table samla-table--compact' border data-size='sm'>
                  {/* The heading above says it for the eye; the caption names the table for a screen reader. */}
                  <caption className='ds-sr-only'>{t.changesCaption(sheet.sheet)}</caption>
                  <Table.Head>
                    <Table.Row>
                      <Table.HeaderCell scope='col'>{t.row}</Table.HeaderCell>
                      <Table.HeaderCell scope='col'>{t.name}</Table.HeaderCell>
                      <Table.HeaderCell scope='col'>{t.field}</Table.HeaderCell>
                      <Table.HeaderCell scope='col'>{t.before}</Table.HeaderCell>
                      <Table.HeaderCell scope='col'>{t.after}</Table.HeaderCell>
                    </Table.Row>
                  </Table.Head>
                  {shown.map((change) => (
                    <ChangedRow key={`${change.id}-${change.row}`} change={change} />
                  ))}
                </Table>
              </ScrollRegion>
            )}
          </LongList>
        </>
      )}
    </section>
  );
}

/**
 * What each sheet of the file will do, row by row and field by field. Sheets without a
 * single row (a full workbook has eight, most often left empty) share one line.
 */
export function SheetsPreview({ sheets }: { sheets: ImportSheetSummary[] }) {
  const { m } = useI18n();
  const empty = sheets.filter(isEmptySheet);
  return (
    <>
      {sheets.map((sheet, index) => (isEmptySheet(sheet) ? null : <SheetPreview key={`${sheet.sheet}-${index}`} sheet={sheet} index={index} />))}
      {empty.length > 0 && <Paragraph className='samla-muted samla-mt-4'>{m.inventory.import.emptySheets(empty.map((sheet) => sheet.sheet))}</Paragraph>}
    </>
  );
}

/** After a commit: what was saved, per sheet. */
export function SheetsCounts({ sheets }: { sheets: ImportSheetSummary[] }) {
  const { m, fmt } = useI18n();
  const t = m.inventory.import;
  if (sheets.length === 0) return null;
  return (
    <ScrollRegion label={t.sheetsCaption}>
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
          {sheets.map((sheet) => (
            <Table.Row key={sheet.sheet}>
              <Table.HeaderCell scope='row'>{sheet.sheet}</Table.HeaderCell>
              <Table.Cell>{fmt.number(sheet.created)}</Table.Cell>
              <Table.Cell>{fmt.number(sheet.updated)}</Table.Cell>
              <Table.Cell>{fmt.number(sheet.unchanged)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </ScrollRegion>
  );
}

/** Problems (that block the import) or warnings (that must be read), each at its sheet, row and column. */
export function ProblemTable({ problems, caption, what, id }: { problems: ImportProblem[]; caption: string; what: string; id: string }) {
  const { m, fmt } = useI18n();
  const t = m.inventory.import;
  return (
    <LongList rows={problems} controls={id}>
      {(shown) => (
        <ScrollRegion label={caption} className='samla-mt-2'>
          <Table id={id} data-color='neutral' className='samla-table samla-table--compact' border data-size='sm'>
            <caption>{caption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell scope='col'>{t.sheet}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.row}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{t.column}</Table.HeaderCell>
                <Table.HeaderCell scope='col'>{what}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shown.map((problem, index) => (
                <Table.Row key={`${problem.sheet}-${problem.row ?? ''}-${problem.column ?? ''}-${index}`}>
                  <Table.Cell>{problem.sheet}</Table.Cell>
                  <Table.Cell>{problem.row === null ? '' : fmt.number(problem.row)}</Table.Cell>
                  <Table.Cell>{problem.column ?? ''}</Table.Cell>
                  <Table.Cell>{problem.message}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
      )}
    </LongList>
  );
}

interface MissingRowsProps {
  result: ImportResult;
  /** The choice as the person made it (it leads the preview while a new one is on its way). */
  choice: ImportMissing;
  onChoose: (choice: ImportMissing) => void;
  updating: boolean;
  municipalityName: (number: string) => string;
}

/**
 * Stored rows the file does not have, per register, and the choice of keeping or deleting
 * them. A changed choice makes the page preview again, so what is shown is what «Importer» does.
 */
export function MissingRows({ result, choice, onChoose, updating, municipalityName }: MissingRowsProps) {
  const { m, fmt } = useI18n();
  const t = m.inventory.import;
  const registerName = useRegisterName();
  const groups = groupMissing(result.missing, kindOrder);
  return (
    <section className='samla-mt-4' aria-labelledby='import-missing-heading' aria-busy={updating}>
      <Heading level={3} data-size='xs' id='import-missing-heading'>
        {t.missingHeading(fmt.number(result.missing.length))}
      </Heading>
      <Paragraph>{t.missingLead}</Paragraph>
      {groups.map((group) => {
        const id = `import-missing-${group.kind}`;
        return (
          <Fragment key={group.kind}>
            <Heading level={4} data-size='2xs' className='samla-mt-4' id={`${id}-heading`}>
              {t.missingGroup(registerName(group.kind), fmt.number(group.rows.length))}
            </Heading>
            <LongList rows={group.rows} controls={id}>
              {(shown) => (
                <ul id={id} aria-labelledby={`${id}-heading`}>
                  {shown.map((row) => (
                    <li key={row.id}>{t.missingRow(row.label, municipalityName(row.municipalityNumber))}</li>
                  ))}
                </ul>
              )}
            </LongList>
          </Fragment>
        );
      })}
      <Fieldset className='samla-mt-4'>
        <Fieldset.Legend>{t.missingLegend}</Fieldset.Legend>
        <div className='samla-radios samla-radios--stacked'>
          <Radio
            id='import-missing-keep'
            name='import-missing'
            value='keep'
            label={t.missingKeep}
            checked={choice === 'keep'}
            onChange={() => onChoose('keep')}
          />
          <Radio
            id='import-missing-delete'
            name='import-missing'
            value='delete'
            label={t.missingDelete}
            checked={choice === 'delete'}
            onChange={() => onChoose('delete')}
          />
        </div>
      </Fieldset>
      {updating ? (
        <Paragraph className='samla-muted samla-mt-2'>{t.previewUpdating}</Paragraph>
      ) : (
        result.deleted > 0 && (
          <Alert data-color='warning' className='samla-mt-2'>
            <Paragraph>{t.missingWillDelete(result.deleted)}</Paragraph>
          </Alert>
        )
      )}
    </section>
  );
}
