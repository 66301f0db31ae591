import { Alert, Button, Field, Fieldset, Heading, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { MAX_LEVELS, MIN_LEVELS, type MatrixMapping, type MatrixPreview, type RiskMatrix, type RiskMatrixResponse } from '#shared/contracts/risks.ts';
import { useDocumentTitle } from '#web/components/document-title.ts';
import { useAnnounce } from '#web/components/live-announcer.tsx';
import { errorText, LoadError, Loading } from '#web/components/query-state.tsx';
import { ScrollRegion } from '#web/components/scroll-region.tsx';
import { useI18n } from '#web/i18n/messages.ts';
import { ApiError } from '#web/lib/api-client.ts';
import { proportionalMapping, scoreGridFor } from './risk-form.ts';
import { textColorOn } from './risk-view.ts';
import { CellBadge, RiskNav, RiskPageHead, useRiskTrail } from './risk-shell.tsx';
import { usePreviewMatrix, useRiskMatrix, useSaveMatrix } from './risks.api.ts';

type Axis = 'likelihood' | 'consequence';

export function RiskMatrixPage() {
  const { m } = useI18n();
  const t = m.risks.matrix;
  const { mergerId, merger, trail, editable, can } = useRiskTrail();
  // The matrix decides which risks are «red» for everyone: prosjektleder and eier change it (decision 025).
  const decides = can('decide');
  const matrix = useRiskMatrix(mergerId);
  // Kept here: a save gives a new version, and the editor starts afresh from it.
  const [saved, setSaved] = useState(false);
  useDocumentTitle(t.documentTitle(merger.name));
  return (
    <RiskPageHead trail={trail} title={t.title}>
      <Paragraph className='samla-lead'>{t.lead}</Paragraph>
      <RiskNav mergerId={mergerId} editable={editable} />
      {matrix.isError && <LoadError error={matrix.error} onRetry={() => void matrix.refetch()} />}
      {matrix.isPending && <Loading />}
      {editable && !decides && <Paragraph data-testid='only-deciders-matrix'>{t.onlyDeciders}</Paragraph>}
      {matrix.data && <MatrixEditor key={matrix.data.version} mergerId={mergerId} current={matrix.data} editable={decides} saved={saved} onSaved={setSaved} />}
    </RiskPageHead>
  );
}

interface MatrixEditorProps {
  mergerId: string;
  current: RiskMatrixResponse;
  editable: boolean;
  saved: boolean;
  onSaved: (saved: boolean) => void;
}

function MatrixEditor({ mergerId, current, editable, saved, onSaved }: MatrixEditorProps) {
  const { m } = useI18n();
  const t = m.risks.matrix;
  const announce = useAnnounce();
  const [draft, setDraft] = useState<RiskMatrix>(current.matrix);
  const [mapping, setMapping] = useState<MatrixMapping>({
    likelihood: proportionalMapping(current.matrix.likelihood.length, current.matrix.likelihood.length),
    consequence: proportionalMapping(current.matrix.consequence.length, current.matrix.consequence.length),
  });
  const [preview, setPreview] = useState<MatrixPreview | undefined>(undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const previewer = usePreviewMatrix(mergerId);
  const saver = useSaveMatrix(mergerId);
  const resized = draft.likelihood.length !== current.matrix.likelihood.length || draft.consequence.length !== current.matrix.consequence.length;
  const needsMapping = resized && current.riskCount > 0;

  const edit = (next: RiskMatrix) => {
    setDraft(next);
    setPreview(undefined);
    onSaved(false);
  };
  const resize = (axis: Axis, size: number) => {
    const scale = [...draft[axis]];
    while (scale.length < size) scale.push({ name: '', description: '' });
    scale.length = size;
    const next = { ...draft, [axis]: scale };
    next.grid = scoreGridFor(draft, next.likelihood.length, next.consequence.length);
    edit(next);
    setMapping((currentMapping) => ({ ...currentMapping, [axis]: proportionalMapping(current.matrix[axis].length, size) }));
  };

  const runPreview = () => {
    setFailure(undefined);
    previewer.mutate(needsMapping ? { matrix: draft, mapping } : { matrix: draft }, {
      onSuccess: setPreview,
      onError: (error) => setFailure(errorText(error, m)),
    });
  };
  const save = () => {
    setFailure(undefined);
    saver.mutate(needsMapping ? { matrix: draft, mapping, version: current.version } : { matrix: draft, version: current.version }, {
      onSuccess: () => {
        onSaved(true);
        announce(t.saved);
      },
      onError: (error) => setFailure(error instanceof ApiError && error.code === 'VERSION_CONFLICT' ? t.conflict : errorText(error, m)),
    });
  };

  return (
    <>
      {current.version === 0 && <Paragraph>{t.isDefault}</Paragraph>}
      {saved && (
        <Alert data-color='success'>
          <Paragraph>{t.saved}</Paragraph>
        </Alert>
      )}
      {(['likelihood', 'consequence'] as const).map((axis) => (
        <Fieldset key={axis} className='samla-section'>
          <Fieldset.Legend>
            {t[axis]} – {t.levels(draft[axis].length)}
          </Fieldset.Legend>
          {draft[axis].map((level, index) => (
            <div className='samla-level-row' key={index}>
              <Textfield
                id={`matrix-${axis}-${index + 1}-name`}
                label={t.levelName(String(index + 1))}
                value={level.name}
                readOnly={!editable}
                onChange={(event) => edit({ ...draft, [axis]: draft[axis].map((l, i) => (i === index ? { ...l, name: event.target.value } : l)) })}
              />
              <Textfield
                id={`matrix-${axis}-${index + 1}-description`}
                label={t.levelDescription(String(index + 1))}
                value={level.description}
                readOnly={!editable}
                onChange={(event) => edit({ ...draft, [axis]: draft[axis].map((l, i) => (i === index ? { ...l, description: event.target.value } : l)) })}
              />
            </div>
          ))}
          {editable && (
            <div className='samla-risk-actions'>
              <Button variant='secondary' data-size='sm' disabled={draft[axis].length >= MAX_LEVELS} onClick={() => resize(axis, draft[axis].length + 1)}>
                {t.addLevel} ({t[axis]})
              </Button>
              <Button variant='tertiary' data-size='sm' disabled={draft[axis].length <= MIN_LEVELS} onClick={() => resize(axis, draft[axis].length - 1)}>
                {t.removeLevel} ({t[axis]})
              </Button>
            </div>
          )}
        </Fieldset>
      ))}

      <Fieldset className='samla-section'>
        <Fieldset.Legend>{t.classes}</Fieldset.Legend>
        {draft.classes.map((riskClass, index) => (
          <div className='samla-level-row' key={riskClass.key}>
            <Textfield
              id={`matrix-class-${riskClass.key}`}
              label={t.className(index + 1, riskClass.key)}
              value={riskClass.name}
              readOnly={!editable}
              onChange={(event) => edit({ ...draft, classes: draft.classes.map((c, i) => (i === index ? { ...c, name: event.target.value } : c)) })}
            />
            <Field>
              <Label htmlFor={`matrix-color-${riskClass.key}`}>{t.classColor(riskClass.name)}</Label>
              <input
                id={`matrix-color-${riskClass.key}`}
                type='color'
                value={riskClass.color}
                disabled={!editable}
                onChange={(event) => edit({ ...draft, classes: draft.classes.map((c, i) => (i === index ? { ...c, color: event.target.value } : c)) })}
              />
              <span className='samla-risk-badge' style={{ backgroundColor: riskClass.color, color: textColorOn(riskClass.color) }}>
                {riskClass.name}
              </span>
            </Field>
          </div>
        ))}
      </Fieldset>

      <section className='samla-section' aria-labelledby='matrix-grid-heading'>
        <Heading level={2} data-size='sm' id='matrix-grid-heading'>
          {t.grid}
        </Heading>
        <ScrollRegion label={t.gridCaption}>
          <Table data-color='neutral' className='samla-table samla-matrix-grid' border data-size='sm'>
            <caption className='ds-sr-only'>{t.gridCaption}</caption>
            <Table.Head>
              <Table.Row>
                <Table.Cell />
                {draft.consequence.map((level, c) => (
                  <Table.HeaderCell key={c} scope='col'>{`${c + 1} ${level.name}`}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {draft.likelihood
                .map((_, l) => l)
                .reverse()
                .map((l) => (
                  <Table.Row key={l}>
                    <Table.HeaderCell scope='row'>{`${l + 1} ${draft.likelihood[l]!.name}`}</Table.HeaderCell>
                    {draft.consequence.map((_, c) => (
                      <Table.Cell key={c}>
                        <Select
                          aria-label={t.gridCell(String(l + 1), String(c + 1))}
                          data-size='sm'
                          value={draft.grid[l]?.[c] ?? ''}
                          disabled={!editable}
                          onChange={(event) =>
                            edit({
                              ...draft,
                              grid: draft.grid.map((row, li) => (li === l ? row.map((key, ci) => (ci === c ? event.target.value : key)) : row)),
                            })
                          }
                        >
                          {draft.classes.map((riskClass) => (
                            <Select.Option key={riskClass.key} value={riskClass.key}>
                              {riskClass.name}
                            </Select.Option>
                          ))}
                        </Select>
                      </Table.Cell>
                    ))}
                  </Table.Row>
                ))}
            </Table.Body>
          </Table>
        </ScrollRegion>
        {editable && (
          <Button
            variant='tertiary'
            data-size='sm'
            onClick={() => edit({ ...draft, grid: scoreGridFor(draft, draft.likelihood.length, draft.consequence.length) })}
          >
            {t.resetGrid}
          </Button>
        )}
      </section>

      {editable && needsMapping && (
        <section className='samla-section' aria-labelledby='matrix-mapping-heading'>
          <Heading level={2} data-size='sm' id='matrix-mapping-heading'>
            {t.mappingHeading}
          </Heading>
          <Paragraph>{t.mappingLead}</Paragraph>
          {(['likelihood', 'consequence'] as const).map((axis) =>
            current.matrix[axis].map((level, index) => (
              <Field key={`${axis}-${index}`}>
                <Label htmlFor={`mapping-${axis}-${index + 1}`}>{t.mappingFor(t[axis], String(index + 1), level.name)}</Label>
                <Select
                  id={`mapping-${axis}-${index + 1}`}
                  value={String(mapping[axis][String(index + 1)] ?? '')}
                  onChange={(event) => {
                    setMapping({ ...mapping, [axis]: { ...mapping[axis], [String(index + 1)]: Number(event.target.value) } });
                    setPreview(undefined);
                  }}
                >
                  {draft[axis].map((newLevel, newIndex) => (
                    <Select.Option key={newIndex} value={String(newIndex + 1)}>
                      {`${newIndex + 1} ${newLevel.name}`}
                    </Select.Option>
                  ))}
                </Select>
              </Field>
            )),
          )}
        </section>
      )}

      {editable && (
        <section className='samla-section' aria-labelledby='matrix-preview-heading'>
          <Heading level={2} data-size='sm' id='matrix-preview-heading'>
            {t.previewHeading}
          </Heading>
          {failure && (
            <Alert data-color='danger' role='alert'>
              <Paragraph>{failure}</Paragraph>
            </Alert>
          )}
          <div className='samla-risk-actions'>
            <Button variant='secondary' onClick={runPreview} loading={previewer.isPending}>
              {t.preview}
            </Button>
            <Button onClick={save} disabled={!preview || preview.problems.length > 0 || saver.isPending} loading={saver.isPending}>
              {t.apply}
            </Button>
          </div>
          {!preview && <Paragraph data-size='sm'>{t.applyAfterPreview}</Paragraph>}
          {preview && preview.problems.length > 0 && (
            <Alert data-color='warning' role='status'>
              <Paragraph>{t.problems}</Paragraph>
              <ul>
                {preview.problems.map((problem) => (
                  <li key={`${problem.path}-${problem.message}`}>{problem.message}</li>
                ))}
              </ul>
            </Alert>
          )}
          {preview && preview.problems.length === 0 && (
            <div role='status'>
              {preview.moves.length === 0 ? (
                <Paragraph>{t.previewNoRisks}</Paragraph>
              ) : (
                <ScrollRegion label={t.previewCaption}>
                  <Table data-color='neutral' className='samla-table' border data-size='sm'>
                    <caption className='ds-sr-only'>{t.previewCaption}</caption>
                    <Table.Head>
                      <Table.Row>
                        <Table.HeaderCell scope='col'>{t.previewRisk}</Table.HeaderCell>
                        <Table.HeaderCell scope='col'>{`${t.previewBefore} (${t.previewInherent})`}</Table.HeaderCell>
                        <Table.HeaderCell scope='col'>{`${t.previewAfter} (${t.previewInherent})`}</Table.HeaderCell>
                        <Table.HeaderCell scope='col'>{`${t.previewBefore} (${t.previewResidual})`}</Table.HeaderCell>
                        <Table.HeaderCell scope='col'>{`${t.previewAfter} (${t.previewResidual})`}</Table.HeaderCell>
                      </Table.Row>
                    </Table.Head>
                    <Table.Body>
                      {preview.moves.map((move) => (
                        <Table.Row key={move.riskId}>
                          <Table.Cell>{move.title}</Table.Cell>
                          <Table.Cell>
                            <CellBadge cell={move.inherentBefore} />
                          </Table.Cell>
                          <Table.Cell>
                            <CellBadge cell={move.inherentAfter} />
                          </Table.Cell>
                          <Table.Cell>
                            <CellBadge cell={move.residualBefore} />
                          </Table.Cell>
                          <Table.Cell>
                            <CellBadge cell={move.residualAfter} />
                          </Table.Cell>
                        </Table.Row>
                      ))}
                    </Table.Body>
                  </Table>
                </ScrollRegion>
              )}
            </div>
          )}
        </section>
      )}
    </>
  );
}
