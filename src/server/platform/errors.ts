import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { FieldProblem } from '#shared/contracts/common.ts';
import type { ErrorCode } from '#shared/error-codes.ts';
import { textIn, type Localized } from '#shared/localized.ts';
import { validationProblems } from '#server/platform/validation-messages.ts';

/**
 * An expected failure with a stable code. Services throw these; the one error
 * handler below turns them into `{ error: { code, message, details } }`.
 * Messages are Norwegian: API users are Norwegian municipalities, and the web
 * shows its own catalog text by code but falls back to this. The codes are the
 * ones listed in #shared/error-codes.ts, which the web's catalog must cover.
 */
export class DomainError extends Error {
  /** The message in every language, when the thrower wrote it so (issue 22); `message` is its bokmål. */
  readonly localized: Localized | null;

  constructor(
    readonly code: ErrorCode,
    readonly statusCode: 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503,
    message: string | Localized,
    readonly details?: unknown,
  ) {
    super(textIn(message, 'nb'));
    this.name = 'DomainError';
    this.localized = typeof message === 'string' ? null : message;
  }
}

export const notFound = (code: ErrorCode, message: string | Localized) => new DomainError(code, 404, message);
export const invalid = (code: ErrorCode, message: string | Localized, details?: FieldProblem[]) => new DomainError(code, 400, message, details);
export const conflict = (code: ErrorCode, message: string | Localized, details?: unknown) => new DomainError(code, 409, message, details);

/**
 * The one answer to a write made from a stale read (every editable row has a
 * version): 409 VERSION_CONFLICT, «Gevinsten er endret av noen andre siden du
 * åpnet den …». `currentVersion`, when known, goes in the details so the web
 * can tell what happened; `message` replaces the sentence where it does not fit.
 */
export function versionConflict(
  subject: string | Localized,
  currentVersion: number | null = null,
  options: { pronoun?: 'den' | 'det'; message?: string | Localized } = {},
): DomainError {
  const pronoun = options.pronoun ?? 'den';
  const message: string | Localized =
    options.message ??
    (typeof subject === 'string'
      ? `${subject} er endret av noen andre siden du åpnet ${pronoun}. Last inn på nytt og gjør endringen igjen.`
      : {
          nb: `${subject.nb} er endret av noen andre siden du åpnet ${pronoun}. Last inn på nytt og gjør endringen igjen.`,
          nn: `${subject.nn} er endra av nokon andre sidan du opna ${pronoun}. Last inn på nytt og gjer endringa igjen.`,
          en: `${subject.en} was changed by someone else after you opened it. Reload and make the change again.`,
        });
  return conflict('VERSION_CONFLICT', message, currentVersion === null ? undefined : { currentVersion });
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    if (error instanceof DomainError) {
      // A busy server says when to come back (the worker pool's full queue).
      const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (error.statusCode === 503 && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      return reply.status(error.statusCode).send({
        error: { code: error.code, message: error.message, details: error.details },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details: FieldProblem[] = validationProblems(request, error);
      return reply.status(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: `Forespørselen er ugyldig (${error.validationContext ?? 'body'}).`,
          details,
        },
      });
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, too large body.
      return reply.status(status).send({
        error: { code: error.code ?? 'BAD_REQUEST', message: clientErrorMessage(status), details: error.message },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    // The request id (also in X-Request-Id and on every log line of the request) lets an administrator find what happened.
    return reply.status(500).send({
      error: {
        code: 'INTERNAL_ERROR',
        message: `Noe gikk galt på serveren. Prøv igjen, eller kontakt en administrator og oppgi feil-ID ${request.id}.`,
        details: { requestId: request.id },
      },
    });
  });
}

function clientErrorMessage(status: number): string {
  if (status === 413) return 'Forespørselen er for stor.';
  if (status === 415) return 'Forespørselen må sendes som JSON.';
  return 'Forespørselen kunne ikke leses.';
}

/**
 * A write refused by a unique constraint (PostgreSQL 23505), however the
 * driver wraps it: the database's answer when two requests race past the
 * service's own check, to be told to the user as the conflict it is.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current === 'object' && (current as { code?: unknown }).code === '23505') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
