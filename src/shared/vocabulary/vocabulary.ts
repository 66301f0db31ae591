/**
 * The names of Samla's fixed values: every status, role, kind and choice the
 * contracts define as a list of codes, by the words people read for each code.
 * The web's message catalog, the PDF report, the xlsx and CSV exports and the
 * calendar files all take their words from one `Vocabulary`, so a page and a
 * document never name the same value differently.
 *
 * Each map is typed against the contract's value list: a value added there
 * without a name here does not compile, and neither does a language (nb today;
 * nn and en next) that leaves a name out.
 *
 * Some values have more than one name because they are said in more than one
 * place (a heading, inside a sentence, a short tag): those are separate maps
 * here, named after where they are used, rather than copies elsewhere.
 */
import type { BenefitStatus, BenefitType, IndicatorDirection } from '#shared/contracts/benefits.ts';
import type { TaskStatus } from '#shared/contracts/plan.tasks.ts';
import type { UpcomingKind } from '#shared/contracts/dashboard.ts';
import type { DecisionMaker, DecisionOutcome, DecisionState, DecisionTiming, ReadinessReason, SystemFate } from '#shared/contracts/decisions.ts';
import type { OverallStatus } from '#shared/contracts/reports.ts';
import type { contractActions, deadlineStatuses } from '#shared/contracts/contract-deadlines.ts';
import type {
  archiveLocations,
  ChangeClause,
  cooperationForms,
  Hosting,
  infrastructureCategories,
  integrationDirections,
  integrationMethods,
  InventoryKindKey,
} from '#shared/contracts/inventory.ts';
import type { MergerRoleName } from '#shared/contracts/members.ts';
import type { ConsequenceDimension, MitigationStatus, RiskStatus, RiskSuggestionKind } from '#shared/contracts/risks.ts';
import type { MilestoneKind } from '#shared/contracts/plan.schedule.ts';

/** A name for every value of `V`. */
export type Labels<V extends string, T = string> = Readonly<Record<V, T>>;

export type ContractAction = (typeof contractActions)[number];
export type DeadlineStatus = (typeof deadlineStatuses)[number];
/** The notes contract-deadlines.domain.ts puts on a contract (`flags` in the contract deadlines response). */
export type ContractFlag = 'check_auto_renewal' | 'notice_period_unknown' | 'some_systems_undecided';
export type AreaPriority = 'critical' | 'medium';
export type LanguageForm = 'bokmål' | 'nynorsk' | 'nøytral';
export type AuditAction = 'create' | 'update' | 'delete';
/** A yes/no field whose answer may be unknown (the inventory's «arkivverdig»). */
export type Flag = 'unknown' | 'yes' | 'no';
export type IntegrationNodeKind = 'system' | 'commonSolution';
export type SuggestionBasis = 'product' | 'vendor';
export type DeferralAcceptance = 'not_accepted' | 'accepted';

export interface Vocabulary {
  // ------------------------------------------------------------ plan, members
  taskStatus: Labels<TaskStatus>;
  mergerRole: Labels<MergerRoleName>;
  /** What each role may do, said where the role is chosen. */
  mergerRoleDescription: Labels<MergerRoleName>;
  milestoneKind: Labels<MilestoneKind>;
  upcomingKind: Labels<UpcomingKind>;
  languageForm: Labels<LanguageForm>;
  auditAction: Labels<AuditAction>;

  // ------------------------------------------------------------ decisions
  decisionOutcome: Labels<DecisionOutcome>;
  decisionOutcomeDescription: Labels<DecisionOutcome>;
  decisionTiming: Labels<DecisionTiming>;
  decisionState: Labels<DecisionState>;
  /** Who made an adopted veivalg (decision 038). */
  decisionMaker: Labels<DecisionMaker>;
  /** The project leader's overall status in an issued report; a word, never a colour alone. */
  overallStatus: Labels<OverallStatus>;
  deferralAcceptance: Labels<DeferralAcceptance>;
  suggestionBasis: Labels<SuggestionBasis>;
  areaPriority: Labels<AreaPriority>;
  /** A system's fate under its area's decision, on the decision pages (with what it means for the data). */
  systemFate: Labels<SystemFate>;
  /** The fate as a short tag (the integration landscape). */
  systemFateShort: Labels<SystemFate>;
  /** The fate inside a sentence, lower case (the contract deadlines page). */
  systemFateInline: Labels<SystemFate>;
  /** Why a critical area is not ready, as an item of its own (the PDF report). */
  readinessReason: Labels<ReadinessReason>;
  /** Why a critical area is not ready, inside a sentence (the web; open tasks are counted there instead). */
  readinessReasonInline: Labels<Exclude<ReadinessReason, 'tasks_open'>>;
  integrationNodeKind: Labels<IntegrationNodeKind>;

  // ------------------------------------------------------------ contract deadlines
  /** What must happen with a contract, as the Avtalefrister page lists it. */
  contractAction: Labels<ContractAction>;
  /** What must happen, as a heading for its deadline (the PDF report, the calendar's description). */
  contractActionHeading: Labels<ContractAction>;
  /** What the deadline is the last day for, inside a sentence (the Avtalefrister page). */
  contractDeadlineMeaning: Labels<ContractAction>;
  /** What the deadline is the last day for, as a calendar entry's title starts. */
  contractDeadlineTitle: Labels<ContractAction>;
  deadlineStatus: Labels<DeadlineStatus>;
  contractFlag: Labels<ContractFlag>;

  // ------------------------------------------------------------ risks
  riskStatus: Labels<RiskStatus>;
  mitigationStatus: Labels<MitigationStatus>;
  consequenceDimension: Labels<ConsequenceDimension>;
  riskSuggestionKind: Labels<RiskSuggestionKind>;

  // ------------------------------------------------------------ benefits
  benefitType: Labels<BenefitType>;
  benefitStatus: Labels<BenefitStatus>;
  /** A status after a count, singular and plural: «1 realisert», «2 realiserte». */
  benefitStatusCount: Labels<BenefitStatus, readonly [one: string, other: string]>;
  indicatorDirection: Labels<IndicatorDirection>;

  // ------------------------------------------------------------ inventory
  /** The registers' names; also the inventory workbook's sheet names. */
  inventoryKind: Labels<InventoryKindKey>;
  /** The fixed values of the registers' fields; also the workbook's dropdowns, read back on import. */
  inventoryValue: {
    hosting: Labels<Hosting>;
    changeClause: Labels<ChangeClause>;
    direction: Labels<(typeof integrationDirections)[number]>;
    method: Labels<(typeof integrationMethods)[number]>;
    locationKind: Labels<(typeof archiveLocations)[number]>;
    category: Labels<(typeof infrastructureCategories)[number]>;
    form: Labels<(typeof cooperationForms)[number]>;
  };
  flag: Labels<Flag>;
}
