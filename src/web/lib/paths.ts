import type { TaskStatus } from '#shared/contracts/plan.tasks.ts';
import { historySearch, type HistoryFilters } from './history-filters.ts';

/** The checklist's filters as they live in the URL, so a reload keeps them. */
export interface ChecklistFilters {
  phase?: number | undefined;
  status?: TaskStatus | undefined;
  overdue?: boolean | undefined;
  /** Free text over titles and notes. */
  q?: string | undefined;
  /** Text «Ansvarlig» contains. */
  responsible?: string | undefined;
  /** A solution area's id. */
  area?: string | undefined;
  /** A municipality's number. */
  municipality?: string | undefined;
}

export const checklistParam = {
  phase: 'fase',
  status: 'status',
  overdue: 'forfalte',
  q: 'sok',
  responsible: 'ansvarlig',
  area: 'omrade',
  municipality: 'kommune',
} as const;
export const OVERDUE_ON = 'ja';

export function checklistSearch(filters: ChecklistFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set(checklistParam.q, filters.q);
  if (filters.phase !== undefined) params.set(checklistParam.phase, String(filters.phase));
  if (filters.status !== undefined) params.set(checklistParam.status, filters.status);
  if (filters.overdue) params.set(checklistParam.overdue, OVERDUE_ON);
  if (filters.responsible) params.set(checklistParam.responsible, filters.responsible);
  if (filters.area) params.set(checklistParam.area, filters.area);
  if (filters.municipality) params.set(checklistParam.municipality, filters.municipality);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** Every URL of the web app, in one place. */
export const paths = {
  mergers: () => '/',
  newMerger: () => '/sammenslainger/ny',
  merger: (mergerId: string) => `/sammenslainger/${mergerId}`,
  editMerger: (mergerId: string) => `/sammenslainger/${mergerId}/rediger`,
  mergerDeletions: () => '/slettede-sammenslainger',
  checklist: (mergerId: string, filters: ChecklistFilters = {}) => `/sammenslainger/${mergerId}/sjekkliste${checklistSearch(filters)}`,
  task: (mergerId: string, taskId: string) => `/sammenslainger/${mergerId}/oppgaver/${taskId}`,
  members: (mergerId: string) => `/sammenslainger/${mergerId}/medlemmer`,
  history: (mergerId: string, filters: HistoryFilters = {}) => `/sammenslainger/${mergerId}/historikk${historySearch(filters)}`,
  inventory: (mergerId: string, kindSlug = 'ikt-systemer', search = '') => `/sammenslainger/${mergerId}/kartlegging/${kindSlug}${search}`,
  inventoryItem: (mergerId: string, kindSlug: string, itemId: string) => `/sammenslainger/${mergerId}/kartlegging/${kindSlug}/${itemId}`,
  inventoryNew: (mergerId: string, kindSlug: string) => `/sammenslainger/${mergerId}/kartlegging/${kindSlug}/ny`,
  sideBySide: (mergerId: string) => `/sammenslainger/${mergerId}/side-om-side`,
  inventoryImport: (mergerId: string) => `/sammenslainger/${mergerId}/importer`,
  decisions: (mergerId: string) => `/sammenslainger/${mergerId}/veivalg`,
  decisionArea: (mergerId: string, areaId: string) => `/sammenslainger/${mergerId}/veivalg/${areaId}`,
  contractDeadlines: (mergerId: string) => `/sammenslainger/${mergerId}/avtalefrister`,
  integrationGraph: (mergerId: string) => `/sammenslainger/${mergerId}/integrasjoner`,
  benefits: (mergerId: string) => `/sammenslainger/${mergerId}/gevinster`,
  benefit: (mergerId: string, benefitId: string) => `/sammenslainger/${mergerId}/gevinster/${benefitId}`,
  opportunities: (mergerId: string) => `/sammenslainger/${mergerId}/muligheter`,
  schedule: (mergerId: string) => `/sammenslainger/${mergerId}/fremdriftsplan`,
  reports: (mergerId: string) => `/sammenslainger/${mergerId}/rapporter`,
  risks: (mergerId: string, search = '') => `/sammenslainger/${mergerId}/risiko${search}`,
  riskNew: (mergerId: string, suggestionKey?: string) =>
    `/sammenslainger/${mergerId}/risiko/ny${suggestionKey ? `?${new URLSearchParams({ forslag: suggestionKey })}` : ''}`,
  risk: (mergerId: string, riskId: string) => `/sammenslainger/${mergerId}/risiko/${riskId}`,
  riskSuggestions: (mergerId: string) => `/sammenslainger/${mergerId}/risiko/forslag`,
  riskHeatmap: (mergerId: string) => `/sammenslainger/${mergerId}/risiko/risikokart`,
  riskMatrix: (mergerId: string) => `/sammenslainger/${mergerId}/risiko/matrise`,
  catalog: () => '/sjekklisten',
  login: (returnTo?: string) => (returnTo && returnTo !== '/' ? `/logg-inn?${new URLSearchParams({ neste: returnTo })}` : '/logg-inn'),
  setup: () => '/oppsett',
  users: () => '/brukere',
  tokens: () => '/api-nokler',
  account: () => '/meg',
  mailSettings: () => '/meg/varslingsinnstillinger',
  notifications: () => '/varsler',
  myWork: (search = '') => `/mine-oppgaver${search}`,
  newPassword: () => '/nytt-passord',
} as const;

export const routePatterns = {
  mergers: '/',
  newMerger: '/sammenslainger/ny',
  merger: '/sammenslainger/:mergerId',
  editMerger: '/sammenslainger/:mergerId/rediger',
  mergerDeletions: '/slettede-sammenslainger',
  checklist: '/sammenslainger/:mergerId/sjekkliste',
  task: '/sammenslainger/:mergerId/oppgaver/:taskId',
  members: '/sammenslainger/:mergerId/medlemmer',
  history: '/sammenslainger/:mergerId/historikk',
  inventoryStart: '/sammenslainger/:mergerId/kartlegging',
  inventory: '/sammenslainger/:mergerId/kartlegging/:kind',
  inventoryItem: '/sammenslainger/:mergerId/kartlegging/:kind/:itemId',
  sideBySide: '/sammenslainger/:mergerId/side-om-side',
  inventoryImport: '/sammenslainger/:mergerId/importer',
  decisions: '/sammenslainger/:mergerId/veivalg',
  decisionArea: '/sammenslainger/:mergerId/veivalg/:areaId',
  contractDeadlines: '/sammenslainger/:mergerId/avtalefrister',
  integrationGraph: '/sammenslainger/:mergerId/integrasjoner',
  benefits: '/sammenslainger/:mergerId/gevinster',
  benefit: '/sammenslainger/:mergerId/gevinster/:benefitId',
  opportunities: '/sammenslainger/:mergerId/muligheter',
  schedule: '/sammenslainger/:mergerId/fremdriftsplan',
  reports: '/sammenslainger/:mergerId/rapporter',
  risks: '/sammenslainger/:mergerId/risiko',
  riskNew: '/sammenslainger/:mergerId/risiko/ny',
  risk: '/sammenslainger/:mergerId/risiko/:riskId',
  riskSuggestions: '/sammenslainger/:mergerId/risiko/forslag',
  riskHeatmap: '/sammenslainger/:mergerId/risiko/risikokart',
  riskMatrix: '/sammenslainger/:mergerId/risiko/matrise',
  catalog: '/sjekklisten',
  login: '/logg-inn',
  setup: '/oppsett',
  users: '/brukere',
  tokens: '/api-nokler',
  account: '/meg',
  mailSettings: '/meg/varslingsinnstillinger',
  notifications: '/varsler',
  myWork: '/mine-oppgaver',
  newPassword: '/nytt-passord',
} as const;

/** The query parameter on the sign-in page that says where to go afterwards. */
export const returnParam = 'neste';

/**
 * Where to go after signing in: only a path inside the app, never another site
 * (`//evil.example` or `https://…` would turn the sign-in page into an open redirect).
 */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // A tab, a newline or a backslash is dropped or turned into «/» by the browser's URL parser: «/\t/evil.example» is another site.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  const parsed = new URL(value, 'https://samla.invalid');
  if (parsed.origin !== 'https://samla.invalid' || parsed.pathname.startsWith('//')) return '/';
  if (
    value.startsWith('/api/') ||
    value === paths.login() ||
    value.startsWith(`${paths.login()}?`) ||
    value === paths.setup() ||
    value.startsWith(paths.newPassword())
  )
    return '/';
  return value;
}
