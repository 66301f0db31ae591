import { loadCatalog } from '#catalog/catalog.ts';
import { translatedCatalog } from '#catalog/catalog-translations.ts';
import type { Language } from '#shared/language.ts';
import { taskTitleInContext } from '#shared/task-title.ts';

/**
 * The library's names in the report's language (issue 22): phases, solution areas and the
 * library's own task titles and sub-headings come from `translatedCatalog(language)`. The
 * features' services give them in bokmål, as stored. The team's own tasks, and everything
 * else the team wrote, stay as written.
 */
export interface LibraryNames {
  phaseName: (phaseNumber: number, asGiven: string) => string;
  areaName: (areaId: string, asGiven: string) => string;
  /** A task's title with its area or sub-heading, as taskTitleInContext writes it. */
  taskTitle: (task: { title: string; catalogItemId: string | null; group: string | null; area: { id: string; name: string } | null }) => string;
}

interface TaskWords {
  title: string;
  group: string | null;
}

const cache = new Map<Language, LibraryNames>();

export function libraryNames(language: Language): LibraryNames {
  const cached = cache.get(language);
  if (cached) return cached;
  const names = language === 'nb' ? bokmål() : translated(language);
  cache.set(language, names);
  return names;
}

/** KS' own words, as the services give them. */
function bokmål(): LibraryNames {
  return { phaseName: (_, asGiven) => asGiven, areaName: (_, asGiven) => asGiven, taskTitle: (task) => taskTitleInContext(task) };
}

function taskWords(catalog: ReturnType<typeof loadCatalog>): Map<string, TaskWords> {
  const words = new Map<string, TaskWords>();
  for (const phase of catalog.phases) {
    for (const activity of phase.activities) for (const task of activity.tasks) words.set(task.id, { title: task.title, group: task.group ?? null });
  }
  for (const sector of catalog.sectors) {
    for (const area of sector.solutionAreas) for (const task of area.tasks) words.set(task.id, { title: task.title, group: null });
  }
  return words;
}

function translated(language: Language): LibraryNames {
  const catalog = translatedCatalog(language);
  const phases = new Map(catalog.phases.map((phase) => [phase.number, phase.name]));
  const areas = new Map(catalog.sectors.flatMap((sector) => sector.solutionAreas.map((area) => [area.id, area.name] as const)));
  const original = taskWords(loadCatalog());
  const inLanguage = taskWords(catalog);
  return {
    phaseName: (phaseNumber, asGiven) => phases.get(phaseNumber) ?? asGiven,
    areaName: (areaId, asGiven) => areas.get(areaId) ?? asGiven,
    taskTitle: (task) => {
      // A library task's title cannot be changed (only the team's own tasks' can), so it is the library's words.
      const target = task.catalogItemId === null || !original.has(task.catalogItemId) ? undefined : inLanguage.get(task.catalogItemId);
      return taskTitleInContext({
        title: target?.title ?? task.title,
        area: task.area && { name: areas.get(task.area.id) ?? task.area.name },
        group: target ? (task.group === null ? null : (target.group ?? task.group)) : task.group,
      });
    },
  };
}
