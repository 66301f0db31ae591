import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { layoutOfKind } from '#server/features/inventory-io/inventory-sheets.ts';
import { startServer, type ServerProcess } from '#server/test/server-process.ts';

/**
 * What the crash and two-node tests share: a fresh database of the run's engine
 * for real server processes, an HTTP client that signs in like a user does, a
 * workbook in the template layout, and a seeded random number generator.
 */

export const administrator = { email: 'admin@samla.test', password: 'riktig-hemmelig-passord' };

export interface TestDatabase {
  kind: 'pglite' | 'postgres';
  /** What a server process needs to use this database (env, and dataDir for PGlite). */
  serverOptions: { env: Record<string, string>; dataDir?: string };
  /** Removes the database (PostgreSQL) or the data dir (PGlite). */
  drop: () => Promise<void>;
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

/**
 * PostgreSQL when the run has DATABASE_URL (npm run test:pg): a database of
 * its own, so a test never sees another's rows. Otherwise an empty PGlite
 * data dir in a temporary folder.
 */
export async function freshDatabase(prefix: string): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  const adminEnv = { SAMLA_ADMIN_EMAIL: administrator.email, SAMLA_ADMIN_PASSWORD: administrator.password };
  if (serverUrl) {
    const name = `${prefix}_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      kind: 'postgres',
      serverOptions: { env: { ...adminEnv, DATABASE_URL: url.toString() } },
      // FORCE: connections of a killed server may not have been noticed by PostgreSQL yet.
      drop: () => adminQuery(serverUrl, `drop database if exists ${name} with (force)`),
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  return {
    kind: 'pglite',
    serverOptions: { env: adminEnv, dataDir },
    drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

export function start(database: TestDatabase): Promise<ServerProcess> {
  return startServer({ ...database.serverOptions, readyTimeoutMs: 90_000 });
}

// ---------------------------------------------------------------- HTTP

export interface Reply<T = any> {
  status: number;
  body: T;
}

export interface RequestOptions {
  body?: unknown;
  /** A file as the body (the import), with its content type. */
  file?: { data: Buffer; contentType: string };
  headers?: Record<string, string>;
}

/**
 * A user's way in to one server: a bearer token, or a session cookie with its
 * CSRF token (as the browser has). `on(url)` is the same user on another node.
 */
export class Client {
  constructor(
    readonly baseUrl: string,
    private readonly credentials: { token?: string; cookie?: string; csrfToken?: string },
  ) {}

  on(baseUrl: string): Client {
    return new Client(baseUrl, this.credentials);
  }

  withCsrfToken(csrfToken: string): Client {
    return new Client(this.baseUrl, { ...this.credentials, csrfToken });
  }

  async request<T = any>(method: string, url: string, options: RequestOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.credentials.token) headers.authorization = `Bearer ${this.credentials.token}`;
    if (this.credentials.cookie) headers.cookie = this.credentials.cookie;
    if (this.credentials.csrfToken && method !== 'GET') headers['x-csrf-token'] = this.credentials.csrfToken;
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (options.file) {
      headers['content-type'] = options.file.contentType;
      body = new Uint8Array(options.file.data);
    } else if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(`${this.baseUrl}/api/v1${url}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (a file): the text is the body.
    }
    return { status: response.status, body: parsed as T };
  }

  get = <T = any>(url: string) => this.request<T>('GET', url);
  post = <T = any>(url: string, body?: unknown) => this.request<T>('POST', url, { body });
  put = <T = any>(url: string, body?: unknown) => this.request<T>('PUT', url, { body });
  patch = <T = any>(url: string, body?: unknown) => this.request<T>('PATCH', url, { body });
}

/** The same status, or an error that shows what the server said. */
export function expectStatus<T>(reply: Reply<T>, status: number, what: string): T {
  if (reply.status !== status) {
    throw new Error(`${what}: expected ${status}, got ${reply.status}: ${JSON.stringify(reply.body)}`);
  }
  return reply.body;
}

/** Password sign-in over HTTP, as the web does: the session cookie and the CSRF token. */
export async function signIn(baseUrl: string, user = administrator): Promise<Client> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  const body = (await response.json()) as { csrfToken: string };
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(body)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0]!)
    .find((pair) => pair.startsWith('samla_session='));
  if (!cookie) throw new Error('sign-in set no session cookie');
  return new Client(baseUrl, { cookie, csrfToken: body.csrfToken });
}

/** An API token for the administrator: survives restarts and needs no CSRF token. */
export async function tokenClient(baseUrl: string): Promise<Client> {
  const session = await signIn(baseUrl);
  const created = expectStatus(await session.post('/tokens', { name: 'robusthetstest' }), 201, 'create API token');
  return new Client(baseUrl, { token: (created as { token: string }).token });
}

export const mergerMunicipalities = ['4601', '4626'];

export async function createMerger(client: Client, name: string): Promise<string> {
  const created = expectStatus(
    await client.post('/mergers', {
      name,
      newMunicipalityName: 'Nye Bergen',
      mergerDate: '2028-01-01',
      municipalities: mergerMunicipalities,
    }),
    201,
    'create merger',
  );
  return (created as { id: string }).id;
}

// ---------------------------------------------------------------- workbook

export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface InventoryWorkbook {
  data: Buffer;
  counts: { systems: number; contracts: number; integrations: number };
}

/**
 * A filled-in template (same sheet names and headers as the one Samla hands
 * out): `systemsPerMunicipality` systems in each of the merger's
 * municipalities, a contract per five systems and an integration per system.
 * `brokenRow` puts a system in a municipality outside the merger, which the
 * import must refuse as a whole.
 */
export async function inventoryWorkbook(systemsPerMunicipality: number, options: { brokenRow?: boolean } = {}): Promise<InventoryWorkbook> {
  const book = new ExcelJS.Workbook();
  const sheetOf = (kind: 'systems' | 'contracts' | 'integrations') => {
    const layout = layoutOfKind(kind);
    const sheet = book.addWorksheet(layout.sheet);
    sheet.addRow(layout.columns.map((column) => column.header));
    return (values: Record<string, unknown>) => sheet.addRow(layout.columns.map((column) => values[column.header] ?? null));
  };
  const systemName = (i: number) => `Fagsystem ${String(i).padStart(3, '0')}`;
  const systems = sheetOf('systems');
  const contracts = sheetOf('contracts');
  const integrations = sheetOf('integrations');
  const counts = { systems: 0, contracts: 0, integrations: 0 };
  for (const municipality of mergerMunicipalities) {
    for (let i = 0; i < systemsPerMunicipality; i++) {
      systems({ Kommunenummer: municipality, Navn: systemName(i), Leverandør: 'Visma', Produkt: `Produkt ${i % 40}`, 'Antall brukere': i });
      counts.systems++;
      integrations({
        Kommunenummer: municipality,
        'Fra system': systemName(i),
        'Til system': systemName((i + 1) % systemsPerMunicipality),
        Retning: 'Ut',
        Metode: 'API',
      });
      counts.integrations++;
      if (i % 5 === 0) {
        contracts({
          Kommunenummer: municipality,
          Leverandør: 'Visma',
          Gjelder: `Avtale ${i}`,
          Sluttdato: new Date(Date.UTC(2029, 11, 31)),
          Systemer: systemName(i),
        });
        counts.contracts++;
      }
    }
  }
  if (options.brokenRow) systems({ Kommunenummer: '0301', Navn: 'Feil kommune' });
  return { data: Buffer.from(await book.xlsx.writeBuffer()), counts };
}

/** The merger's inventory counts as the API reports them. */
export async function inventoryCounts(client: Client, mergerId: string) {
  const total = async (segment: string) =>
    (expectStatus(await client.get(`/mergers/${mergerId}/inventory/${segment}?limit=1`), 200, `list ${segment}`) as { total: number }).total;
  return { systems: await total('systems'), contracts: await total('contracts'), integrations: await total('integrations') };
}

// ---------------------------------------------------------------- randomness

/** mulberry32: small, seedable, good enough to pick delays a failure can replay. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
