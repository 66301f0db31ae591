import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerProcess } from '#server/test/server-process.ts';
import {
  createMerger,
  expectStatus,
  freshDatabase,
  inventoryCounts,
  inventoryWorkbook,
  seededRandom,
  sleep,
  start,
  tokenClient,
  xlsxContentType,
  type Client,
  type InventoryWorkbook,
  type TestDatabase,
} from './harness.ts';

/**
 * Samla is killed with SIGKILL (no shutdown code runs) while an import, a
 * decision change and a batch of task edits are running, restarted on the same
 * data, and checked: every write the client got a 200 for is there, and no
 * import or change is half-visible. On the run's database: PGlite in a data dir
 * by default, PostgreSQL under `npm run test:pg`.
 *
 * Each kill point (after how many acknowledged writes, then how far into the
 * next request) comes from a seeded generator; the seed is printed, and
 * SAMLA_CRASH_SEED=<seed> replays the same points (the server's own timing
 * still varies). SAMLA_CRASH_KILLS changes the number of kills (default 21).
 */
const seed = Number(process.env.SAMLA_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const kills = Number(process.env.SAMLA_CRASH_KILLS ?? 21);
const random = seededRandom(seed);
const engine = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
console.log(`crash-safety: ${engine}, ${kills} kills, seed ${seed} (replay with SAMLA_CRASH_SEED=${seed})`);

const placement = { before_merger: 'fase-4', transition: 'fase-5' } as const;
type Timing = keyof typeof placement;

interface DecisionLedger {
  areaId: string;
  taskCount: number;
  version: number;
  timing: Timing;
  /** The change sent when the server died: it may or may not have been committed. */
  inFlight?: Timing;
}

interface TaskLedger {
  id: string;
  version: number;
  notes: string | null;
  status: string;
  inFlight?: { notes: string; status: string };
}

interface ImportLedger {
  mergerId: string;
  acknowledged: boolean;
}

describe(`after SIGKILL (${engine})`, () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let client: Client;
  let workbook: InventoryWorkbook;
  let decisionMergerId: string;
  let taskMergerId: string;
  let decision: DecisionLedger;
  let tasks: TaskLedger[];
  /** PostgreSQL only: a connection of the test's own, to see whether a kill lands inside a transaction. */
  let observer: pg.Client | undefined;
  const imports: ImportLedger[] = [];
  const tally = {
    killsInsideTransaction: 0,
    importAcknowledged: 0,
    importInFlightCommitted: 0,
    importInFlightAbsent: 0,
    decisionInFlightCommitted: 0,
    decisionInFlightAbsent: 0,
    taskEditsAcknowledged: 0,
    taskEditsInFlightCommitted: 0,
    taskEditsInFlightAbsent: 0,
  };

  beforeAll(async () => {
    database = await freshDatabase('samla_crash');
    if (database.kind === 'postgres') {
      observer = new pg.Client({ connectionString: database.serverOptions.env.DATABASE_URL });
      await observer.connect();
    }
    server = await start(database);
    client = await tokenClient(server.url);
    workbook = await inventoryWorkbook(150);

    decisionMergerId = await createMerger(client, 'Veivalg som endres');
    const overview = expectStatus(await client.get(`/mergers/${decisionMergerId}/decisions`), 200, 'decision overview');
    const areas = (overview as { sectors: Array<{ areas: Array<{ id: string; priority: string | null }> }> }).sectors.flatMap((sector) => sector.areas);
    const areaId = areas.find((area) => area.priority === 'critical')!.id;
    const first = expectStatus(
      await client.put(`/mergers/${decisionMergerId}/decisions/${areaId}`, {
        outcome: 'procure',
        timing: 'before_merger',
        state: 'adopted',
        decisionMaker: 'steering_group',
        meetingDate: '2026-11-02',
      }),
      200,
      'first decision',
    );
    expect(first.plannedTasks.length).toBeGreaterThan(0);
    decision = { areaId, taskCount: first.area.tasks.length, version: first.decision.version, timing: 'before_merger' };

    taskMergerId = await createMerger(client, 'Oppgaver som redigeres');
    const listed = expectStatus(await client.get(`/mergers/${taskMergerId}/tasks?phase=1`), 200, 'tasks');
    tasks = (listed as { tasks: Array<{ id: string; version: number; notes: string | null; status: string }> }).tasks
      .slice(0, 4)
      .map((task) => ({ id: task.id, version: task.version, notes: task.notes, status: task.status }));
    expect(tasks).toHaveLength(4);
  });

  afterAll(async () => {
    await observer?.end();
    await server?.stop('SIGKILL');
    await database?.drop();
  });

  // ------------------------------------------------------------ workloads (each runs until its requests fail)

  /**
   * How far the round's workload got, and how long its requests take on this
   * machine right now: the kill point is «after k acknowledged writes, plus a
   * random part of one request», so it lands inside requests whether the
   * machine is idle or loaded.
   */
  const progress = { acknowledged: 0, finished: false, requestMs: { import: 0, decision: 200, 'task edits': 200 } };

  async function timed<T>(workload: keyof typeof progress.requestMs, request: () => Promise<T>): Promise<T> {
    const startedAt = Date.now();
    const reply = await request();
    progress.requestMs[workload] = Date.now() - startedAt;
    return reply;
  }

  async function importLoop(api: Client, mergerIds: string[], problems: string[]) {
    for (const mergerId of mergerIds) {
      const entry: ImportLedger = { mergerId, acknowledged: false };
      imports.push(entry);
      const reply = await timed('import', () =>
        api.request('POST', `/mergers/${mergerId}/inventory/import?mode=commit`, {
          file: { data: workbook.data, contentType: xlsxContentType },
        }),
      );
      if (reply.status !== 200) return void problems.push(`import: ${reply.status} ${JSON.stringify(reply.body)}`);
      entry.acknowledged = true;
      progress.acknowledged++;
    }
    progress.finished = true;
  }

  async function decisionLoop(api: Client, problems: string[]) {
    for (;;) {
      const next: Timing = decision.timing === 'before_merger' ? 'transition' : 'before_merger';
      decision.inFlight = next;
      const reply = await timed('decision', () =>
        api.put(`/mergers/${decisionMergerId}/decisions/${decision.areaId}`, {
          outcome: 'procure',
          timing: next,
          state: 'adopted',
          decisionMaker: 'steering_group',
          meetingDate: '2026-11-02',
          version: decision.version,
        }),
      );
      if (reply.status !== 200) return void problems.push(`decision: ${reply.status} ${JSON.stringify(reply.body)}`);
      decision.version = reply.body.decision.version;
      decision.timing = next;
      decision.inFlight = undefined;
      progress.acknowledged++;
    }
  }

  async function taskLoop(api: Client, task: TaskLedger, round: number, problems: string[]) {
    for (let edit = 1; ; edit++) {
      const change = { notes: `drept ${round}, endring ${edit}`, status: task.status === 'in_progress' ? 'not_started' : 'in_progress' };
      task.inFlight = change;
      const reply = await timed('task edits', () => api.patch(`/mergers/${taskMergerId}/tasks/${task.id}`, { version: task.version, ...change }));
      if (reply.status !== 200) return void problems.push(`task: ${reply.status} ${JSON.stringify(reply.body)}`);
      task.version = reply.body.version;
      task.notes = change.notes;
      task.status = change.status;
      task.inFlight = undefined;
      tally.taskEditsAcknowledged++;
      progress.acknowledged++;
    }
  }

  // ------------------------------------------------------------ checks after the restart

  async function auditCount(api: Client, mergerId: string, query: string): Promise<number> {
    return (expectStatus(await api.get(`/mergers/${mergerId}/audit?${query}`), 200, 'audit') as { entries: unknown[] }).entries.length;
  }

  async function checkImport(api: Client, entry: ImportLedger, inFlight: boolean) {
    const counts = await inventoryCounts(api, entry.mergerId);
    const none = { systems: 0, contracts: 0, integrations: 0 };
    if (entry.acknowledged) expect(counts, `acknowledged import into ${entry.mergerId}`).toEqual(workbook.counts);
    else expect([none, workbook.counts], `unacknowledged import into ${entry.mergerId}`).toContainEqual(counts);
    if (inFlight) {
      if (counts.systems > 0) tally.importInFlightCommitted++;
      else tally.importInFlightAbsent++;
    }
    // History: one «create» entry per stored row, no more, no less.
    expect({
      systems: await auditCount(api, entry.mergerId, 'entity=system&action=create'),
      contracts: await auditCount(api, entry.mergerId, 'entity=contract&action=create'),
      integrations: await auditCount(api, entry.mergerId, 'entity=integration&action=create'),
    }).toEqual(counts);
  }

  async function checkDecision(api: Client) {
    const seen = expectStatus(await api.get(`/mergers/${decisionMergerId}/decisions/${decision.areaId}`), 200, 'decision');
    const visible = seen.decision as { id: string; version: number; timing: Timing };
    if (visible.version === decision.version) {
      expect(visible.timing).toBe(decision.timing);
      if (decision.inFlight) tally.decisionInFlightAbsent++;
    } else {
      // Only the change in flight may have landed, and all of it.
      expect(decision.inFlight, 'a decision version the client never sent').toBeDefined();
      expect(visible.version).toBe(decision.version + 1);
      expect(visible.timing).toBe(decision.inFlight);
      tally.decisionInFlightCommitted++;
      decision.version = visible.version;
      decision.timing = visible.timing;
    }
    decision.inFlight = undefined;
    // The plan follows the visible decision: every one of the area's tasks, all in its phase.
    const phases = (seen.plannedTasks as Array<{ phaseId: string }>).map((task) => task.phaseId);
    expect(phases).toEqual(Array(decision.taskCount).fill(placement[visible.timing]));
    // One history entry per version: the creation and each update.
    expect(await auditCount(api, decisionMergerId, `entity=decision&entityId=${visible.id}`)).toBe(visible.version);
  }

  async function checkTask(api: Client, task: TaskLedger) {
    const seen = expectStatus(await api.get(`/mergers/${taskMergerId}/tasks/${task.id}`), 200, 'task');
    const visible = { version: seen.version as number, notes: seen.notes as string | null, status: seen.status as string };
    if (visible.version === task.version) {
      expect(visible).toEqual({ version: task.version, notes: task.notes, status: task.status });
      if (task.inFlight) tally.taskEditsInFlightAbsent++;
    } else {
      expect(task.inFlight, `task ${task.id} has a version the client never wrote`).toBeDefined();
      expect(visible).toEqual({ version: task.version + 1, ...task.inFlight });
      tally.taskEditsInFlightCommitted++;
      Object.assign(task, visible);
    }
    task.inFlight = undefined;
    // Each stored edit has exactly one history entry (tasks start at version 1).
    const history = expectStatus(await api.get(`/mergers/${taskMergerId}/audit?entity=task&entityId=${task.id}&action=update`), 200, 'task history')
      .entries as Array<{ changes: Array<{ field: string; new: unknown }> }>;
    expect(history).toHaveLength(visible.version - 1);
    if (history.length > 0) expect(history[0]!.changes).toContainEqual(expect.objectContaining({ field: 'notes', new: visible.notes }));
  }

  /**
   * One workload per round, in turn, so each kill lands inside the thing it
   * tests: PGlite runs one transaction at a time, and an import in progress
   * would hold the decision and the task edits back until it is done.
   */
  const workloads = ['import', 'decision', 'task edits'] as const;

  it(`keeps every acknowledged write and shows no half-done change across ${kills} kills`, async () => {
    // How long one import takes here, so the kills can land before, inside and after its transaction.
    const calibration = await createMerger(client, 'Import før første drap');
    const importStarted = Date.now();
    await importLoop(client, [calibration], []);
    const importMs = Date.now() - importStarted;
    progress.requestMs.import = importMs;
    expect(imports[0]!.acknowledged).toBe(true);
    console.log(`one import of ${JSON.stringify(workbook.counts)} takes ${importMs} ms`);

    for (let round = 1; round <= kills; round++) {
      const workload = workloads[(round - 1) % workloads.length]!;
      const problems: string[] = [];
      const firstImport = imports.length;
      const api = client;
      let running: Array<Promise<unknown>>;
      /** Acknowledged writes to wait for before the random part of the delay starts. */
      let after: number;
      progress.acknowledged = 0;
      progress.finished = false;
      if (workload === 'import') {
        // Three files in a row: whichever import the kill point falls in, another is still to come.
        const mergers = [];
        for (const part of ['a', 'b', 'c']) mergers.push(await createMerger(client, `Import ${round}${part}`));
        running = [importLoop(api, mergers, problems)];
        after = Math.floor(random() * 2);
      } else if (workload === 'decision') {
        running = [decisionLoop(api, problems)];
        after = Math.floor(random() * 4);
      } else {
        running = tasks.map((task) => taskLoop(api, task, round, problems));
        after = Math.floor(random() * 9);
      }
      // A request cut off by the kill rejects and ends its loop.
      running = running.map((work) => work.catch(() => undefined));
      const fraction = random();
      for (const deadline = Date.now() + 120_000; progress.acknowledged < after && !progress.finished && problems.length === 0;) {
        if (Date.now() > deadline) throw new Error(`round ${round}: the ${workload} made no progress in 2 minutes`);
        await sleep(5);
      }
      // From before the next request reaches the database to after its commit.
      const delay = Math.round(fraction * progress.requestMs[workload] * 1.5);
      await sleep(delay);
      if (observer) {
        // Evidence that kills land mid-transaction (PGlite has no such view).
        const open = await observer.query<{ count: number }>(
          `select count(*)::int as count from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null`,
        );
        if (open.rows[0]!.count > 0) tally.killsInsideTransaction++;
      }
      server.process.kill('SIGKILL');
      const exit = await server.waitForExit();
      expect(exit.signal).toBe('SIGKILL');
      await Promise.all(running);
      expect(problems, `round ${round}, seed ${seed}`).toEqual([]);

      if (database.kind === 'pglite') {
        // The dead process's lock is still there; the restart has to take it over.
        const lock = path.join(database.serverOptions.dataDir!, 'samla.lock');
        expect(fs.readFileSync(lock, 'utf8').trim()).toBe(String(server.pid));
      }
      const roundImports = imports.slice(firstImport);
      const inFlightImport = roundImports.find((entry) => !entry.acknowledged);
      tally.importAcknowledged += roundImports.filter((entry) => entry.acknowledged).length;
      const inFlight =
        workload === 'import'
          ? `${roundImports.filter((entry) => entry.acknowledged).length} imports acknowledged, one in flight: ${Boolean(inFlightImport)}`
          : workload === 'decision'
            ? `decision at version ${decision.version}, change in flight: ${Boolean(decision.inFlight)}`
            : `task versions ${tasks.map((task) => task.version).join('/')}, in flight: ${tasks.filter((task) => task.inFlight).length}`;
      const startedAt = Date.now();
      try {
        server = await start(database);
      } catch (error) {
        throw new Error(`round ${round} (seed ${seed}): Samla did not start after SIGKILL: ${(error as Error).message}`, { cause: error });
      }
      const restartMs = Date.now() - startedAt;
      client = client.on(server.url);
      console.log(`round ${round} (${workload}): killed ${delay} ms after ${after} acknowledged writes (${inFlight}); restart ${restartMs} ms`);
      try {
        for (const entry of roundImports) await checkImport(client, entry, entry === inFlightImport);
        await checkDecision(client);
        for (const task of tasks) await checkTask(client, task);
      } catch (error) {
        throw new Error(`round ${round} (seed ${seed}, killed after ${delay} ms): ${(error as Error).message}`, { cause: error });
      }
    }
    // What was acknowledged early must still be there after all the later kills.
    for (const entry of imports.filter((item) => item.acknowledged)) {
      expect(await inventoryCounts(client, entry.mergerId)).toEqual(workbook.counts);
    }
    // Only PostgreSQL can show whether a transaction was open at the kill.
    const { killsInsideTransaction, ...counts } = tally;
    console.log(`crash-safety (${engine}, seed ${seed}): ${JSON.stringify(observer ? tally : counts)}`);
    if (observer && kills >= 20) expect(killsInsideTransaction).toBeGreaterThan(0);
    // The kills must have landed where they test something, not only between
    // requests (a short replay with SAMLA_CRASH_KILLS checks correctness only).
    if (kills >= 20) {
      expect(tally.importInFlightCommitted + tally.importInFlightAbsent).toBeGreaterThan(0);
      expect(tally.decisionInFlightCommitted + tally.decisionInFlightAbsent).toBeGreaterThan(0);
      expect(tally.taskEditsAcknowledged).toBeGreaterThan(0);
    }
  }, 900_000);
});
