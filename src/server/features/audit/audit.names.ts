import { loadCatalog } from '#catalog/catalog.ts';
import type { Database } from '#server/platform/db/client.ts';
import { findCommonSolution, loadCommonSolutions } from '#server/features/common-solutions/common-solutions.domain.ts';
import { buildSolutionAreas, loadExtraSolutionAreas } from '#server/features/inventory/inventory.domain.ts';
import { loadMunicipalityRegister } from '#server/features/municipalities/municipalities.domain.ts';
import type { NameLookup, ReferenceTarget } from './audit.presentation.ts';
import * as repo from './audit.repo.ts';

let registers: { solutionArea: Map<string, string>; opportunity: Map<string, string>; municipality: Map<string, string> } | undefined;

/** The registers shipped with Samla, as id → name; read once. */
function registerNames() {
  registers ??= {
    solutionArea: new Map(buildSolutionAreas(loadCatalog(), loadExtraSolutionAreas()).map((area) => [area.id, area.name])),
    opportunity: new Map(
      loadCatalog()
        .opportunities.areas.flatMap((area) => area.opportunities)
        .map((item) => [item.id, item.title]),
    ),
    // The register in force when first asked (names of a number change seldom; a merger keeps its own snapshot).
    municipality: new Map(loadMunicipalityRegister().municipalities.map((municipality) => [municipality.number, municipality.name])),
  };
  return registers;
}

function registerName(target: ReferenceTarget, id: string): string | undefined {
  switch (target) {
    case 'solutionArea':
    case 'opportunity':
    case 'municipality':
      return registerNames()[target].get(id);
    case 'commonSolution':
      return findCommonSolution(loadCommonSolutions(), id)?.name;
    default:
      return undefined;
  }
}

/**
 * The names the given ids have now in one merger: one query per kind of row
 * (systems, integrations, tasks), the registers from memory. An id that is not
 * there (deleted, or another merger's) has no name.
 */
export async function namesNow(db: Database, mergerId: string, wanted: ReadonlyMap<ReferenceTarget, ReadonlySet<string>>): Promise<NameLookup> {
  const ids = (target: ReferenceTarget) => [...(wanted.get(target) ?? [])];
  const [systems, tasks, integrations] = await Promise.all([
    repo.systemNames(db, mergerId, ids('system')),
    repo.taskTitles(db, mergerId, ids('task')),
    repo.integrationEnds(db, mergerId, ids('integration')),
  ]);
  const integrationNames = new Map(
    integrations.map((row) => {
      const to = row.toName ?? (row.commonSolutionId ? (registerName('commonSolution', row.commonSolutionId) ?? row.commonSolutionId) : null);
      return [row.id, `${row.fromName ?? '?'} → ${to ?? '?'}`];
    }),
  );
  return (target, id) => {
    switch (target) {
      case 'system':
        return systems.get(id);
      case 'task':
        return tasks.get(id);
      case 'integration':
        return integrationNames.get(id);
      default:
        return registerName(target, id);
    }
  };
}
