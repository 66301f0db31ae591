import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAllows, type MergerPermission, type MergerRole } from '#server/platform/access/roles.ts';
import { createTestApp, type TestApp, type TestUser } from '#server/test/test-app.ts';
import { defaultMatrix } from '#server/features/risks/risks.domain.ts';

/**
 * Every route in the OpenAPI document, against every kind of caller. The
 * table below is the contract: a route that is not in it fails this test, so
 * a new route cannot ship without someone deciding who may call it.
 */
type Rule = 'public' | 'signed-in' | 'administrator' | `merger:${MergerPermission}`;

const inventorySegments = [
  'systems',
  'digital-services',
  'contracts',
  'integrations',
  'archives',
  'infrastructure',
  'it-organisation',
  'intermunicipal-cooperation',
] as const;
type InventorySegment = (typeof inventorySegments)[number];

/** A valid new row of each kind; `systemId` is a system of the same merger. */
const inventoryPayload = (segment: InventorySegment, systemId: string): Record<string, unknown> => {
  const fields: Record<InventorySegment, Record<string, unknown>> = {
    systems: { name: 'Matrisesystem' },
    'digital-services': { name: 'Matrisetjeneste', systemId },
    contracts: { vendor: 'Matriseleverandør', systemIds: [systemId] },
    integrations: { fromSystemId: systemId, commonSolutionId: 'altinn' },
    archives: { name: 'Matrisearkiv', systemId },
    infrastructure: { category: 'network', name: 'Matrisenett' },
    'it-organisation': { role: 'Matriserolle' },
    'intermunicipal-cooperation': { name: 'Matrisesamarbeid' },
  };
  return { municipalityNumber: '4601', ...fields[segment] };
};

const rules: Record<string, Rule> = {
  'GET /api/v1/health': 'public',
  'GET /api/v1/ready': 'public',
  'POST /api/v1/auth/login': 'public',
  'GET /api/v1/auth/session': 'public',
  'POST /api/v1/auth/setup': 'public',
  'POST /api/v1/auth/logout': 'signed-in',
  'GET /api/v1/users': 'administrator',
  'POST /api/v1/users': 'administrator',
  'PATCH /api/v1/users/{userId}': 'administrator',
  'DELETE /api/v1/users/{userId}': 'administrator',
  'POST /api/v1/users/{userId}/deactivate': 'administrator',
  'POST /api/v1/users/{userId}/reactivate': 'administrator',
  'POST /api/v1/users/{userId}/password-reset': 'administrator',
  'POST /api/v1/auth/password-reset': 'public',
  'POST /api/v1/me/password': 'signed-in',
  'GET /api/v1/me/sessions': 'signed-in',
  'DELETE /api/v1/me/sessions/{sessionId}': 'signed-in',
  'POST /api/v1/me/sessions/end-others': 'signed-in',
  'PUT /api/v1/me/language': 'signed-in',
  'GET /api/v1/me/mail-preferences': 'signed-in',
  'PUT /api/v1/me/mail-preferences': 'signed-in',
  'GET /api/v1/tokens': 'signed-in',
  'POST /api/v1/tokens': 'signed-in',
  'DELETE /api/v1/tokens/{tokenId}': 'signed-in',
  'GET /api/v1/catalog': 'signed-in',
  'GET /api/v1/municipalities': 'signed-in',
  'GET /api/v1/mergers': 'signed-in',
  'POST /api/v1/mergers': 'signed-in',
  'POST /api/v1/demo-merger': 'signed-in',
  'GET /api/v1/mergers/{mergerId}': 'merger:read',
  'PATCH /api/v1/mergers/{mergerId}': 'merger:administer',
  'POST /api/v1/mergers/{mergerId}/change-preview': 'merger:administer',
  'PUT /api/v1/mergers/{mergerId}/archived': 'merger:administer',
  'DELETE /api/v1/mergers/{mergerId}': 'merger:delete',
  'GET /api/v1/merger-deletions': 'administrator',
  'GET /api/v1/mergers/{mergerId}/tasks': 'merger:read',
  'POST /api/v1/mergers/{mergerId}/tasks': 'merger:edit',
  'GET /api/v1/mergers/{mergerId}/tasks/{taskId}': 'merger:read',
  'PATCH /api/v1/mergers/{mergerId}/tasks/{taskId}': 'merger:edit',
  'POST /api/v1/mergers/{mergerId}/tasks/bulk-update': 'merger:edit',
  'GET /api/v1/mergers/{mergerId}/tasks/export.xlsx': 'merger:read',
  'GET /api/v1/mergers/{mergerId}/members': 'merger:read',
  'POST /api/v1/mergers/{mergerId}/members': 'merger:addMembers',
  'PATCH /api/v1/mergers/{mergerId}/members/{userId}': 'merger:manageMembers',
  'DELETE /api/v1/mergers/{mergerId}/members/{userId}': 'merger:manageMembers',
  'DELETE /api/v1/mergers/{mergerId}/invitations/{email}': 'merger:addMembers',
  'GET /api/v1/mergers/{mergerId}/audit': 'merger:read',
  'GET /api/v1/mergers/{mergerId}/audit/export': 'merger:read',
  'GET /api/v1/solution-areas': 'signed-in',
  'GET /api/v1/common-solutions': 'signed-in',
  'GET /api/v1/mergers/{mergerId}/inventory/side-by-side': 'merger:read',
  'GET /api/v1/mergers/{mergerId}/inventory/template.xlsx': 'merger:read',
  'GET /api/v1/mergers/{mergerId}/inventory/export.xlsx': 'merger:read',
  'POST /api/v1/mergers/{mergerId}/inventory/import': 'merger:edit',
  'GET /api/v1/mergers/{mergerId}/dashboard': 'merger:read',
  'GET /api/v1/mergers/{mergerId}/decisions': 'merger:read',
  'GET /api/v1/mergers/{mergerId}/decisions/readiness': 'merger:read',
  'GET /api/v1/mergers/{mergerId}/decisions/{areaId}': 'merger:read',
  'PUT /api/v1/mergers/{mergerId}/decisions/{areaId}': 'merger:edit',
  'PUT /api/v1/mergers/{mergerId}/decisions/{areaId}/deferral-acceptance': 'merger:decide',
  'GET /api/v1/mergers/{mergerId}/integration-graph': 'merger:read',
  'GET /api/v1/mergers/{mergerId}/contract-deadlines': 'merger:read',
  'GET /api/v1/mergers/{mergerId}/contract-deadlines.ics': 'merger:read',
  'GET /api/v1/mergers/{mergerId}/risk-matrix': 'merger:read',
  'POST /api/v1/mergers/{mergerId}/risk-matrix/preview': 'merger:edit',
  'PUT /api/v1/mergers/{mergerId}/risk-matrix': 'merger:decide',
  'GET /api/v1/mergers/{mergerId}/comments': 'merger:read',
  'POST /api/v1/mergers/{mergerId}/comments': 'merger:edit',
  // The route lets members in; that a comment is edited only by its author is the service's (NOT_COMMENT_AUTHOR, comments.api.test.ts).
  'PATCH /api/v1/mergers/{mergerId}/comments/{commentId}': 'merger:edit',
  'DELETE /api/v1/mergers/{mergerId}/comments/{commentId}': 'merger:edit',
  'GET /api/v1/me/notifications': 'signed-in',
  'GET /api/v1/me/notifications/unread-count': 'signed-in',
  'POST /api/v1/me/notifications/{notificationId}/read': 'signed-in',
  'POST /api/v1/me/notifications/read-all': 'signed-in',
  'GET /api/v1/mergers/{mergerId}/risks': 'merger:read',
  'POST /api/v1/mergers/{mergerId}/risks': 'merger:edit',
  'GET /api/v1/mergers/{mergerId}/risk-register.xlsx': 'merger:read',
  'GET /api/v1/mergers/{mergerId}/risks/{riskId}': 'merger:read',
  'PATCH /api/v1/mergers/{mergerId}/risks/{riskId}': 'merger:edit',
  'DELETE /api/v1/mergers/{mergerId}/risks/{riskId}': 'merger:edit',
  'POST /api/v1/mergers/{mergerId}/risks/{riskId}/mitigations': 'merger:edit',
  'PATCH /api/v1/mergers/{mergerId}/risks/{riskId}/mitigations/{mitigationId}': 'merger:edit',
  'DELETE /api/v1/mergers/{mergerId}/risks/{riskId}/mitigations/{mitigationId}': 'merger:edit',
  'GET /api/v1/mergers/{mergerId}/risk-suggestions': 'merger:read',
  'POST /api/v1/mergers/{mergerId}/risk-suggestions/dismissals': 'merger:edit',
  'GET /api/v1/mergers/{mergerId}/risk-heatmap': 'merger:read',
  'GET /api/v1/mergers/{mergerId}/calendar-feed': 'merger:read',
  'POST /api/v1/mergers/{mergerId}/calendar-feed': 'merger:edit',
  'DELETE /api/v1/mergers/{mergerId}/calendar-feed': 'merger:edit',
  'GET /api/v1/calendar-feeds/{token}/frister.ics': 'public',
  'GET /api/v1/me/tasks': 'signed-in',
  'GET /api/v1/me/calendar-feed': 'signed-in',
  'POST /api/v1/me/calendar-feed': 'signed-in',
  'DELETE /api/v1/me/calendar-feed': 'signed-in',
  'GET /api/v1/calendar-feeds/{token}/mine-oppgaver.ics': 'public',
  'GET /api/v1/mergers/{mergerId}/calendar.ics': 'merger:read',
  'GET /api/v1/mergers/{mergerId}/benefits': 'merger:read',
  'POST /api/v1/mergers/{mergerId}/benefits': 'merger:edit',
  'GET /api/v1/mergers/{mergerId}/benefits/export.xlsx': 'merger:read',
  'GET /api/v1/mergers/{mergerId}/benefits/{benefitId}': 'merger:read',
  'PATCH /api/v1/mergers/{mergerId}/benefits/{benefitId}': 'merger:edit',
  'DELETE /api/v1/mergers/{mergerId}/benefits/{benefitId}': 'merger:edit',
  'POST /api/v1/mergers/{mergerId}/benefits/{benefitId}/indicators': 'merger:edit',
  'PATCH /api/v1/mergers/{mergerId}/benefits/{benefitId}/indicators/{indicatorId}': 'merger:edit',
  'DELETE /api/v1/mergers/{mergerId}/benefits/{benefitId}/indicators/{indicatorId}': 'merger:edit',
  'POST /api/v1/mergers/{mergerId}/benefits/{benefitId}/indicators/{indicatorId}/measurements': 'merger:edit',
  'DELETE /api/v1/mergers/{mergerId}/benefits/{benefitId}/indicators/{indicatorId}/measurements/{measurementId}': 'merger:edit',
  'GET /api/v1/mergers/{mergerId}/opportunities': 'merger:read',
  'POST /api/v1/mergers/{mergerId}/opportunities/{opportunityId}/take-up': 'merger:edit',
  'GET /api/v1/mergers/{mergerId}/schedule': 'merger:read',
  'PATCH /api/v1/mergers/{mergerId}/schedule/phases/{phase}': 'merger:edit',
  'POST /api/v1/mergers/{mergerId}/schedule/milestones': 'merger:edit',
  'PATCH /api/v1/mergers/{mergerId}/schedule/milestones/{milestoneId}': 'merger:edit',
  'DELETE /api/v1/mergers/{mergerId}/schedule/milestones/{milestoneId}': 'merger:edit',
  'POST /api/v1/mergers/{mergerId}/tasks/{taskId}/dependencies': 'merger:edit',
  'DELETE /api/v1/mergers/{mergerId}/tasks/{taskId}/dependencies/{dependsOnTaskId}': 'merger:edit',
  'GET /api/v1/mergers/{mergerId}/reports/status.pdf': 'merger:read',
  'GET /api/v1/mergers/{mergerId}/reports': 'merger:read',
  'POST /api/v1/mergers/{mergerId}/reports': 'merger:decide',
  'GET /api/v1/mergers/{mergerId}/reports/{reportId}/pdf': 'merger:read',
  'GET /api/v1/mergers/{mergerId}/decisions/export.xlsx': 'merger:read',
  ...Object.fromEntries(inventorySegments.map((segment) => [`GET /api/v1/mergers/{mergerId}/inventory/${segment}/export.csv`, 'merger:read'])),
  ...Object.fromEntries(
    inventorySegments.flatMap((segment) => {
      const collection = `/api/v1/mergers/{mergerId}/inventory/${segment}`;
      return [
        [`GET ${collection}`, 'merger:read'],
        [`POST ${collection}`, 'merger:edit'],
        [`GET ${collection}/{itemId}`, 'merger:read'],
        [`PATCH ${collection}/{itemId}`, 'merger:edit'],
        [`DELETE ${collection}/{itemId}`, 'merger:edit'],
      ];
    }),
  ),
};

/**
 * Routes only a person at a browser may call (a session cookie), never an API
 * token: a leaked token must not mint new tokens or change the password.
 */
const sessionOnly = new Set(['POST /api/v1/tokens', 'POST /api/v1/me/password']);

/**
 * Every caller but `browser` uses a personal API token; `browser` is a user
 * signed in with a session cookie (and CSRF token) who belongs to no merger.
 */
type Caller = 'anonymous' | 'administrator' | 'otherMergersOwner' | 'browser' | MergerRole;
const callers: Caller[] = ['anonymous', 'reader', 'member', 'lead', 'owner', 'otherMergersOwner', 'administrator', 'browser'];
const denialCodes = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'MERGER_NOT_FOUND', 'ROLE_NOT_GRANTABLE', 'SESSION_REQUIRED']);

function expectedAllowed(route: string, rule: Rule, caller: Caller): boolean {
  if (rule === 'public') return true;
  if (caller === 'anonymous') return false;
  if (sessionOnly.has(route) && caller !== 'browser') return false;
  if (rule === 'signed-in') return true;
  if (rule === 'administrator') return caller === 'administrator';
  if (caller === 'administrator' || caller === 'otherMergersOwner' || caller === 'browser') return false;
  return roleAllows(caller, rule.slice('merger:'.length) as MergerPermission);
}

function expectedDenial(rule: Rule, caller: Caller): number {
  if (caller === 'anonymous') return 401;
  if (rule.startsWith('merger:') && (caller === 'administrator' || caller === 'otherMergersOwner' || caller === 'browser')) return 404;
  return 403;
}

const browserPassword = 'Nettleseren har et langt passord';
let signIns = 0;

/** A fresh session for the browser caller in each test: some routes end it (log out, a new password). */
async function browserSession(): Promise<Record<string, string>> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: browser.email, password: browserPassword },
    remoteAddress: `10.2.${Math.floor(++signIns / 250)}.${signIns % 250}`,
    headers: { 'user-agent': 'Matrisetest' },
  });
  expect(response.statusCode, response.body).toBe(200);
  const cookie = response.cookies.find((c) => c.name === 'samla_session')!.value;
  return { cookie: `samla_session=${cookie}`, 'x-csrf-token': response.json().csrfToken as string };
}

let userCount = 0;

/** For a /users/{userId} route: a user of its own, since the route may deactivate or delete them. */
async function withUser(path: string, ids: Ids): Promise<Ids> {
  if (!path.startsWith('/api/v1/users/{userId}')) return ids;
  const user = await t.createUser(`Matrisebruker ${++userCount}`);
  return { ...ids, userId: user.id };
}

let t: TestApp;
let people: Record<Exclude<Caller, 'anonymous' | 'browser'>, TestUser>;
let browser: TestUser;
let target: TestUser;
let invitee: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  const [reader, member, lead, other] = await Promise.all([
    t.createUser('Rita Leser'),
    t.createUser('Mads Medarbeider'),
    t.createUser('Live Leder'),
    t.createUser('Otto Annen'),
  ]);
  target = await t.createUser('Tore Mål');
  invitee = await t.createUser('Ine Invitert');
  browser = await t.createUser('Nils Nettleser', { password: browserPassword });
  people = { reader, member, lead, owner: t.owner, otherMergersOwner: other, administrator: t.administrator };
  const otherMerger = { name: 'B', newMunicipalityName: 'Nye B', mergerDate: '2028-01-01', municipalities: ['1508', '1580'] };
  expect((await other.inject({ method: 'POST', url: '/api/v1/mergers', payload: otherMerger })).statusCode).toBe(201);
});
afterAll(async () => {
  await t.close();
});

async function freshMerger() {
  const merger = (
    await t.owner.inject({
      method: 'POST',
      url: '/api/v1/mergers',
      payload: { name: 'A', newMunicipalityName: 'Nye A', mergerDate: '2028-01-01', municipalities: ['4601', '4626'] },
    })
  ).json();
  for (const [user, role] of [
    [people.reader, 'reader'],
    [people.member, 'member'],
    [people.lead, 'lead'],
    [target, 'reader'],
  ] as const) {
    await t.addMember(merger.id, user, role);
  }
  const [task, other] = (await t.owner.inject(`/api/v1/mergers/${merger.id}/tasks`)).json().tasks;
  const milestone = await t.owner.inject({
    method: 'POST',
    url: `/api/v1/mergers/${merger.id}/schedule/milestones`,
    payload: { title: 'Fellesnemnda', date: '2027-03-01', kind: 'joint_committee_meeting' },
  });
  expect(milestone.statusCode, milestone.body).toBe(201);
  return { mergerId: merger.id as string, taskId: task.id as string, otherTaskId: other.id as string, milestoneId: milestone.json().id as string };
}

interface Ids {
  mergerId: string;
  taskId: string;
  /** A second task of the merger, for dependencies. */
  otherTaskId?: string;
  milestoneId?: string;
  /** For inventory routes: a system to point at, and a row of the route's kind. */
  systemId?: string;
  itemId?: string;
  /** For benefit routes: a benefit with an indicator and a measurement, made by the owner. */
  benefitId?: string;
  indicatorId?: string;
  measurementId?: string;
  /** For risk routes: a risk (and a mitigation of it) made by the owner. */
  riskId?: string;
  mitigationId?: string;
  /** For /users/{userId} routes: a user made for the test. */
  userId?: string;
  /** For /comments/{commentId} routes: a comment on the task, written by the owner. */
  commentId?: string;
  /** For /reports/{reportId} routes: a report issued by the owner. */
  reportId?: string;
}

/** For a /comments/{commentId} route, the owner's comment on the merger's first task. */
async function withComment(path: string, ids: Ids): Promise<Ids> {
  if (!path.includes('{commentId}')) return ids;
  const comment = await t.owner.inject({
    method: 'POST',
    url: `/api/v1/mergers/${ids.mergerId}/comments`,
    payload: { subjectKind: 'task', subjectId: ids.taskId, body: 'Matrisekommentar' },
  });
  expect(comment.statusCode, comment.body).toBe(201);
  return { ...ids, commentId: comment.json().id as string };
}

const reportPayload = { overallStatus: 'green', statusReason: 'Matrisegrunn', mainPoints: ['Matrisepunkt'] };

/** For a /reports/{reportId} route, a status report the owner issued. */
async function withReport(path: string, ids: Ids): Promise<Ids> {
  if (!path.includes('{reportId}')) return ids;
  const report = await t.owner.inject({ method: 'POST', url: `/api/v1/mergers/${ids.mergerId}/reports`, payload: reportPayload });
  expect(report.statusCode, report.body).toBe(201);
  return { ...ids, reportId: report.json().id as string };
}

/** For a /risks/{riskId} route, a risk of the merger, and for /{mitigationId} a mitigation of it. */
async function withRisk(path: string, ids: Ids): Promise<Ids> {
  if (!path.includes('{riskId}')) return ids;
  const risk = await t.owner.inject({ method: 'POST', url: `/api/v1/mergers/${ids.mergerId}/risks`, payload: { title: 'Matriserisiko' } });
  expect(risk.statusCode, risk.body).toBe(201);
  const riskId = risk.json().id as string;
  if (!path.includes('{mitigationId}')) return { ...ids, riskId };
  const mitigation = await t.owner.inject({
    method: 'POST',
    url: `/api/v1/mergers/${ids.mergerId}/risks/${riskId}/mitigations`,
    payload: { title: 'Matrisetiltak' },
  });
  expect(mitigation.statusCode, mitigation.body).toBe(201);
  return { ...ids, riskId, mitigationId: mitigation.json().id as string };
}

const indicatorPayload = {
  name: 'Matriseindikator',
  unit: '%',
  baselineValue: 10,
  baselineDate: '2027-01-01',
  targetValue: 50,
  targetDate: '2028-01-01',
  direction: 'higher',
};

/** For a route under /benefits/{benefitId}: a benefit with one indicator and one measurement. */
async function withBenefit(path: string, ids: Ids): Promise<Ids> {
  if (!path.includes('{benefitId}')) return ids;
  const base = `/api/v1/mergers/${ids.mergerId}/benefits`;
  const benefit = await t.owner.inject({ method: 'POST', url: base, payload: { title: 'Matrisegevinst', type: 'quality' } });
  expect(benefit.statusCode, benefit.body).toBe(201);
  const benefitId = benefit.json().benefit.id as string;
  const indicator = await t.owner.inject({ method: 'POST', url: `${base}/${benefitId}/indicators`, payload: indicatorPayload });
  const indicatorId = indicator.json().indicators[0].id as string;
  const measured = await t.owner.inject({
    method: 'POST',
    url: `${base}/${benefitId}/indicators/${indicatorId}/measurements`,
    payload: { measuredOn: '2027-06-01', value: 20 },
  });
  const measurementId = measured.json().indicators[0].measurements[0].id as string;
  return { ...ids, benefitId, indicatorId, measurementId };
}

/** For an inventory route, a system in the merger and (for /{itemId} routes) a row of the kind, made by the owner. */
async function withInventory(path: string, ids: Ids): Promise<Ids> {
  const segment = inventorySegments.find((s) => path.includes(`/inventory/${s}/`) || path.endsWith(`/inventory/${s}`));
  if (!segment) return ids;
  const add = async (kind: InventorySegment, payload: Record<string, unknown>) => {
    const response = await t.owner.inject({ method: 'POST', url: `/api/v1/mergers/${ids.mergerId}/inventory/${kind}`, payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  const systemId = await add('systems', inventoryPayload('systems', ''));
  const itemId = path.endsWith('{itemId}') ? await add(segment, inventoryPayload(segment, systemId)) : undefined;
  return { ...ids, systemId, itemId };
}

function requestFor(method: string, path: string, ids: Ids) {
  const segment = inventorySegments.find((s) => path.endsWith(`/inventory/${s}`));
  const url = path
    .replace('{mergerId}', ids.mergerId)
    .replace('{taskId}', ids.taskId)
    .replace('{dependsOnTaskId}', ids.otherTaskId ?? '')
    .replace('{milestoneId}', ids.milestoneId ?? '')
    .replace('{phase}', '4')
    .replace('{areaId}', 'omrade-okonomi-og-regnskapssystem')
    .replace('{token}', 'en-hemmelig-adresse-som-ikke-finnes')
    .replace('{itemId}', ids.itemId ?? '')
    .replace('{benefitId}', ids.benefitId ?? '')
    .replace('{indicatorId}', ids.indicatorId ?? '')
    .replace('{measurementId}', ids.measurementId ?? '')
    .replace('{opportunityId}', 'mulighet-ikt-infrastruktur-og-drift-1')
    .replace('{riskId}', ids.riskId ?? '')
    .replace('{reportId}', ids.reportId ?? '')
    .replace('{mitigationId}', ids.mitigationId ?? '')
    .replace('{commentId}', ids.commentId ?? '')
    .replace('{notificationId}', '00000000-0000-4000-8000-000000000000')
    .replace('{email}', 'invitert%40samla.test')
    .replace('{userId}', ids.userId ?? target.id)
    .replace('{sessionId}', '0'.repeat(32))
    .replace('{tokenId}', '00000000-0000-4000-8000-000000000000');
  const payloads: Record<string, unknown> = {
    'POST /api/v1/auth/login': { email: 'admin@samla.test', password: 'feil' },
    'POST /api/v1/auth/setup': { code: 'x', email: 'a@b.no', name: 'A', password: 'et-langt-passord' },
    'POST /api/v1/users': { email: `ny-${Math.random().toString(36).slice(2)}@samla.test`, name: 'Ny', password: browserPassword },
    'PATCH /api/v1/users/{userId}': { version: 1, name: 'Endret Navn' },
    'POST /api/v1/auth/password-reset': { code: 'en-kode-som-ikke-finnes', newPassword: browserPassword },
    'POST /api/v1/me/password': { currentPassword: 'ikke det riktige passordet', newPassword: 'Et annet langt passord' },
    'POST /api/v1/tokens': { name: 'Matrise' },
    'PUT /api/v1/me/mail-preferences': { deliveries: { comment: 'off' } },
    'PUT /api/v1/me/language': { language: 'nb' },
    'POST /api/v1/mergers': { name: 'C', newMunicipalityName: 'Nye C', mergerDate: '2028-01-01', municipalities: ['3101', '3105'] },
    'PATCH /api/v1/mergers/{mergerId}': { version: 1, name: 'A endret' },
    'POST /api/v1/mergers/{mergerId}/change-preview': { mergerDate: '2028-06-01' },
    'PUT /api/v1/mergers/{mergerId}/archived': { archived: true, version: 1 },
    // The owner deletes it; the callers after see a merger that no longer exists (404, as their denial is anyway).
    'DELETE /api/v1/mergers/{mergerId}': { name: 'A' },
    'POST /api/v1/mergers/{mergerId}/tasks': { activityId: 'fase-1-akt-1', title: 'Egen oppgave' },
    'PATCH /api/v1/mergers/{mergerId}/tasks/{taskId}': { version: 1, notes: 'endret' },
    'POST /api/v1/mergers/{mergerId}/tasks/bulk-update': { tasks: [{ taskId: ids.taskId, version: 1 }], change: { responsible: 'Matrise' } },
    'POST /api/v1/mergers/{mergerId}/members': { email: invitee.email, role: 'reader' },
    'POST /api/v1/mergers/{mergerId}/risk-matrix/preview': { matrix: defaultMatrix() },
    'PUT /api/v1/mergers/{mergerId}/risk-matrix': { matrix: defaultMatrix(), version: 0 },
    'POST /api/v1/mergers/{mergerId}/risks': { title: 'Matriserisiko' },
    'PATCH /api/v1/mergers/{mergerId}/risks/{riskId}': { version: 1, owner: 'Matriseeier' },
    'POST /api/v1/mergers/{mergerId}/comments': { subjectKind: 'task', subjectId: ids.taskId, body: 'Matrisekommentar' },
    'PATCH /api/v1/mergers/{mergerId}/comments/{commentId}': { version: 1, body: 'Endret' },
    'POST /api/v1/mergers/{mergerId}/risks/{riskId}/mitigations': { title: 'Matrisetiltak' },
    'PATCH /api/v1/mergers/{mergerId}/risks/{riskId}/mitigations/{mitigationId}': { version: 1, status: 'done' },
    'POST /api/v1/mergers/{mergerId}/risk-suggestions/dismissals': { key: 'generic:archive' },
    'POST /api/v1/mergers/{mergerId}/reports': reportPayload,
    // Retiring needs no system in the area, so the payload is valid in an empty merger.
    'PUT /api/v1/mergers/{mergerId}/decisions/{areaId}': { outcome: 'retire', timing: 'before_merger', state: 'proposed' },
    'PUT /api/v1/mergers/{mergerId}/decisions/{areaId}/deferral-acceptance': { accepted: true, reason: 'Matrisegrunn', version: 1 },
    'PATCH /api/v1/mergers/{mergerId}/members/{userId}': { role: 'member' },
    'POST /api/v1/mergers/{mergerId}/benefits': { title: 'Ny gevinst', type: 'economic' },
    'PATCH /api/v1/mergers/{mergerId}/benefits/{benefitId}': { version: 1, status: 'in_progress' },
    'POST /api/v1/mergers/{mergerId}/benefits/{benefitId}/indicators': indicatorPayload,
    'PATCH /api/v1/mergers/{mergerId}/benefits/{benefitId}/indicators/{indicatorId}': { version: 1, targetValue: 60 },
    'POST /api/v1/mergers/{mergerId}/benefits/{benefitId}/indicators/{indicatorId}/measurements': { measuredOn: '2027-09-01', value: 30 },
    'POST /api/v1/mergers/{mergerId}/opportunities/{opportunityId}/take-up': { createBenefit: true },
    'PATCH /api/v1/mergers/{mergerId}/schedule/phases/{phase}': { version: 0, start: '2027-03-01', end: '2027-12-31' },
    'POST /api/v1/mergers/{mergerId}/schedule/milestones': { title: 'Vedtak i kommunestyret', date: '2026-06-15', kind: 'local_decision' },
    'PATCH /api/v1/mergers/{mergerId}/schedule/milestones/{milestoneId}': { version: 1, title: 'Endret' },
    'POST /api/v1/mergers/{mergerId}/tasks/{taskId}/dependencies': { dependsOnTaskId: ids.otherTaskId },
  };
  if (method === 'POST' && segment) payloads[`${method} ${path}`] = inventoryPayload(segment, ids.systemId ?? '');
  if (method === 'PATCH' && path.endsWith('/{itemId}')) payloads[`${method} ${path}`] = { version: 1, notes: 'endret' };
  const versioned = method === 'DELETE' && (path.endsWith('{riskId}') || path.endsWith('{mitigationId}') || path.endsWith('{commentId}'));
  const query = path.endsWith('/audit/export')
    ? '?format=csv'
    : method === 'GET' && path.endsWith('/comments')
      ? `?subjectKind=task&subjectId=${ids.taskId}`
      : path.endsWith('/inventory/import')
        ? '?mode=preview&kind=systems'
        : versioned
          ? '?version=1'
          : '';
  if (path.endsWith('/inventory/import')) {
    return {
      method: method as 'GET',
      url: url + query,
      payload: 'Kommunenummer;Navn;Leverandør\r\n4601;Matrisesystem;Matrise AS\r\n',
      headers: { 'content-type': 'text/csv' },
    };
  }
  return { method: method as 'GET', url: url + query, payload: payloads[`${method} ${path}`] as object | undefined };
}

describe('authorization matrix', () => {
  it('has an explicit rule for every route in the OpenAPI document', async () => {
    const spec = (await t.app.inject('/api/v1/openapi.json')).json();
    const routes = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const withoutRule = routes.filter((route) => !(route in rules));
    expect(withoutRule, 'routes without a rule in the access matrix').toEqual([]);
    expect(routes.length).toBeGreaterThanOrEqual(Object.keys(rules).length);
  });

  for (const [route, rule] of Object.entries(rules)) {
    it(`${route} (${rule})`, async () => {
      const [method, path] = route.split(' ') as [string, string];
      const ids = await withReport(
        path,
        await withComment(path, await withUser(path, await withRisk(path, await withBenefit(path, await withInventory(path, await freshMerger()))))),
      );
      const outcomes: string[] = [];
      for (const caller of callers) {
        const request = requestFor(method, path, ids);
        const response =
          caller === 'anonymous'
            ? await t.app.inject(request)
            : caller === 'browser'
              ? await t.app.inject({ ...request, headers: { ...request.headers, ...(await browserSession()) } })
              : await people[caller].inject(request);
        const code = response.statusCode >= 400 ? (response.json().error?.code as string) : undefined;
        const denied = code !== undefined && denialCodes.has(code);
        const allowed = expectedAllowed(route, rule, caller);
        if (allowed && denied) outcomes.push(`${caller}: expected access, got ${response.statusCode} ${code}`);
        if (!allowed && !denied) outcomes.push(`${caller}: expected denial, got ${response.statusCode} ${code ?? ''}`);
        if (!allowed && denied && response.statusCode !== expectedDenial(rule, caller)) {
          outcomes.push(`${caller}: expected ${expectedDenial(rule, caller)}, got ${response.statusCode} ${code}`);
        }
      }
      expect(outcomes).toEqual([]);
    });
  }
});

/**
 * Decisions made through routes that members may call for content (decision 025): the
 * service checks the role for what the body asks. Each action against each role that
 * belongs to the merger; a role that may not is refused with 403 FORBIDDEN.
 */
describe('deciding inside content routes', () => {
  type Setup = (mergerId: string) => Promise<{ method: 'PUT' | 'PATCH' | 'POST'; url: string; payload: object }>;
  const economyUrl = (mergerId: string) => `/api/v1/mergers/${mergerId}/decisions/omrade-okonomi-og-regnskapssystem`;
  const ownerDoes = async (method: 'PUT' | 'POST', url: string, payload: object) => {
    const response = await t.owner.inject({ method, url, payload });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json();
  };
  const actions: Array<{ name: string; needs: MergerPermission; setup: Setup }> = [
    {
      name: 'propose a veivalg',
      needs: 'edit',
      setup: async (mergerId) => ({ method: 'PUT', url: economyUrl(mergerId), payload: { outcome: 'retire', timing: 'before_merger', state: 'proposed' } }),
    },
    {
      name: 'adopt a veivalg (forslag → vedtatt)',
      needs: 'decide',
      setup: async (mergerId) => {
        await ownerDoes('PUT', economyUrl(mergerId), { outcome: 'retire', timing: 'before_merger', state: 'proposed' });
        return {
          method: 'PUT',
          url: economyUrl(mergerId),
          payload: { outcome: 'retire', timing: 'before_merger', state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2026-11-02', version: 1 },
        };
      },
    },
    {
      name: 'adopt a new veivalg directly',
      needs: 'decide',
      setup: async (mergerId) => ({
        method: 'PUT',
        url: economyUrl(mergerId),
        payload: { outcome: 'retire', timing: 'before_merger', state: 'adopted', decisionMaker: 'steering_group', meetingDate: '2026-11-02' },
      }),
    },
    {
      name: 'change an adopted veivalg back to a proposal',
      needs: 'decide',
      setup: async (mergerId) => {
        await ownerDoes('PUT', economyUrl(mergerId), {
          outcome: 'retire',
          timing: 'before_merger',
          state: 'adopted',
          decisionMaker: 'steering_group',
          meetingDate: '2026-11-02',
        });
        return { method: 'PUT', url: economyUrl(mergerId), payload: { outcome: 'retire', timing: 'before_merger', state: 'proposed', version: 1 } };
      },
    },
    {
      name: "accept a critical area's deferral",
      needs: 'decide',
      setup: async (mergerId) => {
        await ownerDoes('PUT', economyUrl(mergerId), {
          outcome: 'retire',
          timing: 'transition',
          state: 'adopted',
          decisionMaker: 'steering_group',
          meetingDate: '2026-11-02',
        });
        return { method: 'PUT', url: `${economyUrl(mergerId)}/deferral-acceptance`, payload: { accepted: true, reason: 'Godtatt', version: 1 } };
      },
    },
    {
      name: 'accept a risk',
      needs: 'decide',
      setup: async (mergerId) => {
        const risk = await ownerDoes('POST', `/api/v1/mergers/${mergerId}/risks`, { title: 'Matriserisiko' });
        return { method: 'PATCH', url: `/api/v1/mergers/${mergerId}/risks/${risk.id}`, payload: { version: 1, status: 'accepted', acceptanceReason: 'Lav' } };
      },
    },
    {
      name: 'create a risk as accepted',
      needs: 'decide',
      setup: async (mergerId) => ({
        method: 'POST',
        url: `/api/v1/mergers/${mergerId}/risks`,
        payload: { title: 'Akseptert', status: 'accepted', acceptanceReason: 'Lav' },
      }),
    },
    {
      name: "lift a risk's acceptance",
      needs: 'decide',
      setup: async (mergerId) => {
        const risk = await ownerDoes('POST', `/api/v1/mergers/${mergerId}/risks`, { title: 'Akseptert', status: 'accepted', acceptanceReason: 'Lav' });
        return { method: 'PATCH', url: `/api/v1/mergers/${mergerId}/risks/${risk.id}`, payload: { version: 1, status: 'open' } };
      },
    },
    {
      name: 'edit the content of an accepted risk',
      needs: 'edit',
      setup: async (mergerId) => {
        const risk = await ownerDoes('POST', `/api/v1/mergers/${mergerId}/risks`, { title: 'Akseptert', status: 'accepted', acceptanceReason: 'Lav' });
        return { method: 'PATCH', url: `/api/v1/mergers/${mergerId}/risks/${risk.id}`, payload: { version: 1, description: 'Mer tekst' } };
      },
    },
    {
      name: 'change the risk matrix',
      needs: 'decide',
      setup: async (mergerId) => ({ method: 'PUT', url: `/api/v1/mergers/${mergerId}/risk-matrix`, payload: { matrix: defaultMatrix(), version: 0 } }),
    },
  ];
  const roles: MergerRole[] = ['reader', 'member', 'lead', 'owner'];

  for (const action of actions) {
    it(`${action.name}: only roles with «${action.needs}»`, async () => {
      const outcomes: string[] = [];
      for (const role of roles) {
        const { mergerId } = await freshMerger();
        const request = await action.setup(mergerId);
        const response = await people[role].inject(request);
        const allowed = roleAllows(role, action.needs);
        if (allowed && response.statusCode >= 300) outcomes.push(`${role}: expected success, got ${response.statusCode} ${response.body.slice(0, 200)}`);
        if (!allowed && (response.statusCode !== 403 || response.json().error?.code !== 'FORBIDDEN')) {
          outcomes.push(`${role}: expected 403 FORBIDDEN, got ${response.statusCode}`);
        }
      }
      expect(outcomes).toEqual([]);
    });
  }

  it('members do not decide: the role rule as data', () => {
    expect(roles.filter((role) => roleAllows(role, 'decide'))).toEqual(['lead', 'owner']);
    expect(roles.filter((role) => roleAllows(role, 'edit'))).toEqual(['member', 'lead', 'owner']);
  });
});
