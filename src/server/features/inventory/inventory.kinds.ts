/**
 * What differs between the eight inventory kinds, beyond their fields (those
 * are in the shared contract) and their queries (in the repo): the name
 * history gives them, what they point at, which rules span their fields, and
 * the read-only names an item carries. The service is the same for all eight.
 */
import { findCommonSolution, loadCommonSolutions } from '#server/features/common-solutions/common-solutions.domain.ts';
import type { FieldProblem } from '#shared/contracts/common.ts';
import type { InventoryItem, InventoryKindKey } from '#shared/contracts/inventory.ts';
import type { Language } from '#shared/language.ts';
import type { ErrorCode } from '#shared/error-codes.ts';
import { archiveProblems, contractProblems, integrationProblems, type References } from './inventory.domain.ts';
import type { SystemRef } from './inventory.repo.ts';

/** The names history records inventory changes under. */
export type InventoryEntity =
  'system' | 'digitalService' | 'contract' | 'integration' | 'archive' | 'infrastructure' | 'itOrganisation' | 'intermunicipalCooperation';

type ReadOnlyKeys = 'systemName' | 'systems' | 'fromSystemName' | 'toSystemName' | 'commonSolutionName';

/** A kind's item without the names derived from other rows: what is stored. */
export type InventoryValues<K extends InventoryKindKey> = Omit<InventoryItem<K>, ReadOnlyKeys>;

export interface KindDefinition<K extends InventoryKindKey> {
  entity: InventoryEntity;
  /** «Fant ikke {noun}.» */
  noun: string;
  notFoundCode: ErrorCode;
  /** Where the given fields point, each with the path a problem is reported at; absent fields point nowhere. */
  references: (values: Partial<InventoryValues<K>>) => Omit<References, 'municipalityNumber'>;
  /** Rules over several fields of the row as it will be stored. */
  rules?: (values: InventoryValues<K>, language?: Language) => FieldProblem[];
  /** The read-only names an item carries beside its own fields. */
  names: (values: InventoryValues<K>, systems: ReadonlyMap<string, SystemRef>) => Omit<InventoryItem<K>, keyof InventoryValues<K>>;
  /** What history shows as the row's name. */
  label: (item: InventoryItem<K>) => string;
}

const noReferences = () => ({ systems: [] });
const noNames = () => ({});
const systemAt = (path: string, id: string | null | undefined) => (id ? [{ path, id }] : []);
const nameOf = (systems: ReadonlyMap<string, SystemRef>, id: string | null) => (id ? (systems.get(id)?.name ?? null) : null);

export const kindDefinitions: { [K in InventoryKindKey]: KindDefinition<K> } = {
  systems: {
    entity: 'system',
    noun: 'systemet',
    notFoundCode: 'SYSTEM_NOT_FOUND',
    references: (values) => ({ solutionAreaId: values.solutionAreaId, systems: [] }),
    names: noNames,
    label: (item) => item.name,
  },
  digitalServices: {
    entity: 'digitalService',
    noun: 'den digitale tjenesten',
    notFoundCode: 'DIGITAL_SERVICE_NOT_FOUND',
    references: (values) => ({ systems: systemAt('systemId', values.systemId) }),
    names: (values, systems) => ({ systemName: nameOf(systems, values.systemId) }),
    label: (item) => item.name,
  },
  contracts: {
    entity: 'contract',
    noun: 'avtalen',
    notFoundCode: 'CONTRACT_NOT_FOUND',
    references: (values) => ({
      systems: (values.systemIds ?? []).map((id, index) => ({ path: `systemIds.${index}`, id })),
    }),
    rules: contractProblems,
    names: (values, systems) => ({
      systems: values.systemIds.flatMap((id) => {
        const system = systems.get(id);
        return system ? [system] : [];
      }),
    }),
    label: (item) => (item.subject ? `${item.vendor}: ${item.subject}` : item.vendor),
  },
  integrations: {
    entity: 'integration',
    noun: 'integrasjonen',
    notFoundCode: 'INTEGRATION_NOT_FOUND',
    references: (values) => ({
      commonSolutionId: values.commonSolutionId,
      systems: [...systemAt('fromSystemId', values.fromSystemId), ...systemAt('toSystemId', values.toSystemId)],
    }),
    rules: integrationProblems,
    names: (values, systems) => ({
      fromSystemName: nameOf(systems, values.fromSystemId) ?? '',
      toSystemName: nameOf(systems, values.toSystemId),
      commonSolutionName: values.commonSolutionId ? (findCommonSolution(loadCommonSolutions(), values.commonSolutionId)?.name ?? null) : null,
    }),
    label: (item) => `${item.fromSystemName} → ${item.toSystemName ?? item.commonSolutionName ?? '?'}`,
  },
  archives: {
    entity: 'archive',
    noun: 'arkivet',
    notFoundCode: 'ARCHIVE_NOT_FOUND',
    references: (values) => ({ systems: systemAt('systemId', values.systemId) }),
    rules: archiveProblems,
    names: (values, systems) => ({ systemName: nameOf(systems, values.systemId) }),
    label: (item) => item.name,
  },
  infrastructure: {
    entity: 'infrastructure',
    noun: 'infrastrukturen',
    notFoundCode: 'INFRASTRUCTURE_NOT_FOUND',
    references: noReferences,
    names: noNames,
    label: (item) => item.name,
  },
  itOrganisation: {
    entity: 'itOrganisation',
    noun: 'rollen',
    notFoundCode: 'IT_ORGANISATION_NOT_FOUND',
    references: noReferences,
    names: noNames,
    label: (item) => item.role,
  },
  intermunicipalCooperation: {
    entity: 'intermunicipalCooperation',
    noun: 'samarbeidet',
    notFoundCode: 'INTERMUNICIPAL_COOPERATION_NOT_FOUND',
    references: noReferences,
    names: noNames,
    label: (item) => item.name,
  },
};
