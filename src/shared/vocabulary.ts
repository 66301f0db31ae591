/**
 * Norwegian (bokmål) names of fixed values that the server writes itself
 * (history, exports) and that had a name only in the web's catalog. Typed
 * against the contracts' value lists, so a value added there without a name
 * here does not compile. The web's catalog says the same words for the pages.
 */
import type { IndicatorDirection } from './contracts/benefits.ts';
import type { TaskStatus } from './contracts/checklist.ts';
import type { MergerRoleName } from './contracts/members.ts';
import type { milestoneKinds } from './contracts/schedule.ts';

export const taskStatusLabels: Record<TaskStatus, string> = {
  not_started: 'Ikke startet',
  in_progress: 'Pågår',
  done: 'Ferdig',
  not_relevant: 'Ikke relevant',
};

export const mergerRoleLabels: Record<MergerRoleName, string> = {
  owner: 'Eier',
  lead: 'Prosjektleder',
  member: 'Prosjektmedarbeider',
  reader: 'Leser (styringsgruppe, Fellesnemnda)',
};

export const milestoneKindLabels: Record<(typeof milestoneKinds)[number], string> = {
  local_decision: 'Lokalt vedtak',
  national_decision: 'Nasjonalt vedtak',
  joint_committee_meeting: 'Fellesnemnda-møte',
  own: 'Egen milepæl',
};

export const indicatorDirectionLabels: Record<IndicatorDirection, string> = {
  higher: 'Høyere er bedre',
  lower: 'Lavere er bedre',
};
