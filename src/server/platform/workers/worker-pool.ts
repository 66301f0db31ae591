import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';
import { DomainError } from '#server/platform/errors.ts';
import type { TaskMessage, TaskOutcome } from './task-runner.ts';
import { errorMessages } from '#shared/error-messages.ts';
import type { Localized } from '#shared/localized.ts';

/**
 * Work that a crafted input could make long or large, or that holds the CPU
 * for hundreds of milliseconds (reading an upload, writing the xlsx export and
 * template, rendering the PDF report), runs in worker threads
 * (decision 020): the event loop keeps answering while it runs, a task has a
 * time limit after which its thread is terminated, each thread has a heap
 * limit, and the queue in front of them is bounded.
 *
 * A task is a named function taking and giving plain data, in the app's task
 * table (src/server/worker-tasks.ts, which registers its types below). A
 * DomainError thrown in the worker crosses as plain data and is thrown again
 * here as the same DomainError.
 */

/**
 * The tasks the app's worker threads run, by name: empty here, filled in by
 * the composition root through declaration merging, so the pool stays free of
 * the features whose work it runs.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WorkerTaskRegistry {}

type TaskFunction = (input: never) => unknown;
export type TaskName = { [N in keyof WorkerTaskRegistry]: WorkerTaskRegistry[N] extends TaskFunction ? N : never }[keyof WorkerTaskRegistry] & string;
type TaskOf<N extends TaskName> = WorkerTaskRegistry[N] extends (input: infer I) => infer O ? { input: I; output: O } : never;
export type TaskInput<N extends TaskName> = TaskOf<N>['input'];
export type TaskOutput<N extends TaskName> = Awaited<TaskOf<N>['output']>;

export interface WorkerPoolOptions {
  /** Threads running tasks at once. */
  threads: number;
  /** Tasks waiting for a thread; one more is refused with 503 BUSY. */
  maxQueue: number;
  /** Running time of one task (not its wait in the queue). */
  timeoutMs: number;
  /** The heap of one thread. */
  maxOldGenerationSizeMb: number;
  /** How long a spare thread is kept after its last task. */
  idleTimeoutMs: number;
  /** Seconds a refused caller is told to wait (BUSY's details). */
  retryAfterSeconds: number;
  /** The worker module; tests give one that throws, waits or runs out of memory. */
  filename?: string;
}

export function defaultWorkerPoolOptions(): WorkerPoolOptions {
  // One core left to the event loop (and PGlite, which runs on it).
  const threads = Math.max(1, Math.min(4, os.availableParallelism() - 1));
  return {
    threads,
    maxQueue: threads * 4,
    timeoutMs: 20_000,
    maxOldGenerationSizeMb: 256,
    idleTimeoutMs: 60_000,
    retryAfterSeconds: 10,
  };
}

export interface RunOptions {
  /** Instead of the pool's. */
  timeoutMs?: number;
  /** The refusal when the task runs out of time (default: a generic 422). */
  onTimeout?: () => Error;
  /** The refusal when the task's thread runs out of memory (default: a generic 422). */
  onOutOfMemory?: () => Error;
  /** What a refused caller is told is going on when the queue is full (default: reading files). */
  busyMessage?: (retryAfterSeconds: number) => string | Localized;
}

/**
 * The worker's entry, at the server's root beside its other entry points: from
 * the sources (dev, tests: this file is .ts) src/server/worker-entry.mjs, a
 * small bootstrap that registers tsx and imports worker-tasks.ts; from the
 * bundle (`npm start`, everything in one file beside it) worker-tasks.mjs,
 * built beside server.mjs by scripts/build-server.mjs. Named by location, not
 * imported: the platform does not depend on the app whose tasks it runs.
 */
function workerEntry(): string {
  const fromSources = new URL(import.meta.url).pathname.endsWith('.ts');
  return fileURLToPath(new URL(fromSources ? '../../worker-entry.mjs' : './worker-tasks.mjs', import.meta.url));
}

/** A full queue: 503 with Retry-After (the error handler sets the header from the details). */
const busy = (retryAfterSeconds: number, message: RunOptions['busyMessage']) =>
  new DomainError(
    'BUSY',
    503,
    message?.(retryAfterSeconds) ?? {
      nb: `Samla leser mange filer akkurat nå. Prøv igjen om ${retryAfterSeconds} sekunder.`,
      nn: `Samla les mange filer akkurat no. Prøv igjen om ${retryAfterSeconds} sekund.`,
      en: `Samla is reading many files right now. Try again in ${retryAfterSeconds} seconds.`,
    },
    { retryAfterSeconds },
  );

const isOutOfMemory = (error: unknown) => (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

export class WorkerPool {
  readonly options: WorkerPoolOptions;
  private piscina: Promise<Piscina> | undefined;
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private closed = false;
  /** Tasks handed to a thread so far (tests count that identical requests share one). */
  tasksStarted = 0;

  constructor(options: Partial<WorkerPoolOptions> = {}) {
    this.options = { ...defaultWorkerPoolOptions(), ...options };
  }

  /** Started on first use: piscina and a thread cost nothing until an upload needs them. */
  private threads(): Promise<Piscina> {
    this.piscina ??= import('piscina').then(({ Piscina }) => {
      const pool = new Piscina({
        filename: this.options.filename ?? workerEntry(),
        minThreads: 1,
        maxThreads: this.options.threads,
        idleTimeout: this.options.idleTimeoutMs,
        resourceLimits: { maxOldGenerationSizeMb: this.options.maxOldGenerationSizeMb },
      });
      // A thread that fails with no task on it (the next task gets a new one): without a listener this would end the process.
      pool.on('error', () => {});
      return pool;
    });
    return this.piscina;
  }

  /**
   * A slot among `threads`, or a place in the queue: piscina itself is never
   * given more tasks than threads, so a task's time limit counts only its
   * own running time.
   */
  private async acquire(busyMessage: RunOptions['busyMessage']): Promise<void> {
    if (this.running < this.options.threads) {
      this.running++;
      return;
    }
    if (this.waiting.length >= this.options.maxQueue) throw busy(this.options.retryAfterSeconds, busyMessage);
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  async run<N extends TaskName>(task: N, input: TaskInput<N>, options: RunOptions = {}): Promise<TaskOutput<N>> {
    if (this.closed) throw new Error('the worker pool is closed');
    await this.acquire(options.busyMessage);
    this.tasksStarted++;
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let outcome: TaskOutcome;
    try {
      const message: TaskMessage = { task, input };
      outcome = (await (await this.threads()).run(message, { signal: controller.signal })) as TaskOutcome;
    } catch (error) {
      if (controller.signal.aborted) {
        const seconds = Math.round(timeoutMs / 1000);
        throw (
          options.onTimeout?.() ??
          new DomainError('TASK_TIMEOUT', 422, {
            nb: `Arbeidet tok mer enn ${seconds} sekunder og ble avbrutt.`,
            nn: `Arbeidet tok meir enn ${seconds} sekund og vart avbrote.`,
            en: `The work took more than ${seconds} seconds and was stopped.`,
          })
        );
      }
      if (isOutOfMemory(error)) {
        throw options.onOutOfMemory?.() ?? new DomainError('TASK_TOO_LARGE', 422, errorMessages.TASK_TOO_LARGE);
      }
      throw error;
    } finally {
      clearTimeout(timer);
      this.release();
    }
    if (outcome.ok) return outcome.value as TaskOutput<N>;
    const { code, status, message, localized, details } = outcome.refusal;
    throw new DomainError(code, status as DomainError['statusCode'], localized ?? message, details);
  }

  /** Lets running tasks finish; the threads end. */
  async close(): Promise<void> {
    this.closed = true;
    const pool = this.piscina;
    this.piscina = undefined;
    if (pool) await (await pool).close();
  }
}

/**
 * For files Samla makes from its own data (the xlsx export, the PDF report):
 * running out of time or memory there is Samla's failure, not the user's
 * input, so it is a 500 with the request id (the error handler), not a 422.
 */
export const madeFileRunOptions: RunOptions = {
  onTimeout: () => new Error('a file Samla makes ran out of time in its worker thread'),
  onOutOfMemory: () => new Error('a file Samla makes ran out of memory in its worker thread'),
  busyMessage: (seconds) => ({
    nb: `Samla lager mange rapporter og eksporter akkurat nå. Prøv igjen om ${seconds} sekunder.`,
    nn: `Samla lagar mange rapportar og eksportar akkurat no. Prøv igjen om ${seconds} sekund.`,
    en: `Samla is making many reports and exports right now. Try again in ${seconds} seconds.`,
  }),
};

/** Bytes back from a worker arrive as a Uint8Array (a Buffer's class does not cross threads). */
export const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

let shared: WorkerPool | undefined;

/** The process's pool, made on first use. */
export function workerPool(): WorkerPool {
  shared ??= new WorkerPool();
  return shared;
}

/** Puts another pool in the process's place (tests: a pool whose worker fails); undefined goes back to the default. */
export async function replaceWorkerPool(pool: WorkerPool | undefined): Promise<void> {
  const previous = shared;
  shared = pool;
  await previous?.close();
}

/** Closes the process's pool (the app's onClose); a later task makes a new one. */
export async function closeWorkerPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
