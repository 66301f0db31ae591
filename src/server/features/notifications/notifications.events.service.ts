/**
 * What Samla tells people about beyond a single change's own notify() call (issue 21,
 * decision 036): who is responsible for what, a veivalg adopted where you have tasks, and
 * the daily scan for tasks due soon or overdue. notify() itself stays in
 * notifications.service.ts; everything here ends in it.
 */
import { loadCatalog } from '#catalog/catalog.ts';
import type { Clock } from '#server/platform/clock.ts';
import type { Database } from '#server/platform/db/client.ts';
import { addDays, todayInOslo } from '#shared/calendar-dates.ts';
import { subjectLink } from '#shared/subject-links.ts';
import { taskTitleInContext } from '#shared/task-title.ts';
import * as repo from './notifications.inbox.repo.ts';
import { notify, type NotificationEvent } from './notifications.service.ts';

/** How far ahead «due soon» looks (issue 21: «due in 7 days»). */
export const dueSoonDays = 7;

/**
 * The members responsible for the merger's tasks `taskIds`, by task (their responsible
 * member; see `tasksWithResponsibleMember` in the repo).
 */
export async function responsibleMembersOfTasks(db: Database, mergerId: string, taskIds: readonly string[]): Promise<Map<string, string[]>> {
  const byTask = new Map<string, string[]>();
  for (const row of await repo.responsibleForTasks(db, mergerId, taskIds)) byTask.set(row.taskId, [...(byTask.get(row.taskId) ?? []), row.userId]);
  return byTask;
}

/** Members whose name is one of `names`: a risk's and a benefit's «Eier» are free text, and name a member only by their name. */
export function membersNamed(db: Database, mergerId: string, names: readonly (string | null | undefined)[]): Promise<string[]> {
  return repo.membersNamed(
    db,
    mergerId,
    names.filter((name): name is string => typeof name === 'string'),
  );
}

/**
 * A veivalg was adopted: everyone responsible for a task in its area is told, in the
 * caller's transaction. `areaTaskIds` are the merger's tasks in the area (decision 030:
 * the area of a task is its library item's).
 */
export async function notifyDecisionAdopted(
  db: Database,
  input: { mergerId: string; areaId: string; areaName: string; areaTaskIds: readonly string[]; actor: { userId: string; name: string } },
): Promise<void> {
  const responsible = await repo.responsibleForTasks(db, input.mergerId, input.areaTaskIds);
  const userIds = [...new Set(responsible.map((row) => row.userId))];
  await notify(
    db,
    userIds.map((userId) => ({
      kind: 'decision_adopted',
      recipientUserId: userId,
      mergerId: input.mergerId,
      subject: { kind: 'decision', id: input.areaId, title: input.areaName },
      link: subjectLink(input.mergerId, 'decision', input.areaId),
      actor: input.actor,
    })),
  );
}

let areaIndex: Map<string, { name: string }> | undefined;
/** A placed task's area by its library item (decision 030), read from the library itself. */
function areaOf(catalogItemId: string | null): { name: string } | undefined {
  if (!areaIndex) {
    areaIndex = new Map();
    for (const sector of loadCatalog().sectors)
      for (const area of sector.solutionAreas) for (const task of area.tasks) areaIndex.set(task.id, { name: area.name });
  }
  return catalogItemId === null ? undefined : areaIndex.get(catalogItemId);
}

/**
 * The daily look at due dates: each open task due within {@link dueSoonDays} days tells its
 * responsible member «due soon», each past its date «overdue», once per task, due date and
 * kind (`onceKey`: a moved due date is news again). Safe to run often and on several app
 * nodes at once: the unique (user, once key) decides who told first. Returns how many were told.
 */
export async function scanDueTasks(db: Database, now: Date): Promise<number> {
  const today = todayInOslo(now);
  const rows = await repo.openTasksDueBy(db, addDays(today, dueSoonDays));
  const events: NotificationEvent[] = rows.map((row) => {
    const kind = row.dueDate! < today ? 'overdue' : 'due_soon';
    return {
      kind,
      recipientUserId: row.userId,
      mergerId: row.mergerId,
      subject: { kind: 'task', id: row.taskId, title: taskTitleInContext({ title: row.title, area: areaOf(row.catalogItemId), group: row.groupName }) },
      link: subjectLink(row.mergerId, 'task', row.taskId),
      actor: null,
      onceKey: `${kind}:${row.taskId}:${row.dueDate}`,
    };
  });
  return (await notify(db, events)).length;
}

/**
 * Runs {@link scanDueTasks} now and then every `everyMs` until the returned stop is called
 * (the app calls it on close). Hourly is the default: «daily» is what the once-keys make
 * of it, and a node that was down at midnight still tells the same day.
 */
export function startDueTaskScan(
  db: Database,
  options: { now: Clock; everyMs: number; firstAfterMs?: number; onError: (error: unknown) => void },
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const run = () => {
    if (stopped) return;
    running = scanDueTasks(db, options.now()).catch(options.onError);
  };
  const first = setTimeout(run, options.firstAfterMs ?? 60_000);
  const timer = setInterval(run, options.everyMs);
  first.unref();
  timer.unref();
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    // A scan in flight finishes before the database closes.
    await running;
  };
}
