import { describe, expect, it } from 'vitest';
import { nnVocabulary } from '#shared/vocabulary/nn.ts';
import { catalogErrorText, type ErrorMessages } from './error-messages.ts';
import { createFormatters } from './format.ts';
import { nb } from './nb.ts';
import { nn } from './nn.ts';

// The nynorsk catalog (issue 22). TypeScript already refuses a missing key where bokmål's type is
// fixed; these tests also cover what the types cannot see: the free maps (`as Record<string, string>`),
// a text left in bokmål, and the plural forms. The words follow docs/glossary/nn.md.

type Leaf = { path: string; value: unknown };

function leaves(node: unknown, path = ''): Leaf[] {
  if (node !== null && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, child]) => leaves(child, path ? `${path}.${key}` : key));
  }
  return [{ path, value: node }];
}

function at(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
}

const nbLeaves = leaves(nb);
const nnLeaves = leaves(nn);

describe('the nynorsk catalog has the bokmål catalog’s shape', () => {
  it('has the same keys, maps included', () => {
    expect(nnLeaves.map((leaf) => leaf.path)).toEqual(nbLeaves.map((leaf) => leaf.path));
  });

  it('has a text where bokmål has a text, and a function taking the same values where bokmål has a function', () => {
    const differences = nbLeaves.flatMap(({ path, value }) => {
      const other = at(nn, path);
      if (typeof value !== typeof other) return [`${path}: ${typeof value} in nb, ${typeof other} in nn`];
      if (typeof value === 'function' && value.length !== (other as (...args: unknown[]) => unknown).length) {
        return [`${path}: ${value.length} parameters in nb, ${(other as (...args: unknown[]) => unknown).length} in nn`];
      }
      return [];
    });
    expect(differences).toEqual([]);
  });

  it('takes the names of fixed values from the nynorsk vocabulary', () => {
    expect(nn.status).toBe(nnVocabulary.taskStatus);
    expect(nn.roles).toBe(nnVocabulary.mergerRole);
    expect(nn.schedule.milestones.kinds).toBe(nnVocabulary.milestoneKind);
    expect(nn.decisions.outcomes).toBe(nnVocabulary.decisionOutcome);
    expect(nn.risks.statuses).toBe(nnVocabulary.riskStatus);
    expect(nn.benefits.statuses).toBe(nnVocabulary.benefitStatus);
    expect(nn.contractDeadlines.actions).toBe(nnVocabulary.contractAction);
    expect(nn.inventory.values).toBe(nnVocabulary.inventoryValue);
    expect(nn.decisions.record.makers).toBe(nnVocabulary.decisionMaker);
    expect(nn.reports.issue.statuses).toBe(nnVocabulary.overallStatus);
    expect(nn.reports.issued.statuses).toBe(nnVocabulary.overallStatus);
  });
});

/** Names and acronyms: the same in every language. */
const names = new Set(['samla', 'excel', 'ros', 'iks', 'saas', 'noark', 'demo', 'api', 'csv', 'xlsx', 'pdf', 'ikt', 'd']);

/**
 * Words spelled the same in bokmål and nynorsk that the catalog uses only in texts equal to their
 * bokmål source (a word the catalog also uses in a text it translated counts as nynorsk already; the
 * next test keeps bokmål-only words out of those). Add a word here only when Nynorskordboka has it
 * in this form.
 */
const sharedWords = new Set(
  `aktiver aldri analysen arkivreferanse avbryt avtalefrist avtaletype avvikle bokmål bystyret datasett dimensjon
  driftsformer engelsk fagsystem felt filområde forklaring form generell gevinstplanen gjennomgang gjenta handling helse
  identitet indikator infrastruktur integrasjonsgraf integrasjonslandskapet interkommunale interkommunalt ja kanal
  kartlegging kategori kolonne kommentar kommunenr kommunestyret kompetanse kvalitet liv lokalt manuell medlemmet
  merknader metode måldato møtedato nasjonalt nei nettverk nynorsk nøytral omfang oppsettkode organisering papir
  periode planlagt plassering pågår rad rapportperiode realisering restkonsekvens retning risikokart risikomatrise
  risikoregisteret rute rutenett samarbeid sektor serverrom sider sjekklisteversjon sky skylagring slutt språk straks
  tidspunkt tilstand tom treff vedtak vertskommune zoom årsak årsverk økonomi økonomisk`.split(/\s+/),
);

/** The timeline's month abbreviations: the months have the same names in both målformer. */
const sameOnPurpose = new Set(nbLeaves.filter((leaf) => leaf.path.startsWith('schedule.months.')).map((leaf) => leaf.path));

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
}

describe('no nynorsk text is left in bokmål', () => {
  it('differs from the bokmål text, unless every word of it is a name or a word both målformer spell the same', () => {
    const translated = new Set(
      nbLeaves.flatMap(({ path, value }) => {
        const other = at(nn, path);
        return typeof other === 'string' && other !== value ? wordsOf(other) : [];
      }),
    );
    const untranslated = nbLeaves.flatMap(({ path, value }) => {
      if (typeof value !== 'string' || value === '' || at(nn, path) !== value || sameOnPurpose.has(path)) return [];
      const unknown = wordsOf(value).filter((word) => !names.has(word) && !sharedWords.has(word) && !translated.has(word));
      return unknown.length === 0 ? [] : [`${path}: «${value}» (${unknown.join(', ')})`];
    });
    expect(untranslated).toEqual([]);
  });

  /** Words that are bokmål only: none of them is a nynorsk word form. */
  const bokmålOnly = new Set(
    `ikke jeg hva hvem hvor hvordan hvis hver hvert hvilke hvilket fra noe noen ble være bare selv disse dere deres
    ennå kun mye kommer ligger følger velg legge finner fant gjør gjøre lavere høyere bedre navn bruker brukere
    oppgave oppgaven oppgaver oppgavene tjeneste tjenesten tjenester løsning løsningen løsninger sammenslåing
    sammenslåingen sammenslåinger kommuner kommunene systemer systemene avtaler avtalene mulighet muligheter mulig
    veivalg veivalget gevinster gevinstene risikoer risikoene integrasjoner integrasjonene endret lagret slettet
    opprettet trukket økten feltene filen listen siden beskrivelse begrunnelse ansvarlig eier leder`.split(/\s+/),
  );
  /** Texts that quote bokmål on purpose: a line of the server's log, and Outlook's menus as Outlook names them. */
  const quotesBokmål = new Set(['auth.setup.codeHelp', 'contractDeadlines.icsHint', 'contractDeadlines.feed.usage']);

  /** Stands in for any value a text function takes: a count (2), a name («X»), a formatter. */
  const anyValue = Object.assign((value: number) => String(value), { valueOf: () => 2, toString: () => 'X', toLowerCase: () => 'x' });

  function textsOf({ path, value }: Leaf): Array<[string, string]> {
    if (typeof value === 'string') return [[path, value]];
    if (typeof value !== 'function') return [];
    try {
      const text: unknown = value(...Array.from({ length: Math.max(value.length, 1) }, () => anyValue));
      return typeof text === 'string' ? [[`${path}(…)`, text]] : [];
    } catch {
      return []; // a function that needs a value of its own kind (a list of sheets); its texts are tested below
    }
  }

  it('has no bokmål-only word in any text, nor in what its functions write', () => {
    const found = nnLeaves
      .filter((leaf) => !quotesBokmål.has(leaf.path))
      .flatMap(textsOf)
      .flatMap(([path, text]) => {
        const bokmål = wordsOf(text).filter((word) => bokmålOnly.has(word));
        return bokmål.length ? [`${path}: ${bokmål.join(', ')} in «${text}»`] : [];
      });
    expect(found).toEqual([]);
  });
});

describe('counts with nouns in the nynorsk catalog', () => {
  it.each([
    [nn.progress.notRelevant(1), '1 ikkje relevant'],
    [nn.progress.notRelevant(3), '3 ikkje relevante'],
    [nn.progress.overdue(1), '1 forfallen'],
    [nn.progress.overdue(2), '2 forfalne'],
    [nn.risks.heatmap.unassessed(1), '1 risiko er ikkje vurdert enno og blir ikkje vist i kartet.'],
    [nn.risks.heatmap.unassessed(4), '4 risikoar er ikkje vurderte enno og blir ikkje viste i kartet.'],
    [nn.risks.list.count(1), '1 risiko'],
    [nn.risks.list.count(2), '2 risikoar'],
    [nn.benefits.summary(1, 0), '1 gevinst, 0 med indikatorar bak planen.'],
    [nn.benefits.summary(2, 1), '2 gevinstar, 1 med indikatorar bak planen.'],
    [nn.dashboard.daysLeft.progress(0, 1, '0'), '0 av 1 oppgåve er ferdig (0 %)'],
    [nn.dashboard.daysLeft.progress(3, 10, '30'), '3 av 10 oppgåver er ferdige (30 %)'],
    [nn.dashboard.daysLeft.days(1), '1 dag'],
    [nn.dashboard.daysLeft.days(2), '2 dagar'],
    [nn.dashboard.readiness.summary(1), 'kritisk område er klart'],
    [nn.dashboard.readiness.summary(2), 'kritiske område er klare'],
    [nn.decisions.readiness.summary(0, 1), '0 av 1 kritisk område er klart til dag éin'],
    [nn.decisions.readiness.summary(2, 5), '2 av 5 kritiske område er klare til dag éin'],
    [nn.decisions.readiness.openTasks(1), '1 open oppgåve'],
    [nn.decisions.readiness.openTasks(2), '2 opne oppgåver'],
    [nn.decisions.form.adoptedSaved('Økonomi', 1), 'Vegvalet for Økonomi er vedteke. 1 oppgåve er i planen.'],
    // Neuter nouns in nynorsk have no plural ending: «2 system», «2 nivå», «2 minutt».
    [nn.decisions.overview.systemsCount(1), '1 system'],
    [nn.decisions.overview.systemsCount(2), '2 system'],
    [nn.risks.matrix.levels(2), '2 nivå'],
    [nn.auth.login.minutes(15), '15 minutt'],
    [nn.catalog.taskCount(1), '1 oppgåve'],
    [nn.catalog.taskCount(2), '2 oppgåver'],
    [nn.opportunities.count(1), 'Viser 1 moglegheit.'],
    [nn.inventory.sideBySide.areaCount(2), 'Viser 2 løysingsområde.'],
    [nn.inventory.import.sheetCounts(1, 0, 2), '1 ny rad, 0 endra rader, 2 uendra rader'],
    [nn.inventory.import.warningsHeading(1), '1 åtvaring'],
    [nn.inventory.import.warningsHeading(2), '2 åtvaringar'],
    [nn.municipalities.picker.announceAdded('Halden', 1), 'La til Halden. 1 kommune er vald.'],
    [nn.municipalities.picker.announceAdded('Halden', 2), 'La til Halden. 2 kommunar er valde.'],
    [nn.announcer.historyResults(2_500), 'Viser 2\u00a0500 endringar.'],
    [nn.mergers.list.count(2), '2 samanslåingar'],
    [nn.users.count(2), '2 brukarar'],
    [nn.account.sessions.endedOthers(1), '1 anna økt er logga ut.'],
    [nn.account.sessions.endedOthers(2), '2 andre økter er logga ut.'],
    [nn.contractDeadlines.count(1, 1, String), 'Viser 1 av 1 avtale.'],
    [nn.contractDeadlines.count(2, 3, String), 'Viser 2 av 3 avtalar.'],
    [nn.integrationGraph.summary(1, 2, 3, 1, String), 'Grafen viser 1 system, 2 fellesløysingar og 3 integrasjonar, der 1 må etablerast på nytt.'],
    [nn.inventory.import.emptySheets(['IKT-system']), 'Arket «IKT-system» har ingen rader.'],
    [nn.inventory.import.emptySheets(['IKT-system', 'Avtalar']), 'Desse arka har ingen rader: «IKT-system», «Avtalar».'],
    // «ting» is masculine in nynorsk: «2 tingar», and «forfallen» agrees with it.
    [nn.myWork.count(1, 0), '1 ting du er ansvarleg for.'],
    [nn.myWork.count(3, 2), '3 tingar du er ansvarleg for, 2 forfalne.'],
    [nn.checklist.bulk.selected(1), '1 oppgåve vald.'],
    [nn.checklist.bulk.selected(2), '2 oppgåver valde.'],
    [nn.checklist.bulk.summary(1, 2), '1 oppgåve vart endra. 2 oppgåver vart ikkje endra.'],
    // «varsel» is neuter: «1 ulese», «2 ulesne» («ulest» is bokmål).
    [nn.notifications.unreadCount(1), '1 ulese'],
    [nn.notifications.headerLabel(3), 'Varsel, 3 ulesne'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('nynorsk dates, numbers and error texts', () => {
  const fmt = createFormatters(nn.meta.intlLocale, nn.meta.timeAt);

  it('names the language nn-NO for Intl and nn for <html lang>', () => {
    expect(nn.meta.intlLocale).toBe('nn-NO');
    expect(nn.meta.htmlLang).toBe('nn');
  });

  it('writes dates and times as dd.mm.åååå kl. tt:mm in Oslo time', () => {
    expect(fmt.date('2028-01-01')).toBe('01.01.2028');
    expect(fmt.dateTime('2027-12-31T23:30:00Z')).toBe('01.01.2028 kl. 00:30');
  });

  it('groups thousands, writes percent and joins names the Norwegian way', () => {
    expect(fmt.number(2500).replace(/\s/g, ' ')).toBe('2 500');
    expect(fmt.percent(40).replace(/\s/g, ' ')).toBe('40 %');
    expect(fmt.list(['Indre Østfold', 'Halden', 'Sarpsborg'])).toBe('Indre Østfold, Halden og Sarpsborg');
  });

  it('makes error texts from the details the server sends', () => {
    const byCode = nn.errors.byCode as ErrorMessages;
    expect(catalogErrorText(byCode, 'INVALID_CREDENTIALS')).toBe('E-postadressa eller passordet er feil.');
    expect(catalogErrorText(byCode, 'CANNOT_REMOVE_SELF', { action: 'delete' })).toBe('Du kan ikkje slette deg sjølv.');
    expect(catalogErrorText(byCode, 'TOO_MANY_ROWS', { sheet: 'IKT-system', rows: 20001, limit: 20000 })).toBe(
      'Arket «IKT-system» har 20001 rader; grensa er 20000 per ark.',
    );
    expect(catalogErrorText(byCode, 'CANNOT_REMOVE_SELF', undefined)).toBeUndefined();
  });
});
