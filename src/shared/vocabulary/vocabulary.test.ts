import { describe, expect, it } from 'vitest';
import { benefitStatuses, benefitTypes, indicatorDirections } from '#shared/contracts/benefits.ts';
import { taskStatuses } from '#shared/contracts/plan.tasks.ts';
import { upcomingKinds } from '#shared/contracts/dashboard.ts';
import { decisionMakers, decisionOutcomes, decisionStates, decisionTimings, readinessReasons, systemFates } from '#shared/contracts/decisions.ts';
import { overallStatuses } from '#shared/contracts/reports.ts';
import { contractActions, deadlineStatuses } from '#shared/contracts/contract-deadlines.ts';
import {
  archiveLocations,
  changeClauses,
  cooperationForms,
  hostings,
  infrastructureCategories,
  integrationDirections,
  integrationMethods,
  inventoryKinds,
} from '#shared/contracts/inventory.ts';
import { mergerRole } from '#shared/contracts/members.ts';
import { languageForm } from '#shared/contracts/mergers.ts';
import { consequenceDimensions, mitigationStatuses, riskStatuses, riskSuggestionKinds } from '#shared/contracts/risks.ts';
import { anyMilestoneKind } from '#shared/contracts/plan.schedule.ts';
import { nbVocabulary } from './nb.ts';
import type { Vocabulary } from './vocabulary.ts';

/** Each map and the contract's value list it names: the types say it too, this says it at run time and for every language. */
const lists: Array<[keyof Vocabulary | `inventoryValue.${keyof Vocabulary['inventoryValue']}`, readonly string[]]> = [
  ['taskStatus', taskStatuses],
  ['mergerRole', mergerRole.options],
  ['mergerRoleDescription', mergerRole.options],
  ['milestoneKind', anyMilestoneKind.options],
  ['upcomingKind', upcomingKinds],
  ['languageForm', languageForm.options],
  ['decisionOutcome', decisionOutcomes],
  ['decisionOutcomeDescription', decisionOutcomes],
  ['decisionTiming', decisionTimings],
  ['decisionState', decisionStates],
  ['decisionMaker', decisionMakers],
  ['overallStatus', overallStatuses],
  ['systemFate', systemFates],
  ['systemFateShort', systemFates],
  ['systemFateInline', systemFates],
  ['readinessReason', readinessReasons],
  ['contractAction', contractActions],
  ['contractActionHeading', contractActions],
  ['contractDeadlineMeaning', contractActions],
  ['contractDeadlineTitle', contractActions],
  ['deadlineStatus', deadlineStatuses],
  ['riskStatus', riskStatuses],
  ['mitigationStatus', mitigationStatuses],
  ['consequenceDimension', consequenceDimensions],
  ['riskSuggestionKind', riskSuggestionKinds],
  ['benefitType', benefitTypes],
  ['benefitStatus', benefitStatuses],
  ['benefitStatusCount', benefitStatuses],
  ['indicatorDirection', indicatorDirections],
  ['inventoryKind', Object.keys(inventoryKinds)],
  ['inventoryValue.hosting', hostings],
  ['inventoryValue.changeClause', changeClauses],
  ['inventoryValue.direction', integrationDirections],
  ['inventoryValue.method', integrationMethods],
  ['inventoryValue.locationKind', archiveLocations],
  ['inventoryValue.category', infrastructureCategories],
  ['inventoryValue.form', cooperationForms],
];

const vocabularies: Record<string, Vocabulary> = { nb: nbVocabulary };

describe.each(Object.entries(vocabularies))('the %s vocabulary', (_language, vocabulary) => {
  it.each(lists)('names every value of %s', (path, values) => {
    const map = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], vocabulary) as Record<string, unknown>;
    for (const value of values) expect(map[value], `${path}.${value}`).toBeDefined();
    // Only the contract's values: a name for a value that no longer exists is a leftover.
    expect(Object.keys(map).sort()).toEqual([...values].sort());
  });
});
