import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { AuthConfig } from '#server/config.ts';
import { createApiToken, createUser as createUserService, findUserByEmail } from '#server/features/auth/auth.service.ts';
import { buildApp } from '#server/app.ts';
import { acceptInvitations } from '#server/features/members/members.service.ts';
import type { DatabaseHandle } from '#server/platform/db/client.ts';
import { pgliteHandle } from '#server/platform/db/pglite.ts';
import { postgresHandle } from '#server/platform/db/postgres.ts';
import { migrateDatabase } from '#server/platform/db/migrate.ts';

/**
 * A fresh, migrated database per test, on the engine the run was asked for:
 * PGlite by default, PostgreSQL when DATABASE_URL is set (npm run test:pg).
 * Migrating once per file (PGlite: one instance, emptied between tests;
 * PostgreSQL: a new database from a migrated template) keeps tests fast.
 */
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

let sharedPglite: Promise<DatabaseHandle> | undefined;
let postgresTemplate: Promise<string> | undefined;

async function migratedPglite(): Promise<DatabaseHandle> {
  const handle = pgliteHandle(new PGlite());
  await migrateDatabase(handle);
  return handle;
}

/** Empties every table of the app's schema (Drizzle's own bookkeeping lives elsewhere). */
async function emptyAllTables(handle: DatabaseHandle): Promise<void> {
  const rows = (await handle.rawQuery(`select tablename from pg_tables where schemaname = 'public'`)) as Array<{
    tablename: string;
  }>;
  if (rows.length === 0) return;
  await handle.rawQuery(`truncate table ${rows.map((row) => `"${row.tablename}"`).join(', ')} cascade`);
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function migratedPostgresTemplate(url: string): Promise<string> {
  const name = `samla_template_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(url, `create database ${name}`);
  const handle = postgresHandle(withDatabase(url, name));
  await migrateDatabase(handle);
  // CREATE DATABASE … TEMPLATE needs the template to have no open connections.
  await handle.close();
  return name;
}

export async function openTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    // Starting PGlite costs seconds and cloning one a second; emptying its
    // tables costs milliseconds. One instance per test file, emptied after each test.
    sharedPglite ??= migratedPglite();
    const handle = await sharedPglite;
    return { ...handle, close: () => emptyAllTables(handle) };
  }
  postgresTemplate ??= migratedPostgresTemplate(url);
  const template = await postgresTemplate;
  const name = `samla_test_${randomUUID().replaceAll('-', '')}`;
  await adminQuery(url, `create database ${name} template ${template}`);
  const handle = postgresHandle(withDatabase(url, name));
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(url, `drop database if exists ${name}`);
    },
  };
}

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

export async function createTestApp(options: { now?: () => Date; auth?: Partial<AuthConfig> } = {}): Promise<TestApp> {
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
