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
