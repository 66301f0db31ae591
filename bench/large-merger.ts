import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '#server/app.ts';
import type { DatabaseHandle } from '#server/platform/db/client.ts';
import { createApiToken, createUser } from '#server/features/auth/auth.service.ts';
import { opportunityIndex } from '#server/features/benefits/benefits.service.ts';
import { generateLargeMergerWorkbook, largeMergerMunicipalities, seededRandom } from './generate-large-merger.ts';
import { acceptInvitations } from '#server/features/members/members.service.ts';

/**
 * The large merger of issue 8, seeded into a database the same way every run:
 * the inventory workbook (2,500 systems, 800 contracts, 4,000 integrations,
 * 600 archive entries) imported, a decision for every solution area (mostly
 * adopted, some proposed), the whole checklist with a spread of statuses,
 * responsibles and due dates (some overdue against any clock after 2026),
 * 300 risks with mitigations, 100 benefits with 200 indicators and 2,000
 * measurements, and 50 members with mixed roles.
 *
 * Everything goes through the HTTP API (app.inject, no socket), so the data
 * passes the same validation, access checks and audit trail as a user's
 * would; the benchmarks then measure a merger Samla itself could have made.
 */
export const largeMergerOwner = {
  email: 'eier@stor-sammenslaing.samla.test',
  password: 'stor-sammenslaing-benchmark',
  name: 'Ingrid Prosjekteier',
};

export interface SeedOptions {
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

export interface SeededTask {
  id: string;
  phase: number;
  version: number;
}

export interface LargeMerger {
  mergerId: string;
  ownerEmail: string;
  ownerPassword: string;
  /** A personal API token of the owner (Bearer), good for benchmarks. */
  ownerToken: string;
  memberUserIds: string[];
  tasks: SeededTask[];
  /** Solution areas with a decision, in the order they were decided. */
  areaIds: string[];
  riskIds: string[];
  benefitIds: string[];
  /** The workbook that was imported (the same bytes every run). */
  workbook: Buffer;
  counts: Record<string, number>;
}

const firstNames = ['Kari', 'Ola', 'Nora', 'Jonas', 'Ingrid', 'Lars', 'Sofie', 'Emil', 'Maja', 'Henrik', 'Ida', 'Magnus', 'Hanne', 'Sindre', 'Tone'];
const lastNames = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Berg', 'Haugen', 'Hagen'];
const roles = ['lead', 'member', 'member', 'member', 'reader', 'member', 'lead', 'reader', 'member', 'owner'] as const;

/** An ISO date `days` after 2026-01-01 (fixed, so the data is the same every run). */
function dayFrom(days: number, start = Date.UTC(2026, 0, 1)): string {
  return new Date(start + days * 86_400_000).toISOString().slice(0, 10);
}

export async function seedLargeMerger(database: DatabaseHandle, options: SeedOptions = {}): Promise<LargeMerger> {
  const log = options.log ?? (() => {});
  const random = seededRandom(8008);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const started = Date.now();
  const step = (what: string) => log(`  ${what} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  const app: FastifyInstance = await buildApp({
    database,
    webRoot: '/nonexistent',
    auth: { sessionIdleMinutes: 480, secureCookies: false },
  });
  await app.ready();
  try {
    const ctx = { db: database.db, now: () => new Date(), actor: null };
    const owner = await createUser(ctx, largeMergerOwner);
    const ownerActor = { userId: owner.id, email: owner.email, name: owner.name, isAdministrator: false, via: 'token' as const };
    const ownerToken = (await createApiToken(ctx, ownerActor, 'benchmark')).token;
    const call = async <T = unknown>(request: InjectOptions, expected = [200, 201]): Promise<T> => {
      const response = await app.inject({ ...request, headers: { ...request.headers, authorization: `Bearer ${ownerToken}` } });
      if (!expected.includes(response.statusCode)) {
        throw new Error(`${request.method ?? 'GET'} ${request.url}: ${response.statusCode} ${response.body.slice(0, 400)}`);
      }
      return (response.body ? response.json() : null) as T;
    };

    const merger = await call<{ id: string }>({
      method: 'POST',
      url: '/api/v1/mergers',
      payload: {
        name: 'Digital sammenslåing Store Vestland (benchmark)',
        newMunicipalityName: 'Store Vestland',
        mergerDate: '2028-01-01',
        municipalities: largeMergerMunicipalities,
      },
    });
    const api = `/api/v1/mergers/${merger.id}`;

    // 49 more people, so the merger has 50 members with mixed roles.
    const memberUserIds = [owner.id];
    const people: string[] = [owner.name];
    for (let i = 0; i < 49; i++) {
      const name = `${firstNames[i % firstNames.length]} ${lastNames[(i * 7) % lastNames.length]}`;
      const user = await createUser(ctx, { email: `bruker${String(i + 1).padStart(2, '0')}@stor-sammenslaing.samla.test`, name });
      // An invitation (the owner is no administrator), accepted as the person's first sign-in would.
      await call({ method: 'POST', url: `${api}/members`, payload: { email: user.email, role: roles[i % roles.length] } }, [201, 202]);
      await acceptInvitations(database.db, user);
      memberUserIds.push(user.id);
      people.push(name);
    }
    step('50 members');

    const workbook = await generateLargeMergerWorkbook();
    const imported = await call<{ committed: boolean; problems: unknown[]; sheets: Array<{ sheet: string; created: number }> }>({
      method: 'POST',
      url: `${api}/inventory/import?mode=commit`,
      headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      payload: workbook,
    });
    if (!imported.committed) throw new Error(`the large merger's workbook did not import: ${JSON.stringify(imported.problems.slice(0, 3))}`);
    step(`inventory imported (${imported.sheets.map((sheet) => `${sheet.sheet} ${sheet.created}`).join(', ')})`);

    // A decision for every solution area: areas with systems mostly keep one of
    // them, empty areas procure or retire; about one in six stays a proposal.
    const overview = await call<{ sectors: Array<{ areas: Array<{ id: string; systemsByMunicipality: Record<string, number> }> }> }>({
      url: `${api}/decisions`,
    });
    const areaIds: string[] = [];
    for (const area of overview.sectors.flatMap((sector) => sector.areas)) {
      const hasSystems = Object.keys(area.systemsByMunicipality).length > 0;
      const state = random() < 0.17 ? 'proposed' : 'adopted';
      const timing = random() < 0.7 ? 'before_merger' : 'transition';
      let payload: Record<string, unknown>;
      if (hasSystems) {
        const detail = await call<{ systems: Array<{ id: string }> }>({ url: `${api}/decisions/${area.id}` });
        const outcome = random() < 0.75 ? pick(['continue', 'adapt'] as const) : pick(['procure', 'retire'] as const);
        payload = {
          outcome,
          targetSystemId: outcome === 'continue' || outcome === 'adapt' ? pick(detail.systems).id : null,
          timing,
          state,
          rationale: 'Vurdert i arbeidsgruppen for løsningsområdet; se saksfremlegg til styringsgruppen.',
        };
      } else {
        payload = { outcome: random() < 0.6 ? 'procure' : 'retire', targetSystemId: null, timing, state };
      }
      // An adopted veivalg is on record: who decided and when (decision 038).
      if (state === 'adopted') payload = { ...payload, decisionMaker: 'steering_group', meetingDate: '2026-11-02' };
      await call({ method: 'PUT', url: `${api}/decisions/${area.id}`, payload });
      areaIds.push(area.id);
    }
    step(`${areaIds.length} decisions`);

    // The whole checklist (with the tasks adopted decisions placed in it), in a
    // spread of statuses. Due dates run from early 2026 to the merger, so those
    // before today that are not done are overdue.
    const listed = await call<{ tasks: Array<{ id: string; phase: number; version: number; plannedStart: string | null }> }>({ url: `${api}/tasks` });
    const tasks: SeededTask[] = [];
    for (const task of listed.tasks) {
      const roll = random();
      const status = roll < 0.3 ? 'done' : roll < 0.55 ? 'in_progress' : roll < 0.9 ? 'not_started' : 'not_relevant';
      const body: Record<string, unknown> = {
        version: task.version,
        status,
        responsible: random() < 0.85 ? pick(people) : null,
        // Tasks a veivalg placed keep the dates Samla gave them from their phase (decision 030).
        ...(task.plannedStart === null ? { dueDate: random() < 0.8 ? dayFrom(Math.floor(random() * 730)) : null } : {}),
        notes: random() < 0.2 ? 'Avklart i delprosjektmøte; oppfølging i neste statusrapport.' : null,
      };
      if (status === 'not_relevant') body.notRelevantReason = 'Gjelder ikke vår sammenslåing: løses i interkommunalt samarbeid.';
      let response = await app.inject({ method: 'PATCH', url: `${api}/tasks/${task.id}`, payload: body, headers: { authorization: `Bearer ${ownerToken}` } });
      if (response.statusCode === 409 && response.json().error?.code === 'DEPENDENCIES_OPEN') {
        body.overrideReason = 'Godkjent av prosjektleder; avhengigheten følges opp separat.';
        response = await app.inject({ method: 'PATCH', url: `${api}/tasks/${task.id}`, payload: body, headers: { authorization: `Bearer ${ownerToken}` } });
      }
      if (response.statusCode !== 200) throw new Error(`task ${task.id}: ${response.statusCode} ${response.body.slice(0, 300)}`);
      const saved = response.json() as { version: number };
      tasks.push({ id: task.id, phase: task.phase, version: saved.version });
    }
    step(`${tasks.length} tasks with statuses`);

    // 300 risks on systems, areas and integrations, most with one or two mitigations.
    const systems = await call<{ items: Array<{ id: string }> }>({ url: `${api}/inventory/systems?limit=200` });
    const integrations = await call<{ items: Array<{ id: string }> }>({ url: `${api}/inventory/integrations?limit=200` });
    const riskIds: string[] = [];
    let mitigationCount = 0;
    const level = () => 1 + Math.floor(random() * 5);
    for (let r = 0; r < 300; r++) {
      const roll = random();
      const status = roll < 0.5 ? 'open' : roll < 0.8 ? 'in_progress' : roll < 0.9 ? 'accepted' : 'closed';
      const consequences = { serviceDelivery: level(), economy: level(), infoSecurity: random() < 0.5 ? level() : null };
      const likelihood = level();
      // What remains after the mitigations can be no worse than before them.
      const worst = Math.max(consequences.serviceDelivery, consequences.economy, consequences.infoSecurity ?? 0);
      const residual = random() < 0.5;
      const risk = await call<{ id: string }>({
        method: 'POST',
        url: `${api}/risks`,
        payload: {
          title: `Risiko ${r + 1}: ${pick(['Datatap ved migrering', 'Forsinket leveranse', 'Manglende tilgang', 'Brudd i integrasjon', 'Uklar avtale', 'Personvernbrudd'])}`,
          description: 'Beskrevet i ROS-verkstedet for løsningsområdet.',
          cause: random() < 0.5 ? 'Kort tid mellom vedtak og sammenslåing.' : undefined,
          systemIds: random() < 0.7 ? [pick(systems.items).id] : [],
          areaIds: random() < 0.6 ? [pick(areaIds)] : [],
          integrationIds: random() < 0.3 ? [pick(integrations.items).id] : [],
          consequences,
          likelihood,
          residualLikelihood: residual ? Math.min(likelihood, 1 + Math.floor(random() * 2)) : null,
          residualConsequence: residual ? Math.min(worst, 1 + Math.floor(random() * 2)) : null,
          owner: pick(people),
          status,
          acceptanceReason: status === 'accepted' ? 'Akseptert av styringsgruppen; kostnaden ved tiltak er høyere enn gevinsten.' : undefined,
          nextReviewDate: dayFrom(300 + Math.floor(random() * 400)),
        },
      });
      riskIds.push(risk.id);
      const mitigations = random() < 0.85 ? 1 + Math.floor(random() * 2) : 0;
      for (let m = 0; m < mitigations; m++) {
        await call({
          method: 'POST',
          url: `${api}/risks/${risk.id}/mitigations`,
          payload: {
            title: pick(['Prøvemigrering', 'Avklare med leverandør', 'Opplæring', 'Ekstra test av integrasjon', 'Databehandleravtale']),
            owner: pick(people),
            deadline: dayFrom(Math.floor(random() * 700)),
            status: pick(['planned', 'in_progress', 'done'] as const),
            taskId: random() < 0.3 ? pick(tasks).id : null,
          },
        });
        mitigationCount++;
      }
    }
    step(`300 risks, ${mitigationCount} mitigations`);

    // 100 benefits, each with two indicators and ten measurements per indicator.
    const opportunityIds = [...opportunityIndex().keys()];
    const benefitIds: string[] = [];
    let measurementCount = 0;
    for (let b = 0; b < 100; b++) {
      const { benefit } = await call<{ benefit: { id: string } }>({
        method: 'POST',
        url: `${api}/benefits`,
        payload: {
          title: `Gevinst ${b + 1}: ${pick(['Færre lisenser', 'Kortere saksbehandlingstid', 'Felles innbyggerdialog', 'Mindre dobbeltregistrering', 'Bedre datakvalitet'])}`,
          description: 'Fra gevinstkartleggingen i forprosjektet.',
          serviceArea: pick(['Oppvekst', 'Helse og omsorg', 'Teknisk', 'Økonomi', 'Personal']),
          type: pick(['economic', 'quality', 'time', 'other'] as const),
          owner: pick(people),
          responsible: pick(people),
          plannedRealisationDate: dayFrom(500 + Math.floor(random() * 700)),
          status: pick(['planned', 'in_progress', 'in_progress', 'realised', 'cancelled'] as const),
          taskIds: [pick(tasks).id, pick(tasks).id].filter((id, i, all) => all.indexOf(id) === i),
          decisionAreaIds: random() < 0.6 ? [pick(areaIds)] : [],
          opportunityIds: opportunityIds.length > 0 && random() < 0.5 ? [pick(opportunityIds)] : [],
        },
      });
      benefitIds.push(benefit.id);
      for (let k = 0; k < 2; k++) {
        const higher = random() < 0.5;
        const baseline = Math.round(100 + random() * 900);
        const target = higher ? baseline * 1.3 : baseline * 0.7;
        const detail = await call<{ indicators: Array<{ id: string }> }>({
          method: 'POST',
          url: `${api}/benefits/${benefit.id}/indicators`,
          payload: {
            name: k === 0 ? 'Årlig kostnad (tusen kr)' : 'Behandlingstid (dager)',
            unit: k === 0 ? 'tusen kr' : 'dager',
            baselineValue: baseline,
            baselineDate: '2025-06-01',
            targetValue: Math.round(target),
            targetDate: '2029-12-31',
            direction: higher ? 'higher' : 'lower',
          },
        });
        const indicatorId = detail.indicators.at(-1)!.id;
        for (let m = 0; m < 10; m++) {
          await call({
            method: 'POST',
            url: `${api}/benefits/${benefit.id}/indicators/${indicatorId}/measurements`,
            payload: {
              measuredOn: dayFrom(m * 45, Date.UTC(2025, 6, 1)),
              value: Math.round(baseline + (target - baseline) * (m / 12) * (0.7 + random() * 0.6)),
              comment: m % 4 === 0 ? 'Fra månedsrapporten' : undefined,
            },
          });
          measurementCount++;
        }
      }
    }
    step(`100 benefits, 200 indicators, ${measurementCount} measurements`);

    return {
      mergerId: merger.id,
      ownerEmail: owner.email,
      ownerPassword: largeMergerOwner.password,
      ownerToken,
      memberUserIds,
      tasks,
      areaIds,
      riskIds,
      benefitIds,
      workbook,
      counts: {
        ...Object.fromEntries(imported.sheets.map((sheet) => [sheet.sheet, sheet.created])),
        members: memberUserIds.length,
        decisions: areaIds.length,
        tasks: tasks.length,
        risks: riskIds.length,
        mitigations: mitigationCount,
        benefits: benefitIds.length,
        measurements: measurementCount,
      },
    };
  } finally {
    await app.close();
  }
}
