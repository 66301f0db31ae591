import ExcelJS from 'exceljs';
import { createTestApp } from '#server/test/test-app.ts';
import type { Database } from '#server/platform/db/client.ts';
import * as io from '#server/features/inventory-io/inventory-io.service.ts';
import type { ServiceContext } from '#server/platform/context.ts';
import { largeMergerMunicipalities } from './generate-large-merger.ts';

/**
 * The in-process part of npm run bench: the inventory import of a large
 * merger against exceljs's bare read of the same file, then the reads of the
 * veivalg and dashboard through app.inject. Embedded database (PGlite in
 * memory) by default; PostgreSQL with DATABASE_URL. Writes nothing to disk.
 * The goal (issue 4): the whole import under 1.5× the bare read.
 *
 * Writing thousands of rows costs the database what it costs; to show how
 * much of a commit is Samla's own work and how much the database storing the
 * rows and their history, every `execute` (the bulk inserts, one JSON
 * document per table) is timed on its way to the driver.
 */
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = process.hrtime.bigint();
  const result = await run();
  return { result, ms: ms(start) };
}
async function best<T>(times: number, run: () => Promise<T>) {
  let fastest = Infinity;
  let last: T | undefined;
  for (let i = 0; i < times; i++) {
    const { result, ms: took } = await timed(run);
    fastest = Math.min(fastest, took);
    last = result;
  }
  return { result: last!, ms: fastest };
}

/** The same database, with the time spent in bulk writes (`execute`) added up — also inside transactions. */
function withWriteClock(db: Database, clock: { ms: number }): Database {
  return new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property === 'execute') {
        return async (...args: unknown[]) => {
          const start = process.hrtime.bigint();
          try {
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          } finally {
            clock.ms += ms(start);
          }
        };
      }
      if (property === 'transaction') {
        return (run: (tx: Database) => Promise<unknown>, config?: unknown) =>
          (value as (r: (tx: Database) => Promise<unknown>, c?: unknown) => Promise<unknown>).call(target, (tx) => run(withWriteClock(tx, clock)), config);
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

export async function runImportBench(file: Buffer): Promise<string> {
  const out: string[] = [];
  const t = await createTestApp();
  const mergerId = await t.createMerger({ municipalities: largeMergerMunicipalities });
  const writes = { ms: 0 };
  const ctx: ServiceContext = {
    db: withWriteClock(t.database.db, writes),
    now: () => new Date(),
    actor: { userId: t.owner.id, email: t.owner.email, name: t.owner.name, isAdministrator: false, via: 'token' },
    membership: { mergerId, role: 'owner' },
  };

  const read = await best(3, async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    return book;
  });
  const preview = await best(3, () => io.importFile(ctx, mergerId, file, { mode: 'preview' }));
  writes.ms = 0;
  const commit = await timed(() => io.importFile(ctx, mergerId, file, { mode: 'commit' }));
  const commitWrites = writes.ms;
  const reimport = await timed(() => io.importFile(ctx, mergerId, file, { mode: 'commit' }));
  const problems = preview.result.problems.length + commit.result.problems.length;
  const counts = commit.result.sheets.map((s) => `${s.sheet}: ${s.created} nye`).join(', ');
  const database = t.database.kind === 'pglite' ? 'PGlite in memory' : 'PostgreSQL';

  // Veivalg on the large merger: a decision adopted for every area that has systems, then the reads.
  const api = `/api/v1/mergers/${mergerId}`;
  const overview = (await t.owner.inject(`${api}/decisions`)).json() as {
    sectors: Array<{ areas: Array<{ id: string; systemsByMunicipality: Record<string, number> }> }>;
  };
  const decidedAreas = overview.sectors.flatMap((sector) => sector.areas).filter((area) => Object.keys(area.systemsByMunicipality).length > 0);
  const decide = await timed(async () => {
    for (const area of decidedAreas) {
      const detail = (await t.owner.inject(`${api}/decisions/${area.id}`)).json() as { systems: Array<{ id: string }> };
      const saved = await t.owner.inject({
        method: 'PUT',
        url: `${api}/decisions/${area.id}`,
        payload: {
          outcome: 'continue',
          targetSystemId: detail.systems[0]!.id,
          timing: 'before_merger',
          state: 'adopted',
          decisionMaker: 'steering_group',
          meetingDate: '2026-11-02',
        },
      });
      if (saved.statusCode !== 200) throw new Error(`decision for ${area.id}: ${saved.body}`);
    }
  });
  const economy = 'omrade-okonomi-og-regnskapssystem';
  /** The median of `times` requests through the whole stack (routing, access check, validation, serialisation). */
  async function medianOf(url: string, times = 9): Promise<number> {
    const took: number[] = [];
    for (let i = 0; i < times; i++) {
      const { result, ms: one } = await timed(() => t.owner.inject(url));
      if (result.statusCode !== 200) throw new Error(`${url}: ${result.statusCode} ${result.body.slice(0, 200)}`);
      took.push(one);
    }
    return took.sort((a, b) => a - b)[Math.floor(times / 2)]!;
  }
  const reads: Array<[string, number]> = [
    ['veivalg overview (all areas, counts, suggestions)', await medianOf(`${api}/decisions`)],
    ['decision page of one area (systems, suggestions, tasks, integrations to re-establish)', await medianOf(`${api}/decisions/${economy}`)],
    ['day-one readiness', await medianOf(`${api}/decisions/readiness`)],
    ['integration graph, one municipality', await medianOf(`${api}/integration-graph?municipality=${largeMergerMunicipalities[0]}`)],
    ['integration graph, whole merger', await medianOf(`${api}/integration-graph`)],
    ['contract deadlines (800 contracts)', await medianOf(`${api}/contract-deadlines`)],
    ['contract deadlines as .ics', await medianOf(`${api}/contract-deadlines.ics`)],
    ['all deadlines and milestones as .ics', await medianOf(`${api}/calendar.ics`)],
    ['schedule (phases, milestones, every task)', await medianOf(`${api}/schedule`)],
    ['steering group status report (PDF)', await medianOf(`${api}/reports/status.pdf`, 3)],
    ['dashboard (every figure of the start page, one request)', await medianOf(`${api}/dashboard`)],
  ];
  await t.close();

  const rows: Array<[string, number]> = [
    ['exceljs: bare read of the file', read.ms],
    ['import preview (read + check + diff), empty merger', preview.ms],
    ['import commit into empty merger', commit.ms],
    ['… of which the database storing rows and history (bulk inserts)', commitWrites],
    ['… of which Samla (read, check, plan, history entries)', commit.ms - commitWrites],
    ['re-import of the same file (all unchanged)', reimport.ms],
  ];
  out.push(`\nInventory import bench — ${(file.length / 1024).toFixed(0)} KiB workbook, ${counts}; problems: ${problems}`);
  out.push('| step | ms | × bare read |');
  out.push('|---|---:|---:|');
  for (const [name, took] of rows) out.push(`| ${name} | ${took.toFixed(0)} | ${(took / read.ms).toFixed(2)} |`);
  out.push(`\nGoal: the whole import under 1.5× the bare read (${database}; ${process.version}).`);

  out.push(
    `\nVeivalg on the same merger — ${decidedAreas.length} decisions adopted in ${decide.ms.toFixed(0)} ms (${(decide.ms / decidedAreas.length).toFixed(0)} ms each, page read + save)`,
  );
  out.push('| request (median of 9, the PDF of 3; app.inject) | ms |');
  out.push('|---|---:|');
  for (const [name, took] of reads) out.push(`| ${name} | ${took.toFixed(0)} |`);
  return out.join('\n');
}
