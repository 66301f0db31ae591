import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresHandle } from '#server/platform/db/postgres.ts';
import { migrateDatabase } from '#server/platform/db/migrate.ts';
import { readJournal } from '#server/platform/db/migration-journal.ts';
import type { ServerProcess } from '#server/test/server-process.ts';
import {
  createMerger,
  expectStatus,
  freshDatabase,
  inventoryCounts,
  inventoryWorkbook,
  signIn,
  sleep,
  start,
  tokenClient,
  xlsxContentType,
  type Client,
  type TestDatabase,
} from './harness.ts';

/**
 * Two Samla processes on one PostgreSQL database serve the same users. Only
 * under `npm run test:pg` (DATABASE_URL): the embedded database lives in one
 * process's data dir, and a second process is kept out of it by the lock on
 * purpose, so there is nothing to test there. Vitest reports the file as
 * skipped in a plain `npm test`, never as passed.
 */
const conflictMessage = 'Oppgaven er endret av noen andre siden du åpnet den. Last inn på nytt og gjør endringen igjen.';

/** How many migrations the folder has: each must be applied exactly once. */
function migrationCount(): number {
  return readJournal().length;
}

/** Reads on both nodes while a test runs: the nodes must stay correct under load, not only when idle. */
function backgroundLoad(clients: Client[], mergerId: string) {
  let running = true;
  const failures: string[] = [];
  let requests = 0;
  const worker = async (client: Client) => {
    while (running) {
      for (const url of [`/mergers/${mergerId}/tasks`, `/mergers/${mergerId}/dashboard`, `/mergers/${mergerId}/inventory/systems?limit=50`]) {
        const reply = await client.get(url).catch((error: Error) => ({ status: 0, body: error.message }));
        requests++;
        if (reply.status !== 200) failures.push(`${client.baseUrl}${url}: ${reply.status}`);
      }
    }
  };
  const workers = clients.flatMap((client) => [worker(client), worker(client)]);
  return {
    stop: async () => {
      running = false;
      await Promise.all(workers);
      return { requests, failures };
    },
  };
}

describe.skipIf(!process.env.DATABASE_URL)('two app nodes on one PostgreSQL', () => {
  let database: TestDatabase;
  let nodeA: ServerProcess;
  let nodeB: ServerProcess;
  let startup: PromiseSettledResult<ServerProcess>[];
  /** An administrator's API token, valid on both nodes. */
  let onA: Client;
  let onB: Client;

  beforeAll(async () => {
    database = await freshDatabase('samla_nodes');
    // Both at once on an empty database: both migrate and both create the configured administrator.
    startup = await Promise.allSettled([start(database), start(database)]);
    if (startup[0]!.status === 'fulfilled') nodeA = startup[0]!.value;
    if (startup[1]!.status === 'fulfilled') nodeB = startup[1]!.value;
    if (nodeA && nodeB) {
      onA = await tokenClient(nodeA.url);
      onB = onA.on(nodeB.url);
    }
  });

  /** The tests after the first need both nodes; say so instead of failing on an undefined client. */
  function requireBothNodes() {
    if (!onA || !onB) throw new Error('a node did not start; see the first test');
  }

  afterAll(async () => {
    await Promise.all([nodeA?.stop(), nodeB?.stop()]);
    await database?.drop();
  });

  it('both nodes start at once on an empty database and migrate it once', async () => {
    const failures = startup.filter((result) => result.status === 'rejected').map((result) => String(result.reason));
    expect(failures).toEqual([]);
    const client = new pg.Client({ connectionString: database.serverOptions.env.DATABASE_URL });
    await client.connect();
    try {
      const applied = await client.query<{ hash: string }>('select hash from drizzle.__drizzle_migrations');
      expect(applied.rows).toHaveLength(migrationCount());
      expect(new Set(applied.rows.map((row) => row.hash)).size, 'a migration applied twice').toBe(migrationCount());
      const administrators = await client.query('select 1 from users where is_administrator');
      expect(administrators.rowCount).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('migrations started at the same moment by two nodes run once', async () => {
    // Process start-up times differ by seconds, so the test above may not overlap
    // the two migrations; here two connections pools begin them in the same tick.
    for (let attempt = 1; attempt <= 3; attempt++) {
      const empty = await freshDatabase('samla_migrate');
      const url = empty.serverOptions.env.DATABASE_URL!;
      const handles = [postgresHandle(url), postgresHandle(url)];
      try {
        const results = await Promise.allSettled(handles.map((handle) => migrateDatabase(handle)));
        expect(results.map((result) => (result.status === 'rejected' ? String(result.reason) : 'ok'))).toEqual(['ok', 'ok']);
        const applied = (await handles[0]!.rawQuery('select hash from drizzle.__drizzle_migrations')) as Array<{ hash: string }>;
        // Each migration in the folder exactly once.
        expect(applied.length).toBe(migrationCount());
        expect(new Set(applied.map((row) => row.hash)).size).toBe(migrationCount());
      } finally {
        await Promise.all(handles.map((handle) => handle.close()));
        await empty.drop();
      }
    }
  });

  it('a session made on one node works on the other, and signing out on one ends it on both', async () => {
    requireBothNodes();
    const mergerId = await createMerger(onA, 'Last under innlogging');
    const load = backgroundLoad([onA, onB], mergerId);
    const sessionOnA = await signIn(nodeA.url);
    const sessionOnB = sessionOnA.on(nodeB.url);

    const status = expectStatus(await sessionOnB.get('/auth/session'), 200, 'session on B');
    expect(status).toMatchObject({ signedIn: true, session: { user: { email: 'admin@samla.test' } } });
    expect(expectStatus(await sessionOnB.get('/mergers'), 200, 'read on B').mergers).toContainEqual(expect.objectContaining({ id: mergerId }));
    // A write on B with the CSRF token A handed out.
    const created = expectStatus(
      await sessionOnB.post('/mergers', {
        name: 'Laget på node B',
        newMunicipalityName: 'Nye Bergen',
        mergerDate: '2028-01-01',
        municipalities: ['4601', '4626'],
      }),
      201,
      'write on B',
    );
    expect(expectStatus(await sessionOnA.get(`/mergers/${created.id}`), 200, 'read on A').name).toBe('Laget på node B');
    // Without the CSRF token, B refuses the write as A would.
    expect((await sessionOnB.withCsrfToken('feil').post('/mergers', {})).status).toBe(403);

    expect((await sessionOnB.post('/auth/logout')).status).toBe(204);
    expect(expectStatus(await sessionOnA.get('/auth/session'), 200, 'session on A after sign-out').signedIn).toBe(false);
    expect((await sessionOnA.get('/mergers')).status).toBe(401);
    expect((await sessionOnB.get('/mergers')).status).toBe(401);

    const { requests, failures } = await load.stop();
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(0);
  });

  it('concurrent edits of one task through both nodes never lose an update', async () => {
    requireBothNodes();
    const mergerId = await createMerger(onA, 'Samtidige endringer');
    const task = expectStatus(await onA.get(`/mergers/${mergerId}/tasks?phase=1`), 200, 'tasks').tasks[0] as {
      id: string;
      version: number;
    };
    const load = backgroundLoad([onA, onB], mergerId);
    const rounds = 40;
    let version = task.version;
    const winners: string[] = [];
    for (let round = 1; round <= rounds; round++) {
      const send = (client: Client, node: string) => client.patch(`/mergers/${mergerId}/tasks/${task.id}`, { version, notes: `${node} runde ${round}` });
      const [fromA, fromB] = await Promise.all([send(onA, 'A'), send(onB, 'B')]);
      const statuses = [fromA.status, fromB.status].sort();
      expect(statuses, `round ${round}: ${JSON.stringify([fromA.body, fromB.body])}`).toEqual([200, 409]);
      const [winner, loser] = fromA.status === 200 ? [fromA, fromB] : [fromB, fromA];
      expect(loser.body.error).toMatchObject({ code: 'VERSION_CONFLICT', message: conflictMessage });
      expect(winner.body.version).toBe(version + 1);
      version = winner.body.version;
      winners.push(winner.body.notes);
    }
    const { requests, failures } = await load.stop();
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(0);

    // The stored task is the last acknowledged write, on either node.
    for (const client of [onA, onB]) {
      const seen = expectStatus(await client.get(`/mergers/${mergerId}/tasks/${task.id}`), 200, 'task');
      expect({ version: seen.version, notes: seen.notes }).toEqual({ version: task.version + rounds, notes: winners.at(-1) });
    }
    // History holds every acknowledged write, in order, and nothing else.
    const history = expectStatus(await onB.get(`/mergers/${mergerId}/audit?entity=task&entityId=${task.id}&action=update`), 200, 'history').entries as Array<{
      changes: Array<{ field: string; new: unknown }>;
    }>;
    const notesInHistory = history.map((entry) => entry.changes.find((change) => change.field === 'notes')?.new).reverse();
    expect(notesInHistory).toEqual(winners);
    console.log(
      `two nodes: ${rounds} rounds of concurrent edits; winners on A: ${winners.filter((notes) => notes.startsWith('A')).length}; ${requests} background reads`,
    );
  });

  it('an import on one node is all or nothing as seen from the other', async () => {
    requireBothNodes();
    const workbook = await inventoryWorkbook(250);
    const mergerId = await createMerger(onA, 'Import sett fra B');
    const load = backgroundLoad([onA, onB], mergerId);
    const seenOnB = new Map<number, number>();
    let importing = true;
    // Two pollers on B, one request each per look, so a partial state would have many chances to show.
    const poller = async () => {
      while (importing) {
        const listed = expectStatus(await onB.get(`/mergers/${mergerId}/inventory/systems?limit=1`), 200, 'systems on B');
        seenOnB.set(listed.total, (seenOnB.get(listed.total) ?? 0) + 1);
      }
    };
    const poll = Promise.all([poller(), poller()]);
    await sleep(200);
    const imported = await onA.request('POST', `/mergers/${mergerId}/inventory/import?mode=commit`, {
      file: { data: workbook.data, contentType: xlsxContentType },
    });
    importing = false;
    await poll;
    expectStatus(imported, 200, 'import on A');
    expect(await inventoryCounts(onB, mergerId)).toEqual(workbook.counts);
    // B saw the merger empty, then full: never a part of the file.
    expect([...seenOnB.keys()].filter((total) => total !== 0 && total !== workbook.counts.systems)).toEqual([]);
    expect(seenOnB.get(0)).toBeGreaterThan(0);

    // A file with one bad row: refused on A, and nothing of it reaches B.
    const broken = await inventoryWorkbook(250, { brokenRow: true });
    const otherMergerId = await createMerger(onA, 'Import med feil');
    const refused = await onA.request('POST', `/mergers/${otherMergerId}/inventory/import?mode=commit`, {
      file: { data: broken.data, contentType: xlsxContentType },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('IMPORT_INVALID');
    expect(await inventoryCounts(onB, otherMergerId)).toEqual({ systems: 0, contracts: 0, integrations: 0 });

    const { failures } = await load.stop();
    expect(failures).toEqual([]);
    console.log(
      `two nodes: B polled the system count ${[...seenOnB.values()].reduce((a, b) => a + b, 0)} times during the import: ${JSON.stringify(Object.fromEntries(seenOnB))}`,
    );
  });
});
