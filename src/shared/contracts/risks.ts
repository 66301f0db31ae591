import { z } from 'zod';
import { says } from '#shared/validation/messages.ts';
import { isoDate, optionalText, requiredText, responsibleReadFields, responsibleUserIdField, textTooLong, uuidParam } from './common.ts';

/**
 * ROS-analyse: the merger's risk matrix (data, not code), its risks with a
 * consequence per dimension, mitigations (tiltak), starter suggestions from
 * the inventory and the veivalg, and the heatmap.
 */
export const riskStatuses = ['open', 'in_progress', 'accepted', 'closed'] as const; // åpen, under behandling, akseptert, lukket
export type RiskStatus = (typeof riskStatuses)[number];
export const mitigationStatuses = ['planned', 'in_progress', 'done'] as const; // planlagt, pågår, ferdig
export type MitigationStatus = (typeof mitigationStatuses)[number];
/** The five consequence dimensions; the worst of them is the risk's consequence. */
export const consequenceDimensions = ['lifeHealth', 'serviceDelivery', 'economy', 'reputation', 'infoSecurity'] as const;
export type ConsequenceDimension = (typeof consequenceDimensions)[number];

export const MIN_LEVELS = 3;
export const MAX_LEVELS = 7;

const scaleTooShort = says({
  nb: `Skalaen må ha minst ${MIN_LEVELS} nivåer.`,
  nn: `Skalaen må ha minst ${MIN_LEVELS} nivå.`,
  en: `The scale must have at least ${MIN_LEVELS} levels.`,
});
const scaleTooLong = says({
  nb: `Skalaen kan ha høyst ${MAX_LEVELS} nivåer.`,
  nn: `Skalaen kan ha høgst ${MAX_LEVELS} nivå.`,
  en: `The scale can have at most ${MAX_LEVELS} levels.`,
});
const chooseStatus = says({ nb: 'Velg en status.', nn: 'Vel ein status.', en: 'Choose a status.' });

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, {
  error: says({ nb: 'Fargen må ha formen #RRGGBB.', nn: 'Fargen må ha forma #RRGGBB.', en: 'The colour must be written #RRGGBB.' }),
});

const scaleLevel = z.object({
  name: requiredText(80),
  description: z
    .string()
    .trim()
    .max(400, { error: textTooLong(400) }),
});

const riskClass = z.object({
  key: z.string().regex(/^[a-z0-9-]{1,20}$/, {
    error: says({
      nb: 'Nøkkelen kan bare ha små bokstaver, tall og bindestrek.',
      nn: 'Nøkkelen kan berre ha små bokstavar, tal og bindestrek.',
      en: 'The key can only have lower-case letters, digits and hyphens.',
    }),
  }),
  name: requiredText(40),
  color: hexColor,
});

/**
 * The matrix: scales from level 1 (lowest) upwards, the risk classes (name and
 * colour, e.g. Lav/grønn) and the grid: grid[likelihood-1][consequence-1] is a class key.
 */
export const riskMatrixBody = z
  .object({
    likelihood: z.array(scaleLevel).min(MIN_LEVELS, { error: scaleTooShort }).max(MAX_LEVELS, { error: scaleTooLong }),
    consequence: z.array(scaleLevel).min(MIN_LEVELS, { error: scaleTooShort }).max(MAX_LEVELS, { error: scaleTooLong }),
    classes: z.array(riskClass).min(1).max(6),
    grid: z.array(z.array(z.string())),
  })
  .meta({ id: 'RiskMatrix' });
export type RiskMatrix = z.infer<typeof riskMatrixBody>;

export const riskMatrixResponse = z.object({
  matrix: riskMatrixBody,
  version: z.number().int().describe('0 while the merger uses the default matrix'),
  riskCount: z.number().int(),
});
export type RiskMatrixResponse = z.infer<typeof riskMatrixResponse>;

/** Old level (as a string key, "1") → new level, per axis. */
export const levelMappingSchema = z.record(z.string().regex(/^\d+$/), z.number().int().min(1));
export const matrixMapping = z.object({ likelihood: levelMappingSchema, consequence: levelMappingSchema });
export type MatrixMapping = z.infer<typeof matrixMapping>;

export const matrixPreviewBody = z.object({ matrix: riskMatrixBody, mapping: matrixMapping.optional() });
export const saveMatrixBody = z.object({
  matrix: riskMatrixBody,
  mapping: matrixMapping.optional().describe('Påkrevd når risikoer finnes og en skala får et annet antall nivåer'),
  version: z.number().int().min(0).describe('Versjonen endringen startet fra (0 for standardmatrisen); utdatert versjon gir 409'),
});

const cellRef = z.object({
  likelihood: z.number().int(),
  consequence: z.number().int(),
  classKey: z.string(),
  className: z.string(),
  color: z.string(),
});
export type CellRef = z.infer<typeof cellRef>;

export const matrixPreviewResponse = z.object({
  mappingRequired: z.boolean(),
  problems: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
  moves: z.array(
    z.object({
      riskId: z.uuid(),
      title: z.string(),
      inherentBefore: cellRef.nullable(),
      inherentAfter: cellRef.nullable(),
      residualBefore: cellRef.nullable(),
      residualAfter: cellRef.nullable(),
    }),
  ),
});
export type MatrixPreview = z.infer<typeof matrixPreviewResponse>;

const level = z.number().int().min(1).max(MAX_LEVELS);
export const consequencesSchema = z.object(
  Object.fromEntries(consequenceDimensions.map((dimension) => [dimension, level.nullable()])) as Record<ConsequenceDimension, z.ZodNullable<typeof level>>,
);
export type Consequences = z.infer<typeof consequencesSchema>;

export const riskParams = z.object({ mergerId: uuidParam, riskId: uuidParam });
export const mitigationParams = z.object({ mergerId: uuidParam, riskId: uuidParam, mitigationId: uuidParam });
export const versionQuery = z.object({
  version: z.coerce.number().int().min(1).describe('Versjonen som slettes; utdatert versjon gir 409'),
});

export const mitigation = z
  .object({
    id: z.uuid(),
    riskId: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    owner: z.string().nullable().describe('Ansvarlig som fritekst (for noen utenfor Samla)'),
    ...responsibleReadFields,
    deadline: isoDate.nullable(),
    status: z.enum(mitigationStatuses),
    taskId: z.uuid().nullable(),
    taskTitle: z.string().nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Mitigation' });
export type Mitigation = z.infer<typeof mitigation>;

export const risk = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    cause: z.string().nullable(),
    systems: z.array(z.object({ id: z.uuid(), name: z.string(), municipalityNumber: z.string() })),
    areas: z.array(z.object({ id: z.string(), name: z.string() })),
    integrations: z.array(z.object({ id: z.uuid(), label: z.string() })),
    consequences: consequencesSchema,
    consequence: z.number().int().nullable().describe('Den verste dimensjonen'),
    likelihood: z.number().int().nullable(),
    inherent: cellRef.nullable(),
    residualLikelihood: z.number().int().nullable(),
    residualConsequence: z.number().int().nullable(),
    residual: cellRef.nullable().describe('Det som gjenstår når tiltakene er gjennomført; uten egen vurdering lik iboende'),
    owner: z.string().nullable(),
    status: z.enum(riskStatuses),
    acceptedBy: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    acceptanceReason: z.string().nullable(),
    nextReviewDate: isoDate.nullable(),
    suggestionKey: z.string().nullable(),
    mitigations: z.array(mitigation),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Risk' });
export type Risk = z.infer<typeof risk>;

const idList = (max: number) => z.array(uuidParam).max(max).default([]);

const riskFields = {
  title: requiredText(200),
  description: optionalText(4000)
    .optional()
    .transform((value) => value ?? null),
  cause: optionalText(4000)
    .optional()
    .transform((value) => value ?? null),
  systemIds: idList(100),
  areaIds: z.array(z.string().min(1).max(120)).max(100).default([]),
  integrationIds: idList(100),
  consequences: consequencesSchema.partial().default({}),
  likelihood: level.nullable().default(null),
  residualLikelihood: level.nullable().default(null),
  residualConsequence: level.nullable().default(null),
  owner: optionalText(200)
    .optional()
    .transform((value) => value ?? null),
  status: z.enum(riskStatuses, { error: chooseStatus }).default('open'),
  acceptanceReason: optionalText(4000)
    .optional()
    .transform((value) => value ?? null),
  nextReviewDate: isoDate.nullable().default(null),
};

export const createRiskBody = z.object({
  ...riskFields,
  suggestionKey: z.string().max(200).optional().describe('Nøkkelen til startforslaget risikoen lages fra; forslaget foreslås ikke igjen'),
});
export type CreateRiskBody = z.input<typeof createRiskBody>;

export const updateRiskBody = z.object({
  title: riskFields.title.optional(),
  description: optionalText(4000).optional(),
  cause: optionalText(4000).optional(),
  systemIds: z.array(uuidParam).max(100).optional(),
  areaIds: z.array(z.string().min(1).max(120)).max(100).optional(),
  integrationIds: z.array(uuidParam).max(100).optional(),
  consequences: consequencesSchema.partial().optional(),
  likelihood: level.nullable().optional(),
  residualLikelihood: level.nullable().optional(),
  residualConsequence: level.nullable().optional(),
  owner: optionalText(200).optional(),
  status: z.enum(riskStatuses, { error: chooseStatus }).optional(),
  acceptanceReason: optionalText(4000).optional(),
  nextReviewDate: isoDate.nullable().optional(),
  version: z.number().int().min(1).describe('Versjonen endringen startet fra; utdatert versjon gir 409'),
});
export type UpdateRiskBody = z.input<typeof updateRiskBody>;

const mitigationFields = {
  title: requiredText(200),
  description: optionalText(4000)
    .optional()
    .transform((value) => value ?? null),
  owner: optionalText(200)
    .optional()
    .transform((value) => value ?? null),
  responsibleUserId: responsibleUserIdField.default(null),
  deadline: isoDate.nullable().default(null),
  status: z.enum(mitigationStatuses, { error: chooseStatus }).default('planned'),
  taskId: uuidParam.nullable().default(null),
};
export const createMitigationBody = z.object(mitigationFields);
export type CreateMitigationBody = z.input<typeof createMitigationBody>;
export const updateMitigationBody = z.object({
  title: mitigationFields.title.optional(),
  description: optionalText(4000).optional(),
  owner: optionalText(200).optional(),
  responsibleUserId: responsibleUserIdField.optional(),
  deadline: isoDate.nullable().optional(),
  status: z.enum(mitigationStatuses, { error: chooseStatus }).optional(),
  taskId: uuidParam.nullable().optional(),
  version: z.number().int().min(1),
});
export type UpdateMitigationBody = z.input<typeof updateMitigationBody>;

export const riskListQuery = z.object({
  status: z.enum(riskStatuses).optional(),
  level: z.string().max(20).optional().describe('Risikoklassen (nøkkel) for iboende risiko'),
  cell: z
    .string()
    .regex(/^\d-\d$/, {
      error: says({
        nb: 'Cellen har formen sannsynlighet-konsekvens, f.eks. 3-4.',
        nn: 'Cella har forma sannsyn-konsekvens, til dømes 3-4.',
        en: 'The cell is written likelihood-consequence, e.g. 3-4.',
      }),
    })
    .optional()
    .describe('sannsynlighet-konsekvens, f.eks. 3-4'),
  residual: z.enum(['true', 'false']).optional().describe('Med cell/level: filtrer på restrisiko i stedet for iboende'),
});
export type RiskListQuery = z.infer<typeof riskListQuery>;

export const riskListResponse = z.object({ risks: z.array(risk), matrix: riskMatrixBody });
export type RiskList = z.infer<typeof riskListResponse>;

export const riskSuggestionKinds = ['downtime', 'integration', 'archive', 'documentation'] as const;
export type RiskSuggestionKind = (typeof riskSuggestionKinds)[number];

export const riskSuggestion = z.object({
  key: z.string(),
  kind: z.enum(riskSuggestionKinds),
  generic: z.boolean(),
  title: z.string(),
  description: z.string(),
  cause: z.string(),
  systemIds: z.array(z.uuid()),
  areaIds: z.array(z.string()),
  integrationIds: z.array(z.uuid()),
  consequences: consequencesSchema.partial(),
});
export type RiskSuggestion = z.infer<typeof riskSuggestion>;
export const riskSuggestionsResponse = z.object({ suggestions: z.array(riskSuggestion), dismissedCount: z.number().int() });
export type RiskSuggestions = z.infer<typeof riskSuggestionsResponse>;
export const dismissSuggestionBody = z.object({ key: z.string().min(1).max(200) });

export const heatmapResponse = z.object({
  matrix: riskMatrixBody,
  inherent: z.array(z.array(z.number().int())).describe('[sannsynlighet-1][konsekvens-1] = antall risikoer'),
  residual: z.array(z.array(z.number().int())),
  unassessed: z.number().int().describe('Risikoer uten sannsynlighet eller konsekvens'),
  total: z.number().int(),
});
export type Heatmap = z.infer<typeof heatmapResponse>;
