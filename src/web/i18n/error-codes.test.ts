import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '#shared/error-codes.ts';
import { catalogErrorText, serverMessage, type ErrorMessages } from './error-messages.ts';
import { nb } from './nb.ts';
import { nn } from './nn.ts';

const serverDir = path.resolve(import.meta.dirname, '../../server');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/**
 * Every error code written in the server's sources: the first argument of a DomainError
 * or one of its helpers (notFound, invalid, conflict, a feature's own `fail`), an error
 * body a plugin sends itself, a register's not-found code, a selection problem's code.
 * DomainError's type already takes only listed codes; this also catches a reply built by hand.
 */
function codesThrownByServer(): Map<string, string> {
  const patterns = [
    /(?:new DomainError|\bnotFound|\binvalid|\bconflict|\bfail)\(\s*'([A-Z][A-Z0-9_]*)'/g,
    /error:\s*\{\s*code:\s*'([A-Z][A-Z0-9_]*)'/g,
    /notFoundCode:\s*'([A-Z][A-Z0-9_]*)'/g,
    /problems\.(?:push|unshift)\(\{\s*code:\s*'([A-Z][A-Z0-9_]*)'/g,
  ];
  const found = new Map<string, string>();
  for (const file of sourceFiles(serverDir)) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) {
      for (const match of text.matchAll(pattern)) if (!found.has(match[1]!)) found.set(match[1]!, path.relative(serverDir, file));
    }
  }
  return found;
}

describe('error codes', () => {
  it("the scan finds the server's codes (a changed way of throwing must not hide them)", () => {
    const found = codesThrownByServer();
    expect(found.size).toBeGreaterThan(80);
    for (const code of ['MERGER_NOT_FOUND', 'VERSION_CONFLICT', 'SYSTEM_NOT_FOUND', 'RISK_INVALID', 'SHUTTING_DOWN', 'DUPLICATE_MUNICIPALITY']) {
      expect(found.has(code), code).toBe(true);
    }
  });

  it('every code the server throws is in the shared list', () => {
    const listed = new Set<string>(errorCodes);
    const missing = [...codesThrownByServer()].filter(([code]) => !listed.has(code)).map(([code, file]) => `${code} (${file})`);
    expect(missing, 'add these to src/shared/error-codes.ts').toEqual([]);
  });

  it('the list has each code once', () => {
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
  });

  // Add each language's catalog here when it comes (en).
  describe.each([
    ['nb', nb.errors.byCode as ErrorMessages],
    ['nn', nn.errors.byCode as ErrorMessages],
  ])('the %s catalog', (_language, byCode) => {
    it('has a message for every code', () => {
      const missing = errorCodes.filter((code) => !Object.hasOwn(byCode, code) || byCode[code] === '');
      expect(missing).toEqual([]);
    });

    it('has no message for a code that no longer exists', () => {
      const listed = new Set<string>(errorCodes);
      expect(Object.keys(byCode).filter((code) => !listed.has(code))).toEqual([]);
    });
  });
});

describe("the catalog's text for an error", () => {
  const byCode = nb.errors.byCode as ErrorMessages;

  it("is the catalog's own words for a known code", () => {
    expect(catalogErrorText(byCode, 'MERGER_NOT_FOUND')).toBe('Fant ikke sammenslåingen. Den kan være slettet, eller lenken kan være feil.');
  });

  it('is made from the details the server sends', () => {
    expect(catalogErrorText(byCode, 'CANNOT_REMOVE_SELF', { action: 'delete' })).toBe('Du kan ikke slette deg selv.');
    expect(catalogErrorText(byCode, 'TOO_MANY_ROWS', { sheet: 'IKT-systemer', rows: 20001, limit: 20000 })).toBe(
      'Arket «IKT-systemer» har 20001 rader; grensen er 20000 per ark.',
    );
  });

  it("leaves the server's message when the details lack what the text needs, or the code is unknown", () => {
    expect(catalogErrorText(byCode, 'CANNOT_REMOVE_SELF', undefined)).toBeUndefined();
    expect(catalogErrorText(byCode, 'DEPENDENCY_CYCLE', {})).toBeUndefined();
    expect(serverMessage).toBe(byCode.DEPENDENCY_CYCLE);
    expect(catalogErrorText(byCode, 'NOT_A_CODE')).toBeUndefined();
    expect(catalogErrorText(byCode, 'toString')).toBeUndefined();
  });
});
