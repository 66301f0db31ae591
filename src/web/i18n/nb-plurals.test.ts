import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nb } from './nb.ts';

// Issue 18: «1 ikke relevante», «1 risikoer er ikke vurdert», «1 gevinster». Every text that
// puts a noun after a count takes the count as a number and lets the plural helper
// (#shared/plural.ts, Intl.PluralRules('nb')) choose the form.

describe('counts with nouns in the bokmål catalog', () => {
  it.each([
    [nb.progress.notRelevant(1), '1 ikke relevant'],
    [nb.progress.notRelevant(3), '3 ikke relevante'],
    [nb.progress.overdue(1), '1 forfalt'],
    [nb.progress.overdue(2), '2 forfalte'],
    [nb.risks.heatmap.unassessed(1), '1 risiko er ikke vurdert ennå og vises ikke i kartet.'],
    [nb.risks.heatmap.unassessed(4), '4 risikoer er ikke vurdert ennå og vises ikke i kartet.'],
    [nb.risks.heatmap.cellLabel(1, 'Høy', '2', '3'), '1 risiko, Høy, sannsynlighet 2, konsekvens 3'],
    [nb.risks.list.count(1), '1 risiko'],
    [nb.benefits.summary(1, 0), '1 gevinst, 0 med indikatorer bak planen.'],
    [nb.benefits.summary(2, 1), '2 gevinster, 1 med indikatorer bak planen.'],
    [nb.dashboard.benefits.summary(1), 'av 1 gevinst ligger bak planen'],
    [nb.dashboard.benefits.behindIndicators(1), '1 indikator bak plan'],
    [nb.dashboard.daysLeft.progress(0, 1, '0'), '0 av 1 oppgave er ferdig (0 %)'],
    [nb.dashboard.daysLeft.progress(3, 10, '30'), '3 av 10 oppgaver er ferdige (30 %)'],
    [nb.dashboard.daysLeft.days(1), '1 dag'],
    [nb.dashboard.readiness.summary(1), 'kritisk område er klart'],
    [nb.dashboard.overdue.summary(1), 'oppgave har passert fristen'],
    [nb.dashboard.risks.redSummary(1, 'Høy'), 'risiko i klassen «Høy»'],
    [nb.dashboard.risks.total(1), '1 risiko i alt.'],
    [nb.decisions.readiness.summary(0, 1), '0 av 1 kritisk område er klart til dag én'],
    [nb.decisions.readiness.summary(2, 5), '2 av 5 kritiske områder er klare til dag én'],
    [nb.decisions.readiness.openTasks(1), '1 åpen oppgave'],
    [nb.decisions.form.adoptedSaved('Økonomi', 1), 'Veivalget for Økonomi er vedtatt. 1 oppgave er i planen.'],
    [nb.decisions.overview.systemsCount(1), '1 system'],
    [nb.catalog.taskCount(1), '1 oppgave'],
    [nb.catalog.lowHangingCount(1, 1), 'Viser 1 av 1 mulighet.'],
    [nb.opportunities.count(1), 'Viser 1 mulighet.'],
    [nb.inventory.sideBySide.users(1), '1 bruker'],
    [nb.inventory.sideBySide.areaCount(1), 'Viser 1 løsningsområde.'],
    [nb.inventory.import.sheetCounts(1, 0, 2), '1 ny rad, 0 endrede rader, 2 uendrede rader'],
    [nb.inventory.import.warningsHeading(1), '1 advarsel'],
    [nb.announcer.results(1), 'Viser 1 oppgave.'],
    [nb.announcer.historyResults(2_500), 'Viser 2\u00a0500 endringer.'],
    [nb.mergers.list.count(1), '1 sammenslåing'],
    [nb.users.count(1), '1 bruker'],
    [nb.account.sessions.endedOthers(1), '1 annen økt er logget ut.'],
    [nb.risks.matrix.levels(1), '1 nivå'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

// The same slip must not come back with the next text: a count interpolated straight before
// a noun in the plural, or a hand-made `=== 1 ?` choice of words, anywhere in the web app, the
// server or the shared code, fails here and names the line.
const pluralNouns = [
  'systemer',
  'oppgaver',
  'risikoer',
  'gevinster',
  'avtaler',
  'integrasjoner',
  'fellesløsninger',
  'dager',
  'uker',
  'måneder',
  'minutter',
  'timer',
  'kommuner',
  'rader',
  'brukere',
  'medlemmer',
  'områder',
  'løsningsområder',
  'endringer',
  'sammenslåinger',
  'indikatorer',
  'målinger',
  'advarsler',
  'muligheter',
  'nivåer',
  'økter',
  'frister',
  'milepæler',
  'tiltak',
  'veivalg',
  'ikke relevante',
  'forfalte',
  'åpne',
  'kritiske',
  'relevante',
  'nye',
  'endrede',
  'uendrede',
  'andre',
];
const countThenNoun = new RegExp(`\\$\\{(?!\\s*plural(?:Word)?\\()([^{}]*)\\}\\s+(?:${pluralNouns.join('|')})(?![\\wæøå])`, 'u');
const handMadeChoice = /[=!]==\s*'1'\s*\?|[=!]==\s*1\s*\?\s*['`]/;
/** Counts that are never 1: limits and constants (at least 2), days in a month, ambiguous matches. */
const neverOne = /^(?:[A-Z_]+|(?:import)?[lL]imits\.\w+|daysIn\(.*\)|candidates\.length|rows)$/;
/** Choices between a definite singular and plural before a list of names («Raden» / «Rad 2, 3»), not a count. */
const definiteChoice = /=== 1 \? (?:'Raden'|'Kolonne'|'Rad'|`Arket)/;

function sourceFiles(dir: URL): URL[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? sourceFiles(new URL(`${entry.name}/`, dir))
        : /\.tsx?$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)
          ? [new URL(entry.name, dir)]
          : [],
    );
}

function pluralSlips(file: URL): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) => {
      if (line.trim().startsWith('*') || line.trim().startsWith('//')) return [];
      const count = countThenNoun.exec(line);
      const slip = (count && !neverOne.test(count[1]!.trim())) || (handMadeChoice.test(line) && !definiteChoice.test(line));
      return slip ? [`${file.pathname.replace(/^.*\/src\//, 'src/')}:${index + 1}: ${line.trim()}`] : [];
    });
}

describe('no count-with-noun text outside the plural helper', () => {
  it.each(['../', '../../server/', '../../shared/'])('src/%s', (folder) => {
    expect(sourceFiles(new URL(folder, import.meta.url)).flatMap(pluralSlips)).toEqual([]);
  });
});
