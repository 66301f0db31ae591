import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '#server/app.ts';
import type { DatabaseHandle } from '#server/platform/db/client.ts';
import { pgliteHandle } from '#server/platform/db/pglite.ts';
import { administratorPassword, createTestApp, exampleIndicator, newMigratedPglite, openTestDatabase, type TestApp } from '#server/test/test-app.ts';
import { createBackup, restoreBackup } from './backup.service.ts';

/**
 * Backup → restore must give back exactly what was there, on the embedded
 * database and on PostgreSQL (npm run test:pg), and a backup of the embedded
 * database must restore into PostgreSQL: the way a municipality moves up.
 */

const economy = 'omrade-okonomi-og-regnskapssystem';
let t: TestApp;
let mergerId: string;
let directory: string;
let backupFile: string;
let source: Snapshot;
const opened: DatabaseHandle[] = [];

type Snapshot = Record<string, string[]>;

/**
 * Every app table's rows, all columns, as PostgreSQL's own text for a row,
 * sorted: read straight from the catalog and the tables, not through the
 * code under test. Time zone and date style fixed, so two engines print alike.
 */
async function snapshot(handle: DatabaseHandle): Promise<Snapshot> {
  return handle.db.transaction(async (tx) => {
    const rows = async <T>(query: Parameters<typeof tx.execute>[0]) => ((await tx.execute(query)) as unknown as { rows: T[] }).rows;
    await tx.execute(sql`set local time zone 'UTC'`);
    await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
    const result: Snapshot = {};
    const tables = await rows<{ tablename: string }>(sql`select tablename from pg_tables where schemaname = 'public' order by tablename`);
    for (const { tablename } of tables) {
      result[tablename] = (await rows<{ r: string }>(sql.raw(`select (samla_row.*)::text as r from "${tablename}" samla_row`))).map((row) => row.r).sort();
    }
    const sequences = await rows<{ name: string; value: string | null }>(
      sql`select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public' order by 1`,
    );
    result['(sequences)'] = sequences.map((sequence) => `${sequence.name}=${sequence.value}`);
    return result;
  });
}

/** A new, migrated, empty database: the run's engine, or PGlite when asked for. */
async function freshDatabase(engine: 'run' | 'pglite'): Promise<DatabaseHandle> {
  // Without DATABASE_URL the run's engine is PGlite, and openTestDatabase's
  // one PGlite per file is the source here: a target needs its own.
  const handle = engine === 'run' && process.env.DATABASE_URL ? await openTestDatabase() : pgliteHandle(await newMigratedPglite());
  opened.push(handle);
  return handle;
}

async function expect2xx(response: { statusCode: number; body: string; json: () => unknown }): Promise<any> {
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.statusCode === 204 ? undefined : response.json();
}

/** A merger with a realistic spread, made through the API as users make it. */
async function fillThroughApi(): Promise<void> {
  mergerId = await t.createMerger({ municipalities: ['4601', '4626', '4631'] });
  await t.createMerger({ name: 'Sammenslåing Nye Hamar', newMunicipalityName: 'Nye Hamar', municipalities: ['3403', '3405'] });
  const base = `/api/v1/mergers/${mergerId}`;
  const post = async (url: string, payload?: object) => expect2xx(await t.owner.inject({ method: 'POST', url: `${base}${url}`, payload }));
  const lead = await t.createUser('Kari Leder', { password: 'Kari leder med et langt passord' });
  await post('/members', { email: lead.email, role: 'lead' });
  // The invitation becomes a membership at sign-in; another stays pending, as invitations do.
  await expect2xx(
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: lead.email, password: 'Kari leder med et langt passord' } }),
  );
  await post('/members', { email: 'ikke.logget.inn@kommune.no', role: 'reader' });

  const systems: string[] = [];
  const vendors = ['Visma', 'Unit4', 'Tieto Evry', 'Acos', 'Sikri', 'Kommuneforlaget', 'Microsoft', 'Gecko'];
  for (let index = 0; index < 24; index++) {
    const created = await post('/inventory/systems', {
      municipalityNumber: ['4601', '4626', '4631'][index % 3],
      name: `System ${index} «${vendors[index % vendors.length]}» – æøå`,
      vendor: vendors[index % vendors.length],
      product: `Produkt ${index % 5}`,
      solutionAreaId: economy,
      userCount: index * 7,
      hosting: index % 2 === 0 ? 'saas' : 'local',
    });
    systems.push(created.id);
  }
  await post('/inventory/contracts', {
    municipalityNumber: '4601',
    vendor: 'Visma',
    subject: 'Økonomisystem',
    endDate: '2029-06-30',
    changeClause: 'unknown',
    annualCost: 1234567.89,
    systemIds: systems.slice(0, 2),
  });
  await post('/inventory/contracts', { municipalityNumber: '4631', vendor: 'Unit4', subject: 'Drift', noticePeriodMonths: 3, systemIds: [systems[2]] });
  await post('/inventory/integrations', { municipalityNumber: '4631', fromSystemId: systems[2], commonSolutionId: 'altinn' });
  await post('/inventory/integrations', { municipalityNumber: '4601', fromSystemId: systems[0], toSystemId: systems[3] });
  await post('/inventory/it-organisation', { municipalityNumber: '4626', role: 'Driftstekniker', fte: 2.5, competence: 'Windows, nettverk' });
  const system = await expect2xx(await t.owner.inject(`${base}/inventory/systems/${systems[5]}`));
  await expect2xx(
    await t.owner.inject({ method: 'PATCH', url: `${base}/inventory/systems/${systems[5]}`, payload: { version: system.version, userCount: 999 } }),
  );
  await expect2xx(await t.owner.inject({ method: 'DELETE', url: `${base}/inventory/systems/${systems[6]}` }));

  await expect2xx(
    await t.owner.inject({
      method: 'PUT',
      url: `${base}/decisions/${economy}`,
      payload: {
        outcome: 'continue',
        targetSystemId: systems[0],
        timing: 'before_merger',
        state: 'adopted',
        decisionMaker: 'steering_group',
        meetingDate: '2026-11-02',
      },
    }),
  );
  const tasks = (await expect2xx(await t.owner.inject(`${base}/tasks`))).tasks as Array<{ id: string; version: number }>;
  for (const task of tasks.slice(0, 5)) {
    await expect2xx(await t.owner.inject({ method: 'PATCH', url: `${base}/tasks/${task.id}`, payload: { version: task.version, status: 'done' } }));
  }

  const risk = await post('/risks', {
    title: 'Nedetid i økonomisystemet',
    systemIds: [systems[0]],
    areaIds: [economy],
    consequences: { economy: 3, serviceDelivery: 5 },
    likelihood: 4,
    residualLikelihood: 2,
  });
  await post(`/risks/${risk.id}/mitigations`, { title: 'Test integrasjonen', owner: 'Ola', deadline: '2027-10-01', taskId: tasks[0]!.id });

  const { benefit } = await post('/benefits', { title: 'Færre manuelle søknader', type: 'time', owner: 'Kommunedirektøren', decisionAreaIds: [economy] });
  const withIndicator = await post(`/benefits/${benefit.id}/indicators`, exampleIndicator);
  const indicator = withIndicator.indicators[0];
  // A value a binary float cannot hold exactly, to prove it is not rounded on the way.
  await post(`/benefits/${benefit.id}/indicators/${indicator.id}/measurements`, { measuredOn: '2027-03-01', value: 0.1 + 0.2, comment: 'God start' });
  await post(`/benefits/${benefit.id}/indicators/${indicator.id}/measurements`, { measuredOn: '2027-07-02', value: 35 });
  await post('/calendar-feed');

  const login = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'admin@samla.test', password: administratorPassword },
    remoteAddress: '10.0.0.1',
  });
  expect(login.statusCode, login.body).toBe(200);
  // A failed login is throttled per address: that table is data too.
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: 'admin@samla.test', password: 'feil passord' },
    remoteAddress: '10.0.0.2',
  });
  // Microseconds, which a JavaScript Date would lose.
  await t.database.rawQuery(`update mergers set updated_at = '2027-03-01 10:00:00.123456+00' where id = $1`, [mergerId]);
}

beforeAll(async () => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'samla-backup-'));
  t = await createTestApp();
  await fillThroughApi();
  source = await snapshot(t.database);
  backupFile = path.join(directory, 'kilde.samla.gz');
  await createBackup(t.database, backupFile);
});

afterAll(async () => {
  for (const handle of opened) await handle.close();
  await t?.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

describe('backup → restore', () => {
  it('the fixture is a realistic spread: every kind of data a merger has', () => {
    const filled = Object.entries(source)
      .filter(([, rows]) => rows.length > 0)
      .map(([table]) => table);
    expect(filled).toEqual(
      expect.arrayContaining([
        'users',
        'sessions',
        'api_tokens',
        'login_attempts',
        'mergers',
        'merger_municipalities',
        'merger_members',
        'merger_invitations',
        'tasks',
        'inventory_systems',
        'inventory_contracts',
        'inventory_contract_systems',
        'inventory_integrations',
        'inventory_it_organisation',
        'decisions',
        'risks',
        'risk_systems',
        'risk_mitigations',
        'benefits',
        'benefit_indicators',
        'benefit_measurements',
        'benefit_decisions',
        'calendar_feeds',
        'audit_events',
        '(sequences)',
      ]),
    );
  });

  it('restores into a fresh database with every row of every table identical, and Samla works on it', async () => {
    const target = await freshDatabase('run');
    const result = await restoreBackup(target, backupFile, { overwrite: false });
    expect(await snapshot(target)).toEqual(source);
    expect(result.message).toContain('Databasen var tom.');
    expect(result.header.tables.find((table) => table.name === 'inventory_systems')?.rows).toBe(23);

    // The owner's token, the history's numbering and the merger all carry on.
    const app = await buildApp({ database: target, webRoot: '/nonexistent', auth: { sessionIdleMinutes: 60, secureCookies: false } });
    try {
      const headers = { authorization: `Bearer ${t.owner.token}` };
      const base = `/api/v1/mergers/${mergerId}`;
      const created = await app.inject({ method: 'POST', url: `${base}/risks`, headers, payload: { title: 'Etter gjenoppretting', likelihood: 2 } });
      expect(created.statusCode, created.body).toBe(201);
      const history = (await app.inject({ url: `${base}/audit?entity=risk`, headers })).json().entries;
      expect(history.map((entry: { entityLabel: string }) => entry.entityLabel)).toEqual(['Etter gjenoppretting', 'Nedetid i økonomisystemet']);
    } finally {
      await app.close();
    }
  }, 120_000);

  it('a backup of the embedded database restores into the database of this run (PostgreSQL under test:pg): moving up', async () => {
    const embedded = await freshDatabase('pglite');
    await restoreBackup(embedded, backupFile, { overwrite: false });
    const fromEmbedded = path.join(directory, 'innebygd.samla.gz');
    const { header } = await createBackup(embedded, fromEmbedded);
    expect(header.source).toBe('pglite');

    const target = await freshDatabase('run');
    await restoreBackup(target, fromEmbedded, { overwrite: false });
    expect(target.kind).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
    expect(await snapshot(target)).toEqual(source);

    // And back down: the run's database backed up restores into the embedded one.
    const back = path.join(directory, 'tilbake.samla.gz');
    await createBackup(target, back);
    const embeddedAgain = await freshDatabase('pglite');
    await restoreBackup(embeddedAgain, back, { overwrite: false });
    expect(await snapshot(embeddedAgain)).toEqual(source);
  }, 180_000);

  it('writes the same file content for the same data, and leaves no temporary file behind', async () => {
    const again = path.join(directory, 'igjen.samla.gz');
    await createBackup(t.database, again);
    const body = (file: string) => gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').slice(1).join('\n');
    expect(body(again)).toBe(body(backupFile));
    expect(fs.readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('the backup file: it holds password hashes', () => {
  const mode = (file: string) => fs.statSync(file).mode & 0o777;

  it('is readable by its owner only (0600), also when the umask would allow more', async () => {
    const file = path.join(directory, 'privat.samla.gz');
    const umask = process.umask(0);
    try {
      await createBackup(t.database, file);
    } finally {
      process.umask(umask);
    }
    expect(mode(file)).toBe(0o600);
  });

  it('refuses a target that is a symbolic link, leaves what it points at untouched, and writes nothing', async () => {
    const victim = path.join(directory, 'offer.txt');
    fs.writeFileSync(victim, 'viktig innhold', { mode: 0o644 });
    const link = path.join(directory, 'lenke.samla.gz');
    fs.symlinkSync(victim, link);
    const dangling = path.join(directory, 'dinglende.samla.gz');
    fs.symlinkSync(path.join(directory, 'finnes-ikke-ennå'), dangling);
    for (const target of [link, dangling]) {
      for (const force of [false, true]) {
        await expect(createBackup(t.database, target, undefined, { force })).rejects.toThrow(
          `${target} er en symbolsk lenke. Samla skriver ikke en sikkerhetskopi gjennom en lenke`,
        );
      }
    }
    expect(fs.readFileSync(victim, 'utf8')).toBe('viktig innhold');
    expect(mode(victim)).toBe(0o644);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.existsSync(path.join(directory, 'finnes-ikke-ennå'))).toBe(false);
    expect(fs.readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to overwrite a file without force; with force replaces it in one step, still 0600', async () => {
    const file = path.join(directory, 'finnes.samla.gz');
    fs.writeFileSync(file, 'en eldre kopi', { mode: 0o644 });
    await expect(createBackup(t.database, file)).rejects.toThrow(
      `Filen ${file} finnes allerede. Velg et annet filnavn, eller kjør kommandoen på nytt med --force for å erstatte den. Ingenting er skrevet.`,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('en eldre kopi');

    const before = fs.statSync(file).ino;
    await createBackup(t.database, file, undefined, { force: true });
    // A new file renamed into place, not the old one written over.
    expect(fs.statSync(file).ino).not.toBe(before);
    expect(mode(file)).toBe(0o600);
    expect(gunzipSync(fs.readFileSync(file)).toString('utf8')).toContain('"format"');
    expect(fs.readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a folder as target', async () => {
    const folder = path.join(directory, 'en-mappe');
    fs.mkdirSync(folder);
    await expect(createBackup(t.database, folder, undefined, { force: true })).rejects.toThrow('er ikke en vanlig fil');
  });
});

describe('restore is all or nothing', () => {
  let target: DatabaseHandle;
  let before: Snapshot;
  const text = () => gunzipSync(fs.readFileSync(backupFile)).toString('utf8');
  const write = (name: string, content: Buffer) => {
    const file = path.join(directory, name);
    fs.writeFileSync(file, content);
    return file;
  };
  const refused = async (file: string, message: string | RegExp) => {
    await expect(restoreBackup(target, file, { overwrite: true })).rejects.toThrow(message);
    expect(await snapshot(target)).toEqual(before);
  };

  beforeAll(async () => {
    target = await freshDatabase('run');
    await restoreBackup(target, backupFile, { overwrite: false });
    // Different from the file, so a restore that went through would show.
    await target.rawQuery(`update mergers set name = 'Endret etter kopien' where id = $1`, [mergerId]);
    await target.rawQuery(`delete from risk_mitigations`);
    before = await snapshot(target);
    expect(before).not.toEqual(source);
  });

  it('refuses a database with content without --overwrite, and names what is there', async () => {
    await expect(restoreBackup(target, backupFile, { overwrite: false })).rejects.toThrow(
      /^Databasen er ikke tom \(.*\)\. Gjenoppretting erstatter alt innhold\. Er det det du vil, kjør kommandoen på nytt med --overwrite\./,
    );
    expect(await snapshot(target)).toEqual(before);
  });

  it('leaves the database as it was for a cut file', async () => {
    const whole = fs.readFileSync(backupFile);
    await refused(write('avkortet.gz', whole.subarray(0, Math.floor(whole.length * 0.8))), /skadet eller avkortet.*Databasen er ikke endret/);
  });

  it('leaves the database as it was for a damaged file', async () => {
    const damaged = Buffer.from(fs.readFileSync(backupFile));
    for (let at = Math.floor(damaged.length / 2); at < damaged.length / 2 + 16; at++) damaged[at] = damaged[at]! ^ 0xff;
    await refused(write('skadet.gz', damaged), /Databasen er ikke endret/);
  });

  it('leaves the database as it was for a file that is not gzip, or not a Samla backup', async () => {
    await refused(write('tekst.sql', Buffer.from('create table x ();\n')), /ikke en lesbar sikkerhetskopi fra Samla/);
    await refused(write('annet.gz', gzipSync('{"hei":1}\n')), /ikke en lesbar sikkerhetskopi fra Samla/);
  });

  it('refuses another format version or another schema with a message saying which Samla to use', async () => {
    const lines = text().split('\n');
    const header = JSON.parse(lines[0]!);
    const withHeader = (changes: object) => gzipSync([JSON.stringify({ ...header, ...changes }), ...lines.slice(1)].join('\n'));
    await refused(write('format2.gz', withHeader({ formatVersion: 2 })), 'Sikkerhetskopien har filformat 2, men denne Samla leser bare format 1');
    await refused(
      write('nyere.gz', withHeader({ migration: '0042_framtid', samlaVersion: '9.0.0' })),
      'Oppgrader Samla til versjon 9.0.0 eller nyere og gjenopprett med den. Databasen er ikke endret.',
    );
  });

  it('rolls back rows already inserted when a later table is short of rows', async () => {
    const lines = text().trimEnd().split('\n');
    // The last row of the file (the last tables may have none): every table before it is already inserted when this is found.
    const lastRow = lines.findLastIndex((line, index) => index > 0 && line.startsWith('{'));
    lines.splice(lastRow, 1);
    await refused(write('mangler.gz', gzipSync(lines.join('\n'))), /mangler rader.*Databasen er ikke endret/);
  });

  it('rolls back when the database refuses a row (a member pointing at no user)', async () => {
    const lines = text().split('\n');
    const at = lines.indexOf('@table merger_members') + 1;
    lines[at] = lines[at]!.replace(/"user_id":"[^"]+"/, '"user_id":"00000000-0000-4000-8000-000000000000"');
    await refused(write('brutt.gz', gzipSync(lines.join('\n'))), /databasen avviste innholdet.*Databasen er ikke endret/);
  });

  it('with --overwrite replaces the content, says what it replaced, and gives back the backup exactly', async () => {
    const result = await restoreBackup(target, backupFile, { overwrite: true });
    expect(result.message).toMatch(/Erstattet [\d\s]+ rader som lå i databasen:\n/);
    expect(result.replaced.risk_mitigations).toBe(0);
    expect(result.replaced.mergers).toBe(2);
    expect(await snapshot(target)).toEqual(source);
    before = source;
  });
});
