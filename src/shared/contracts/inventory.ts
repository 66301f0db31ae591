import { z } from 'zod';
import { says } from '#shared/validation/messages.ts';
import { isoDate, municipalityNumberHasFourDigits, optionalText, requiredText, uuidParam } from './common.ts';

const invalidSystemId = says({ nb: 'Ugyldig system-id.', nn: 'Ugyldig system-id.', en: 'Invalid system id.' });

/**
 * The inventory (kartlegging) of each municipality in a merger: eight kinds of
 * register, each defined once below as a set of fields. Every endpoint schema
 * (create, update, item, list query, list response) is derived from that one
 * definition, so a field added to a kind reaches all of them, and the import,
 * export and web use the same names.
 */

// ---------------------------------------------------------------- fixed values

export const hostings = ['local', 'vendor', 'saas', 'intermunicipal'] as const;
export const changeClauses = ['transfers', 'does_not_transfer', 'unknown'] as const;
export const integrationDirections = ['outbound', 'inbound', 'both'] as const;
export const integrationMethods = ['api', 'file', 'manual', 'other'] as const;
export const archiveLocations = ['system', 'file_share', 'cloud', 'email', 'paper', 'other'] as const;
export const infrastructureCategories = ['server', 'server_room', 'network', 'security', 'identity_access', 'end_user', 'other'] as const;
export const cooperationForms = ['iks', 'host_municipality', 'agreement', 'other'] as const;

export type Hosting = (typeof hostings)[number];
export type ChangeClause = (typeof changeClauses)[number];
// Their names (and the registers') are in #shared/vocabulary: the app, the workbook and history say the same words.

// ---------------------------------------------------------------- field builders

/** One field of a kind: how a client sends it (create; update makes it optional) and how it comes back. */
interface Field<In extends z.ZodType = z.ZodType, Out extends z.ZodType = z.ZodType> {
  input: In;
  output: Out;
}
type Fields = Record<string, Field>;

const field = <In extends z.ZodType, Out extends z.ZodType>(input: In, output: Out, description?: string) => ({
  input: description ? input.describe(description) : input,
  output: description ? output.describe(description) : output,
});

export const municipalityNumber = z
  .string()
  .regex(/^\d{4}$/, { error: municipalityNumberHasFourDigits })
  .describe('Kommunenummeret til en av kommunene i sammenslåingen');

const f = {
  name: (max: number, description?: string) => field(requiredText(max), z.string(), description),
  text: (max: number, description?: string) => field(optionalText(max).optional(), z.string().nullable(), description),
  choice: <const T extends readonly [string, ...string[]]>(values: T, description?: string) =>
    field(z.enum(values).nullable().optional(), z.enum(values).nullable(), description),
  requiredChoice: <const T extends readonly [string, ...string[]]>(values: T, description?: string) => field(z.enum(values), z.enum(values), description),
  count: (max: number, description?: string) =>
    field(
      z
        .number()
        .int({ error: says({ nb: 'Oppgi et heltall.', nn: 'Oppgi eit heiltal.', en: 'Enter a whole number.' }) })
        .min(0, { error: says({ nb: 'Tallet kan ikke være negativt.', nn: 'Talet kan ikkje vere negativt.', en: 'The number cannot be negative.' }) })
        .max(max)
        .nullable()
        .optional(),
      z.number().int().nullable(),
      description,
    ),
  amount: (max: number, description?: string) =>
    field(
      z
        .number()
        .min(0, { error: says({ nb: 'Beløpet kan ikke være negativt.', nn: 'Beløpet kan ikkje vere negativt.', en: 'The amount cannot be negative.' }) })
        .max(max)
        .nullable()
        .optional(),
      z.number().nullable(),
      description,
    ),
  year: (description?: string) =>
    field(
      z
        .number()
        .int({ error: says({ nb: 'Oppgi et årstall.', nn: 'Oppgi eit årstal.', en: 'Enter a year.' }) })
        .min(1800, {
          error: says({ nb: 'Årstallet må være 1800 eller senere.', nn: 'Årstalet må vere 1800 eller seinare.', en: 'The year must be 1800 or later.' }),
        })
        .max(2200)
        .nullable()
        .optional(),
      z.number().int().nullable(),
      description,
    ),
  flag: (description?: string) => field(z.boolean().nullable().optional(), z.boolean().nullable(), description),
  date: (description?: string) => field(isoDate.nullable().optional(), isoDate.nullable(), description),
  systemRef: (description?: string) => field(z.uuid({ error: invalidSystemId }).nullable().optional(), z.uuid().nullable(), description),
  requiredSystemRef: (description?: string) => field(z.uuid({ error: invalidSystemId }), z.uuid(), description),
  key: (description?: string) => field(optionalText(80).optional(), z.string().nullable(), description),
};

/** A comma-separated query value («4601,4626») as a list. */
const listParam = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .pipe(z.array(item).min(1).max(100));

const vendorParam = z.string().trim().min(1).max(200).optional().describe('Leverandør (samme navn, uten hensyn til store og små bokstaver)');
const systemParam = uuidParam.optional().describe('Bare rader som viser til dette systemet');

// ---------------------------------------------------------------- the kind helper

type InputShape<F extends Fields> = { [K in keyof F]: F[K]['input'] };
type OutputShape<F extends Fields> = { [K in keyof F]: F[K]['output'] };

function shapeOf<F extends Fields, Side extends keyof Field>(fields: F, side: Side) {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value[side]])) as Side extends 'input' ? InputShape<F> : OutputShape<F>;
}

/** Sorting every kind offers besides its own fields. */
const commonSortFields = ['municipalityNumber', 'createdAt', 'updatedAt'] as const;
type SortParam<S extends string> = S | `-${S}`;

function defineKind<const F extends Fields, const S extends readonly string[], const Q extends z.ZodRawShape, const R extends z.ZodRawShape>(spec: {
  id: string;
  title: string;
  fields: F;
  sort: S;
  filters: Q;
  readOnly: R;
}) {
  const sortFields = [...spec.sort, ...commonSortFields] as [...S, ...typeof commonSortFields];
  type SortKey = SortParam<(typeof sortFields)[number]>;
  const sortValues = sortFields.flatMap((name) => [name, `-${name}`]) as [SortKey, ...SortKey[]];
  const sortParam = z.enum(sortValues);
  const createShape = {
    municipalityNumber,
    ...shapeOf(spec.fields, 'input'),
    notes: optionalText(10_000).optional(),
  };
  const item = z
    .object({
      id: z.uuid(),
      mergerId: z.uuid(),
      municipalityNumber: z.string(),
      ...shapeOf(spec.fields, 'output'),
      ...spec.readOnly,
      notes: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
      version: z.number().int(),
    })
    .meta({ id: spec.id, description: spec.title });
  return {
    title: spec.title,
    fieldNames: Object.keys(spec.fields) as Array<keyof F & string>,
    sortFields,
    create: z.object(createShape).meta({ id: `Create${spec.id}` }),
    update: z
      .object(createShape)
      .partial()
      .extend({
        version: z.number().int().min(1).describe('Versjonen klienten endrer fra; en utdatert versjon gir 409'),
      })
      .meta({ id: `Update${spec.id}` }),
    item,
    listQuery: z.object({
      limit: z.coerce.number().int().min(1).max(1000).default(100),
      offset: z.coerce.number().int().min(0).default(0),
      sort: sortParam
        // The first sort field of the kind; TypeScript cannot see through the generic enum here.
        .default(sortFields[0] as never)
        .describe('Felt å sortere på; «-felt» gir synkende rekkefølge'),
      q: z.string().trim().max(200).optional().describe('Søk i tekstfeltene, uten hensyn til store og små bokstaver'),
      municipality: listParam(municipalityNumber).optional().describe('Kommunenumre, kommaseparert'),
      ...spec.filters,
    }),
    list: z.object({ items: z.array(item), total: z.number().int().describe('Antall treff uten paging') }),
  };
}

// ---------------------------------------------------------------- the eight kinds

export const inventoryKinds = {
  systems: defineKind({
    id: 'InventorySystem',
    title: 'IKT-system (fagsystem) i en kommune',
    fields: {
      name: f.name(300, 'Systemets navn'),
      vendor: f.text(200, 'Leverandør'),
      product: f.text(200, 'Produkt'),
      productVersion: f.text(100, 'Versjon av produktet (feltet version er radens versjon)'),
      solutionAreaId: f.key('Løsningsområde, fra GET /api/v1/solution-areas'),
      serviceArea: f.text(200, 'Tjenesteområde'),
      hosting: f.choice(hostings, 'Drift: lokalt, hos leverandør, SaaS/sky, interkommunalt'),
      userCount: f.count(10_000_000, 'Antall brukere'),
      systemOwner: f.text(200, 'Systemeier'),
      archiveWorthy: f.flag('Produserer arkivverdig dokumentasjon; null er ukjent'),
    },
    sort: ['name', 'vendor', 'product', 'productVersion', 'solutionAreaId', 'serviceArea', 'hosting', 'userCount', 'systemOwner'],
    filters: {
      solutionArea: listParam(z.string().max(80)).optional().describe('Løsningsområder, kommaseparert'),
      vendor: vendorParam,
      hosting: listParam(z.enum(hostings)).optional().describe('Driftsformer, kommaseparert'),
    },
    readOnly: {},
  }),
  digitalServices: defineKind({
    id: 'InventoryDigitalService',
    title: 'Digital tjeneste for innbyggere og næringsliv',
    fields: {
      name: f.name(300, 'Tjenestens navn'),
      vendor: f.text(200, 'Leverandør'),
      productVersion: f.text(100, 'Versjon (feltet version er radens versjon)'),
      channel: f.text(200, 'Kanal (nettside, app, Altinn …)'),
      systemId: f.systemRef('Systemet bak tjenesten'),
    },
    sort: ['name', 'vendor', 'productVersion', 'channel'],
    filters: { vendor: vendorParam, system: systemParam },
    readOnly: { systemName: z.string().nullable() },
  }),
  contracts: defineKind({
    id: 'InventoryContract',
    title: 'Avtale (avtaleverk)',
    fields: {
      vendor: f.name(200, 'Leverandør'),
      type: f.text(200, 'Avtaletype'),
      subject: f.text(1000, 'Hva avtalen gjelder'),
      startDate: f.date('Startdato'),
      endDate: f.date('Sluttdato; ikke før startdato'),
      noticePeriodMonths: f.count(600, 'Oppsigelsestid i måneder'),
      terminationClause: f.text(4000, 'Oppsigelsesklausul'),
      changeClause: f.choice(changeClauses, 'Endringsklausul: går avtalen over til den nye kommunen?'),
      annualCost: f.amount(1_000_000_000_000, 'Årlig kostnad i kroner'),
      systemIds: field(
        z
          .array(z.uuid({ error: invalidSystemId }))
          .max(1000)
          .optional(),
        z.array(z.uuid()),
        'Systemene avtalen dekker',
      ),
    },
    sort: ['vendor', 'type', 'subject', 'startDate', 'endDate', 'noticePeriodMonths', 'changeClause', 'annualCost'],
    filters: {
      vendor: vendorParam,
      changeClause: listParam(z.enum(changeClauses)).optional(),
      system: systemParam,
    },
    readOnly: { systems: z.array(z.object({ id: z.uuid(), name: z.string(), municipalityNumber: z.string() })) },
  }),
  integrations: defineKind({
    id: 'InventoryIntegration',
    title: 'Integrasjon fra et system til et annet system eller til en nasjonal fellesløsning',
    fields: {
      fromSystemId: f.requiredSystemRef('Systemet integrasjonen går fra'),
      toSystemId: f.systemRef('Systemet den går til; ellers commonSolutionId'),
      commonSolutionId: f.key('Fellesløsningen den går til, fra GET /api/v1/common-solutions; ellers toSystemId'),
      direction: f.choice(integrationDirections, 'Retning sett fra fromSystemId'),
      method: f.choice(integrationMethods, 'Metode'),
    },
    sort: ['fromSystemName', 'toSystemName', 'commonSolutionId', 'direction', 'method'],
    filters: {
      system: systemParam.describe('Integrasjoner til eller fra dette systemet'),
      commonSolution: z.string().max(80).optional(),
      method: listParam(z.enum(integrationMethods)).optional(),
      direction: listParam(z.enum(integrationDirections)).optional(),
    },
    readOnly: {
      fromSystemName: z.string(),
      toSystemName: z.string().nullable(),
      commonSolutionName: z.string().nullable(),
    },
  }),
  archives: defineKind({
    id: 'InventoryArchive',
    title: 'Arkiv og data: hvor arkivverdig dokumentasjon ligger',
    fields: {
      name: f.name(300, 'Navn på arkivet eller dataene'),
      description: f.text(4000, 'Beskrivelse'),
      locationKind: f.choice(archiveLocations, 'Hvor dokumentasjonen ligger'),
      systemId: f.systemRef('Systemet dokumentasjonen ligger i'),
      noark5: f.flag('Noark 5-kompatibel; null er ukjent'),
      volume: f.text(200, 'Omfang'),
      periodFrom: f.year('Fra år'),
      periodTo: f.year('Til år; ikke før periodFrom'),
      accessNeeded: f.text(4000, 'Tilgang den nye kommunen trenger'),
    },
    sort: ['name', 'locationKind', 'noark5', 'periodFrom', 'periodTo'],
    filters: {
      locationKind: listParam(z.enum(archiveLocations)).optional(),
      system: systemParam,
    },
    readOnly: { systemName: z.string().nullable() },
  }),
  infrastructure: defineKind({
    id: 'InventoryInfrastructure',
    title: 'Infrastruktur: servere, serverrom, nettverk, sikkerhet, identitet og tilgang',
    fields: {
      category: f.requiredChoice(infrastructureCategories, 'Kategori'),
      name: f.name(300, 'Navn'),
      description: f.text(4000, 'Beskrivelse'),
      location: f.text(300, 'Plassering'),
    },
    sort: ['name', 'category', 'location'],
    filters: { category: listParam(z.enum(infrastructureCategories)).optional() },
    readOnly: {},
  }),
  itOrganisation: defineKind({
    id: 'InventoryItOrganisation',
    title: 'IKT-organisering: roller, kompetanse og årsverk',
    fields: {
      role: f.name(200, 'Rolle'),
      competence: f.text(4000, 'Kompetanse'),
      fte: f.amount(100_000, 'Årsverk'),
    },
    sort: ['role', 'fte'],
    filters: {},
    readOnly: {},
  }),
  intermunicipalCooperation: defineKind({
    id: 'InventoryIntermunicipalCooperation',
    title: 'Interkommunale samarbeid',
    fields: {
      name: f.name(300, 'Navn'),
      scope: f.text(4000, 'Omfang'),
      form: f.choice(cooperationForms, 'Form: IKS, vertskommune, avtale'),
      partners: f.text(4000, 'Deltakere'),
      archive: f.text(4000, 'Arkiv: hvor samarbeidets arkiv ligger og hvem som har ansvaret'),
    },
    sort: ['name', 'form'],
    filters: { form: listParam(z.enum(cooperationForms)).optional() },
    readOnly: {},
  }),
} as const;

export type InventoryKindKey = keyof typeof inventoryKinds;

type KindSchemas<K extends InventoryKindKey> = (typeof inventoryKinds)[K];
export type InventoryItem<K extends InventoryKindKey> = z.infer<KindSchemas<K>['item']>;
export type InventoryCreate<K extends InventoryKindKey> = z.input<KindSchemas<K>['create']>;
export type InventoryUpdate<K extends InventoryKindKey> = z.input<KindSchemas<K>['update']>;
export type InventoryListQuery<K extends InventoryKindKey> = z.output<KindSchemas<K>['listQuery']>;

export type InventorySystem = InventoryItem<'systems'>;
export type InventoryDigitalService = InventoryItem<'digitalServices'>;
export type InventoryContract = InventoryItem<'contracts'>;
export type InventoryIntegration = InventoryItem<'integrations'>;
export type InventoryArchive = InventoryItem<'archives'>;
export type InventoryInfrastructure = InventoryItem<'infrastructure'>;
export type InventoryItOrganisation = InventoryItem<'itOrganisation'>;
export type InventoryIntermunicipalCooperation = InventoryItem<'intermunicipalCooperation'>;

/** The URL segment of each kind: /api/v1/mergers/{mergerId}/inventory/{segment}. */
export const inventoryPathSegments = {
  systems: 'systems',
  digitalServices: 'digital-services',
  contracts: 'contracts',
  integrations: 'integrations',
  archives: 'archives',
  infrastructure: 'infrastructure',
  itOrganisation: 'it-organisation',
  intermunicipalCooperation: 'intermunicipal-cooperation',
} as const satisfies Record<InventoryKindKey, string>;

export const inventoryItemParams = z.object({ mergerId: uuidParam, itemId: uuidParam });
export const deleteInventoryItemQuery = z.object({
  version: z.coerce.number().int().min(1).optional().describe('Versjonen klienten så; en utdatert versjon gir 409 i stedet for å slette en endret rad'),
});

// ---------------------------------------------------------------- solution areas

export const solutionAreaPriority = z.enum(['critical', 'medium']);

export const solutionAreaView = z
  .object({
    id: z.string().meta({ example: 'omrade-okonomi-og-regnskapssystem' }),
    name: z.string(),
    sectorId: z.string(),
    sector: z.string(),
    priority: solutionAreaPriority.nullable().describe('Fra sjekklistens 4.2: critical må virke på dag én, medium kan vente; null for Samlas egne områder'),
    source: z.enum(['catalog', 'samla']).describe('catalog: sjekklistens 4.2; samla: Samlas egne områder'),
  })
  .meta({ id: 'SolutionArea' });
export type SolutionAreaView = z.infer<typeof solutionAreaView>;
export const listSolutionAreasResponse = z.object({ solutionAreas: z.array(solutionAreaView) });

export const commonSolutionView = z
  .object({
    id: z.string().meta({ example: 'folkeregisteret' }),
    name: z.string(),
    shortName: z.string().nullable(),
    owner: z.string(),
    sector: z.string(),
    description: z.string(),
    mergerNote: z.string().nullable(),
  })
  .meta({ id: 'CommonSolution' });
export const listCommonSolutionsResponse = z.object({
  version: z.string(),
  commonSolutions: z.array(commonSolutionView),
});

// ---------------------------------------------------------------- side by side

export const sideBySideSystem = z.object({
  id: z.uuid(),
  name: z.string(),
  vendor: z.string().nullable(),
  product: z.string().nullable(),
  productVersion: z.string().nullable(),
  userCount: z.number().int().nullable(),
  hosting: z.enum(hostings).nullable(),
});
export type SideBySideSystem = z.infer<typeof sideBySideSystem>;

const sharedGroup = z.object({
  name: z.string().describe('Navnet slik det oftest er skrevet'),
  municipalityNumbers: z.array(z.string()),
  systemIds: z.array(z.uuid()),
});

export const sideBySideArea = z.object({
  solutionAreaId: z.string().nullable().describe('null: systemer uten løsningsområde'),
  name: z.string(),
  sector: z.string().nullable(),
  priority: solutionAreaPriority.nullable(),
  municipalities: z.array(z.object({ municipalityNumber: z.string(), systems: z.array(sideBySideSystem) })),
  sharedProducts: z.array(sharedGroup).describe('Produkter (eller systemnavn der produkt mangler) som to eller flere av kommunene bruker i området'),
  sharedVendors: z.array(sharedGroup).describe('Leverandører som to eller flere av kommunene bruker i området'),
});
export type SideBySideArea = z.infer<typeof sideBySideArea>;

export const sideBySideResponse = z
  .object({
    municipalities: z.array(z.object({ number: z.string(), name: z.string() })),
    areas: z.array(sideBySideArea),
  })
  .meta({ id: 'InventorySideBySide' });
export type SideBySide = z.infer<typeof sideBySideResponse>;
