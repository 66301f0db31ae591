import data from './data/ks-sjekkliste-digital-sammenslaing.json' with { type: 'json' };
import { catalogSchema, type Catalog, type CatalogSource } from './catalog.schema.ts';
import { deepFreeze } from './deep-freeze.ts';

export * from './catalog.schema.ts';

let cached: Catalog | undefined;

/**
 * The library, validated against the schema on first use and cached. The object is deeply
 * frozen: it is shared by every caller, so treat it as read-only (copy before changing).
 */
export function loadCatalog(): Catalog {
  if (!cached) {
    const result = catalogSchema.safeParse(data);
    if (!result.success) {
      throw new Error(`The catalogue JSON does not match its schema:\n${result.error.message}`);
    }
    cached = deepFreeze(result.data);
  }
  return cached;
}

export interface CatalogItemCounts {
  /** Tasks in the six phases (3.2). */
  phaseTasks: number;
  /** Tasks in the sectors' solution areas (4.2). */
  sectorTasks: number;
  /** Opportunities (5). */
  opportunities: number;
  /** Opportunities marked as «lavthengende frukter». */
  lowHangingFruit: number;
  /** phaseTasks + sectorTasks + opportunities: every checklist item in the library. */
  total: number;
}

export function catalogItemCounts(catalog: Catalog): CatalogItemCounts {
  const phaseTasks = catalog.phases.reduce((n, p) => n + p.activities.reduce((m, a) => m + a.tasks.length, 0), 0);
  const sectorTasks = catalog.sectors.reduce((n, s) => n + s.solutionAreas.reduce((m, a) => m + a.tasks.length, 0), 0);
  const all = catalog.opportunities.areas.flatMap((a) => a.opportunities);
  const opportunities = all.length;
  const lowHangingFruit = all.filter((o) => o.lowHangingFruit).length;
  return { phaseTasks, sectorTasks, opportunities, lowHangingFruit, total: phaseTasks + sectorTasks + opportunities };
}

export interface PhaseTaskInOrder {
  phaseId: string;
  phaseNumber: number;
  activityId: string;
  activityTitle: string;
  taskId: string;
  title: string;
  /** The sub-heading inside the activity, or null when the task sits directly under it. */
  group: string | null;
  /** 0-based index of the task within its activity. */
  position: number;
}

/** Every phase task, flat, in document order. */
export function phaseTasksInOrder(catalog: Catalog): PhaseTaskInOrder[] {
  return catalog.phases.flatMap((phase) =>
    phase.activities.flatMap((activity) =>
      activity.tasks.map((task, position) => ({
        phaseId: phase.id,
        phaseNumber: phase.number,
        activityId: activity.id,
        activityTitle: activity.title,
        taskId: task.id,
        title: task.title,
        group: task.group ?? null,
        position,
      })),
    ),
  );
}

export interface CatalogSummary {
  id: Catalog['id'];
  version: string;
  title: string;
  source: CatalogSource;
}

export function catalogSummary(catalog: Catalog): CatalogSummary {
  return { id: catalog.id, version: catalog.version, title: catalog.title, source: catalog.source };
}
