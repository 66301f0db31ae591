import { DomainError } from '#server/platform/errors.ts';
import type { ErrorCode } from '#shared/error-codes.ts';
import type { Localized } from '#shared/localized.ts';

/** What the pool sends a worker thread: a task's name and its input as plain data. */
export interface TaskMessage {
  task: string;
  input: unknown;
}

/** A DomainError as plain data: a class does not survive the thread boundary. */
export interface Refusal {
  code: ErrorCode;
  status: number;
  /** In every language when the thrower wrote it so, so the main thread answers in the reader's. */
  message: string | Localized;
  details?: unknown;
}

export type TaskOutcome = { ok: true; value: unknown } | { ok: false; refusal: Refusal };

/** Functions of plain data (structured-cloneable both ways), by name. */
export type TaskTable = Record<string, (input: never) => unknown>;

/**
 * The one handler a worker thread exports, over the app's task table: runs the
 * named task; a refusal is an answer, anything else an error.
 */
export function taskRunner(tasks: TaskTable): (message: TaskMessage) => Promise<TaskOutcome> {
  return async (message) => {
    const task = tasks[message.task];
    if (!task) throw new Error(`no worker task named ${message.task}`);
    try {
      return { ok: true, value: await task(message.input as never) };
    } catch (error) {
      if (error instanceof DomainError) {
        return { ok: false, refusal: { code: error.code, status: error.statusCode, message: error.localized ?? error.message, details: error.details } };
      }
      throw error;
    }
  };
}
