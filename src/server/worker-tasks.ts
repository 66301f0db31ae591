import { parseUpload } from '#server/features/inventory-io/inventory-upload.ts';
import { writeWorkbook } from '#server/features/inventory-io/inventory-workbook.ts';
import { renderStatusReport } from '#server/features/reports/reports.pdf.ts';
import type { InventoryKindKey } from '#shared/contracts/inventory.ts';
import type { Language } from '#shared/language.ts';
import { writeTableWorkbook } from './platform/formats/table-workbook.ts';
import { taskRunner } from './platform/workers/task-runner.ts';

/**
 * What the worker threads of worker-pool.ts can do: each task a function of
 * plain data (structured-cloneable both ways). This module is loaded only in
 * the worker threads; the main thread sees only its types, through the pool's
 * task registry below (the composition root fills it in, so the platform's
 * pool names no feature).
 */
export const workerTasks = {
  /** `language` is the reader's: the import's warnings are in it. */
  parseUpload: (input: { body: Uint8Array; kind: InventoryKindKey | undefined; language?: Language }) =>
    parseUpload(Buffer.from(input.body.buffer, input.body.byteOffset, input.body.byteLength), input.kind, input.language),
  /** The inventory template or export: the rows as the user sees them in, the xlsx bytes out. */
  writeInventoryWorkbook: async (input: { args: Parameters<typeof writeWorkbook> }): Promise<Uint8Array> => writeWorkbook(...input.args),
  /** A one-sheet register export (risk register, benefit plan, history) from its rows. */
  writeTableWorkbook: writeTableWorkbook,
  /** The steering group's PDF from the report's data, read on the main thread. */
  renderStatusReport: async (input: { data: Parameters<typeof renderStatusReport>[0] }): Promise<Uint8Array> => renderStatusReport(input.data),
};
export type WorkerTasks = typeof workerTasks;

declare module './platform/workers/worker-pool.ts' {
  /** The pool's tasks are these: `workerPool().run(name, input)` is typed by them. */
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an augmentation must be an interface
  interface WorkerTaskRegistry extends WorkerTasks {}
}

/** The worker's one handler (worker-entry.mjs from the sources, worker-tasks.mjs in the bundle). */
export default taskRunner(workerTasks);
