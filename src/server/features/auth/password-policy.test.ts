import { describe, expect, it } from 'vitest';
import { commonPasswords, passwordProblem } from './password-policy.ts';

describe('password policy', () => {
  const list = new Set(['passord', 'sommer2024!', 'qwerty123456', 'dragon']);

  it('wants at least 12 characters, counted as characters, not bytes', () => {
    expect(passwordProblem('kort', list)).toMatch(/minst 12 tegn/);
    expect(passwordProblem('ærlig øyeblå', list)).toBeNull();
  });

  it('refuses a listed password in any case, and a listed word followed only by digits and punctuation', () => {
    expect(passwordProblem('QWERTY123456', list)).toMatch(/for vanlig/);
    expect(passwordProblem('Passord123456', list)).toMatch(/for vanlig/);
    expect(passwordProblem('dragon2024!!!', list)).toMatch(/for vanlig/);
    expect(passwordProblem('dragonfly over vannet', list)).toBeNull();
  });

  it('ships a list of a few thousand entries, Norwegian ones among them, without comments', () => {
    const shipped = commonPasswords();
    expect(shipped.size).toBeGreaterThan(3000);
    for (const entry of ['passord123456', 'sommer2024!', 'password', 'qwertyuiop']) expect(shipped.has(entry)).toBe(true);
    expect([...shipped].some((entry) => entry.startsWith('#'))).toBe(false);
  });
});
