import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hashPassword, productionPasswordHashCost, setPasswordHashCostForTests, verifyPassword } from './auth.crypto.ts';

/**
 * The API tests hash passwords at a test-only low cost (test-app.ts); this file
 * runs in a process of its own and checks what production gets without being told.
 */
describe('password hashing', () => {
  it('uses argon2id at OWASP’s minimum (19 MiB, 2 passes, 1 lane) unless a test says otherwise', async () => {
    expect(productionPasswordHashCost).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    const hash = await hashPassword('et langt og hemmelig passord');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, 'et langt og hemmelig passord')).toBe(true);
    expect(await verifyPassword(hash, 'et annet passord')).toBe(false);
  });

  it('verifies a hash at the cost it was made with, so lowering the cost for tests keeps old hashes valid', async () => {
    const productionHash = await hashPassword('passordet før');
    setPasswordHashCostForTests({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
    try {
      const cheap = await hashPassword('passordet etter');
      expect(cheap).toMatch(/^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
      expect(await verifyPassword(cheap, 'passordet etter')).toBe(true);
      expect(await verifyPassword(productionHash, 'passordet før')).toBe(true);
      expect(await verifyPassword(null, 'passordet etter')).toBe(false);
    } finally {
      setPasswordHashCostForTests(productionPasswordHashCost);
    }
    expect(await hashPassword('igjen')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('is lowered only by test code', () => {
    const serverRoot = fileURLToPath(new URL('../..', import.meta.url));
    const callers = readdirSync(serverRoot, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.startsWith(`test${path.sep}`))
      .filter((file) => file !== path.join('features', 'auth', 'auth.crypto.ts'))
      .filter((file) => readFileSync(path.join(serverRoot, file), 'utf8').includes('setPasswordHashCostForTests'));
    expect(callers).toEqual([]);
  });
});
