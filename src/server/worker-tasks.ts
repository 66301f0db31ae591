import { DomainError } from '#server/platform/errors.ts';
import { parseUpload } from '#server/features/inventory-io/inventory-upload.ts';
import { writeWorkbook } from '#server/features/inventory-io/inventory-workbook.ts';
import { renderStatusReport } from '#server/features/reports/reports.pdf.ts';
import type { InventoryKindKey } from '#shared/contracts/inventory.ts';
import { writeTableWorkbook } from './platform/formats/table-workbook.ts';

/**
 * What the worker threads of worker-pool.ts can do: each task a function of
 * plain data (structured-cloneable both ways). This module is loaded only in
 * the worker threads; the main thread imports its types.
 */
export const workerTasks = {
  parseUpload: (input: { body: Uint8Array; kind: InventoryKindKey | undefined }) =>
    parseUpload(Buffer.from(input.body.buffer, input.body.byteOffset, input.body.byteLength), input.kind),
  /** The inventory template or export: the rows as the user sees them in, the xlsx bytes out. */
  writeInventoryWorkbook: async (input: { args: Parameters<typeof writeWorkbook> }): Promise<Uint8Array> =>
    writeWorkbook(...input.args),
  /** A one-sheet register export (risk register, benefit plan, history) from its rows. */
  writeTableWorkbook: writeTableWorkbook,
  /** The steering group's PDF from the report's data, read on the main thread. */
  renderStatusReport: async (input: { data: Parameters<typeof renderStatusReport>[0] }): Promise<Uint8Array> =>
    renderStatusReport(input.data),
};
export type WorkerTasks = typeof workerTasks;

export interface TaskMessage {
  task: string;
  input: unknown;
}

/** A DomainError as plain data: a class does not survive the thread boundary. */
export interface Refusal {
  code: string;
  status: number;
  message: string;
  details?: unknown;
}

export type TaskOutcome = { ok: true; value: unknown } | { ok: false; refusal: Refusal };

/** The worker's one handler: runs the named task; a refusal is an answer, anything else an error. */
export default async function runTask(message: TaskMessage): Promise<TaskOutcome> {
  const task = (workerTasks as Record<string, (input: never) => unknown>)[message.task];
  if (!task) throw new Error(`no worker task named ${message.task}`);
  try {
    return { ok: true, value: await task(message.input as never) };
  } catch (error) {
    if (error instanceof DomainError) {
      return { ok: false, refusal: { code: error.code, status: error.statusCode, message: error.message, details: error.details } };
    }
    throw error;
  }
}
