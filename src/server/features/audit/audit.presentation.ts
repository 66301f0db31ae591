/**
 * How history is said to people: for every kind of row that history records,
 * its Norwegian name, each field's Norwegian label and how each value reads
 * (fixed values by the app's own names, dates as dd.mm.åååå, Ja/Nei, other
 * rows by name, structured values as words). The history page (through the
 * API's `display`), the xlsx and the CSV all read it from here, so they say
 * the same thing. Pure: names of other rows come in through `NameLookup`.
 */
import { kindDefinitions } from '#server/features/inventory/inventory.kinds.ts';
import type { InventoryEntity } from '#server/features/inventory/inventory.kinds.ts';
import { sheetLayouts, type ColumnType } from '#server/features/inventory-io/inventory-sheets.ts';
import type { AuditedEntity, StoredChange } from '#server/platform/audit-trail/audit-trail.ts';
import { consequenceDimensions } from '#shared/contracts/risks.ts';
import { nbVocabulary as vocabulary } from '#shared/vocabulary/nb.ts';

// ---------------------------------------------------------------- what a value is

/**
 * What another row or register entry a field points at. `system`, `integration`
 * and `task` are rows that can be deleted: their names are kept with the change
 * when it is written. The others are registers shipped with Samla.
 */
export type ReferenceTarget = 'system' | 'integration' | 'task' | 'solutionArea' | 'opportunity' | 'commonSolution' | 'municipality';
export const rowTargets: readonly ReferenceTarget[] = ['system', 'integration', 'task'];

export type ValueKind =
  | { kind: 'text' }
  | { kind: 'date' }
  | { kind: 'number'; unit?: string }
  | { kind: 'year' }
  | { kind: 'boolean' }
  | { kind: 'choice'; labels: Readonly<Record<string, string>> }
  /** Names already (task titles in a dependency list), or a text in their place. */
  | { kind: 'names' }
  | { kind: 'reference'; target: ReferenceTarget; many?: boolean }
  | { kind: 'phase' }
  | { kind: 'consequences' }
  | { kind: 'matrix' };

export interface FieldSpec {
  label: string;
  value: ValueKind;
}
export interface EntitySpec {
  name: string;
  fields: Readonly<Record<string, FieldSpec>>;
}

const text: ValueKind = { kind: 'text' };
const date: ValueKind = { kind: 'date' };
const number: ValueKind = { kind: 'number' };
const yesNo: ValueKind = { kind: 'boolean' };
const choice = (labels: Readonly<Record<string, string>>): ValueKind => ({ kind: 'choice', labels });
const ref = (target: ReferenceTarget): ValueKind => ({ kind: 'reference', target });
const refs = (target: ReferenceTarget): ValueKind => ({ kind: 'reference', target, many: true });
const f = (label: string, value: ValueKind = text): FieldSpec => ({ label, value });

// ---------------------------------------------------------------- the inventory, from its spreadsheet layout

const columnValue = (type: ColumnType, labels: Readonly<Record<string, string>> | undefined): ValueKind => {
  switch (type) {
    case 'municipality':
      return ref('municipality');
    case 'text':
      return text;
    case 'integer':
    case 'decimal':
      return number;
    case 'year':
      return { kind: 'year' };
    case 'flag':
      return yesNo;
    case 'date':
      return date;
    case 'choice':
      return choice(labels ?? {});
    case 'area':
      return ref('solutionArea');
    case 'system':
      return ref('system');
    case 'systems':
      return refs('system');
    case 'commonSolution':
      return ref('commonSolution');
  }
};

const inventoryNames: Record<InventoryEntity, string> = {
  system: 'IKT-system',
  digitalService: 'Digital tjeneste',
  contract: 'Avtale',
  integration: 'Integrasjon',
  archive: 'Arkiv',
  infrastructure: 'Infrastruktur',
  itOrganisation: 'IKT-rolle',
  intermunicipalCooperation: 'Interkommunalt samarbeid',
};

/** The column headers of the inventory workbook are the fields' names: history says what the spreadsheet says. */
const inventorySpecs = Object.fromEntries(
  sheetLayouts.map((layout) => {
    const entity = kindDefinitions[layout.kind].entity;
    const fields = Object.fromEntries(layout.columns.map((column) => [column.field, f(column.header, columnValue(column.type, column.labels))]));
    return [entity, { name: inventoryNames[entity], fields }];
  }),
) as Record<InventoryEntity, EntitySpec>;

// ---------------------------------------------------------------- every entity history records

const taskFields = {
  phase: f('Fase', { kind: 'phase' }),
  title: f('Tittel'),
  status: f('Status', choice(vocabulary.taskStatus)),
  notRelevantReason: f('Begrunnelse for ikke relevant'),
  responsible: f('Ansvarlig'),
  plannedStart: f('Planlagt start', date),
  dueDate: f('Frist', date),
  notes: f('Notater'),
  municipalityNumber: f('Gjelder kommune', ref('municipality')),
  dependsOn: f('Avhenger av', { kind: 'names' }),
  dependencyOverride: f('Satt som ferdig med åpne avhengigheter', { kind: 'names' }),
  datesFollowPhase: f('Datoene følger fasen', yesNo),
};

export const historyEntities: Readonly<Record<AuditedEntity, EntitySpec>> = {
  merger: {
    name: 'Sammenslåingen',
    fields: {
      name: f('Navn'),
      newMunicipalityName: f('Ny kommune'),
      mergerDate: f('Sammenslåingsdato', date),
      documentLanguage: f('Målform for dokumenter', choice({ nb: 'Bokmål', nn: 'Nynorsk', en: 'Engelsk' })),
      isDemo: f('Demosammenslåing', yesNo),
      municipalities: f('Kommuner', refs('municipality')),
      archived: f('Arkivert', yesNo),
      removedInventory: f('Kartlegging slettet med kommunene'),
    },
  },
  task: { name: 'Oppgave', fields: taskFields },
  member: { name: 'Medlem', fields: { role: f('Rolle', choice(vocabulary.mergerRole)) } },
  decision: {
    name: 'Veivalg',
    fields: {
      outcome: f('Veivalg', choice(vocabulary.decisionOutcome)),
      targetSystemId: f('Målsystem', ref('system')),
      timing: f('Når på plass', choice(vocabulary.decisionTiming)),
      rationale: f('Begrunnelse'),
      state: f('Tilstand', choice(vocabulary.decisionState)),
      decidedByName: f('Registrert vedtatt av'),
      responsible: f('Ansvarlig'),
      decisionMaker: f('Vedtatt av', choice(vocabulary.decisionMaker)),
      decisionMakerOther: f('Vedtatt av (annet)'),
      meetingDate: f('Møtedato', date),
      caseNumber: f('Saksnummer'),
      archiveUrl: f('Lenke til arkivet'),
      deferralAccepted: f('Utsettelsen er godtatt', yesNo),
      deferralAcceptedByName: f('Utsettelsen godtatt av'),
      deferralAcceptedAt: f('Utsettelsen godtatt', date),
      deferralReason: f('Begrunnelse for utsettelsen'),
    },
  },
  calendarFeed: { name: 'Kalenderadresse', fields: { address: f('Kalenderadresse') } },
  benefit: {
    name: 'Gevinst',
    fields: {
      title: f('Gevinst'),
      description: f('Beskrivelse'),
      serviceArea: f('Tjenesteområde'),
      type: f('Type', choice(vocabulary.benefitType)),
      owner: f('Gevinsteier'),
      responsible: f('Ansvarlig'),
      plannedRealisationDate: f('Planlagt realisert', date),
      status: f('Status', choice(vocabulary.benefitStatus)),
      taskIds: f('Muliggjøres av oppgaver', refs('task')),
      decisionAreaIds: f('Muliggjøres av veivalg for', refs('solutionArea')),
      opportunityIds: f('Muliggjøres av muligheter', refs('opportunity')),
    },
  },
  indicator: {
    name: 'Indikator',
    fields: {
      name: f('Navn'),
      unit: f('Enhet'),
      baselineValue: f('Nullpunkt', number),
      baselineDate: f('Nullpunktets dato', date),
      targetValue: f('Mål', number),
      targetDate: f('Måldato', date),
      direction: f('Retning', choice(vocabulary.indicatorDirection)),
    },
  },
  measurement: {
    name: 'Måling',
    fields: {
      indicator: f('Indikator'),
      measuredOn: f('Målt', date),
      value: f('Verdi', number),
      comment: f('Kommentar'),
      recordedByName: f('Registrert av'),
    },
  },
  phase: { name: 'Fase', fields: { start: f('Start', date), end: f('Slutt', date) } },
  milestone: {
    name: 'Milepæl',
    fields: { title: f('Tittel'), date: f('Dato', date), kind: f('Type', choice(vocabulary.milestoneKind)) },
  },
  risk: {
    name: 'Risiko',
    fields: {
      title: f('Risiko'),
      description: f('Beskrivelse'),
      cause: f('Årsak'),
      systemIds: f('Systemer', refs('system')),
      areaIds: f('Løsningsområder', refs('solutionArea')),
      integrationIds: f('Integrasjoner', refs('integration')),
      consequences: f('Konsekvens', { kind: 'consequences' }),
      likelihood: f('Sannsynlighet', number),
      residualLikelihood: f('Restsannsynlighet', number),
      residualConsequence: f('Restkonsekvens', number),
      owner: f('Eier'),
      status: f('Status', choice(vocabulary.riskStatus)),
      acceptedByName: f('Akseptert av'),
      acceptanceReason: f('Begrunnelse for aksept'),
      nextReviewDate: f('Neste gjennomgang', date),
    },
  },
  mitigation: {
    name: 'Tiltak',
    fields: {
      title: f('Tiltak'),
      description: f('Beskrivelse'),
      owner: f('Ansvarlig'),
      deadline: f('Frist', date),
      status: f('Status', choice(vocabulary.mitigationStatus)),
      taskId: f('Oppgave', ref('task')),
    },
  },
  statusReport: {
    name: 'Statusrapport',
    fields: {
      periodFrom: f('Periode fra', date),
      periodTo: f('Periode til', date),
      overallStatus: f('Samlet status', choice(vocabulary.overallStatus)),
      statusReason: f('Begrunnelse for status'),
      mainPoints: f('Hovedpunkter', { kind: 'names' }),
      decisionsRequested: f('Saker til beslutning', { kind: 'names' }),
    },
  },
  riskMatrix: { name: 'Risikomatrise', fields: { matrix: f('Matrisen', { kind: 'matrix' }) } },
  comment: { name: 'Kommentar', fields: { text: f('Tekst') } },
  ...inventorySpecs,
};

export function entitySpec(entity: string): EntitySpec | undefined {
  return Object.hasOwn(historyEntities, entity) ? historyEntities[entity as AuditedEntity] : undefined;
}

export function fieldSpec(entity: string, field: string): FieldSpec | undefined {
  const fields = entitySpec(entity)?.fields;
  return fields && Object.hasOwn(fields, field) ? fields[field] : undefined;
}

// ---------------------------------------------------------------- presenting

export const actionNames = vocabulary.auditAction;
/** What a reference reads as when the row it named is gone and no name was kept. */
export const deletedName = '(slettet)';

/** The name of a row or register entry now; undefined when it is gone or unknown. */
export type NameLookup = (target: ReferenceTarget, id: string) => string | undefined;

const numberFormat = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });
const listFormat = new Intl.ListFormat('nb-NO', { style: 'long', type: 'conjunction' });

export function presentDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : value;
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** Anything without a presenter still reads as words, never as JSON. */
function plain(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberFormat.format(value);
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nei';
  if (Array.isArray(value)) return listFormat.format(value.filter((item) => !isEmpty(item)).map(plain));
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([, item]) => !isEmpty(item))
      .map(([key, item]) => `${key} ${plain(item)}`)
      .join(', ');
  }
  return String(value);
}

function referenceName(target: ReferenceTarget, id: string, kept: string | null | undefined, lookup: NameLookup): string {
  if (kept) return target === 'municipality' ? `${kept} (${id})` : kept;
  const now = lookup(target, id);
  if (now) return target === 'municipality' ? `${now} (${id})` : now;
  // A register entry Samla no longer ships still reads as its key; a deleted row as deleted.
  return rowTargets.includes(target) ? deletedName : id;
}

function presentMatrix(value: unknown): string {
  const matrix = value as { likelihood?: { name: string }[]; consequence?: { name: string }[]; classes?: { name: string }[] };
  const names = (items: { name: string }[] | undefined) => listFormat.format((items ?? []).map((item) => item.name));
  return [`Sannsynlighet: ${names(matrix.likelihood)}`, `Konsekvens: ${names(matrix.consequence)}`, `Risikoklasser: ${names(matrix.classes)}`].join('; ');
}

function presentConsequences(value: unknown): string {
  const levels = value as Record<string, unknown>;
  const known = consequenceDimensions
    .filter((dimension) => !isEmpty(levels[dimension]))
    .map((dimension) => `${vocabulary.consequenceDimension[dimension]} ${plain(levels[dimension])}`);
  const other = Object.keys(levels)
    .filter((key) => !(consequenceDimensions as readonly string[]).includes(key) && !isEmpty(levels[key]))
    .map((key) => `${key} ${plain(levels[key])}`);
  return [...known, ...other].join(', ');
}

/** One value in words; `null` when there is nothing (the page says «(tom)», a spreadsheet leaves the cell empty). */
export function presentValue(spec: ValueKind | undefined, value: unknown, kept: StoredChange['oldLabel'], lookup: NameLookup): string | null {
  if (isEmpty(value)) return null;
  if (!spec) return plain(value);
  switch (spec.kind) {
    case 'text':
    case 'names':
      return plain(value);
    case 'date':
      return typeof value === 'string' ? presentDate(value) : plain(value);
    case 'number':
      return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
        ? `${numberFormat.format(Number(value))}${spec.unit ? ` ${spec.unit}` : ''}`
        : plain(value);
    case 'year':
      return String(value);
    case 'boolean':
      return typeof value === 'boolean' ? (value ? 'Ja' : 'Nei') : plain(value);
    case 'choice':
      return typeof value === 'string' && Object.hasOwn(spec.labels, value) ? spec.labels[value]! : plain(value);
    case 'phase':
      return `Fase ${plain(value)}`;
    case 'consequences':
      return value && typeof value === 'object' ? presentConsequences(value) : plain(value);
    case 'matrix':
      return value && typeof value === 'object' ? presentMatrix(value) : plain(value);
    case 'reference': {
      if (Array.isArray(value)) {
        const keptList = Array.isArray(kept) ? kept : [];
        return listFormat.format(value.map((id, index) => referenceName(spec.target, String(id), keptList[index], lookup)));
      }
      return referenceName(spec.target, String(value), typeof kept === 'string' ? kept : null, lookup);
    }
  }
}

export interface DisplayChange {
  field: string;
  old: string | null;
  new: string | null;
}
export interface DisplayEntry {
  entity: string;
  label: string | null;
  action: string;
  changes: DisplayChange[];
}

/** An entry as people read it. An entity or field Samla has no name for keeps its own word rather than vanishing. */
export function presentEntry(
  entry: { entity: string; entityLabel: string | null; action: 'create' | 'update' | 'delete'; changes: readonly StoredChange[] },
  lookup: NameLookup,
): DisplayEntry {
  const spec = entitySpec(entry.entity);
  return {
    entity: spec?.name ?? entry.entity,
    label: entry.entityLabel,
    action: actionNames[entry.action],
    changes: entry.changes.map((change) => {
      const field = fieldSpec(entry.entity, change.field);
      return {
        field: field?.label ?? change.field,
        old: presentValue(field?.value, change.old, change.oldLabel, lookup),
        new: presentValue(field?.value, change.new, change.newLabel, lookup),
      };
    }),
  };
}

/** The ids of other rows and register entries a change points at, by what they point at. */
export function referencesIn(entity: string, change: StoredChange): { target: ReferenceTarget; ids: string[] } | undefined {
  const value = fieldSpec(entity, change.field)?.value;
  if (value?.kind !== 'reference') return undefined;
  const ids = [change.old, change.new].flatMap((side) => (Array.isArray(side) ? side : isEmpty(side) ? [] : [side])).map(String);
  return { target: value.target, ids };
}

/** The names a change's references have now, kept with it so history reads the same after they are renamed or deleted. */
export function withNames(entity: string, change: StoredChange, lookup: NameLookup): StoredChange {
  const value = fieldSpec(entity, change.field)?.value;
  if (value?.kind !== 'reference') return change;
  const name = (side: unknown): StoredChange['oldLabel'] => {
    if (isEmpty(side)) return undefined;
    if (Array.isArray(side)) return side.map((id) => lookup(value.target, String(id)) ?? null);
    return lookup(value.target, String(side)) ?? null;
  };
  const oldLabel = name(change.old);
  const newLabel = name(change.new);
  return {
    ...change,
    ...(oldLabel !== undefined ? { oldLabel } : {}),
    ...(newLabel !== undefined ? { newLabel } : {}),
  };
}
