import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { FieldProblem } from '#shared/contracts/common.ts';
import type { ErrorCode } from '#shared/error-codes.ts';
import { errorMessages } from '#shared/error-messages.ts';
import { pickLanguage, type Language } from '#shared/language.ts';
import { isLocalized, textIn, type Localized } from '#shared/localized.ts';

/**
 * A field problem as a service writes it: its message in every language, or (not yet
 * converted) bokmål only. The error handler sends `message` in the request's language.
 */
export type LocalizedFieldProblem = Omit<FieldProblem, 'message'> & { readonly message: string | Localized };
import { validationProblems } from '#server/platform/validation-messages.ts';

/**
 * An expected failure with a stable code. Services throw these; the one error
 * handler below turns them into `{ error: { code, message, details } }`.
 * The handler answers in the request's language (decision 039): a `Localized`
 * message in that language; a bokmål-only message as it is in bokmål, and in
 * nynorsk or English as the generic text for its code (#shared/error-messages.ts).
 * The codes are the ones listed in #shared/error-codes.ts, which the web's catalog
 * must cover.
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
export const invalid = (code: ErrorCode, message: string | Localized, details?: readonly LocalizedFieldProblem[]) =>
  new DomainError(code, 400, message, details);
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

/**
 * The language to answer a request in: the one the access plugin chose (the user's own
 * choice, else Accept-Language), or for errors thrown before it ran, Accept-Language.
 */
export function requestLanguage(request: FastifyRequest): Language {
  return (request.ctx as { language?: Language } | null | undefined)?.language ?? pickLanguage(null, request.headers['accept-language']);
}

/** An error's message in `language`; see {@link DomainError}. */
export function domainErrorMessage(error: DomainError, language: Language): string {
  if (error.localized) return error.localized[language];
  return language === 'nb' ? error.message : errorMessages[error.code][language];
}

/** `details` with every field problem's Localized message said in `language`. */
function detailsIn(details: unknown, language: Language): unknown {
  if (!Array.isArray(details)) return details;
  return details.map((item: unknown) =>
    typeof item === 'object' && item !== null && isLocalized((item as { message?: unknown }).message)
      ? { ...item, message: textIn((item as { message: Localized }).message, language) }
      : item,
  );
}

/** The top message of a request refused by its schema; `context` is body, querystring, params or headers. */
export function invalidRequestMessage(context: string, language: Language): string {
  return textIn(
    { nb: `Forespørselen er ugyldig (${context}).`, nn: `Førespurnaden er ugyldig (${context}).`, en: `The request is invalid (${context}).` },
    language,
  );
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    const language = requestLanguage(request);
    reply.header('content-language', language);
    if (error instanceof DomainError) {
      // A busy server says when to come back (the worker pool's full queue).
      const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (error.statusCode === 503 && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      return reply.status(error.statusCode).send({
        error: { code: error.code, message: domainErrorMessage(error, language), details: detailsIn(error.details, language) },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details: FieldProblem[] = validationProblems(request, error);
      return reply.status(400).send({
        error: {
          code: 'VALIDATION_FAILED',
          message: invalidRequestMessage(error.validationContext ?? 'body', language),
          details,
        },
      });
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, too large body.
      return reply.status(status).send({
        error: { code: error.code ?? 'BAD_REQUEST', message: textIn(clientErrorMessage(status), language), details: error.message },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    // The request id (also in X-Request-Id and on every log line of the request) lets an administrator find what happened.
    return reply.status(500).send({
      error: {
        code: 'INTERNAL_ERROR',
        message: textIn(
          {
            nb: `Noe gikk galt på serveren. Prøv igjen, eller kontakt en administrator og oppgi feil-ID ${request.id}.`,
            nn: `Noko gjekk gale på serveren. Prøv igjen, eller kontakt ein administrator og oppgi feil-ID ${request.id}.`,
            en: `Something went wrong on the server. Try again, or contact an administrator and give the error ID ${request.id}.`,
          },
          language,
        ),
        details: { requestId: request.id },
      },
    });
  });
}

function clientErrorMessage(status: number): Localized {
  if (status === 413) return { nb: 'Forespørselen er for stor.', nn: 'Førespurnaden er for stor.', en: 'The request is too large.' };
  if (status === 415) return { nb: 'Forespørselen må sendes som JSON.', nn: 'Førespurnaden må sendast som JSON.', en: 'The request must be sent as JSON.' };
  return { nb: 'Forespørselen kunne ikke leses.', nn: 'Førespurnaden kunne ikkje lesast.', en: 'The request could not be read.' };
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
