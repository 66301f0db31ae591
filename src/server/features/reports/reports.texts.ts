import type { Language } from '#shared/language.ts';
import { documentDate } from '#shared/document-date.ts';
import type { Localized } from '#shared/localized.ts';
import { formatCount, plural, pluralWord } from '#shared/plural.ts';
import type { Vocabulary } from '#shared/vocabulary/vocabulary.ts';
import { enVocabulary } from '#shared/vocabulary/en.ts';
import { nbVocabulary } from '#shared/vocabulary/nb.ts';
import { nnVocabulary } from '#shared/vocabulary/nn.ts';

/**
 * Every word the steering group's PDF report says, in the merger's målform (issue 22):
 * bokmål, nynorsk or English. One table per language of the same type, so a heading or a
 * sentence added to one and not the others does not compile. The terms are the web app's
 * (src/web/i18n/{nn,en}.ts) and the glossaries' (docs/glossary/{nn,en}.md), so the report
 * names things as the pages do. Names and texts the team wrote are put in as they are.
 *
 * Functions own word order and plural forms; counts go through #shared/plural.ts in the
 * report's language.
 */
export interface ReportTexts {
  /** BCP 47 tag of the PDF's document language (pdfkit `lang`). */
  pdfLang: string;
  vocabulary: Vocabulary;
  /** A calendar date (yyyy-mm-dd) as the reader writes it: 30.06.2027, or 30 Jun 2027 in English. */
  date: (isoDate: string) => string;
  percent: (value: number) => string;
  info: { title: (merger: string) => string; subject: (merger: string, period: string) => string; keywords: string };
  title: string;
  footer: { report: (merger: string) => string; page: (page: number, pages: number) => string };
  facts: {
    newMunicipality: string;
    municipalities: string;
    mergerDate: string;
    period: string;
    generated: string;
    issuedBy: string;
    overallStatus: string;
  };
  sections: {
    summary: string;
    readiness: string;
    phases: string;
    decisions: string;
    completed: string;
    risks: string;
    deadlines: string;
    benefits: string;
    appendix: string;
  };
  narrative: { section: string; mainPoints: string; decisionsRequested: string; overallStatus: (status: string) => string; noDecisionsRequested: string };
  figures: {
    daysToMerger: string;
    untilMerger: (date: string) => string;
    sinceMerger: (days: number, date: string) => string;
    progress: string;
    progressNote: (done: number, relevant: number) => string;
    areasReady: string;
    ofTotal: (count: number, total: number) => string;
    areasReadyNote: string;
    overdue: string;
    overdueNote: string;
    redRisks: string;
    redRisksNote: (className: string) => string;
    benefitsBehind: string;
    benefitsBehindNote: string;
  };
  readiness: {
    summary: (ready: number, total: number) => string;
    nothingMissing: string;
    nothingMissingOrDeferred: string;
    missingLead: string;
    area: string;
    whatIsMissing: string;
    deferredLead: string;
    deferral: string;
    accepted: (by: string, date: string, reason: string) => string;
    openTasks: (count: number) => string;
    deferredNotAccepted: (rationale: string) => string;
  };
  phases: {
    summary: (percent: string, done: number, relevant: number) => string;
    phase: string;
    period: string;
    done: string;
    inProgress: string;
    notStarted: string;
    overdue: string;
    progress: string;
  };
  completed: {
    none: string;
    summary: (count: number) => string;
    phase: string;
    task: string;
    responsible: string;
    done: string;
  };
  decisions: {
    none: string;
    summary: (count: number) => string;
    area: string;
    decision: string;
    solution: string;
    record: string;
    meeting: (maker: string, date: string) => string;
    caseNumber: (caseNumber: string) => string;
    registered: (registered: string) => string;
  };
  risks: {
    none: (className: string) => string;
    lead: (className: string) => string;
    risk: string;
    levelAndStatus: string;
    measures: string;
    owner: (owner: string) => string;
    cell: (className: string, likelihood: string, consequence: string) => string;
    residual: (className: string) => string;
    noMeasures: string;
    due: (date: string) => string;
  };
  deadlines: {
    none: (today: string) => string;
    deadline: string;
    daysLeft: string;
    agreement: string;
    municipality: string;
    action: string;
    passed: string;
    /** A contract that runs out too early, as the Avtalefrister page says it. */
    mustExtend: (action: string, date: string) => string;
    legalReview: string;
  };
  benefits: {
    none: string;
    summary: (total: number, counts: string, behind: number) => string;
    benefit: string;
    status: string;
    owner: string;
    realised: string;
    measurement: string;
    noIndicators: string;
    behind: (behind: number, indicators: number) => string;
    onTrack: (indicators: number) => string;
  };
  appendix: {
    none: (today: string) => string;
    summary: (count: number, today: string) => string;
    phase: string;
    task: string;
    responsible: string;
    due: string;
    daysOver: string;
  };
}

/** 30.06.2027: bokmål and nynorsk write a date the same way. */
function norwegianDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

// English: the month by name (decision 039), since 07.12.2026 reads as 12 July to many English readers.
function englishDate(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? documentDate(date, 'en') : date;
}

// ---------------------------------------------------------------- bokmål: the report as it always read

const nb: ReportTexts = {
  pdfLang: 'nb-NO',
  vocabulary: nbVocabulary,
  date: norwegianDate,
  percent: (value) => `${value} %`,
  info: {
    title: (merger) => `Statusrapport til styringsgruppen – ${merger}`,
    subject: (merger, period) => `Status for ${merger}, ${period}`,
    keywords: 'statusrapport, styringsgruppe, kommunesammenslåing',
  },
  title: 'Statusrapport til styringsgruppen',
  footer: { report: (merger) => `Statusrapport – ${merger}`, page: (page, pages) => `Side ${page} av ${pages}` },
  facts: {
    newMunicipality: 'Ny kommune',
    municipalities: 'Kommunene',
    mergerDate: 'Sammenslåingsdato',
    period: 'Rapportperiode',
    generated: 'Generert',
    issuedBy: 'Utstedt av',
    overallStatus: 'Samlet status',
  },
  sections: {
    summary: 'Nøkkeltall',
    readiness: 'Klar til dag én',
    phases: 'Fremdrift per fase',
    decisions: 'Veivalg vedtatt i perioden',
    completed: 'Oppgaver fullført i perioden',
    risks: 'Risikoer på rødt nivå med tiltak',
    deadlines: 'Avtalefrister: passerte og de neste 90 dagene',
    benefits: 'Gevinster',
    appendix: 'Vedlegg: forfalte oppgaver',
  },
  narrative: {
    section: 'Prosjektleders vurdering',
    mainPoints: 'Hovedpunkter',
    decisionsRequested: 'Saker styringsgruppen bes om å beslutte',
    overallStatus: (status) => `Samlet status: ${status}`,
    noDecisionsRequested: 'Ingen saker til beslutning denne gangen.',
  },
  figures: {
    daysToMerger: 'Dager til sammenslåingsdatoen',
    untilMerger: (date) => `til ${date}`,
    sinceMerger: (days, date) => `${pluralWord(days, 'dag', 'dager')} siden ${date}`,
    progress: 'Samlet fremdrift',
    progressNote: (done, relevant) => `${done} av ${plural(relevant, 'relevant oppgave', 'relevante oppgaver')} ${pluralWord(relevant, 'ferdig', 'ferdige')}`,
    areasReady: 'Kritiske områder klare',
    ofTotal: (count, total) => `${count} av ${total}`,
    areasReadyNote: 'klare til dag én',
    overdue: 'Forfalte oppgaver',
    overdueNote: 'frist passert, ikke ferdig',
    redRisks: 'Risikoer på rødt nivå',
    redRisksNote: (className) => `risikoklasse «${className}», ikke lukket`,
    benefitsBehind: 'Gevinster bak plan',
    benefitsBehindNote: 'siste måling bak planen',
  },
  readiness: {
    summary: (ready, total) =>
      `${ready} av ${plural(total, 'kritisk løsningsområde', 'kritiske løsningsområder')} er ${pluralWord(total, 'klart', 'klare')} til dag én.`,
    nothingMissing: 'Ingenting mangler: alle kritiske områder har et vedtatt veivalg og ferdige oppgaver.',
    nothingMissingOrDeferred: 'Ingenting mangler: alle kritiske områder har et vedtatt veivalg og ferdige oppgaver, eller en godtatt utsettelse.',
    missingLead: 'Dette mangler før områdene er klare:',
    area: 'Løsningsområde',
    whatIsMissing: 'Hva mangler',
    deferredLead: 'Utsatt til overgangsfasen med godtatt utsettelse (regnet som klare):',
    deferral: 'Utsettelsen',
    accepted: (by, date, reason) => `Utsettelse godtatt av ${by} ${date}: ${reason}`,
    openTasks: (count) => plural(count, 'åpen oppgave', 'åpne oppgaver'),
    deferredNotAccepted: (rationale) => `Utsatt til overgangsfasen («${rationale}»), utsettelsen er ikke godtatt`,
  },
  phases: {
    summary: (percent, done, relevant) =>
      `Samlet: ${percent} – ${done} av ${plural(relevant, 'relevant oppgave', 'relevante oppgaver')} er ${pluralWord(relevant, 'ferdig', 'ferdige')}.`,
    phase: 'Fase',
    period: 'Periode',
    done: 'Ferdig',
    inProgress: 'Pågår',
    notStarted: 'Ikke startet',
    overdue: 'Forfalt',
    progress: 'Fremdrift',
  },
  completed: {
    none: 'Ingen oppgaver ble satt som ferdige i perioden.',
    summary: (count) => `${plural(count, 'oppgave', 'oppgaver')} ble satt som ${pluralWord(count, 'ferdig', 'ferdige')} i perioden.`,
    phase: 'Fase',
    task: 'Oppgave',
    responsible: 'Ansvarlig',
    done: 'Ferdig',
  },
  decisions: {
    none: 'Ingen veivalg ble vedtatt i perioden.',
    summary: (count) => `${plural(count, 'veivalg', 'veivalg')} vedtatt i perioden.`,
    area: 'Løsningsområde',
    decision: 'Veivalg',
    solution: 'Løsning',
    record: 'Vedtak',
    meeting: (maker, date) => `${maker}, møte ${date}`,
    caseNumber: (caseNumber) => `Saksnr. ${caseNumber}`,
    registered: (registered) => `Registrert ${registered}`,
  },
  risks: {
    none: (className) => `Ingen åpne risikoer på rødt nivå (risikoklasse «${className}»).`,
    lead: (className) => `Rødt nivå er matrisens høyeste risikoklasse, «${className}». Lukkede risikoer er ikke med.`,
    risk: 'Risiko',
    levelAndStatus: 'Nivå og status',
    measures: 'Tiltak',
    owner: (owner) => `Eier: ${owner}`,
    cell: (className, likelihood, consequence) => `${className} (S${likelihood} × K${consequence})`,
    residual: (className) => `Etter tiltak: ${className}`,
    noMeasures: 'Ingen tiltak registrert',
    due: (date) => `, frist ${date}`,
  },
  deadlines: {
    none: (today) => `Ingen passerte avtalefrister, og ingen fra ${today} og 90 dager fram.`,
    deadline: 'Frist',
    daysLeft: 'Dager igjen',
    agreement: 'Avtale',
    municipality: 'Kommune',
    action: 'Hva skal skje',
    passed: 'Passert',
    mustExtend: (action, date) => `${action} — må forlenges innen ${date}`,
    legalReview: ' (juridisk vurdering)',
  },
  benefits: {
    none: 'Ingen gevinster er registrert.',
    summary: (total, counts, behind) => `${plural(total, 'gevinst', 'gevinster')}: ${counts}. ${behind} bak plan.`,
    benefit: 'Gevinst',
    status: 'Status',
    owner: 'Eier',
    realised: 'Realiseres',
    measurement: 'Måling',
    noIndicators: 'Ingen indikatorer',
    behind: (behind, indicators) => `BAK PLAN: ${behind} av ${plural(indicators, 'indikator', 'indikatorer')}`,
    onTrack: (indicators) => `I rute (${plural(indicators, 'indikator', 'indikatorer')})`,
  },
  appendix: {
    none: (today) => `Ingen oppgaver hadde passert fristen ${today}.`,
    summary: (count, today) =>
      `${plural(count, 'oppgave', 'oppgaver')} har passert fristen og er ikke ${pluralWord(count, 'ferdig', 'ferdige')} (per ${today}).`,
    phase: 'Fase',
    task: 'Oppgave',
    responsible: 'Ansvarlig',
    due: 'Frist',
    daysOver: 'Dager over',
  },
};

// ---------------------------------------------------------------- nynorsk (docs/glossary/nn.md)

const nnPlural = (count: number, one: string, other: string) => plural(count, one, other, 'nn');
const nnWord = (count: number, one: string, other: string) => pluralWord(count, one, other, 'nn');

const nn: ReportTexts = {
  pdfLang: 'nn-NO',
  vocabulary: nnVocabulary,
  date: norwegianDate,
  percent: (value) => `${value} %`,
  info: {
    title: (merger) => `Statusrapport til styringsgruppa – ${merger}`,
    subject: (merger, period) => `Status for ${merger}, ${period}`,
    keywords: 'statusrapport, styringsgruppe, kommunesamanslåing',
  },
  title: 'Statusrapport til styringsgruppa',
  footer: { report: (merger) => `Statusrapport – ${merger}`, page: (page, pages) => `Side ${page} av ${pages}` },
  facts: {
    newMunicipality: 'Ny kommune',
    municipalities: 'Kommunane',
    mergerDate: 'Samanslåingsdato',
    period: 'Rapportperiode',
    generated: 'Laga',
    issuedBy: 'Utferda av',
    // Not «samla status», which reads as the app's name.
    overallStatus: 'Status totalt',
  },
  sections: {
    summary: 'Nøkkeltal',
    readiness: 'Klar til dag éin',
    phases: 'Framdrift per fase',
    decisions: 'Vegval vedtekne i perioden',
    completed: 'Oppgåver fullførte i perioden',
    risks: 'Risikoar på raudt nivå med tiltak',
    deadlines: 'Avtalefristar: passerte og dei neste 90 dagane',
    benefits: 'Gevinstar',
    appendix: 'Vedlegg: forfalne oppgåver',
  },
  narrative: {
    section: 'Vurderinga til prosjektleiaren',
    mainPoints: 'Hovudpunkt',
    decisionsRequested: 'Saker vi ber styringsgruppa avgjere',
    overallStatus: (status) => `Status totalt: ${status}`,
    noDecisionsRequested: 'Ingen saker til avgjerd denne gongen.',
  },
  figures: {
    daysToMerger: 'Dagar til samanslåingsdatoen',
    untilMerger: (date) => `til ${date}`,
    sinceMerger: (days, date) => `${nnWord(days, 'dag', 'dagar')} sidan ${date}`,
    progress: 'Framdrift totalt',
    progressNote: (done, relevant) =>
      `${formatCount(done, 'nn')} av ${nnPlural(relevant, 'relevant oppgåve', 'relevante oppgåver')} ${nnWord(relevant, 'ferdig', 'ferdige')}`,
    areasReady: 'Kritiske område klare',
    ofTotal: (count, total) => `${formatCount(count, 'nn')} av ${formatCount(total, 'nn')}`,
    areasReadyNote: 'klare til dag éin',
    overdue: 'Forfalne oppgåver',
    overdueNote: 'fristen er passert, ikkje ferdige',
    redRisks: 'Risikoar på raudt nivå',
    redRisksNote: (className) => `risikoklasse «${className}», ikkje lukka`,
    benefitsBehind: 'Gevinstar bak planen',
    benefitsBehindNote: 'siste måling ligg bak planen',
  },
  readiness: {
    summary: (ready, total) =>
      `${formatCount(ready, 'nn')} av ${nnPlural(total, 'kritisk løysingsområde', 'kritiske løysingsområde')} er ${nnWord(total, 'klart', 'klare')} til dag éin.`,
    nothingMissing: 'Ingenting manglar: alle kritiske område har eit vedteke vegval og ferdige oppgåver.',
    nothingMissingOrDeferred: 'Ingenting manglar: alle kritiske område har eit vedteke vegval og ferdige oppgåver, eller ei godteken utsetjing.',
    missingLead: 'Dette manglar før områda er klare:',
    area: 'Løysingsområde',
    whatIsMissing: 'Kva manglar',
    deferredLead: 'Utsett til overgangsfasen med godteken utsetjing (rekna som klare):',
    deferral: 'Utsetjinga',
    accepted: (by, date, reason) => `Utsetjinga godteken av ${by} ${date}: ${reason}`,
    openTasks: (count) => nnPlural(count, 'open oppgåve', 'opne oppgåver'),
    deferredNotAccepted: (rationale) => `Utsett til overgangsfasen («${rationale}»), utsetjinga er ikkje godteken`,
  },
  phases: {
    summary: (percent, done, relevant) =>
      `Totalt: ${percent} – ${formatCount(done, 'nn')} av ${nnPlural(relevant, 'relevant oppgåve', 'relevante oppgåver')} er ${nnWord(relevant, 'ferdig', 'ferdige')}.`,
    phase: 'Fase',
    period: 'Periode',
    done: 'Ferdig',
    inProgress: 'Pågår',
    notStarted: 'Ikkje starta',
    overdue: 'Forfalne',
    progress: 'Framdrift',
  },
  completed: {
    none: 'Ingen oppgåver vart sette som ferdige i perioden.',
    summary: (count) =>
      `${nnPlural(count, 'oppgåve', 'oppgåver')} vart ${nnWord(count, 'sett', 'sette')} som ${nnWord(count, 'ferdig', 'ferdige')} i perioden.`,
    phase: 'Fase',
    task: 'Oppgåve',
    responsible: 'Ansvarleg',
    done: 'Ferdig',
  },
  decisions: {
    none: 'Ingen vegval vart vedtekne i perioden.',
    summary: (count) => `${nnPlural(count, 'vegval', 'vegval')} ${nnWord(count, 'vedteke', 'vedtekne')} i perioden.`,
    area: 'Løysingsområde',
    decision: 'Vegval',
    solution: 'Løysing',
    record: 'Vedtak',
    meeting: (maker, date) => `${maker}, møte ${date}`,
    caseNumber: (caseNumber) => `Saksnr. ${caseNumber}`,
    registered: (registered) => `Registrert ${registered}`,
  },
  risks: {
    none: (className) => `Ingen opne risikoar på raudt nivå (risikoklasse «${className}»).`,
    lead: (className) => `Raudt nivå er den høgaste risikoklassen i matrisa, «${className}». Lukka risikoar er ikkje med.`,
    risk: 'Risiko',
    levelAndStatus: 'Nivå og status',
    measures: 'Tiltak',
    owner: (owner) => `Eigar: ${owner}`,
    cell: (className, likelihood, consequence) => `${className} (S${likelihood} × K${consequence})`,
    residual: (className) => `Etter tiltak: ${className}`,
    noMeasures: 'Ingen tiltak er registrerte',
    due: (date) => `, frist ${date}`,
  },
  deadlines: {
    none: (today) => `Ingen passerte avtalefristar, og ingen frå ${today} og 90 dagar fram.`,
    deadline: 'Frist',
    daysLeft: 'Dagar att',
    agreement: 'Avtale',
    municipality: 'Kommune',
    action: 'Kva skal skje',
    passed: 'Passert',
    mustExtend: (action, date) => `${action} — må forlengjast innan ${date}`,
    legalReview: ' (juridisk vurdering)',
  },
  benefits: {
    none: 'Ingen gevinstar er registrerte.',
    summary: (total, counts, behind) => `${nnPlural(total, 'gevinst', 'gevinstar')}: ${counts}. ${formatCount(behind, 'nn')} bak planen.`,
    benefit: 'Gevinst',
    status: 'Status',
    owner: 'Eigar',
    realised: 'Blir realisert',
    measurement: 'Måling',
    noIndicators: 'Ingen indikatorar',
    behind: (behind, indicators) => `BAK PLANEN: ${formatCount(behind, 'nn')} av ${nnPlural(indicators, 'indikator', 'indikatorar')}`,
    onTrack: (indicators) => `I rute (${nnPlural(indicators, 'indikator', 'indikatorar')})`,
  },
  appendix: {
    none: (today) => `Ingen oppgåver hadde passert fristen ${today}.`,
    summary: (count, today) =>
      `${nnPlural(count, 'oppgåve', 'oppgåver')} har passert fristen og er ikkje ${nnWord(count, 'ferdig', 'ferdige')} (per ${today}).`,
    phase: 'Fase',
    task: 'Oppgåve',
    responsible: 'Ansvarleg',
    due: 'Frist',
    daysOver: 'Dagar over',
  },
};

// ---------------------------------------------------------------- English (docs/glossary/en.md)

const enPlural = (count: number, one: string, other: string) => plural(count, one, other, 'en');
const enWord = (count: number, one: string, other: string) => pluralWord(count, one, other, 'en');
const enCount = (count: number) => formatCount(count, 'en');

const en: ReportTexts = {
  pdfLang: 'en-GB',
  vocabulary: enVocabulary,
  date: englishDate,
  percent: (value) => `${value}%`,
  info: {
    title: (merger) => `Status report to the steering group – ${merger}`,
    subject: (merger, period) => `Status of ${merger}, ${period}`,
    keywords: 'status report, steering group, municipal merger',
  },
  title: 'Status report to the steering group',
  footer: { report: (merger) => `Status report – ${merger}`, page: (page, pages) => `Page ${page} of ${pages}` },
  facts: {
    newMunicipality: 'New municipality',
    municipalities: 'Municipalities',
    mergerDate: 'Merger date',
    period: 'Report period',
    generated: 'Generated',
    issuedBy: 'Issued by',
    overallStatus: 'Overall status',
  },
  sections: {
    summary: 'Key figures',
    readiness: 'Ready for day one',
    phases: 'Progress per phase',
    decisions: 'Decisions adopted in the period',
    completed: 'Tasks completed in the period',
    risks: 'Risks at red level with measures',
    deadlines: 'Agreement deadlines: passed and the next 90 days',
    benefits: 'Benefits',
    appendix: 'Appendix: overdue tasks',
  },
  narrative: {
    section: 'The project manager’s assessment',
    mainPoints: 'Main points',
    decisionsRequested: 'Matters the steering group is asked to decide',
    overallStatus: (status) => `Overall status: ${status}`,
    noDecisionsRequested: 'No matters for decision this time.',
  },
  figures: {
    daysToMerger: 'Days to the merger date',
    untilMerger: (date) => `until ${date}`,
    sinceMerger: (days, date) => `${enWord(days, 'day', 'days')} since ${date}`,
    progress: 'Overall progress',
    progressNote: (done, relevant) => `${enCount(done)} of ${enPlural(relevant, 'relevant task', 'relevant tasks')} done`,
    areasReady: 'Critical areas ready',
    ofTotal: (count, total) => `${enCount(count)} of ${enCount(total)}`,
    areasReadyNote: 'ready for day one',
    overdue: 'Overdue tasks',
    overdueNote: 'past the due date, not done',
    redRisks: 'Risks at red level',
    redRisksNote: (className) => `risk class “${className}”, not closed`,
    benefitsBehind: 'Benefits behind plan',
    benefitsBehindNote: 'latest measurement behind plan',
  },
  readiness: {
    summary: (ready, total) =>
      `${enCount(ready)} of ${enPlural(total, 'critical solution area', 'critical solution areas')} ${enWord(total, 'is', 'are')} ready for day one.`,
    nothingMissing: 'Nothing is missing: every critical area has an adopted decision and its tasks done.',
    nothingMissingOrDeferred: 'Nothing is missing: every critical area has an adopted decision and its tasks done, or an accepted deferral.',
    missingLead: 'Still missing before the areas are ready:',
    area: 'Solution area',
    whatIsMissing: 'What is missing',
    deferredLead: 'Deferred to the transition phase with an accepted deferral (counted as ready):',
    deferral: 'The deferral',
    accepted: (by, date, reason) => `Deferral accepted by ${by} ${date}: ${reason}`,
    openTasks: (count) => enPlural(count, 'open task', 'open tasks'),
    deferredNotAccepted: (rationale) => `Deferred to the transition phase (“${rationale}”), the deferral has not been accepted`,
  },
  phases: {
    summary: (percent, done, relevant) =>
      `Overall: ${percent} – ${enCount(done)} of ${enPlural(relevant, 'relevant task', 'relevant tasks')} ${enWord(relevant, 'is', 'are')} done.`,
    phase: 'Phase',
    period: 'Period',
    done: 'Done',
    inProgress: 'In progress',
    notStarted: 'Not started',
    overdue: 'Overdue',
    progress: 'Progress',
  },
  completed: {
    none: 'No tasks were marked as done in the period.',
    summary: (count) => `${enPlural(count, 'task', 'tasks')} ${enWord(count, 'was', 'were')} marked as done in the period.`,
    phase: 'Phase',
    task: 'Task',
    responsible: 'Responsible',
    done: 'Done',
  },
  decisions: {
    none: 'No decisions were adopted in the period.',
    summary: (count) => `${enPlural(count, 'decision', 'decisions')} adopted in the period.`,
    area: 'Solution area',
    decision: 'Decision',
    solution: 'Solution',
    record: 'Adopted by',
    meeting: (maker, date) => `${maker}, meeting of ${date}`,
    caseNumber: (caseNumber) => `Case no. ${caseNumber}`,
    registered: (registered) => `Registered ${registered}`,
  },
  risks: {
    none: (className) => `No open risks at red level (risk class “${className}”).`,
    lead: (className) => `Red level is the matrix’s highest risk class, “${className}”. Closed risks are not included.`,
    risk: 'Risk',
    levelAndStatus: 'Level and status',
    measures: 'Measures',
    owner: (owner) => `Owner: ${owner}`,
    cell: (className, likelihood, consequence) => `${className} (L${likelihood} × C${consequence})`,
    residual: (className) => `After measures: ${className}`,
    noMeasures: 'No measures registered',
    due: (date) => `, due ${date}`,
  },
  deadlines: {
    none: (today) => `No passed agreement deadlines, and none in the 90 days from ${today}.`,
    deadline: 'Deadline',
    daysLeft: 'Days left',
    agreement: 'Agreement',
    municipality: 'Municipality',
    action: 'What must happen',
    passed: 'Passed',
    mustExtend: (action, date) => `${action} — must be extended by ${date}`,
    legalReview: ' (legal review)',
  },
  benefits: {
    none: 'No benefits have been registered.',
    summary: (total, counts, behind) => `${enPlural(total, 'benefit', 'benefits')}: ${counts}. ${enCount(behind)} behind plan.`,
    benefit: 'Benefit',
    status: 'Status',
    owner: 'Owner',
    realised: 'To be realised',
    measurement: 'Measurement',
    noIndicators: 'No indicators',
    behind: (behind, indicators) => `BEHIND PLAN: ${enCount(behind)} of ${enPlural(indicators, 'indicator', 'indicators')}`,
    onTrack: (indicators) => `On track (${enPlural(indicators, 'indicator', 'indicators')})`,
  },
  appendix: {
    none: (today) => `No tasks were past their due date on ${today}.`,
    summary: (count, today) => `${enPlural(count, 'task', 'tasks')} ${enWord(count, 'is', 'are')} past the due date and not done (as of ${today}).`,
    phase: 'Phase',
    task: 'Task',
    responsible: 'Responsible',
    due: 'Due date',
    daysOver: 'Days overdue',
  },
};

export const reportTexts: Readonly<Record<Language, ReportTexts>> = { nb, nn, en };

/** Counts in a sentence of the report's language: «1 realisert», «2 planlagde», «1 realised». */
export function countIn(language: Language, count: number, one: string, other: string): string {
  return plural(count, one, other, language);
}

// ---------------------------------------------------------------- the API's own messages (the reader's language)

export const reportMessages = {
  mayNotIssue: {
    nb: 'Bare prosjektleder og eier kan utstede statusrapporter til styringsgruppen.',
    nn: 'Berre prosjektleiar og eigar kan utferde statusrapportar til styringsgruppa.',
    en: 'Only the project manager and the owner can issue status reports to the steering group.',
  },
  notFound: { nb: 'Fant ikke rapporten.', nn: 'Fann ikkje rapporten.', en: 'The report was not found.' },
} as const satisfies Record<string, Localized>;
