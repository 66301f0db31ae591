import ExcelJS from 'exceljs';
import { createTestApp } from '#server/test/test-app.ts';
import * as io from '#server/features/inventory-io/inventory-io.service.ts';
import type { ServiceContext } from '#server/context.ts';
import { generateLargeMergerWorkbook, largeMergerMunicipalities } from './generate-large-merger.ts';

/**
 * npm run bench: the inventory import of a large merger against exceljs's
 * bare read of the same file, on in-memory PGlite. Writes nothing to disk.
 * The goal (issue 4): the whole import under 1.5× the bare read.
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

const file = await generateLargeMergerWorkbook();
const t = await createTestApp();
const mergerId = await t.createMerger({ municipalities: largeMergerMunicipalities });
const ctx: ServiceContext = {
  db: t.database.db,
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
const commit = await timed(() => io.importFile(ctx, mergerId, file, { mode: 'commit' }));
const reimport = await timed(() => io.importFile(ctx, mergerId, file, { mode: 'commit' }));
const problems = preview.result.problems.length + commit.result.problems.length;
const counts = commit.result.sheets.map((s) => `${s.sheet}: ${s.created} nye`).join(', ');
await t.close();

const rows: Array<[string, number]> = [
  ['exceljs: bare read of the file', read.ms],
  ['import preview (read + check + diff)', preview.ms],
  ['import commit into empty merger', commit.ms],
  ['re-import of the same file (all unchanged)', reimport.ms],
];
console.log(`\nInventory import bench — ${(file.length / 1024).toFixed(0)} KiB workbook, ${counts}; problems: ${problems}`);
console.log('| step | ms | × bare read |');
console.log('|---|---:|---:|');
for (const [name, took] of rows) console.log(`| ${name} | ${took.toFixed(0)} | ${(took / read.ms).toFixed(2)} |`);
console.log(`\nGoal: the whole import under 1.5× the bare read (PGlite, in memory; ${process.version}).`);
process.exit(0);
