import type { InventoryCreate } from '#shared/contracts/inventory.ts';
import type { BenefitType, IndicatorDirection } from '#shared/contracts/benefits.ts';
import type { DecisionOutcome, DecisionState, DecisionTiming } from '#shared/contracts/decisions.ts';
import type { TaskStatus } from '#shared/contracts/plan.tasks.ts';

/**
 * The demo merger's content: invented, but shaped like what Norwegian
 * municipalities of this size actually run (products and vendors are real,
 * users, costs and dates are not). No person is named: owners and
 * responsibles are role titles. Dates are offsets (months) from the merger
 * date or from today, so the demo looks the same whenever it is made.
 */

/** Gjøvik, Østre Toten and Vestre Toten: neighbours in Innlandet, numbers from the 1.1.2024 register. */
export const G = '3407';
export const OT = '3442';
export const VT = '3443';
export type DemoMunicipality = typeof G | typeof OT | typeof VT;
export const demoMunicipalities: readonly DemoMunicipality[] = [G, OT, VT];
/** Relative size (Gjøvik about 31 000 inhabitants, the Totens about 15 000 and 13 500): scales the IT organisation. */
export const demoScale: Record<DemoMunicipality, number> = { [G]: 1, [OT]: 0.5, [VT]: 0.45 };

export const demoMergerText = {
  name: 'Demo: Digital sammenslåing Gjøvik og Toten',
  newMunicipalityName: 'Gjøvik og Toten kommune',
};

type Hosting = 'local' | 'vendor' | 'saas' | 'intermunicipal';
type ChangeClause = 'transfers' | 'does_not_transfer' | 'unknown';

/** One municipality's use of a product, and the contract it runs under (end in months from the merger date). */
interface Use {
  users: number;
  version?: string;
  /** Yearly cost in kroner; no contract row when absent. */
  cost?: number;
  end?: number | null;
}

export interface DemoProduct {
  key: string;
  area: string;
  name: string;
  vendor: string;
  product: string;
  serviceArea: string;
  hosting: Hosting;
  owner: string;
  archiveWorthy: boolean | null;
  contract?: { type: string; noticeMonths: number; changeClause: ChangeClause; subject: string };
  uses: Partial<Record<DemoMunicipality, Use>>;
}

const licence = (subject: string, noticeMonths = 6, changeClause: ChangeClause = 'transfers') => ({
  type: 'Lisens- og vedlikeholdsavtale (SSA-L)',
  noticeMonths,
  changeClause,
  subject,
});
const saas = (subject: string, noticeMonths = 3, changeClause: ChangeClause = 'unknown') => ({
  type: 'Abonnementsavtale (SSA-SaaS)',
  noticeMonths,
  changeClause,
  subject,
});

/** Each product makes one system per municipality that uses it. Same product in two or three: Samla suggests it. */
export const demoProducts: DemoProduct[] = [
  // ------------------------------------------------------------ støttefunksjoner
  {
    key: 'sakarkiv-elements',
    area: 'omrade-digitale-arkiv-og-arkivlosninger',
    name: 'Elements sak/arkiv',
    vendor: 'Sikri',
    product: 'Elements',
    serviceArea: 'Dokumentsenter og politisk sekretariat',
    hosting: 'saas',
    owner: 'Arkivleder',
    archiveWorthy: true,
    contract: saas('Sak- og arkivsystem med politisk modul', 6, 'transfers'),
    uses: { [G]: { users: 620, version: '2025.2', cost: 640_000, end: 14 }, [OT]: { users: 280, version: '2025.2', cost: 330_000, end: -4 } },
  },
  {
    key: 'sakarkiv-360',
    area: 'omrade-digitale-arkiv-og-arkivlosninger',
    name: 'Public 360°',
    vendor: 'Tietoevry',
    product: 'Public 360°',
    serviceArea: 'Dokumentsenter',
    hosting: 'local',
    owner: 'Arkivleder',
    archiveWorthy: true,
    contract: licence('Sak- og arkivsystem', 12, 'does_not_transfer'),
    uses: { [VT]: { users: 240, version: '22 R1', cost: 410_000, end: -11 } },
  },
  {
    key: 'okonomi-visma',
    area: 'omrade-okonomi-og-regnskapssystem',
    name: 'Visma Enterprise Økonomi',
    vendor: 'Visma',
    product: 'Visma Enterprise',
    serviceArea: 'Økonomi',
    hosting: 'vendor',
    owner: 'Økonomisjef',
    archiveWorthy: true,
    contract: licence('Økonomi, regnskap, innkjøp og fakturabehandling'),
    uses: { [G]: { users: 310, version: '2025.10', cost: 980_000, end: 30 }, [VT]: { users: 95, version: '2025.10', cost: 420_000, end: -8 } },
  },
  {
    key: 'okonomi-unit4',
    area: 'omrade-okonomi-og-regnskapssystem',
    name: 'Unit4 ERP',
    vendor: 'Unit4',
    product: 'Unit4 ERP (Agresso)',
    serviceArea: 'Økonomi og lønn',
    hosting: 'local',
    owner: 'Økonomisjef',
    archiveWorthy: true,
    contract: licence('Økonomi, lønn og reiseregninger', 12, 'unknown'),
    uses: { [OT]: { users: 140, version: '7.3', cost: 610_000, end: 6 } },
  },
  {
    key: 'lonn-visma',
    area: 'omrade-personal-og-lonnssystem',
    name: 'Visma Enterprise HRM',
    vendor: 'Visma',
    product: 'Visma Enterprise HRM',
    serviceArea: 'Lønn og personal',
    hosting: 'vendor',
    owner: 'HR-sjef',
    archiveWorthy: true,
    contract: licence('Lønn, personal og ansattportal'),
    uses: { [G]: { users: 2300, version: '2025.10', cost: 720_000, end: 30 }, [VT]: { users: 850, version: '2025.10', cost: 290_000, end: -8 } },
  },
  {
    key: 'lonn-unit4',
    area: 'omrade-personal-og-lonnssystem',
    name: 'Unit4 ERP Lønn og personal',
    vendor: 'Unit4',
    product: 'Unit4 ERP (Agresso)',
    serviceArea: 'Lønn og personal',
    hosting: 'local',
    owner: 'HR-sjef',
    archiveWorthy: true,
    uses: { [OT]: { users: 1100, version: '7.3' } },
  },
  {
    key: 'budsjett-framsikt',
    area: 'samla-omrade-annet-fagsystem-stottefunksjoner',
    name: 'Framsikt',
    vendor: 'Framsikt',
    product: 'Framsikt budsjett og analyse',
    serviceArea: 'Økonomi',
    hosting: 'saas',
    owner: 'Økonomisjef',
    archiveWorthy: false,
    contract: saas('Budsjett, økonomiplan og rapportering'),
    uses: { [G]: { users: 120, cost: 210_000, end: 8 }, [OT]: { users: 60, cost: 120_000, end: 8 }, [VT]: { users: 55, cost: 115_000, end: 8 } },
  },
  {
    key: 'konkurranse-mercell',
    area: 'omrade-system-for-konkurransegjennomforing',
    name: 'Mercell konkurransegjennomføring',
    vendor: 'Mercell',
    product: 'Mercell Source-to-Contract',
    serviceArea: 'Innkjøp',
    hosting: 'saas',
    owner: 'Innkjøpsleder',
    archiveWorthy: true,
    contract: saas('Konkurransegjennomføring og kontraktsoppfølging', 3, 'transfers'),
    uses: { [G]: { users: 25, cost: 95_000, end: 2 }, [OT]: { users: 8, cost: 48_000, end: 2 }, [VT]: { users: 8, cost: 48_000, end: 2 } },
  },
  {
    key: 'reise-expense',
    area: 'omrade-losning-for-reiseregninger',
    name: 'Visma Expense',
    vendor: 'Visma',
    product: 'Visma Expense',
    serviceArea: 'Lønn og personal',
    hosting: 'saas',
    owner: 'Lønnsleder',
    archiveWorthy: false,
    uses: { [G]: { users: 1800 }, [VT]: { users: 600 } },
  },
  {
    key: 'rekruttering-webcruiter',
    area: 'omrade-losning-for-rekruttering',
    name: 'Webcruiter',
    vendor: 'Visma',
    product: 'Webcruiter',
    serviceArea: 'Lønn og personal',
    hosting: 'saas',
    owner: 'HR-sjef',
    archiveWorthy: true,
    contract: saas('Rekrutteringssystem'),
    uses: { [G]: { users: 150, cost: 85_000, end: -2 }, [OT]: { users: 60, cost: 45_000, end: 10 } },
  },
  {
    key: 'rekruttering-jobbnorge',
    area: 'omrade-losning-for-rekruttering',
    name: 'Jobbnorge',
    vendor: 'Jobbnorge',
    product: 'Jobbnorge rekrutteringssystem',
    serviceArea: 'Lønn og personal',
    hosting: 'saas',
    owner: 'HR-sjef',
    archiveWorthy: true,
    contract: saas('Rekrutteringssystem'),
    uses: { [VT]: { users: 45, cost: 40_000, end: 4 } },
  },
  {
    key: 'kvalitet-compilo',
    area: 'samla-omrade-annet-fagsystem-stottefunksjoner',
    name: 'Compilo kvalitetssystem',
    vendor: 'Compilo',
    product: 'Compilo',
    serviceArea: 'Kvalitet og HMS',
    hosting: 'saas',
    owner: 'HMS-rådgiver',
    archiveWorthy: true,
    uses: { [G]: { users: 2400 }, [OT]: { users: 1100 } },
  },
  {
    key: 'kvalitet-landax',
    area: 'samla-omrade-annet-fagsystem-stottefunksjoner',
    name: 'Landax',
    vendor: 'Landax',
    product: 'Landax kvalitetssystem',
    serviceArea: 'Kvalitet og HMS',
    hosting: 'saas',
    owner: 'HMS-rådgiver',
    archiveWorthy: true,
    uses: { [VT]: { users: 900 } },
  },
  // ------------------------------------------------------------ helse og velferd
  {
    key: 'journal-gerica',
    area: 'omrade-pasientjournalsystemer',
    name: 'Gerica',
    vendor: 'Tietoevry',
    product: 'Gerica',
    serviceArea: 'Helse og omsorg',
    hosting: 'local',
    owner: 'Systemansvarlig helse og omsorg',
    archiveWorthy: true,
    contract: licence('Elektronisk pasientjournal for pleie og omsorg', 12, 'unknown'),
    uses: { [G]: { users: 900, version: '8.4', cost: 760_000, end: 18 }, [VT]: { users: 380, version: '8.4', cost: 330_000, end: -6 } },
  },
  {
    key: 'journal-profil',
    area: 'omrade-pasientjournalsystemer',
    name: 'Profil',
    vendor: 'Visma',
    product: 'Visma Profil',
    serviceArea: 'Helse og omsorg',
    hosting: 'local',
    owner: 'Systemansvarlig helse og omsorg',
    archiveWorthy: true,
    contract: licence('Elektronisk pasientjournal for pleie og omsorg', 12, 'unknown'),
    uses: { [OT]: { users: 420, version: '2025.1', cost: 360_000, end: 12 } },
  },
  {
    key: 'journal-cosdoc',
    area: 'omrade-pasientjournalsystemer',
    name: 'CosDoc',
    vendor: 'Visma',
    product: 'CosDoc',
    serviceArea: 'Fysio- og ergoterapi, psykisk helse',
    hosting: 'vendor',
    owner: 'Systemansvarlig helse og omsorg',
    archiveWorthy: true,
    contract: saas('Journal for terapitjenester og psykisk helse og rus'),
    uses: { [OT]: { users: 60, cost: 70_000, end: 9 }, [VT]: { users: 55, cost: 65_000, end: 9 } },
  },
  {
    key: 'helsestasjon-hspro',
    area: 'omrade-pasientjournalsystemer',
    name: 'HsPro',
    vendor: 'CGM',
    product: 'CGM HsPro',
    serviceArea: 'Helsestasjon og skolehelsetjeneste',
    hosting: 'vendor',
    owner: 'Leder helsestasjon',
    archiveWorthy: true,
    contract: licence('Journal for helsestasjon og skolehelsetjeneste', 6, 'transfers'),
    uses: { [G]: { users: 45, cost: 90_000, end: 24 }, [OT]: { users: 20, cost: 45_000, end: 24 }, [VT]: { users: 18, cost: 45_000, end: 24 } },
  },
  {
    key: 'legevakt-infodoc',
    area: 'omrade-pasientjournalsystemer',
    name: 'Infodoc legevakt',
    vendor: 'Infodoc',
    product: 'Infodoc Plenario',
    serviceArea: 'Legevakt (vertskommune for regionen)',
    hosting: 'intermunicipal',
    owner: 'Legevaktsjef',
    archiveWorthy: true,
    contract: licence('Journal for interkommunal legevakt', 6, 'transfers'),
    uses: { [G]: { users: 70, cost: 180_000, end: 36 } },
  },
  {
    key: 'turnus-gat',
    area: 'omrade-turnussystemer',
    name: 'GAT',
    vendor: 'Gat',
    product: 'GAT turnus og bemanning',
    serviceArea: 'Helse og omsorg',
    hosting: 'vendor',
    owner: 'Systemansvarlig helse og omsorg',
    archiveWorthy: false,
    contract: licence('Turnus, vaktplan og bemanning'),
    uses: { [OT]: { users: 700, cost: 160_000, end: 3 }, [VT]: { users: 600, cost: 150_000, end: 15 } },
  },
  {
    key: 'turnus-visma',
    area: 'omrade-turnussystemer',
    name: 'Visma Ressursstyring',
    vendor: 'Visma',
    product: 'Visma Enterprise Ressursstyring',
    serviceArea: 'Helse og omsorg',
    hosting: 'vendor',
    owner: 'Systemansvarlig helse og omsorg',
    archiveWorthy: false,
    uses: { [G]: { users: 1500 } },
  },
  {
    key: 'velferd-tunstall',
    area: 'omrade-velferdsteknologi',
    name: 'Trygghetsalarmer og responssenter',
    vendor: 'Tunstall',
    product: 'Tunstall Lifeline',
    serviceArea: 'Hjemmetjenester',
    hosting: 'vendor',
    owner: 'Leder velferdsteknologi',
    archiveWorthy: false,
    contract: saas('Trygghetsalarmer, responssenter og oppfølging', 6, 'transfers'),
    uses: { [G]: { users: 40, cost: 520_000, end: 10 }, [OT]: { users: 15, cost: 210_000, end: 10 } },
  },
  {
    key: 'velferd-safemate',
    area: 'omrade-velferdsteknologi',
    name: 'Safemate',
    vendor: 'Safemate',
    product: 'Safemate trygghetsalarm og lokalisering',
    serviceArea: 'Hjemmetjenester',
    hosting: 'saas',
    owner: 'Leder velferdsteknologi',
    archiveWorthy: false,
    contract: saas('Mobile trygghetsalarmer'),
    uses: { [VT]: { users: 12, cost: 140_000, end: 5 } },
  },
  {
    key: 'sosial-socio',
    area: 'omrade-sosialsystem',
    name: 'Socio',
    vendor: 'Visma',
    product: 'Socio',
    serviceArea: 'NAV sosiale tjenester',
    hosting: 'local',
    owner: 'NAV-leder (kommunal del)',
    archiveWorthy: true,
    contract: licence('Fagsystem for økonomisk sosialhjelp'),
    uses: { [G]: { users: 45, cost: 110_000, end: 12 }, [OT]: { users: 18, cost: 60_000, end: 12 }, [VT]: { users: 16, cost: 60_000, end: 12 } },
  },
  {
    key: 'barnevern-flyt',
    area: 'omrade-barnevernssystem',
    name: 'Visma Flyt Barnevern',
    vendor: 'Visma',
    product: 'Visma Flyt Barnevern',
    serviceArea: 'Barnevern',
    hosting: 'saas',
    owner: 'Barnevernleder',
    archiveWorthy: true,
    contract: saas('Fagsystem for barnevern', 6, 'transfers'),
    uses: { [G]: { users: 55, cost: 260_000, end: 26 } },
  },
  {
    key: 'barnevern-modulus',
    area: 'omrade-barnevernssystem',
    name: 'Modulus Barn',
    vendor: 'Netcompany',
    product: 'Modulus Barn',
    serviceArea: 'Barnevern (Toten barnevern, vertskommunesamarbeid)',
    hosting: 'saas',
    owner: 'Barnevernleder',
    archiveWorthy: true,
    contract: saas('Fagsystem for barnevern', 6, 'unknown'),
    uses: { [OT]: { users: 40, cost: 240_000, end: 32 } },
  },
  {
    key: 'ppt-flyt',
    area: 'omrade-ppt-system',
    name: 'Visma Flyt PPT',
    vendor: 'Visma',
    product: 'Visma Flyt PPT',
    serviceArea: 'PP-tjenesten',
    hosting: 'saas',
    owner: 'Leder PP-tjenesten',
    archiveWorthy: true,
    contract: saas('Fagsystem for PP-tjenesten'),
    uses: { [G]: { users: 25, cost: 70_000, end: 7 }, [OT]: { users: 14, cost: 45_000, end: 7 }, [VT]: { users: 12, cost: 45_000, end: 7 } },
  },
  // ------------------------------------------------------------ oppvekst og utdanning
  {
    key: 'skole-flyt',
    area: 'omrade-skoleadministrativt-system',
    name: 'Visma Flyt Skole',
    vendor: 'Visma',
    product: 'Visma Flyt Skole',
    serviceArea: 'Grunnskole og voksenopplæring',
    hosting: 'saas',
    owner: 'Systemansvarlig oppvekst',
    archiveWorthy: true,
    contract: saas('Skoleadministrativt system', 6, 'transfers'),
    uses: { [G]: { users: 520, cost: 410_000, end: 16 }, [OT]: { users: 230, cost: 190_000, end: 4 } },
  },
  {
    key: 'skole-ist',
    area: 'omrade-skoleadministrativt-system',
    name: 'IST Everyday',
    vendor: 'IST',
    product: 'IST Everyday',
    serviceArea: 'Grunnskole',
    hosting: 'saas',
    owner: 'Systemansvarlig oppvekst',
    archiveWorthy: true,
    contract: saas('Skoleadministrativt system og foreldrekommunikasjon'),
    uses: { [VT]: { users: 210, cost: 175_000, end: 11 } },
  },
  {
    key: 'barnehage-flyt',
    area: 'omrade-system-for-barnehageadministrasjon',
    name: 'Visma Flyt Barnehage',
    vendor: 'Visma',
    product: 'Visma Flyt Barnehage',
    serviceArea: 'Barnehage',
    hosting: 'saas',
    owner: 'Systemansvarlig oppvekst',
    archiveWorthy: true,
    contract: saas('Barnehageadministrasjon, opptak og foreldrebetaling'),
    uses: { [G]: { users: 260, cost: 220_000, end: 16 }, [OT]: { users: 120, cost: 110_000, end: 4 }, [VT]: { users: 110, cost: 105_000, end: 11 } },
  },
  {
    key: 'laering-itslearning',
    area: 'samla-omrade-annet-fagsystem-oppvekst-og-utdanning',
    name: 'itslearning',
    vendor: 'itslearning',
    product: 'itslearning',
    serviceArea: 'Grunnskole',
    hosting: 'saas',
    owner: 'Systemansvarlig oppvekst',
    archiveWorthy: false,
    contract: saas('Læringsplattform'),
    uses: { [G]: { users: 4600, cost: 180_000, end: 5 }, [OT]: { users: 1900, cost: 80_000, end: 5 } },
  },
  {
    key: 'laering-google',
    area: 'samla-omrade-annet-fagsystem-oppvekst-og-utdanning',
    name: 'Google Workspace for Education',
    vendor: 'Google',
    product: 'Google Workspace for Education',
    serviceArea: 'Grunnskole',
    hosting: 'saas',
    owner: 'Systemansvarlig oppvekst',
    archiveWorthy: false,
    uses: { [VT]: { users: 1700 } },
  },
  {
    key: 'bibliotek-bibliofil',
    area: 'samla-omrade-annet-fagsystem-oppvekst-og-utdanning',
    name: 'Bibliofil',
    vendor: 'Bibliotek-Systemer',
    product: 'Bibliofil',
    serviceArea: 'Bibliotek',
    hosting: 'vendor',
    owner: 'Biblioteksjef',
    archiveWorthy: false,
    uses: { [G]: { users: 20 }, [OT]: { users: 8 } },
  },
  {
    key: 'bibliotek-quria',
    area: 'samla-omrade-annet-fagsystem-oppvekst-og-utdanning',
    name: 'Quria',
    vendor: 'Axiell',
    product: 'Quria',
    serviceArea: 'Bibliotek',
    hosting: 'saas',
    owner: 'Biblioteksjef',
    archiveWorthy: false,
    uses: { [VT]: { users: 7 } },
  },
  {
    key: 'kulturskole-speedadmin',
    area: 'samla-omrade-annet-fagsystem-oppvekst-og-utdanning',
    name: 'Speedadmin',
    vendor: 'Speedadmin',
    product: 'Speedadmin',
    serviceArea: 'Kulturskole',
    hosting: 'saas',
    owner: 'Kulturskolerektor',
    archiveWorthy: false,
    uses: { [G]: { users: 40 }, [OT]: { users: 15 }, [VT]: { users: 14 } },
  },
  // ------------------------------------------------------------ plan, bygg og geodata
  {
    key: 'byggesak-ebyggesak',
    area: 'omrade-systemer-innen-plan-og-byggesak',
    name: 'eByggesak',
    vendor: 'Norkart',
    product: 'eByggesak',
    serviceArea: 'Plan og byggesak',
    hosting: 'saas',
    owner: 'Leder byggesak',
    archiveWorthy: true,
    contract: saas('Saksbehandling for plan og byggesak', 6, 'transfers'),
    uses: { [G]: { users: 30, cost: 150_000, end: 21 }, [OT]: { users: 12, cost: 75_000, end: 21 }, [VT]: { users: 11, cost: 75_000, end: 21 } },
  },
  {
    key: 'teknisk-komtek',
    area: 'omrade-tekniske-systemer',
    name: 'Komtek',
    vendor: 'Norkart',
    product: 'Komtek',
    serviceArea: 'Kommunalteknikk, gebyrer og eiendomsskatt',
    hosting: 'vendor',
    owner: 'Kommunalsjef teknisk',
    archiveWorthy: true,
    contract: licence('Kommunale gebyrer, vann og avløp, feiing og eiendomsskatt', 6, 'transfers'),
    uses: { [G]: { users: 40, cost: 230_000, end: -3 }, [OT]: { users: 18, cost: 120_000, end: -3 } },
  },
  {
    key: 'teknisk-gemini',
    area: 'omrade-tekniske-systemer',
    name: 'Gemini VA',
    vendor: 'Volue',
    product: 'Gemini Portal+ VA',
    serviceArea: 'Vann og avløp',
    hosting: 'local',
    owner: 'Leder vann og avløp',
    archiveWorthy: false,
    contract: licence('Ledningskartverk og drift av vann og avløp', 12, 'unknown'),
    uses: { [VT]: { users: 14, cost: 95_000, end: 28 } },
  },
  {
    key: 'kart-gisline',
    area: 'omrade-systemer-for-kart-og-oppmaling',
    name: 'Gisline',
    vendor: 'Norkart',
    product: 'Gisline',
    serviceArea: 'Kart og oppmåling',
    hosting: 'local',
    owner: 'Leder geodata',
    archiveWorthy: true,
    contract: licence('Kart, matrikkelføring og oppmåling'),
    uses: { [G]: { users: 18, cost: 140_000, end: 9 }, [OT]: { users: 7, cost: 70_000, end: 9 } },
  },
  {
    key: 'kart-isy',
    area: 'omrade-systemer-for-kart-og-oppmaling',
    name: 'ISY WinMap',
    vendor: 'Norconsult Digital',
    product: 'ISY WinMap',
    serviceArea: 'Kart og oppmåling',
    hosting: 'local',
    owner: 'Leder geodata',
    archiveWorthy: true,
    contract: licence('Kart og matrikkelføring'),
    uses: { [VT]: { users: 6, cost: 60_000, end: 13 } },
  },
  {
    key: 'fdv-plania',
    area: 'omrade-fdv-systemer',
    name: 'Plania',
    vendor: 'Plania',
    product: 'Plania FDV',
    serviceArea: 'Eiendom',
    hosting: 'saas',
    owner: 'Eiendomssjef',
    archiveWorthy: false,
    contract: saas('Forvaltning, drift og vedlikehold av kommunale bygg'),
    uses: { [G]: { users: 60, cost: 130_000, end: 19 }, [OT]: { users: 25, cost: 60_000, end: 7 } },
  },
  {
    key: 'fdv-isy',
    area: 'omrade-fdv-systemer',
    name: 'ISY Eiendom',
    vendor: 'Norconsult Digital',
    product: 'ISY Eiendom',
    serviceArea: 'Eiendom',
    hosting: 'local',
    owner: 'Eiendomssjef',
    archiveWorthy: false,
    contract: licence('Forvaltning, drift og vedlikehold av kommunale bygg'),
    uses: { [VT]: { users: 20, cost: 55_000, end: 22 } },
  },
  // ------------------------------------------------------------ infrastruktur og fellesløsninger
  {
    key: 'kontor-m365',
    area: 'samla-omrade-sluttbrukerutstyr-og-kontorstotte',
    name: 'Microsoft 365',
    vendor: 'Microsoft',
    product: 'Microsoft 365 E3',
    serviceArea: 'Hele kommunen',
    hosting: 'saas',
    owner: 'IKT-leder',
    archiveWorthy: false,
    contract: {
      type: 'Statens avtale for Microsoft-lisenser (via forhandler)',
      noticeMonths: 1,
      changeClause: 'unknown',
      subject: 'E-post, Teams, Office og lagring',
    },
    uses: { [G]: { users: 2500, cost: 2_100_000, end: 7 }, [OT]: { users: 1200, cost: 980_000, end: 7 }, [VT]: { users: 1050, cost: 870_000, end: 7 } },
  },
  {
    key: 'identitet-entra',
    area: 'samla-omrade-identitet-og-tilgang',
    name: 'Entra ID og Active Directory',
    vendor: 'Microsoft',
    product: 'Microsoft Entra ID',
    serviceArea: 'Hele kommunen',
    hosting: 'saas',
    owner: 'IKT-leder',
    archiveWorthy: false,
    uses: { [G]: { users: 2600 }, [OT]: { users: 1250 }, [VT]: { users: 1100 } },
  },
  {
    key: 'nettside-acos',
    area: 'samla-omrade-nettsider-og-digitale-tjenester',
    name: 'Kommunens nettsider',
    vendor: 'Acos',
    product: 'ACOS CMS',
    serviceArea: 'Kommunikasjon',
    hosting: 'vendor',
    owner: 'Kommunikasjonssjef',
    archiveWorthy: true,
    contract: saas('Publiseringsløsning for kommunens nettsider'),
    uses: { [G]: { users: 35, cost: 120_000, end: 1 }, [VT]: { users: 15, cost: 70_000, end: 1 } },
  },
  {
    key: 'nettside-npp',
    area: 'samla-omrade-nettsider-og-digitale-tjenester',
    name: 'Kommunens nettsider',
    vendor: 'Ramsalt Lab',
    product: 'Norsk publiseringsplattform (Drupal)',
    serviceArea: 'Kommunikasjon',
    hosting: 'saas',
    owner: 'Kommunikasjonssjef',
    archiveWorthy: true,
    uses: { [OT]: { users: 12 } },
  },
  {
    key: 'skjema-ksf',
    area: 'samla-omrade-nettsider-og-digitale-tjenester',
    name: 'Skjemaløsning',
    vendor: 'Kommuneforlaget',
    product: 'KF Skjema',
    serviceArea: 'Hele kommunen',
    hosting: 'saas',
    owner: 'Rådgiver digitalisering',
    archiveWorthy: true,
    contract: saas('Elektroniske skjemaer for innbyggere og næringsliv'),
    uses: { [G]: { users: 80, cost: 60_000, end: 12 }, [OT]: { users: 30, cost: 35_000, end: 12 }, [VT]: { users: 25, cost: 35_000, end: 12 } },
  },
];

// ---------------------------------------------------------------- integrations

/** From a product to a product (in the same municipality) or to a national common solution. */
export interface DemoIntegration {
  from: string;
  to: { product: string } | { common: string };
  direction: 'outbound' | 'inbound' | 'both';
  method: 'api' | 'file' | 'manual' | 'other';
}

const toCommon = (
  from: string,
  common: string,
  direction: DemoIntegration['direction'] = 'both',
  method: DemoIntegration['method'] = 'api',
): DemoIntegration => ({
  from,
  to: { common },
  direction,
  method,
});
const toProduct = (
  from: string,
  product: string,
  direction: DemoIntegration['direction'] = 'outbound',
  method: DemoIntegration['method'] = 'api',
): DemoIntegration => ({
  from,
  to: { product },
  direction,
  method,
});

/** Made in every municipality where both ends exist. */
export const demoIntegrations: DemoIntegration[] = [
  // Sak/arkiv
  ...['sakarkiv-elements', 'sakarkiv-360'].flatMap((archive) => [
    toCommon(archive, 'ks-fiks-svarut-svarinn'),
    toCommon(archive, 'eformidling'),
    toCommon(archive, 'einnsyn', 'outbound'),
    toCommon(archive, 'folkeregisteret', 'inbound'),
    toCommon(archive, 'enhetsregisteret', 'inbound'),
    toCommon(archive, 'kontakt-og-reservasjonsregisteret', 'inbound'),
  ]),
  // Økonomi og lønn
  ...['okonomi-visma', 'okonomi-unit4'].flatMap((economy) => [
    toCommon(economy, 'ehf-peppol'),
    toCommon(economy, 'altinn', 'outbound'),
    toCommon(economy, 'enhetsregisteret', 'inbound'),
  ]),
  toProduct('lonn-visma', 'okonomi-visma', 'outbound', 'file'),
  toCommon('lonn-visma', 'a-meldingen', 'outbound'),
  toCommon('lonn-unit4', 'a-meldingen', 'outbound'),
  toCommon('lonn-visma', 'folkeregisteret', 'inbound'),
  toProduct('reise-expense', 'lonn-visma', 'outbound', 'file'),
  toProduct('budsjett-framsikt', 'okonomi-visma', 'inbound', 'file'),
  toProduct('budsjett-framsikt', 'okonomi-unit4', 'inbound', 'file'),
  toCommon('konkurranse-mercell', 'doffin', 'outbound'),
  ...['rekruttering-webcruiter', 'rekruttering-jobbnorge'].flatMap((recruiting) => [
    toProduct(recruiting, 'lonn-visma', 'outbound', 'api'),
    toProduct(recruiting, 'sakarkiv-elements', 'outbound', 'api'),
    toProduct(recruiting, 'sakarkiv-360', 'outbound', 'api'),
  ]),
  // Helse og omsorg
  ...['journal-gerica', 'journal-profil'].flatMap((journal) => [
    toCommon(journal, 'helsenettet'),
    toCommon(journal, 'e-resept'),
    toCommon(journal, 'kjernejournal', 'inbound'),
    toCommon(journal, 'folkeregisteret', 'inbound'),
    toCommon(journal, 'nhn-adresseregisteret', 'inbound'),
    toCommon(journal, 'helseid', 'inbound'),
    toCommon(journal, 'kommunalt-pasient-og-brukerregister', 'outbound', 'file'),
  ]),
  toProduct('journal-gerica', 'turnus-visma', 'both'),
  toProduct('journal-gerica', 'turnus-gat', 'both'),
  toProduct('journal-profil', 'turnus-gat', 'both'),
  toCommon('journal-cosdoc', 'helsenettet'),
  toCommon('helsestasjon-hspro', 'helsenettet'),
  toCommon('helsestasjon-hspro', 'nasjonalt-vaksinasjonsregister', 'outbound'),
  toCommon('helsestasjon-hspro', 'folkeregisteret', 'inbound'),
  toCommon('legevakt-infodoc', 'helsenettet'),
  toCommon('legevakt-infodoc', 'kjernejournal', 'inbound'),
  toCommon('legevakt-infodoc', 'e-resept'),
  toProduct('velferd-tunstall', 'journal-gerica', 'outbound', 'manual'),
  toProduct('velferd-tunstall', 'journal-profil', 'outbound', 'manual'),
  toCommon('sosial-socio', 'nav'),
  toCommon('sosial-socio', 'digisos', 'inbound'),
  toCommon('sosial-socio', 'husbanken', 'outbound'),
  toProduct('sosial-socio', 'okonomi-visma', 'outbound', 'file'),
  toProduct('sosial-socio', 'okonomi-unit4', 'outbound', 'file'),
  toCommon('barnevern-flyt', 'folkeregisteret', 'inbound'),
  toCommon('barnevern-flyt', 'ks-fiks-plattformen'),
  toCommon('barnevern-modulus', 'folkeregisteret', 'inbound'),
  toCommon('barnevern-modulus', 'ks-fiks-plattformen'),
  toProduct('ppt-flyt', 'skole-flyt', 'both'),
  // Oppvekst
  toCommon('skole-flyt', 'feide', 'outbound'),
  toCommon('skole-flyt', 'nasjonalt-skoleregister', 'outbound'),
  toCommon('skole-flyt', 'folkeregisteret', 'inbound'),
  toCommon('skole-ist', 'feide', 'outbound'),
  toCommon('skole-ist', 'nasjonalt-skoleregister', 'outbound'),
  toCommon('skole-ist', 'folkeregisteret', 'inbound'),
  toProduct('skole-flyt', 'laering-itslearning', 'outbound'),
  toProduct('skole-ist', 'laering-google', 'outbound'),
  toCommon('barnehage-flyt', 'nasjonalt-barnehageregister', 'outbound'),
  toCommon('barnehage-flyt', 'folkeregisteret', 'inbound'),
  toCommon('barnehage-flyt', 'id-porten', 'inbound'),
  toProduct('barnehage-flyt', 'okonomi-visma', 'outbound', 'file'),
  toProduct('barnehage-flyt', 'okonomi-unit4', 'outbound', 'file'),
  toCommon('laering-itslearning', 'feide', 'inbound'),
  toCommon('laering-google', 'feide', 'inbound'),
  // Plan, bygg og geodata
  toCommon('byggesak-ebyggesak', 'fellestjenester-bygg', 'inbound'),
  toCommon('byggesak-ebyggesak', 'matrikkelen'),
  toProduct('byggesak-ebyggesak', 'sakarkiv-elements', 'outbound'),
  toProduct('byggesak-ebyggesak', 'sakarkiv-360', 'outbound'),
  toCommon('kart-gisline', 'matrikkelen'),
  toCommon('kart-gisline', 'grunnboken', 'inbound'),
  toCommon('kart-gisline', 'felles-kartdatabase', 'inbound', 'file'),
  toCommon('kart-isy', 'matrikkelen'),
  toCommon('kart-isy', 'felles-kartdatabase', 'inbound', 'file'),
  toCommon('teknisk-komtek', 'matrikkelen', 'inbound'),
  toProduct('teknisk-komtek', 'okonomi-visma', 'outbound', 'file'),
  toProduct('teknisk-komtek', 'okonomi-unit4', 'outbound', 'file'),
  toCommon('teknisk-gemini', 'matrikkelen', 'inbound'),
  // Fellesløsninger
  toCommon('skjema-ksf', 'id-porten', 'inbound'),
  toCommon('skjema-ksf', 'ks-fiks-plattformen', 'outbound'),
  toProduct('skjema-ksf', 'sakarkiv-elements', 'outbound'),
  toProduct('skjema-ksf', 'sakarkiv-360', 'outbound'),
  toProduct('identitet-entra', 'lonn-visma', 'inbound'),
  toProduct('identitet-entra', 'lonn-unit4', 'inbound'),
  toProduct('identitet-entra', 'kontor-m365', 'outbound'),
];

// ---------------------------------------------------------------- the other registers (same in each municipality, words adapted)

/** `products`: the archive lies in whichever of these the municipality runs. */
export type DemoArchive = Omit<InventoryCreate<'archives'>, 'municipalityNumber' | 'systemId'> & { products?: string[] };

/** Per municipality: the archive of its case system, its older paper archive and a file share nobody has sorted. */
export function demoArchives(municipalityName: string): DemoArchive[] {
  return [
    {
      name: 'Sakarkiv (Noark 5)',
      description: `Løpende elektronisk sakarkiv for ${municipalityName} kommune, med politiske saker og møtebøker.`,
      locationKind: 'system',
      products: ['sakarkiv-elements', 'sakarkiv-360'],
      noark5: true,
      volume: 'ca. 600 000 journalposter',
      periodFrom: 2012,
      accessNeeded: 'Den nye kommunen må kunne søke i og videreføre alle åpne saker fra dag én.',
    },
    {
      name: 'Eldre sakarkiv, papir',
      description: 'Sakarkiv fra før elektronisk arkiv; deponert hos IKA Opplandene fram til 1990, resten i arkivlokalet på rådhuset.',
      locationKind: 'paper',
      noark5: false,
      volume: 'ca. 400 hyllemeter',
      periodFrom: 1964,
      periodTo: 2011,
      accessNeeded: 'Avleveres til depot før sammenslåingen.',
    },
    {
      name: 'Pasientjournaler pleie og omsorg',
      description: 'Journaler i fagsystemet; historiske journaler fra før 2008 ligger på papir.',
      locationKind: 'system',
      products: ['journal-gerica', 'journal-profil'],
      noark5: false,
      volume: 'ca. 4 000 brukere',
      periodFrom: 2008,
      accessNeeded: 'Konverteres eller gjøres tilgjengelig i den nye kommunens journalsystem.',
    },
    {
      name: 'Fellesområder på filserver',
      description: 'Dokumenter på felles filområder som kan være arkivverdige, ikke gjennomgått.',
      locationKind: 'file_share',
      noark5: false,
      volume: 'ca. 2 TB',
      periodFrom: 2005,
      accessNeeded: 'Må gjennomgås: arkivverdig materiale journalføres, resten ryddes før flytting.',
    },
  ];
}

export type DemoInfrastructure = Omit<InventoryCreate<'infrastructure'>, 'municipalityNumber'>;
export function demoInfrastructure(municipalityName: string, size: 'large' | 'small'): DemoInfrastructure[] {
  return [
    {
      category: 'server_room',
      name: `Serverrom ${municipalityName} rådhus`,
      description: size === 'large' ? 'Hovedserverrom med reservekraft og kjøling; speilet til sekundærrom.' : 'Ett serverrom uten reservekraft.',
      location: `${municipalityName} rådhus`,
    },
    {
      category: 'server',
      name: 'Virtualiseringsplattform',
      description: size === 'large' ? 'VMware vSphere, 6 verter, ca. 180 virtuelle servere' : 'VMware vSphere, 3 verter, ca. 60 virtuelle servere',
      location: `${municipalityName} rådhus`,
    },
    {
      category: 'network',
      name: 'Kommunenett og fiber mellom tjenestesteder',
      description: 'Egen fiber mellom de største tjenestestedene, leid samband til resten.',
    },
    {
      category: 'security',
      name: 'Brannmur og sikkerhetsovervåking',
      description: 'Fortinet FortiGate; logging til sikkerhetssenter via avtale.',
    },
    {
      category: 'identity_access',
      name: 'Active Directory synkronisert med Entra ID',
      description: 'Ett AD-domene per kommune; må slås sammen eller erstattes.',
    },
    {
      category: 'end_user',
      name: 'PC-er, nettbrett og mobiler',
      description: size === 'large' ? 'ca. 2 600 PC-er og 1 800 mobiler, styrt med Intune' : 'ca. 1 100 PC-er og 800 mobiler, styrt med Intune',
    },
  ];
}

export type DemoItRole = Omit<InventoryCreate<'itOrganisation'>, 'municipalityNumber'>;
export function demoItOrganisation(scale: number): DemoItRole[] {
  return [
    { role: 'IKT-leder', competence: 'Ledelse, IKT-strategi, anskaffelser', fte: 1 },
    { role: 'Driftstekniker', competence: 'Servere, nettverk, klienter, Microsoft 365', fte: Math.round(4 * scale * 10) / 10 },
    { role: 'Brukerstøtte', competence: 'Førstelinje for ansatte og skoler', fte: Math.round(3 * scale * 10) / 10 },
    { role: 'Systemansvarlig økonomi', competence: 'Økonomi- og lønnssystem, integrasjoner mot bank og Altinn', fte: 1 },
    { role: 'Systemansvarlig helse og omsorg', competence: 'Pasientjournal, meldingsutveksling, velferdsteknologi', fte: scale >= 1 ? 2 : 1 },
    { role: 'Arkivleder', competence: 'Noark 5, arkivplan, avlevering', fte: 1 },
    { role: 'Rådgiver digitalisering', competence: 'Tjenestedesign, skjemaer, prosjektledelse', fte: scale >= 1 ? 2 : 0.5 },
  ];
}

export type DemoCooperation = Omit<InventoryCreate<'intermunicipalCooperation'>, 'municipalityNumber'>;
export const demoCooperation: Partial<Record<DemoMunicipality, DemoCooperation[]>> = {
  [G]: [
    {
      name: 'Interkommunal legevakt',
      scope: 'Legevakt for kommunene i regionen; Gjøvik er vertskommune og eier journalsystemet.',
      form: 'host_municipality',
      partners: 'Gjøvik (vertskommune), Østre Toten, Vestre Toten og nabokommuner',
      archive: 'Journaler i vertskommunens legevaktsystem; arkivansvar hos Gjøvik.',
    },
    {
      name: 'IKA Opplandene',
      scope: 'Arkivdepot og arkivfaglig rådgivning.',
      form: 'iks',
      partners: 'Kommunene i tidligere Oppland',
      archive: 'Depot for avlevert materiale.',
    },
  ],
  [OT]: [
    {
      name: 'Toten barnevern',
      scope: 'Felles barneverntjeneste for Østre og Vestre Toten.',
      form: 'host_municipality',
      partners: 'Østre Toten (vertskommune), Vestre Toten',
      archive: 'Saksmapper i Modulus Barn hos vertskommunen.',
    },
    {
      name: 'IKA Opplandene',
      scope: 'Arkivdepot og arkivfaglig rådgivning.',
      form: 'iks',
      partners: 'Kommunene i tidligere Oppland',
      archive: 'Depot for avlevert materiale.',
    },
  ],
  [VT]: [
    {
      name: 'Toten barnevern',
      scope: 'Vestre Toten kjøper barneverntjenester fra Østre Toten.',
      form: 'host_municipality',
      partners: 'Østre Toten (vertskommune), Vestre Toten',
      archive: 'Hos vertskommunen.',
    },
    {
      name: 'IKA Opplandene',
      scope: 'Arkivdepot og arkivfaglig rådgivning.',
      form: 'iks',
      partners: 'Kommunene i tidligere Oppland',
      archive: 'Depot for avlevert materiale.',
    },
  ],
};

export interface DemoDigitalService {
  name: string;
  channel: string;
  /** The service runs on whichever of these the municipality has. */
  products: string[];
}
export const demoDigitalServices: DemoDigitalService[] = [
  { name: 'Søknad om barnehageplass', channel: 'Nettside med ID-porten', products: ['barnehage-flyt'] },
  { name: 'Byggesøknad', channel: 'Fellestjenester BYGG via søknadsløsninger', products: ['byggesak-ebyggesak'] },
  { name: 'Søknad om økonomisk sosialhjelp', channel: 'Digisos på nav.no', products: ['sosial-socio'] },
  { name: 'Innsyn i postjournal', channel: 'Nettside og eInnsyn', products: ['sakarkiv-elements', 'sakarkiv-360'] },
];

// ---------------------------------------------------------------- veivalg, tasks, risks, benefits

export interface DemoDecision {
  area: string;
  outcome: DecisionOutcome;
  /** The product to keep, taken from the first municipality (in merger order) that runs it. */
  keep?: string;
  timing: DecisionTiming;
  state: DecisionState;
  rationale: string;
}
export const demoDecisions: DemoDecision[] = [
  {
    area: 'omrade-okonomi-og-regnskapssystem',
    outcome: 'continue',
    keep: 'okonomi-visma',
    timing: 'before_merger',
    state: 'adopted',
    rationale: 'To av tre kommuner bruker Visma Enterprise; Gjøviks avtale løper lengst og dekker den nye kommunens størrelse.',
  },
  {
    area: 'omrade-personal-og-lonnssystem',
    outcome: 'continue',
    keep: 'lonn-visma',
    timing: 'before_merger',
    state: 'adopted',
    rationale: 'Følger økonomisystemet: samme leverandør gir færre integrasjoner og én lønnskjøring fra første måned.',
  },
  {
    area: 'omrade-digitale-arkiv-og-arkivlosninger',
    outcome: 'continue',
    keep: 'sakarkiv-elements',
    timing: 'before_merger',
    state: 'adopted',
    rationale: 'Elements er i bruk i Gjøvik og Østre Toten; Vestre Totens Public 360 avsluttes og arkivet avleveres.',
  },
  {
    area: 'omrade-pasientjournalsystemer',
    outcome: 'continue',
    keep: 'journal-gerica',
    timing: 'before_merger',
    state: 'proposed',
    rationale: 'Forslag fra arbeidsgruppen for helse og omsorg; må drøftes med tillitsvalgte før vedtak.',
  },
  {
    area: 'omrade-skoleadministrativt-system',
    outcome: 'continue',
    keep: 'skole-flyt',
    timing: 'transition',
    state: 'proposed',
    rationale: 'Byttet bør skje ved skoleårets start, ikke midt i skoleåret.',
  },
  {
    area: 'omrade-barnevernssystem',
    outcome: 'procure',
    timing: 'transition',
    state: 'proposed',
    rationale: 'Begge dagens avtaler må vurderes mot en felles anskaffelse for den nye kommunens barneverntjeneste.',
  },
];

export interface DemoTaskUpdate {
  activityId: string;
  status: TaskStatus;
  responsible?: string;
  /** Months from today; negative is in the past. */
  dueInMonths?: number;
  notes?: string;
  notRelevantReason?: string;
}
/** Applied to every task of the activity. Phase 1 is done, phase 2 under way. */
export const demoTaskUpdates: DemoTaskUpdate[] = [
  { activityId: 'fase-1-akt-1', status: 'done', responsible: 'Prosjektleder digital sammenslåing' },
  { activityId: 'fase-1-akt-2', status: 'done', responsible: 'Prosjektleder digital sammenslåing' },
  { activityId: 'fase-1-akt-3', status: 'done', responsible: 'IKT-leder Gjøvik' },
  { activityId: 'fase-1-akt-4', status: 'done', responsible: 'Prosjektleder digital sammenslåing' },
  { activityId: 'fase-1-akt-5', status: 'done', responsible: 'Fellesnemndas arbeidsutvalg' },
  { activityId: 'fase-1-akt-6', status: 'in_progress', responsible: 'Prosjektleder digital sammenslåing', dueInMonths: 1 },
  { activityId: 'fase-2-akt-1', status: 'in_progress', responsible: 'Prosjektleder digital sammenslåing', dueInMonths: 2 },
  {
    activityId: 'fase-2-akt-2',
    status: 'in_progress',
    responsible: 'IKT-leder Gjøvik',
    dueInMonths: 3,
    notes: 'Kartleggingen av systemer er lagt inn i Samla; avtalene gjenstår for Vestre Toten.',
  },
  { activityId: 'fase-2-akt-3', status: 'not_started', responsible: 'Innkjøpsleder', dueInMonths: -1 },
];

export interface DemoRisk {
  title: string;
  description: string;
  cause: string;
  likelihood: number;
  consequences: Partial<Record<'lifeHealth' | 'serviceDelivery' | 'economy' | 'reputation' | 'infoSecurity', number>>;
  owner: string;
  status: 'open' | 'in_progress' | 'accepted' | 'closed';
  acceptanceReason?: string;
  areaIds?: string[];
  mitigations?: Array<{ title: string; owner: string; deadlineInMonths: number; status: 'planned' | 'in_progress' | 'done' }>;
}
export const demoOwnRisks: DemoRisk[] = [
  {
    title: 'Nøkkelpersoner i IKT slutter før sammenslåingen',
    description: 'Få personer kjenner driften av hver kommunes systemer; usikkerhet om nye roller kan få dem til å slutte.',
    cause: 'Omstilling og uklare framtidige roller',
    likelihood: 3,
    consequences: { serviceDelivery: 4, economy: 2 },
    owner: 'Prosjektleder digital sammenslåing',
    status: 'in_progress',
    mitigations: [
      { title: 'Avklare roller i ny IKT-organisasjon tidlig', owner: 'Prosjektleder digital sammenslåing', deadlineInMonths: 3, status: 'in_progress' },
      { title: 'Dokumentere driftsrutiner for kritiske systemer', owner: 'IKT-leder Gjøvik', deadlineInMonths: 6, status: 'planned' },
    ],
  },
  {
    title: 'Lønn utbetales ikke riktig første måned',
    description: 'Ansatte fra Østre Toten flyttes fra Unit4 til Visma; feil i konverteringen kan gi feil lønn.',
    cause: 'Konvertering av lønnsdata og avtaler mellom systemer',
    likelihood: 2,
    consequences: { economy: 3, reputation: 4 },
    owner: 'HR-sjef',
    status: 'open',
    areaIds: ['omrade-personal-og-lonnssystem'],
    mitigations: [{ title: 'Parallellkjøring av lønn i to måneder før sammenslåingen', owner: 'Lønnsleder', deadlineInMonths: 18, status: 'planned' }],
  },
  {
    title: 'Ulike nettsider gir forvirring hos innbyggerne',
    description: 'Tre nettsteder lever side om side i overgangen.',
    cause: 'Nettsidene flyttes etter sammenslåingsdatoen',
    likelihood: 3,
    consequences: { reputation: 2 },
    owner: 'Kommunikasjonssjef',
    status: 'accepted',
    acceptanceReason: 'Akseptert av styringsgruppen: kort overgang med tydelige henvisninger mellom nettstedene.',
  },
];

export interface DemoBenefit {
  title: string;
  description: string;
  serviceArea: string;
  type: BenefitType;
  owner: string;
  responsible: string;
  status: 'planned' | 'in_progress';
  /** Months after the merger date. */
  realisedInMonths: number;
  decisionAreaIds: string[];
  indicator: {
    name: string;
    unit: string;
    baseline: number;
    target: number;
    direction: IndicatorDirection;
    /** Measured this many months before today. */
    measurements: Array<{ monthsAgo: number; value: number; comment?: string }>;
  };
}
export const demoBenefits: DemoBenefit[] = [
  {
    title: 'Lavere lisenskostnader for økonomi og lønn',
    description: 'Ett økonomi- og lønnssystem i stedet for to, med felles drift og support.',
    serviceArea: 'Økonomi og lønn',
    type: 'economic',
    owner: 'Økonomisjef',
    responsible: 'Systemansvarlig økonomi',
    status: 'in_progress',
    realisedInMonths: 12,
    decisionAreaIds: ['omrade-okonomi-og-regnskapssystem', 'omrade-personal-og-lonnssystem'],
    indicator: {
      name: 'Årlige lisens- og driftskostnader for økonomi og lønn',
      unit: 'kr',
      baseline: 3_020_000,
      target: 2_100_000,
      direction: 'lower',
      measurements: [
        { monthsAgo: 6, value: 3_020_000, comment: 'Nullpunkt bekreftet mot fakturaer' },
        { monthsAgo: 1, value: 2_960_000, comment: 'Framsikt-avtalene samordnet' },
      ],
    },
  },
  {
    title: 'Kortere saksbehandlingstid i byggesaker',
    description: 'Felles byggesaksløsning og fagmiljø gir jevnere og raskere behandling.',
    serviceArea: 'Plan og byggesak',
    type: 'time',
    owner: 'Kommunalsjef teknisk',
    responsible: 'Leder byggesak',
    status: 'planned',
    realisedInMonths: 18,
    decisionAreaIds: [],
    indicator: {
      name: 'Gjennomsnittlig saksbehandlingstid, byggesøknader med ansvarsrett',
      unit: 'dager',
      baseline: 38,
      target: 24,
      direction: 'lower',
      measurements: [
        { monthsAgo: 5, value: 37 },
        { monthsAgo: 2, value: 36 },
      ],
    },
  },
  {
    title: 'Flere søknader leveres digitalt',
    description: 'Felles skjemaløsning og innlogging med ID-porten for alle innbyggere i den nye kommunen.',
    serviceArea: 'Hele kommunen',
    type: 'quality',
    owner: 'Kommunedirektør',
    responsible: 'Rådgiver digitalisering',
    status: 'in_progress',
    realisedInMonths: 12,
    decisionAreaIds: ['omrade-digitale-arkiv-og-arkivlosninger'],
    indicator: {
      name: 'Andel søknader levert digitalt',
      unit: '%',
      baseline: 71,
      target: 95,
      direction: 'higher',
      measurements: [
        { monthsAgo: 6, value: 72 },
        { monthsAgo: 3, value: 76 },
        { monthsAgo: 1, value: 79 },
      ],
    },
  },
];

/** How many starter risks (Samla's own suggestions from the inventory) the demo accepts. */
export const acceptedStarterRisks = 3;
