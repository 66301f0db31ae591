import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { AuthConfig } from '#server/config.ts';
import { createApiToken, createUser as createUserService, findUserByEmail } from '#server/features/auth/auth.service.ts';
import { buildApp } from '#server/app.ts';
import { acceptInvitations } from '#server/features/members/members.service.ts';
import { productionPasswordHashCost, setPasswordHashCostForTests, type PasswordHashCost } from '#server/features/auth/auth.crypto.ts';
import type { DatabaseHandle } from '#server/platform/db/client.ts';
import { openTestDatabase } from './test-database.ts';

export { newMigratedPglite, openTestDatabase } from './test-database.ts';

/**
 * argon2id at a low cost (1 MiB, one pass): still the real algorithm and
 * encoding, about a fortieth of the production cost. The API tests
 * make thousands of users and sign-ins; what production uses is checked in
 * auth.crypto.test.ts.
 */
export const testPasswordHashCost: PasswordHashCost = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

export interface TestUser {
  id: string;
  email: string;
  name: string;
  token: string;
  /** app.inject as this user, authenticated with a personal API token. */
  inject: (options: InjectOptions | string) => Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  /** A signed-in user who creates the mergers in most tests (their owner). */
  owner: TestUser;
  /** The administrator made at first start. */
  administrator: TestUser;
  createUser: (name: string, options?: { password?: string }) => Promise<TestUser>;
  /**
   * Adds `user` to a merger as `by` (default: the owner, who is no administrator, so this
   * makes an invitation) and accepts it as the user's next sign-in would.
   */
  addMember: (mergerId: string, user: TestUser, role: string, by?: TestUser) => Promise<void>;
  /** Creates a merger as `by` (default: the owner) and returns its id. */
  createMerger: (overrides?: Record<string, unknown>, by?: TestUser) => Promise<string>;
  /** The waits the app asked for (the sign-in throttle's delays), in ms: they return at once. */
  waits: number[];
  close: () => Promise<void>;
}

export const exampleMerger = {
  name: 'Digital sammenslåing Nye Bergen',
  newMunicipalityName: 'Nye Bergen',
  mergerDate: '2028-01-01',
  municipalities: ['4601', '4626'],
};

/** An indicator of a benefit (a share of applications made online, 20 % → 60 %), as the API takes it. */
export const exampleIndicator = {
  name: 'Andel digitale søknader',
  unit: '%',
  baselineValue: 20,
  baselineDate: '2027-01-01',
  targetValue: 60,
  targetDate: '2028-01-01',
  direction: 'higher' as const,
};

export const administratorPassword = 'riktig-hemmelig-passord';

function asUser(app: FastifyInstance, user: { id: string; email: string; name: string }, token: string): TestUser {
  return {
    ...user,
    token,
    inject: (options) => {
      const request = typeof options === 'string' ? { url: options } : options;
      return app.inject({ ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } });
    },
  };
}

export async function createTestApp(
  options: {
    now?: () => Date;
    auth?: Partial<AuthConfig>;
    /** 'production' for a test whose point needs password checks to take their real time. */
    passwordHashCost?: 'test' | 'production';
  } = {},
): Promise<TestApp> {
  setPasswordHashCostForTests(options.passwordHashCost === 'production' ? productionPasswordHashCost : testPasswordHashCost);
  const database = await openTestDatabase();
  const auth: AuthConfig = {
    sessionIdleMinutes: 60,
    secureCookies: false,
    initialAdministrator: { email: 'admin@samla.test', password: administratorPassword },
    ...options.auth,
  };
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  const app = await buildApp({ database, now: options.now, sleep, webRoot: '/nonexistent', auth });
  await app.ready();
  const ctx = { db: database.db, now: options.now ?? (() => new Date()), sleep, actor: null };
  const tokenFor = async (user: { id: string; email: string; name: string; isAdministrator: boolean }) =>
    (await createApiToken(ctx, { userId: user.id, email: user.email, name: user.name, isAdministrator: user.isAdministrator, via: 'token' }, 'test')).token;
  const createUser = async (name: string, userOptions: { password?: string } = {}) => {
    const email = `${name.toLowerCase().replaceAll(/[^a-z0-9]+/g, '.')}@samla.test`;
    const user = await createUserService(ctx, { email, name, password: userOptions.password });
    return asUser(app, user, await tokenFor(user));
  };
  const adminRow = auth.initialAdministrator ? await findUserByEmail(database.db, auth.initialAdministrator.email) : undefined;
  const administrator = adminRow ? asUser(app, adminRow, await tokenFor(adminRow)) : (undefined as unknown as TestUser);
  const owner = await createUser('Eva Eier');
  const createMerger = async (overrides: Record<string, unknown> = {}, by: TestUser = owner) => {
    const response = await by.inject({ method: 'POST', url: '/api/v1/mergers', payload: { ...exampleMerger, ...overrides } });
    if (response.statusCode !== 201) throw new Error(`could not create merger: ${response.body}`);
    return response.json().id as string;
  };
  const addMember = async (mergerId: string, user: TestUser, role: string, by: TestUser = owner) => {
    const response = await by.inject({ method: 'POST', url: `/api/v1/mergers/${mergerId}/members`, payload: { email: user.email, role } });
    if (response.statusCode !== 201 && response.statusCode !== 202) throw new Error(`could not add member: ${response.body}`);
    await acceptInvitations(database.db, user);
  };
  return {
    app,
    database,
    owner,
    administrator,
    createUser,
    addMember,
    createMerger,
    waits,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
