import { z } from 'zod';
import { says } from '#shared/validation/messages.ts';
import { isoDate, optionalText, responsibleReadFields, responsibleUserIdField, uuidParam } from './common.ts';

/**
 * Veivalg: one decision per solution area (continue, adapt, procure, retire),
 * what it means for each system, and what follows from it: the plan's tasks,
 * integrations to re-establish, contract deadlines and day-one readiness.
 */
export const decisionOutcomes = ['continue', 'adapt', 'procure', 'retire'] as const; // videreføre, tilpasse, anskaffe nytt, avvikle
export type DecisionOutcome = (typeof decisionOutcomes)[number];
export const decisionTimings = ['before_merger', 'transition'] as const;
export type DecisionTiming = (typeof decisionTimings)[number];
export const decisionStates = ['proposed', 'adopted'] as const; // forslag, vedtatt
export type DecisionState = (typeof decisionStates)[number];
export const systemFates = ['continues', 'migrated', 'retired', 'undecided'] as const;
/** Who made an adopted veivalg: styringsgruppe, fellesnemnd, kommunestyre/bystyre, prosjektleder or someone else (named). */
export const decisionMakers = ['steering_group', 'joint_committee', 'council', 'project_leader', 'other'] as const;
export type DecisionMaker = (typeof decisionMakers)[number];
export type SystemFate = (typeof systemFates)[number];

export const areaParams = z.object({ mergerId: uuidParam, areaId: z.string().min(1).max(120) });

const areaPriority = z.enum(['critical', 'medium']).nullable().describe('Prioritet i sjekklistens 4.2; null for Samlas egne områder');

/** Who accepted that a critical area waits for the transition phase, when, and why. */
export const deferralAcceptance = z.object({
  acceptedBy: z.string().describe('Navnet på den som godtok utsettelsen, slik det var da'),
  acceptedAt: z.string(),
  acceptedOn: isoDate.describe('Datoen (Europe/Oslo) utsettelsen ble godtatt'),
  reason: z.string(),
});
export type DeferralAcceptance = z.infer<typeof deferralAcceptance>;

/**
 * A link into the municipality's archive: an https address with a host name, no user name or
 * password in it. Samla links to the archive; it stores no document (decision 038).
 */
export function isArchiveUrl(value: string): boolean {
  if (!/^https:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** The adopted veivalg on record: who decided, at which meeting, and where the archive has it (decision 038). */
export const decisionRecord = z
  .object({
    decisionMaker: z.enum(decisionMakers),
    decisionMakerOther: z.string().nullable().describe('Hvem som vedtok, når decisionMaker er «other»'),
    meetingDate: isoDate.describe('Møtedatoen vedtaket ble gjort'),
    caseNumber: z.string().nullable().describe('Saksnummer eller arkivreferanse'),
    archiveUrl: z.string().nullable().describe('Lenke (https) til dokumentet i kommunens arkiv'),
  })
  .meta({ id: 'DecisionRecord' });
export type DecisionRecord = z.infer<typeof decisionRecord>;

export const decision = z
  .object({
    id: z.uuid(),
    solutionAreaId: z.string(),
    outcome: z.enum(decisionOutcomes),
    targetSystemId: z.uuid().nullable(),
    targetSystemName: z.string().nullable(),
    timing: z.enum(decisionTimings),
    rationale: z.string().nullable(),
    responsible: z.string().nullable().describe('Ansvarlig for å følge opp veivalget, som fritekst'),
    ...responsibleReadFields,
    state: z.enum(decisionStates),
    decidedBy: z.string().nullable().describe('Hvem som vedtok (navn), når tilstanden er «adopted»'),
    decidedAt: z.string().nullable().describe('Når veivalget ble registrert som vedtatt i Samla'),
    record: decisionRecord.nullable().describe('Vedtaket: hvem, møtedato, saksnummer og arkivlenke; null for et forslag'),
    defersDayOne: z.boolean().describe('Vedtatt veivalg som utsetter et kritisk område til overgangsfasen: ikke klart til dag én uten godtatt utsettelse'),
    deferral: deferralAcceptance.nullable().describe('Prosjektets godkjenning av utsettelsen; null når den ikke er godtatt'),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Decision' });
export type Decision = z.infer<typeof decision>;

export const decisionOverviewResponse = z.object({
  mergerDate: isoDate,
  municipalities: z.array(z.object({ number: z.string(), name: z.string() })),
  sectors: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      areas: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          priority: areaPriority,
          rank: z.number().int().describe('Plass i sjekklistens prioriteringsliste (4.1), 1–8'),
          systemsByMunicipality: z.record(z.string(), z.number().int()),
          suggestionCount: z.number().int(),
          decision: z
            .object({
              outcome: z.enum(decisionOutcomes),
              state: z.enum(decisionStates),
              timing: z.enum(decisionTimings),
              targetSystemName: z.string().nullable(),
              deferral: z
                .enum(['accepted', 'not_accepted'])
                .nullable()
                .describe('For et kritisk område utsatt til overgangsfasen: om utsettelsen er godtatt; ellers null'),
            })
            .nullable(),
        }),
      ),
    }),
  ),
});
export type DecisionOverview = z.infer<typeof decisionOverviewResponse>;

const areaSystem = z.object({
  id: z.uuid(),
  municipalityNumber: z.string(),
  name: z.string(),
  vendor: z.string().nullable(),
  product: z.string().nullable(),
  hosting: z.string().nullable(),
  userCount: z.number().int().nullable(),
  integrationCount: z.number().int(),
  contractEndDates: z.array(isoDate),
  fate: z.enum(systemFates),
});
export type AreaSystem = z.infer<typeof areaSystem>;

export const integrationImpact = z.object({
  integrationId: z.uuid(),
  municipalityNumber: z.string(),
  fromSystem: z.object({ id: z.uuid(), name: z.string(), fate: z.enum(systemFates) }),
  toSystem: z.object({ id: z.uuid(), name: z.string(), fate: z.enum(systemFates) }).nullable(),
  commonSolution: z.object({ id: z.string(), name: z.string() }).nullable(),
  direction: z.string().nullable(),
  method: z.string().nullable(),
});
export type IntegrationImpact = z.infer<typeof integrationImpact>;

export const areaDecisionResponse = z.object({
  area: z.object({
    id: z.string(),
    name: z.string(),
    sector: z.string(),
    priority: areaPriority,
    rank: z.number().int(),
    defaultTiming: z.enum(decisionTimings),
    tasks: z.array(z.object({ id: z.string(), title: z.string(), priority: z.enum(['critical', 'medium']) })),
  }),
  mergerDate: isoDate,
  systems: z.array(areaSystem),
  suggestions: z.array(
    z.object({
      key: z.string(),
      basis: z.enum(['product', 'vendor']),
      label: z.string(),
      municipalities: z.array(z.string()),
      systemIds: z.array(z.uuid()),
      totals: z.object({ users: z.number().int(), integrations: z.number().int() }),
      earliestContractEnd: isoDate.nullable(),
      hostings: z.array(z.string()),
      recommendedSystemId: z.uuid(),
    }),
  ),
  decision: decision.nullable(),
  /** The merger's tasks that came from this area's checklist tasks. */
  plannedTasks: z.array(z.object({ id: z.uuid(), catalogItemId: z.string(), title: z.string(), phaseId: z.string(), status: z.string() })),
  /** Integrations of systems that are migrated or retired: work to re-establish. */
  integrationsToReestablish: z.array(integrationImpact),
});
export type AreaDecision = z.infer<typeof areaDecisionResponse>;

export const saveDecisionBody = z.object({
  outcome: z.enum(decisionOutcomes, { error: says({ nb: 'Velg et veivalg.', nn: 'Vel eit vegval.', en: 'Choose a decision.' }) }),
  targetSystemId: uuidParam
    .nullable()
    .optional()
    .transform((value) => value ?? null),
  timing: z.enum(decisionTimings, {
    error: says({ nb: 'Velg når løsningen må være på plass.', nn: 'Vel når løysinga må vere på plass.', en: 'Choose when the solution must be in place.' }),
  }),
  rationale: optionalText(4000)
    .optional()
    .transform((value) => value ?? null),
  state: z.enum(decisionStates, {
    error: says({
      nb: 'Velg om veivalget er et forslag eller vedtatt.',
      nn: 'Vel om vegvalet er eit forslag eller vedteke.',
      en: 'Choose whether the decision is a proposal or adopted.',
    }),
  }),
  responsible: optionalText(200).optional().describe('Ansvarlig som fritekst; utelatt sammen med responsibleUserId: uendret'),
  responsibleUserId: responsibleUserIdField.optional(),
  // The record of an adopted veivalg (decision 038). Who decided and the meeting date are required
  // to adopt (the service's rule, across fields); for a proposal they are not kept.
  decisionMaker: z
    .enum(decisionMakers, {
      error: says({ nb: 'Velg hvem som vedtok veivalget.', nn: 'Vel kven som vedtok vegvalet.', en: 'Choose who adopted the decision.' }),
    })
    .nullable()
    .optional()
    .transform((value) => value ?? null)
    .describe('Påkrevd når state er «adopted»: styringsgruppe, fellesnemnd, kommunestyre/bystyre, prosjektleder eller annet'),
  decisionMakerOther: optionalText(200)
    .optional()
    .transform((value) => value ?? null)
    .describe('Påkrevd når decisionMaker er «other»: hvem som vedtok'),
  meetingDate: isoDate
    .nullable()
    .optional()
    .transform((value) => value ?? null)
    .describe('Påkrevd når state er «adopted»: møtedatoen, ikke etter i dag'),
  caseNumber: optionalText(100)
    .optional()
    .transform((value) => value ?? null)
    .describe('Saksnummer eller arkivreferanse, f.eks. «2027/123»'),
  archiveUrl: z
    .string()
    .trim()
    .max(2000, {
      error: says({
        nb: 'Lenken kan ikke være lengre enn 2000 tegn.',
        nn: 'Lenkja kan ikkje vere lengre enn 2000 teikn.',
        en: 'The link cannot be longer than 2000 characters.',
      }),
    })
    .refine((value) => value === '' || isArchiveUrl(value), {
      error: says({
        nb: 'Lenken må være en https-adresse, f.eks. https://innsyn.kommune.no/sak/123.',
        nn: 'Lenkja må vere ei https-adresse, til dømes https://innsyn.kommune.no/sak/123.',
        en: 'The link must be an https address, e.g. https://innsyn.kommune.no/sak/123.',
      }),
    })
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null)
    .describe('Lenke til vedtaket i kommunens arkiv; bare https'),
  version: z.number().int().min(1).optional().describe('Påkrevd når et veivalg finnes fra før; utdatert versjon gir 409'),
});

/**
 * Accept (accepted: true, with the reason) or withdraw (accepted: false) the deferral of a critical
 * area to the transition phase. Only for an adopted veivalg timed for the transition.
 */
export const deferralAcceptanceBody = z.object({
  accepted: z.boolean({
    error: says({ nb: 'Velg om utsettelsen godtas.', nn: 'Vel om utsetjinga blir godteken.', en: 'Choose whether the deferral is accepted.' }),
  }),
  reason: optionalText(2000)
    .optional()
    .transform((value) => value ?? null)
    .describe('Påkrevd når accepted er true: hvorfor prosjektet godtar utsettelsen'),
  version: z.number().int().min(1).describe('Veivalgets versjon; utdatert versjon gir 409'),
});

export const readinessReasons = ['no_decision', 'not_adopted', 'deferred', 'tasks_open'] as const;
export type ReadinessReason = (typeof readinessReasons)[number];

export const readinessMissingItem = z.object({
  areaId: z.string(),
  areaName: z.string(),
  reasons: z.array(z.enum(readinessReasons)).describe('deferred: vedtatt utsatt til overgangsfasen uten godtatt utsettelse'),
  openTasks: z.number().int(),
  rationale: z.string().nullable().describe('Veivalgets begrunnelse, for et utsatt område'),
});
export const readinessAcceptedDeferral = z.object({
  areaId: z.string(),
  areaName: z.string(),
  rationale: z.string().nullable().describe('Veivalgets begrunnelse'),
  acceptedBy: z.string(),
  acceptedAt: z.string(),
  acceptedOn: isoDate.describe('Datoen (Europe/Oslo) utsettelsen ble godtatt'),
  reason: z.string().describe('Hvorfor prosjektet godtok utsettelsen'),
});

export const readinessResponse = z.object({
  mergerDate: isoDate,
  daysLeft: z.number().int(),
  criticalTotal: z.number().int(),
  ready: z.number().int().describe('Klare kritiske områder, medregnet de med godtatt utsettelse'),
  missing: z.array(readinessMissingItem),
  acceptedDeferrals: z.array(readinessAcceptedDeferral).describe('Kritiske områder utsatt til overgangsfasen med godtatt utsettelse'),
});
export type Readiness = z.infer<typeof readinessResponse>;

export const graphQuery = z.object({
  municipality: z
    .string()
    .regex(/^\d{4}$/, {
      error: says({ nb: 'Kommunenummer har fire siffer.', nn: 'Kommunenummer har fire siffer.', en: 'A municipality number has four digits.' }),
    })
    .optional(),
  area: z.string().max(120).optional(),
});

export const integrationGraphResponse = z.object({
  nodes: z.array(
    z.object({
      id: z.string().describe('System-id, eller «cs:<id>» for en nasjonal fellesløsning'),
      kind: z.enum(['system', 'commonSolution']),
      label: z.string(),
      municipalityNumber: z.string().nullable(),
      solutionAreaId: z.string().nullable(),
      fate: z.enum(systemFates).nullable(),
    }),
  ),
  edges: z.array(
    z.object({
      id: z.uuid(),
      from: z.string(),
      to: z.string(),
      direction: z.string().nullable(),
      method: z.string().nullable(),
      breaks: z.boolean().describe('En av endene migreres eller avvikles: integrasjonen må etableres på nytt'),
    }),
  ),
});
export type IntegrationGraph = z.infer<typeof integrationGraphResponse>;
