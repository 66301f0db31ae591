/**
 * How history is said to people: for every kind of row that history records,
 * its name, each field's label and how each value reads (fixed values by the
 * app's own names, dates as dd.mm.åååå or «7 Dec 2026», Ja/Nei, other rows by
 * name, structured values as words), in bokmål, nynorsk and English. The
 * history page (through the API's `display`, in the reader's language), the
 * xlsx and the CSV (in the merger's document language) all read it from here,
 * so they say the same thing. Pure: names of other rows come in through
 * `NameLookup`; they are the team's data and are never translated.
 */
import { documentDate } from '#shared/document-date.ts';
import { translatedCatalog } from '#catalog/catalog-translations.ts';
import { kindDefinitions } from '#server/features/inventory/inventory.kinds.ts';
import type { InventoryEntity } from '#server/features/inventory/inventory.kinds.ts';
import { sheetLayouts, type ColumnType } from '#server/features/inventory-io/inventory-sheets.ts';
import type { AuditedEntity, StoredChange } from '#server/platform/audit-trail/audit-trail.ts';
import type { inventoryKinds } from '#shared/contracts/inventory.ts';
import { consequenceDimensions } from '#shared/contracts/risks.ts';
import type { Language } from '#shared/language.ts';
import type { Localized } from '#shared/localized.ts';
import { enVocabulary } from '#shared/vocabulary/en.ts';
import { nbVocabulary } from '#shared/vocabulary/nb.ts';
import { nnVocabulary } from '#shared/vocabulary/nn.ts';
import type { Vocabulary } from '#shared/vocabulary/vocabulary.ts';
import { vocabularyIn } from '#shared/vocabulary/vocabulary-in.ts';

/** One thing per language; a language left out does not compile. */
type ByLanguage<T> = Readonly<Record<Language, T>>;

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
  /** The name of each code, per language (from the vocabularies). */
  | { kind: 'choice'; labels: ByLanguage<Readonly<Record<string, string>>> }
  /** Names already (task titles in a dependency list), or a text in their place. */
  | { kind: 'names' }
  | { kind: 'reference'; target: ReferenceTarget; many?: boolean }
  | { kind: 'phase' }
  | { kind: 'consequences' }
  | { kind: 'matrix' };

export interface FieldSpec {
  label: Localized;
  value: ValueKind;
}
export interface EntitySpec {
  name: Localized;
  fields: Readonly<Record<string, FieldSpec>>;
}

const text: ValueKind = { kind: 'text' };
const date: ValueKind = { kind: 'date' };
const number: ValueKind = { kind: 'number' };
const yesNo: ValueKind = { kind: 'boolean' };
/** A fixed value named as the app names it, in every language: `choice((v) => v.taskStatus)`. */
const choice = (labels: (vocabulary: Vocabulary) => Readonly<Record<string, string>>): ValueKind => ({
  kind: 'choice',
  labels: { nb: labels(nbVocabulary), nn: labels(nnVocabulary), en: labels(enVocabulary) },
});
const ref = (target: ReferenceTarget): ValueKind => ({ kind: 'reference', target });
const refs = (target: ReferenceTarget): ValueKind => ({ kind: 'reference', target, many: true });
/** A field: its label in bokmål, nynorsk and English, and how its values read. */
const f = (label: Localized, value: ValueKind = text): FieldSpec => ({ label, value });

// ---------------------------------------------------------------- the inventory, from its spreadsheet layout

type InventoryValueField = keyof Vocabulary['inventoryValue'];
const isInventoryValueField = (field: string): field is InventoryValueField => Object.hasOwn(nbVocabulary.inventoryValue, field);

const columnValue = (type: ColumnType, field: string, labels: Readonly<Record<string, string>> | undefined): ValueKind => {
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
      // The vocabulary's inventoryValue is keyed by the field it names.
      return isInventoryValueField(field) ? choice((vocabulary) => vocabulary.inventoryValue[field]) : choice(() => labels ?? {});
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

const inventoryNames: Record<InventoryEntity, Localized> = {
  system: { nb: 'IKT-system', nn: 'IKT-system', en: 'ICT system' },
  digitalService: { nb: 'Digital tjeneste', nn: 'Digital teneste', en: 'Digital service' },
  contract: { nb: 'Avtale', nn: 'Avtale', en: 'Agreement' },
  integration: { nb: 'Integrasjon', nn: 'Integrasjon', en: 'Integration' },
  archive: { nb: 'Arkiv', nn: 'Arkiv', en: 'Archive' },
  infrastructure: { nb: 'Infrastruktur', nn: 'Infrastruktur', en: 'Infrastructure' },
  itOrganisation: { nb: 'IKT-rolle', nn: 'IKT-rolle', en: 'ICT role' },
  intermunicipalCooperation: { nb: 'Interkommunalt samarbeid', nn: 'Interkommunalt samarbeid', en: 'Inter-municipal cooperation' },
};

type InventoryKinds = typeof inventoryKinds;
/** Every field any inventory kind has, and the two every sheet has. */
type InventoryField = { [K in keyof InventoryKinds]: InventoryKinds[K]['fieldNames'][number] }[keyof InventoryKinds] | 'municipalityNumber' | 'notes';

/**
 * The inventory's fields in nynorsk and English. Bokmål is the workbook's column
 * header (sheetLayouts), so history says what the spreadsheet says.
 */
const inventoryFieldLabels: Readonly<Record<InventoryField, Omit<Localized, 'nb'>>> = {
  municipalityNumber: { nn: 'Kommunenummer', en: 'Municipality number' },
  name: { nn: 'Namn', en: 'Name' },
  vendor: { nn: 'Leverandør', en: 'Supplier' },
  product: { nn: 'Produkt', en: 'Product' },
  productVersion: { nn: 'Versjon', en: 'Version' },
  solutionAreaId: { nn: 'Løysingsområde', en: 'Solution area' },
  serviceArea: { nn: 'Tenesteområde', en: 'Service area' },
  hosting: { nn: 'Drift', en: 'Hosting' },
  userCount: { nn: 'Talet på brukarar', en: 'Number of users' },
  systemOwner: { nn: 'Systemeigar', en: 'System owner' },
  archiveWorthy: { nn: 'Arkivverdig', en: 'Of archival value' },
  notes: { nn: 'Merknader', en: 'Notes' },
  channel: { nn: 'Kanal', en: 'Channel' },
  systemId: { nn: 'System', en: 'System' },
  type: { nn: 'Avtaletype', en: 'Agreement type' },
  subject: { nn: 'Gjeld', en: 'Covers' },
  startDate: { nn: 'Startdato', en: 'Start date' },
  endDate: { nn: 'Sluttdato', en: 'End date' },
  noticePeriodMonths: { nn: 'Oppseiingstid (månader)', en: 'Notice period (months)' },
  terminationClause: { nn: 'Oppseiingsklausul', en: 'Termination clause' },
  changeClause: { nn: 'Endringsklausul', en: 'Change clause' },
  annualCost: { nn: 'Årleg kostnad (kr)', en: 'Annual cost (NOK)' },
  systemIds: { nn: 'System', en: 'Systems' },
  fromSystemId: { nn: 'Frå system', en: 'From system' },
  toSystemId: { nn: 'Til system', en: 'To system' },
  commonSolutionId: { nn: 'Fellesløysing', en: 'Common solution' },
  direction: { nn: 'Retning', en: 'Direction' },
  method: { nn: 'Metode', en: 'Method' },
  description: { nn: 'Skildring', en: 'Description' },
  locationKind: { nn: 'Kvar', en: 'Where' },
  noark5: { nn: 'Noark 5', en: 'Noark 5' },
  volume: { nn: 'Omfang', en: 'Volume' },
  periodFrom: { nn: 'Frå år', en: 'From year' },
  periodTo: { nn: 'Til år', en: 'To year' },
  accessNeeded: { nn: 'Tilgang i ny kommune', en: 'Access in the new municipality' },
  category: { nn: 'Kategori', en: 'Category' },
  location: { nn: 'Plassering', en: 'Location' },
  role: { nn: 'Rolle', en: 'Role' },
  competence: { nn: 'Kompetanse', en: 'Competence' },
  fte: { nn: 'Årsverk', en: 'Full-time equivalents' },
  scope: { nn: 'Omfang', en: 'Scope' },
  form: { nn: 'Form', en: 'Form' },
  partners: { nn: 'Deltakarar', en: 'Participants' },
  archive: { nn: 'Arkiv', en: 'Archive' },
};

const inventoryLabel = (field: string, header: string): Localized => {
  const translated = Object.hasOwn(inventoryFieldLabels, field) ? inventoryFieldLabels[field as InventoryField] : undefined;
  return { nb: header, nn: translated?.nn ?? header, en: translated?.en ?? header };
};

/** The column headers of the inventory workbook are the fields' names: history says what the spreadsheet says. */
const inventorySpecs = Object.fromEntries(
  sheetLayouts.map((layout) => {
    const entity = kindDefinitions[layout.kind].entity;
    const fields = Object.fromEntries(
      layout.columns.map((column) => [column.field, f(inventoryLabel(column.field, column.header), columnValue(column.type, column.field, column.labels))]),
    );
    return [entity, { name: inventoryNames[entity], fields }];
  }),
) as Record<InventoryEntity, EntitySpec>;

// ---------------------------------------------------------------- every entity history records

const responsible = f({ nb: 'Ansvarlig', nn: 'Ansvarleg', en: 'Responsible' });
const description = f({ nb: 'Beskrivelse', nn: 'Skildring', en: 'Description' });
const status = (labels: (vocabulary: Vocabulary) => Readonly<Record<string, string>>) => f({ nb: 'Status', nn: 'Status', en: 'Status' }, choice(labels));

const taskFields = {
  phase: f({ nb: 'Fase', nn: 'Fase', en: 'Phase' }, { kind: 'phase' }),
  title: f({ nb: 'Tittel', nn: 'Tittel', en: 'Title' }),
  status: status((v) => v.taskStatus),
  notRelevantReason: f({ nb: 'Begrunnelse for ikke relevant', nn: 'Grunngiving for ikkje relevant', en: 'Reason for not relevant' }),
  responsible,
  plannedStart: f({ nb: 'Planlagt start', nn: 'Planlagd start', en: 'Planned start' }, date),
  dueDate: f({ nb: 'Frist', nn: 'Frist', en: 'Due date' }, date),
  notes: f({ nb: 'Notater', nn: 'Notat', en: 'Notes' }),
  municipalityNumber: f({ nb: 'Gjelder kommune', nn: 'Gjeld kommune', en: 'Applies to municipality' }, ref('municipality')),
  dependsOn: f({ nb: 'Avhenger av', nn: 'Avheng av', en: 'Depends on' }, { kind: 'names' }),
  dependencyOverride: f(
    { nb: 'Satt som ferdig med åpne avhengigheter', nn: 'Sett som ferdig med opne avhengnader', en: 'Marked done with open dependencies' },
    { kind: 'names' },
  ),
  datesFollowPhase: f({ nb: 'Datoene følger fasen', nn: 'Datoane følgjer fasen', en: 'Dates follow the phase' }, yesNo),
};

export const historyEntities: Readonly<Record<AuditedEntity, EntitySpec>> = {
  merger: {
    name: { nb: 'Sammenslåingen', nn: 'Samanslåinga', en: 'The merger' },
    fields: {
      name: f({ nb: 'Navn', nn: 'Namn', en: 'Name' }),
      newMunicipalityName: f({ nb: 'Ny kommune', nn: 'Ny kommune', en: 'New municipality' }),
      mergerDate: f({ nb: 'Sammenslåingsdato', nn: 'Samanslåingsdato', en: 'Merger date' }, date),
      documentLanguage: f(
        { nb: 'Målform for dokumenter', nn: 'Målform for dokument', en: 'Document language' },
        {
          kind: 'choice',
          labels: {
            nb: { nb: 'Bokmål', nn: 'Nynorsk', en: 'Engelsk' },
            nn: { nb: 'Bokmål', nn: 'Nynorsk', en: 'Engelsk' },
            en: { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' },
          },
        },
      ),
      isDemo: f({ nb: 'Demosammenslåing', nn: 'Demosamanslåing', en: 'Demo merger' }, yesNo),
      municipalities: f({ nb: 'Kommuner', nn: 'Kommunar', en: 'Municipalities' }, refs('municipality')),
      archived: f({ nb: 'Arkivert', nn: 'Arkivert', en: 'Archived' }, yesNo),
      removedInventory: f({ nb: 'Kartlegging slettet med kommunene', nn: 'Kartlegging sletta med kommunane', en: 'Inventory deleted with the municipalities' }),
    },
  },
  task: { name: { nb: 'Oppgave', nn: 'Oppgåve', en: 'Task' }, fields: taskFields },
  member: {
    name: { nb: 'Medlem', nn: 'Medlem', en: 'Member' },
    fields: {
      role: f(
        { nb: 'Rolle', nn: 'Rolle', en: 'Role' },
        choice((v) => v.mergerRole),
      ),
    },
  },
  decision: {
    name: { nb: 'Veivalg', nn: 'Vegval', en: 'Decision' },
    fields: {
      outcome: f(
        { nb: 'Veivalg', nn: 'Vegval', en: 'Decision' },
        choice((v) => v.decisionOutcome),
      ),
      targetSystemId: f({ nb: 'Målsystem', nn: 'Målsystem', en: 'Target system' }, ref('system')),
      timing: f(
        { nb: 'Når på plass', nn: 'Når på plass', en: 'In place by' },
        choice((v) => v.decisionTiming),
      ),
      rationale: f({ nb: 'Begrunnelse', nn: 'Grunngiving', en: 'Reason' }),
      state: f(
        { nb: 'Tilstand', nn: 'Tilstand', en: 'State' },
        choice((v) => v.decisionState),
      ),
      decidedByName: f({ nb: 'Registrert vedtatt av', nn: 'Registrert vedteke av', en: 'Recorded as adopted by' }),
      responsible,
      decisionMaker: f(
        { nb: 'Vedtatt av', nn: 'Vedteke av', en: 'Adopted by' },
        choice((v) => v.decisionMaker),
      ),
      decisionMakerOther: f({ nb: 'Vedtatt av (annet)', nn: 'Vedteke av (anna)', en: 'Adopted by (other)' }),
      meetingDate: f({ nb: 'Møtedato', nn: 'Møtedato', en: 'Meeting date' }, date),
      caseNumber: f({ nb: 'Saksnummer', nn: 'Saksnummer', en: 'Case number' }),
      archiveUrl: f({ nb: 'Lenke til arkivet', nn: 'Lenkje til arkivet', en: 'Link to the archive' }),
      deferralAccepted: f({ nb: 'Utsettelsen er godtatt', nn: 'Utsetjinga er godteken', en: 'Deferral accepted' }, yesNo),
      deferralAcceptedByName: f({ nb: 'Utsettelsen godtatt av', nn: 'Utsetjinga godteken av', en: 'Deferral accepted by' }),
      deferralAcceptedAt: f({ nb: 'Utsettelsen godtatt', nn: 'Utsetjinga godteken', en: 'Deferral accepted on' }, date),
      deferralReason: f({ nb: 'Begrunnelse for utsettelsen', nn: 'Grunngiving for utsetjinga', en: 'Reason for the deferral' }),
    },
  },
  calendarFeed: {
    name: { nb: 'Kalenderadresse', nn: 'Kalenderadresse', en: 'Calendar address' },
    fields: { address: f({ nb: 'Kalenderadresse', nn: 'Kalenderadresse', en: 'Calendar address' }) },
  },
  benefit: {
    name: { nb: 'Gevinst', nn: 'Gevinst', en: 'Benefit' },
    fields: {
      title: f({ nb: 'Gevinst', nn: 'Gevinst', en: 'Benefit' }),
      description,
      serviceArea: f({ nb: 'Tjenesteområde', nn: 'Tenesteområde', en: 'Service area' }),
      type: f(
        { nb: 'Type', nn: 'Type', en: 'Type' },
        choice((v) => v.benefitType),
      ),
      owner: f({ nb: 'Gevinsteier', nn: 'Gevinsteigar', en: 'Benefit owner' }),
      responsible,
      plannedRealisationDate: f({ nb: 'Planlagt realisert', nn: 'Planlagd realisert', en: 'Planned realisation' }, date),
      status: status((v) => v.benefitStatus),
      taskIds: f({ nb: 'Muliggjøres av oppgaver', nn: 'Blir mogleggjord av oppgåver', en: 'Enabled by tasks' }, refs('task')),
      decisionAreaIds: f({ nb: 'Muliggjøres av veivalg for', nn: 'Blir mogleggjord av vegval for', en: 'Enabled by decisions for' }, refs('solutionArea')),
      opportunityIds: f({ nb: 'Muliggjøres av muligheter', nn: 'Blir mogleggjord av moglegheiter', en: 'Enabled by opportunities' }, refs('opportunity')),
    },
  },
  indicator: {
    name: { nb: 'Indikator', nn: 'Indikator', en: 'Indicator' },
    fields: {
      name: f({ nb: 'Navn', nn: 'Namn', en: 'Name' }),
      unit: f({ nb: 'Enhet', nn: 'Eining', en: 'Unit' }),
      baselineValue: f({ nb: 'Nullpunkt', nn: 'Nullpunkt', en: 'Baseline' }, number),
      baselineDate: f({ nb: 'Nullpunktets dato', nn: 'Dato for nullpunktet', en: 'Baseline date' }, date),
      targetValue: f({ nb: 'Mål', nn: 'Mål', en: 'Target' }, number),
      targetDate: f({ nb: 'Måldato', nn: 'Måldato', en: 'Target date' }, date),
      direction: f(
        { nb: 'Retning', nn: 'Retning', en: 'Direction' },
        choice((v) => v.indicatorDirection),
      ),
    },
  },
  measurement: {
    name: { nb: 'Måling', nn: 'Måling', en: 'Measurement' },
    fields: {
      indicator: f({ nb: 'Indikator', nn: 'Indikator', en: 'Indicator' }),
      measuredOn: f({ nb: 'Målt', nn: 'Målt', en: 'Measured on' }, date),
      value: f({ nb: 'Verdi', nn: 'Verdi', en: 'Value' }, number),
      comment: f({ nb: 'Kommentar', nn: 'Kommentar', en: 'Comment' }),
      recordedByName: f({ nb: 'Registrert av', nn: 'Registrert av', en: 'Recorded by' }),
    },
  },
  phase: {
    name: { nb: 'Fase', nn: 'Fase', en: 'Phase' },
    fields: { start: f({ nb: 'Start', nn: 'Start', en: 'Start' }, date), end: f({ nb: 'Slutt', nn: 'Slutt', en: 'End' }, date) },
  },
  milestone: {
    name: { nb: 'Milepæl', nn: 'Milepæl', en: 'Milestone' },
    fields: {
      title: f({ nb: 'Tittel', nn: 'Tittel', en: 'Title' }),
      date: f({ nb: 'Dato', nn: 'Dato', en: 'Date' }, date),
      kind: f(
        { nb: 'Type', nn: 'Type', en: 'Type' },
        choice((v) => v.milestoneKind),
      ),
    },
  },
  risk: {
    name: { nb: 'Risiko', nn: 'Risiko', en: 'Risk' },
    fields: {
      title: f({ nb: 'Risiko', nn: 'Risiko', en: 'Risk' }),
      description,
      cause: f({ nb: 'Årsak', nn: 'Årsak', en: 'Cause' }),
      systemIds: f({ nb: 'Systemer', nn: 'System', en: 'Systems' }, refs('system')),
      areaIds: f({ nb: 'Løsningsområder', nn: 'Løysingsområde', en: 'Solution areas' }, refs('solutionArea')),
      integrationIds: f({ nb: 'Integrasjoner', nn: 'Integrasjonar', en: 'Integrations' }, refs('integration')),
      consequences: f({ nb: 'Konsekvens', nn: 'Konsekvens', en: 'Consequence' }, { kind: 'consequences' }),
      likelihood: f({ nb: 'Sannsynlighet', nn: 'Sannsyn', en: 'Likelihood' }, number),
      residualLikelihood: f({ nb: 'Restsannsynlighet', nn: 'Restsannsyn', en: 'Residual likelihood' }, number),
      residualConsequence: f({ nb: 'Restkonsekvens', nn: 'Restkonsekvens', en: 'Residual consequence' }, number),
      owner: f({ nb: 'Eier', nn: 'Eigar', en: 'Owner' }),
      status: status((v) => v.riskStatus),
      acceptedByName: f({ nb: 'Akseptert av', nn: 'Akseptert av', en: 'Accepted by' }),
      acceptanceReason: f({ nb: 'Begrunnelse for aksept', nn: 'Grunngiving for aksept', en: 'Reason for acceptance' }),
      nextReviewDate: f({ nb: 'Neste gjennomgang', nn: 'Neste gjennomgang', en: 'Next review' }, date),
    },
  },
  mitigation: {
    name: { nb: 'Tiltak', nn: 'Tiltak', en: 'Measure' },
    fields: {
      title: f({ nb: 'Tiltak', nn: 'Tiltak', en: 'Measure' }),
      description,
      owner: responsible,
      deadline: f({ nb: 'Frist', nn: 'Frist', en: 'Deadline' }, date),
      status: status((v) => v.mitigationStatus),
      taskId: f({ nb: 'Oppgave', nn: 'Oppgåve', en: 'Task' }, ref('task')),
    },
  },
  statusReport: {
    name: { nb: 'Statusrapport', nn: 'Statusrapport', en: 'Status report' },
    fields: {
      periodFrom: f({ nb: 'Periode fra', nn: 'Periode frå', en: 'Period from' }, date),
      periodTo: f({ nb: 'Periode til', nn: 'Periode til', en: 'Period to' }, date),
      overallStatus: f(
        { nb: 'Samlet status', nn: 'Status totalt', en: 'Overall status' },
        choice((v) => v.overallStatus),
      ),
      statusReason: f({ nb: 'Begrunnelse for status', nn: 'Grunngiving for status', en: 'Reason for the status' }),
      mainPoints: f({ nb: 'Hovedpunkter', nn: 'Hovudpunkt', en: 'Main points' }, { kind: 'names' }),
      decisionsRequested: f({ nb: 'Saker til beslutning', nn: 'Saker til avgjerd', en: 'Matters for decision' }, { kind: 'names' }),
    },
  },
  riskMatrix: {
    name: { nb: 'Risikomatrise', nn: 'Risikomatrise', en: 'Risk matrix' },
    fields: { matrix: f({ nb: 'Matrisen', nn: 'Matrisa', en: 'The matrix' }, { kind: 'matrix' }) },
  },
  comment: { name: { nb: 'Kommentar', nn: 'Kommentar', en: 'Comment' }, fields: { text: f({ nb: 'Tekst', nn: 'Tekst', en: 'Text' }) } },
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

/** The words history puts around values, per language. */
interface Words {
  yes: string;
  no: string;
  /** What a reference reads as when the row it named is gone and no name was kept. */
  deleted: string;
  phase: (number: string) => string;
  likelihood: string;
  consequence: string;
  riskClasses: string;
}

const words: ByLanguage<Words> = {
  nb: {
    yes: 'Ja',
    no: 'Nei',
    deleted: '(slettet)',
    phase: (n) => `Fase ${n}`,
    likelihood: 'Sannsynlighet',
    consequence: 'Konsekvens',
    riskClasses: 'Risikoklasser',
  },
  nn: { yes: 'Ja', no: 'Nei', deleted: '(sletta)', phase: (n) => `Fase ${n}`, likelihood: 'Sannsyn', consequence: 'Konsekvens', riskClasses: 'Risikoklassar' },
  en: {
    yes: 'Yes',
    no: 'No',
    deleted: '(deleted)',
    phase: (n) => `Phase ${n}`,
    likelihood: 'Likelihood',
    consequence: 'Consequence',
    riskClasses: 'Risk classes',
  },
};

/** The name of each action (Opprettet, Endret, Slettet) in `language`. */
export const actionNames = (language: Language) => vocabularyIn(language).auditAction;
/** What a reference reads as when the row it named is gone and no name was kept. */
export const deletedName = (language: Language) => words[language].deleted;

/** The name of a row or register entry now; undefined when it is gone or unknown. */
export type NameLookup = (target: ReferenceTarget, id: string) => string | undefined;

/** The Intl locale of each language; English writes dates with the month by name (decision 039). */
export const intlLocales: ByLanguage<string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

const numberFormats = new Map<Language, Intl.NumberFormat>();
const listFormats = new Map<Language, Intl.ListFormat>();
const numberFormat = (language: Language) => {
  let format = numberFormats.get(language);
  if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(intlLocales[language], { maximumFractionDigits: 2 })));
  return format;
};
const listFormat = (language: Language) => {
  let format = listFormats.get(language);
  if (!format) listFormats.set(language, (format = new Intl.ListFormat(intlLocales[language], { style: 'long', type: 'conjunction' })));
  return format;
};

/** A calendar date: dd.mm.åååå in Norwegian, «1 Mar 2028» in English (07.12.2026 reads as 12 July to many English readers). */
export function presentDate(value: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  return documentDate(match[0], language);
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** Anything without a presenter still reads as words, never as JSON. */
function plain(value: unknown, language: Language): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberFormat(language).format(value);
  if (typeof value === 'boolean') return value ? words[language].yes : words[language].no;
  if (Array.isArray(value)) return listFormat(language).format(value.filter((item) => !isEmpty(item)).map((item) => plain(item, language)));
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .filter(([, item]) => !isEmpty(item))
      .map(([key, item]) => `${key} ${plain(item, language)}`)
      .join(', ');
  }
  return String(value);
}

function referenceName(target: ReferenceTarget, id: string, kept: string | null | undefined, lookup: NameLookup, language: Language): string {
  if (kept) return target === 'municipality' ? `${kept} (${id})` : kept;
  const now = lookup(target, id);
  if (now) return target === 'municipality' ? `${now} (${id})` : now;
  // A register entry Samla no longer ships still reads as its key; a deleted row as deleted.
  return rowTargets.includes(target) ? words[language].deleted : id;
}

/** The matrix's own level and class names are the team's words, kept as they are. */
function presentMatrix(value: unknown, language: Language): string {
  const matrix = value as { likelihood?: { name: string }[]; consequence?: { name: string }[]; classes?: { name: string }[] };
  const names = (items: { name: string }[] | undefined) => listFormat(language).format((items ?? []).map((item) => item.name));
  const said = words[language];
  return [
    `${said.likelihood}: ${names(matrix.likelihood)}`,
    `${said.consequence}: ${names(matrix.consequence)}`,
    `${said.riskClasses}: ${names(matrix.classes)}`,
  ].join('; ');
}

function presentConsequences(value: unknown, language: Language): string {
  const levels = value as Record<string, unknown>;
  const known = consequenceDimensions
    .filter((dimension) => !isEmpty(levels[dimension]))
    .map((dimension) => `${vocabularyIn(language).consequenceDimension[dimension]} ${plain(levels[dimension], language)}`);
  const other = Object.keys(levels)
    .filter((key) => !(consequenceDimensions as readonly string[]).includes(key) && !isEmpty(levels[key]))
    .map((key) => `${key} ${plain(levels[key], language)}`);
  return [...known, ...other].join(', ');
}

/** One value in words in `language`; `null` when there is nothing (the page says «(tom)», a spreadsheet leaves the cell empty). */
export function presentValue(
  spec: ValueKind | undefined,
  value: unknown,
  kept: StoredChange['oldLabel'],
  lookup: NameLookup,
  language: Language,
): string | null {
  if (isEmpty(value)) return null;
  if (!spec) return plain(value, language);
  switch (spec.kind) {
    case 'text':
    case 'names':
      return plain(value, language);
    case 'date':
      return typeof value === 'string' ? presentDate(value, language) : plain(value, language);
    case 'number':
      return typeof value === 'number' || (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
        ? `${numberFormat(language).format(Number(value))}${spec.unit ? ` ${spec.unit}` : ''}`
        : plain(value, language);
    case 'year':
      return String(value);
    case 'boolean':
      return typeof value === 'boolean' ? (value ? words[language].yes : words[language].no) : plain(value, language);
    case 'choice': {
      const labels = spec.labels[language];
      return typeof value === 'string' && Object.hasOwn(labels, value) ? labels[value]! : plain(value, language);
    }
    case 'phase':
      return words[language].phase(plain(value, language));
    case 'consequences':
      return value && typeof value === 'object' ? presentConsequences(value, language) : plain(value, language);
    case 'matrix':
      return value && typeof value === 'object' ? presentMatrix(value, language) : plain(value, language);
    case 'reference': {
      if (Array.isArray(value)) {
        const keptList = Array.isArray(kept) ? kept : [];
        return listFormat(language).format(value.map((id, index) => referenceName(spec.target, String(id), keptList[index], lookup, language)));
      }
      return referenceName(spec.target, String(value), typeof kept === 'string' ? kept : null, lookup, language);
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

/** Words Samla stores in history in bokmål (labels and values it writes itself), in each language. */
const samlaWords = {
  feedLabel: {
    nb: 'Kalenderadresse for frister og milepæler',
    nn: 'Kalenderadresse for fristar og milepælar',
    en: 'Calendar address for deadlines and milestones',
  },
  feedAddress: {
    'tidligere adresse': { nb: 'tidligere adresse', nn: 'tidlegare adresse', en: 'previous address' },
    'ny adresse': { nb: 'ny adresse', nn: 'ny adresse', en: 'new address' },
  } as Readonly<Record<string, Localized>>,
} as const;

/** A value Samla stored as its own bokmål word, in `language`; null when the value is not one. */
function samlaValue(entity: string, field: string, value: unknown, language: Language): string | null {
  if (entity === 'calendarFeed' && field === 'address' && typeof value === 'string' && Object.hasOwn(samlaWords.feedAddress, value)) {
    return samlaWords.feedAddress[value]![language];
  }
  return null;
}

/**
 * Labels Samla itself writes into history in bokmål (a row's name is the team's; these are
 * Samla's words around it), said again in `language`; any other label is given as stored.
 */
export function presentLabel(entity: string, label: string | null, language: Language): string | null {
  if (label === null || language === 'nb') return label;
  const name = entitySpec(entity)?.name[language];
  switch (entity) {
    case 'statusReport': {
      // «Statusrapport 01.03.2027–14.03.2027» (reports.service.ts)
      const match = /^Statusrapport (\d{2})\.(\d{2})\.(\d{4})–(\d{2})\.(\d{2})\.(\d{4})$/.exec(label);
      if (!match || !name) return label;
      const [, d1, m1, y1, d2, m2, y2] = match;
      return `${name} ${presentDate(`${y1}-${m1}-${d1}`, language)}–${presentDate(`${y2}-${m2}-${d2}`, language)}`;
    }
    case 'riskMatrix':
      return label === 'Risikomatrise' && name ? name : label;
    case 'calendarFeed':
      return label === samlaWords.feedLabel.nb ? samlaWords.feedLabel[language] : label;
    case 'phase': {
      // «Fase 2: Planlegging» (plan.schedule.service.ts): the library's phase, named in the language.
      const match = /^Fase (\d+): (.*)$/s.exec(label);
      if (!match) return label;
      const number = Number(match[1]);
      const phase = translatedCatalog(language).phases.find((candidate) => candidate.number === number);
      const libraryName = translatedCatalog('nb').phases.find((candidate) => candidate.number === number)?.name;
      return `${words[language].phase(match[1]!)}: ${phase && libraryName === match[2] ? phase.name : match[2]}`;
    }
    default:
      return label;
  }
}

/**
 * An entry as people read it, in `language`. An entity or field Samla has no name for keeps its
 * own word rather than vanishing; the entry's label (a row's name) is the team's and stays as stored,
 * except the labels Samla writes itself (presentLabel).
 */
export function presentEntry(
  entry: { entity: string; entityLabel: string | null; action: 'create' | 'update' | 'delete'; changes: readonly StoredChange[] },
  lookup: NameLookup,
  language: Language,
): DisplayEntry {
  const spec = entitySpec(entry.entity);
  return {
    entity: spec?.name[language] ?? entry.entity,
    label: presentLabel(entry.entity, entry.entityLabel, language),
    action: actionNames(language)[entry.action],
    changes: entry.changes.map((change) => {
      const field = fieldSpec(entry.entity, change.field);
      return {
        field: field?.label[language] ?? change.field,
        old: samlaValue(entry.entity, change.field, change.old, language) ?? presentValue(field?.value, change.old, change.oldLabel, lookup, language),
        new: samlaValue(entry.entity, change.field, change.new, language) ?? presentValue(field?.value, change.new, change.newLabel, lookup, language),
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
