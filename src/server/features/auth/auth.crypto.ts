import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface PasswordHashCost {
  /** KiB of memory per hash. */
  memoryCost: number;
  /** Passes over that memory. */
  timeCost: number;
  /** Lanes. */
  parallelism: number;
}

// argon2id (the library's default algorithm) with OWASP's recommended minimum:
// 19 MiB memory, 2 passes, 1 lane.
export const productionPasswordHashCost: PasswordHashCost = Object.freeze({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });

let argonOptions: PasswordHashCost = productionPasswordHashCost;

/**
 * For tests only: the cost of new hashes in this process. The API tests make
 * a few thousand users and sign-ins, and at the production cost argon2 alone
 * would be a large part of their run; a hash records its own cost, so
 * verifying is as cheap as the hash was made. Nothing outside tests calls this.
 */
export function setPasswordHashCostForTests(cost: PasswordHashCost): void {
  argonOptions = cost;
  decoyHash = undefined;
}

// argon2 is a native module that takes tens of milliseconds to load, and only
// signing in and setting a password use it: loaded on first use, not at start.
const loadArgon2 = () => import('@node-rs/argon2');

export async function hashPassword(password: string): Promise<string> {
  const { hash } = await loadArgon2();
  return hash(password, argonOptions);
}

// Verified against when the e-mail is unknown, so a wrong e-mail costs as much
// time as a wrong password and the answer's timing reveals nothing.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  const { verify } = await loadArgon2();
  if (passwordHash === null) {
    decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
    await verify(await decoyHash, password);
    return false;
  }
  return verify(passwordHash, password);
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Sessions and API tokens are stored only as hashes: a copy of the database opens nothing. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

export const apiTokenPrefix = 'samla_';
