import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FieldProblem } from '#shared/contracts/common.ts';
import { invalidRequestMessage, requestLanguage } from '#server/platform/errors.ts';

/**
 * PostgreSQL text cannot hold U+0000, and its jsonb (history's old and new
 * values) refuses a lone UTF-16 surrogate: sent on, either is a 500 from the
 * database. Every request's parsed body, query string and path parameters are
 * checked here, once for all routes and before their own validation, and such
 * text is refused as a 400 at the field, in the error handler's shape.
 * Raw bodies (the import's Buffer) are not text and are left alone.
 */

const nul = '\u0000';
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

type Problem = Omit<FieldProblem, 'path'>;

export const nulProblem: Problem = {
  code: 'nul_character',
  message: 'Teksten inneholder et kontrolltegn (NUL) som ikke kan lagres.',
};
export const surrogateProblem: Problem = {
  code: 'invalid_unicode',
  message: 'Teksten inneholder et ugyldig tegn (en ufullstendig Unicode-kode) som ikke kan lagres.',
};

export function textProblem(value: string): Problem | undefined {
  if (value.includes(nul)) return nulProblem;
  if (loneSurrogate.test(value)) return surrogateProblem;
  return undefined;
}

function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  // Plain objects, and the query string's and router's objects, whose prototype is
  // an empty object without one; Buffers, streams and dates are not walked.
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

interface Frame {
  value: unknown;
  parent: Frame | undefined;
  key: string | undefined;
}

function pathOf(frame: Frame): string {
  const keys: string[] = [];
  for (let current: Frame | undefined = frame; current?.key !== undefined; current = current.parent) keys.push(current.key);
  return keys.reverse().join('.');
}

/**
 * The first unstorable text in a parsed value, with its path (`a.2.b`), or
 * undefined. Walked with a stack of its own: a deeply nested JSON body must not
 * overflow the call stack. Object keys are checked too (they end up in jsonb).
 */
export function findUnstorableText(root: unknown): FieldProblem | undefined {
  const stack: Frame[] = [{ value: root, parent: undefined, key: undefined }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { value } = frame;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return { path: pathOf(frame), ...problem };
    } else if (isPlainContainer(value)) {
      const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
      for (const [key, child] of entries) {
        const childFrame = { value: child, parent: frame, key: String(key) };
        if (typeof key === 'string') {
          const problem = textProblem(key);
          if (problem) return { path: pathOf(childFrame), ...problem };
        }
        stack.push(childFrame);
      }
    }
  }
  return undefined;
}

const parts = [
  ['params', (request: FastifyRequest) => request.params],
  ['querystring', (request: FastifyRequest) => request.query],
  ['body', (request: FastifyRequest) => request.body],
] as const;

export function registerStorableTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request, reply) => {
    for (const [context, read] of parts) {
      const problem = findUnstorableText(read(request));
      if (problem) {
        const language = requestLanguage(request);
        return reply
          .status(400)
          .header('content-language', language)
          .send({ error: { code: 'VALIDATION_FAILED', message: invalidRequestMessage(context, language), details: [problem] } });
      }
    }
    return undefined;
  });
}
