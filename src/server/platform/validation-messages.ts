import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { FieldProblem } from '#shared/contracts/common.ts';
import { pickLanguage, type Language } from '#shared/language.ts';
import { textIn } from '#shared/localized.ts';
import { inValidationLanguage, validationLanguage } from '#shared/validation/messages.ts';

/**
 * A request's field problems in the language of whoever sent it (issue 22).
 *
 * Fastify checks a request against the route's schema before the route runs, in a validator
 * that is not told which request it checks: the problems come out in the server's validation
 * language (bokmål). When the reader's language is another, the part that failed is checked
 * again here with `inValidationLanguage`, a synchronous parse nothing else can interleave
 * with, so zod's messages and the contracts' own (`says`) are both written in it. Chosen over
 * an AsyncLocalStorage entered per request: nothing to keep alive through Fastify's hooks, and
 * the second parse is paid only by a refused request in nynorsk or English.
 */

interface ValidationFailure {
  validation: readonly { instancePath: string; keyword: string; message?: string }[];
  validationContext?: string;
}

const invalidValue = { nb: 'Ugyldig verdi.', nn: 'Ugyldig verdi.', en: 'Invalid value.' } as const;

/** The language to answer in: the one the access plugin chose, else the request's Accept-Language. */
export function requestLanguage(request: FastifyRequest): Language {
  return (request as { ctx?: { language?: Language } }).ctx?.language ?? pickLanguage(null, request.headers['accept-language']);
}

export function validationProblems(request: FastifyRequest, error: ValidationFailure): FieldProblem[] {
  const language = requestLanguage(request);
  const asRaised = error.validation.map((problem) => ({
    path: problem.instancePath.replace(/^\//, '').replaceAll('/', '.'),
    code: problem.keyword,
    message: problem.message ?? textIn(invalidValue, language),
  }));
  if (language === validationLanguage()) return asRaised;
  const part = error.validationContext ?? 'body';
  const schema = schemaOf(request, part);
  if (!schema) return asRaised;
  try {
    // Zod writes the messages when the error is first read: read it inside, in the language.
    const issues = inValidationLanguage(language, () => z.safeParse(schema, inputOf(request, part)).error?.issues);
    // The same input fails the same way; should it not, the problems as first found are the true ones.
    if (!issues || issues.length !== error.validation.length) return asRaised;
    return issues.map((issue, index) => ({
      path: issue.path.map(String).join('.'),
      code: issue.code,
      message: issue.message || asRaised[index]!.message,
    }));
  } catch {
    // An asynchronous refinement cannot be parsed again synchronously.
    return asRaised;
  }
}

function schemaOf(request: FastifyRequest, part: string): z.core.$ZodType | null {
  const schemas = (request.routeOptions.schema ?? {}) as Record<string, unknown>;
  const schema = schemas[part] ?? (part === 'querystring' ? schemas.query : undefined);
  return schema instanceof z.core.$ZodType ? schema : null;
}

/** What Fastify gave the validator: a part the request does not have is checked as null. */
function inputOf(request: FastifyRequest, part: string): unknown {
  const input = part === 'querystring' ? request.query : part === 'params' ? request.params : part === 'headers' ? request.headers : request.body;
  return input === undefined ? null : input;
}
