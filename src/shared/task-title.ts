/**
 * A task's title with what tells it apart from tasks of the same name: the solution area
 * of a task a veivalg placed («Videreføre pågående saker» comes from four areas), else the
 * sub-heading of a library task under one («Inngå nye kontrakter …» under both «Digitale
 * arkiv» and «Systemer»). Used wherever a title stands without its place in the checklist
 * around it: pickers, the timeline, the dashboard, history, exports, the PDF and calendars.
 */
export function taskTitleInContext(task: { title: string; area?: { name: string } | null; group?: string | null }): string {
  const context = task.area?.name ?? task.group ?? null;
  return context ? `${task.title} (${context})` : task.title;
}

/**
 * Consecutive tasks under the same sub-heading: a veivalg's tasks under their solution
 * area (named), the library's under its group; null for tasks under neither. The checklist
 * and the timeline both show these, so tasks of the same name read apart.
 */
export function chunkByContext<T extends { area: { name: string } | null; group: string | null }>(
  tasks: readonly T[],
): Array<{ heading: string | null; isArea: boolean; tasks: T[] }> {
  const chunks: Array<{ heading: string | null; isArea: boolean; tasks: T[] }> = [];
  for (const task of tasks) {
    const heading = task.area?.name ?? task.group;
    const isArea = task.area !== null;
    const last = chunks.at(-1);
    if (last && last.heading === heading && last.isArea === isArea) last.tasks.push(task);
    else chunks.push({ heading, isArea, tasks: [task] });
  }
  return chunks;
}
