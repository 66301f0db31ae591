import type { ErrorCode } from '#shared/error-codes.ts';

/**
 * How a catalog says an API error (by its code): a text, or a text made from the
 * error's `details`. `undefined` lets the server's own (Norwegian) message show.
 */
export type ErrorMessage = string | ((details: unknown) => string | undefined);
export type ErrorMessages = Readonly<Record<ErrorCode, ErrorMessage>>;

/**
 * For an error the server composes from values it does not (yet) send in `details`, or
 * that carries its problems per field in `details`: the server's message is shown. A
 * translation must replace these once the server sends the values.
 */
export const serverMessage: ErrorMessage = () => undefined;

/** A value the server sent in `details`, when it is of the type asked for. */
export function detail<T extends 'string' | 'number'>(details: unknown, key: string, type: T): (T extends 'string' ? string : number) | undefined {
  const value = details && typeof details === 'object' ? (details as Record<string, unknown>)[key] : undefined;
  return typeof value === type ? (value as T extends 'string' ? string : number) : undefined;
}

/** The catalog's text for an error code, or undefined when it has none (the caller shows the server's message). */
export function catalogErrorText(byCode: ErrorMessages, code: string, details?: unknown): string | undefined {
  if (!Object.hasOwn(byCode, code)) return undefined;
  const message = byCode[code as ErrorCode];
  return typeof message === 'function' ? message(details) : message;
}
