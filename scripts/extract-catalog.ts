/**
 * ONE-OFF extractor, kept for provenance: turns the plain text that was extracted from KS'
 * PDF «Sjekkliste for digital sammenslåing» into the library JSON
 * `src/catalog/data/ks-sjekkliste-digital-sammenslaing.json`.
 *
 *   npx tsx scripts/extract-catalog.ts [--seed <file>] [--stdout] [--force]
 *
 * It was run once to produce version 1.0.0. From then on the JSON is the source of truth and
 * is EDITED BY HAND, never regenerated: the ids in it are permanent (mergers store them as
 * `catalogItemId`), and this script derives ids from positions and headings, so re-running it
 * after the content has been edited would silently re-number items and break every stored
 * reference. That is why it refuses to overwrite an existing JSON unless given `--force`
 * (only sensible before anything has been released), and why `--stdout` exists for comparing
 * its output against the committed file without touching it.
 *
 * Judgement calls about the source's structure:
 * - Phase 4: «Slå sammen prioriterte IKT-systemer og digitale tjenester» (a heading that starts
 *   a new text block) is read as its own activity, with «Digitale arkiv» and «Systemer» as its
 *   groups; «Endre og tilpasse tjenester og arbeidsprosesser i sektorene» keeps its one task.
 *   «Etablere prioriterte integrasjoner …» keeps its tasks, each with its group.
 * - Activities with no tasks under them stay, with an empty task list.
 * - Footnote markers are removed from the text and the notes kept beside it (`footnotes`).
 * - Text is kept verbatim, typos included («Utarbeidede», «oppsigelseskausuler», «Dette
 *   kapitler»); only the sentence naming the low-hanging-fruit glyph is reworded.
 *
 * How the text is read:
 * - Checklist items are lines starting with U+F063 (the checkbox glyph); an item ending with
 *   U+F0EA is a «lavthengende frukt». Lines that follow an item with no whitespace-only
 *   separator line (" ") and no leading whitespace in between are wrapped continuations.
 * - Headings (activities, solution areas, opportunity areas) follow a " " separator line or
 *   start with leading whitespace (a new text block in the PDF).
 * - Page-break debris is dropped: repeated chapter headings in capitals, page numbers,
 *   bare URL lines (link annotations), footnote blocks and «Figur n.» captions.
 * - Wrapped lines are joined with one space; a break right after a hyphen joins without a
 *   space («IKT-» + «systemene»), and a hyphen after a lower-case letter is a soft
 *   hyphenation and is dropped («sammenslåings-» + «prosessen»). «personal- » (hyphen then
 *   space) is a suspended compound and keeps its space.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogSchema, type Catalog } from '../src/catalog/catalog.schema.ts';

const CHECKBOX = '\uF063';
const LOW_HANGING = '\uF0EA';

const args = process.argv.slice(2);
const force = args.includes('--force');
const toStdout = args.includes('--stdout');
const seedArg = args.indexOf('--seed');
const seedPath =
  seedArg >= 0 && args[seedArg + 1]
    ? args[seedArg + 1]!
    : fileURLToPath(new URL('../src/catalog/source/ks-sjekkliste-digital-sammenslaing.txt', import.meta.url));
const outPath = fileURLToPath(new URL('../src/catalog/data/ks-sjekkliste-digital-sammenslaing.json', import.meta.url));

// ---------------------------------------------------------------------------------------------
// Lines

interface Line {
  /** 1-based line number in the seed, for error messages. */
  no: number;
  raw: string;
}

const isBlank = (l: Line) => l.raw === '';
/** A line holding only whitespace: the PDF text marks a block boundary with it. */
const isSeparator = (l: Line) => l.raw !== '' && l.raw.trim() === '';
const hasLeadingSpace = (l: Line) => /^\s/.test(l.raw);
const isCheckbox = (l: Line) => l.raw.trimStart().startsWith(CHECKBOX);

function fail(message: string): never {
  throw new Error(`extract-catalog: ${message}`);
}

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message);
}

/** Page-break debris that is not content. */
function isDebris(l: Line): boolean {
  const t = l.raw.trim();
  if (t === '') return false;
  if (/^https?:\/\/\S+$/.test(t)) return true; // link annotations repeated as bare URLs
  if (/^\d+$/.test(t)) return true; // page numbers
  if (/^\d [A-ZÆØÅ ]+$/.test(t)) return true; // «3 PROSESS FOR DIGITAL SAMMENSLÅING», «1 INNLEDNING»
  if (/^[A-ZÆØÅ ]{5,}$/.test(t)) return true; // second line of a wrapped chapter heading
  if (/^Figur \d+\./.test(t)) return true; // figure captions (the figures are not in the text)
  return false;
}

// ---------------------------------------------------------------------------------------------
// Text joining

/** Joins wrapped PDF lines into one string. */
function joinLines(parts: string[]): string {
  let acc = '';
  let prevHadTrailingSpace = true;
  for (const part of parts) {
    const right = part.replace(/\s+$/, '');
    const text = right.trim();
    if (text === '') continue;
    if (acc === '') {
      acc = text;
    } else if (!prevHadTrailingSpace && /\p{L}-$/u.test(acc)) {
      // Broken at a hyphen. After a capital (IKT-, A-, FoU-) it is a real hyphen; after a
      // lower-case letter it is a soft hyphenation of a closed compound.
      const before = acc.at(-2) ?? '';
      const soft = before === before.toLowerCase() && before !== before.toUpperCase() && /^\p{Ll}/u.test(text);
      acc = soft ? acc.slice(0, -1) + text : acc + text;
    } else {
      acc = `${acc} ${text}`;
    }
    prevHadTrailingSpace = right.length !== part.length;
  }
  return acc.replace(/\s+/g, ' ').trim();
}

/**
 * Splits prose into paragraphs. The PDF text has a blank line after every line, so blank lines
 * say nothing; a paragraph ends at a " " separator, or at a line that ends a sentence and is
 * visibly short: the next line's first word would have fitted on it.
 */
function paragraphs(lines: Line[]): string[] {
  const content = lines.filter((l) => !isBlank(l) && !isDebris(l));
  const width = Math.max(0, ...content.filter((l) => !isSeparator(l)).map((l) => l.raw.trimEnd().length));
  const result: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const text = joinLines(current);
    if (text) result.push(text);
    current = [];
  };
  content.forEach((l, i) => {
    if (isSeparator(l)) return flush();
    current.push(l.raw);
    const next = content.slice(i + 1).find((n) => !isSeparator(n));
    if (!next) return;
    const here = l.raw.trimEnd();
    const firstWord = next.raw.trim().split(/\s+/)[0] ?? '';
    const endsSentence = /[.!?:»)]$/.test(here);
    const nextStartsSentence = /^[\p{Lu}\d«]/u.test(firstWord);
    if (endsSentence && nextStartsSentence && here.length + 1 + firstWord.length <= width) flush();
  });
  flush();
  return result;
}

// ---------------------------------------------------------------------------------------------
// Ids

function slug(text: string, maxWords = 6): string {
  const words = text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, maxWords);
  while (words.length > 1 && ['og', 'pa', 'i', 'for', 'med', 'til', 'av', 'innen'].includes(words.at(-1)!)) words.pop();
  return words.join('-');
}

/** Hand-picked short ids where the heading is long. */
const AREA_SLUG_OVERRIDES: Record<string, string> = {
  'Personal- og lønnssystem og ansattdokumentasjon': 'personal-og-lonnssystem',
  'Dokumentasjon innen flyktningtjenesten, PPT og barnevern': 'dokumentasjon-flyktning-ppt-barnevern',
  'Sosialsystem og dokumentasjon på sosiale tjenester': 'sosialsystem',
  'Dokumentasjon på barnehager, grunnskole, voksenopplæring, bibliotek og grunnskole': 'dokumentasjon-barnehage-skole-bibliotek',
  'Skoleadministrativt system og system for voksenopplæring': 'skoleadministrativt-system',
  'Fastlege (bistå fastlegekontorer med)': 'fastlege',
};
const areaSlug = (name: string) => AREA_SLUG_OVERRIDES[name] ?? slug(name);

// ---------------------------------------------------------------------------------------------
// Read the seed, lift out footnotes

if (existsSync(outPath) && !force && !toStdout) {
  console.error(
    `extract-catalog: refusing to overwrite ${outPath}.\n` +
      'The library is edited by hand now and its ids are permanent; regenerating it would re-number items.\n' +
      'Use --stdout to compare the extraction with the committed file, or --force if you really mean to overwrite.',
  );
  process.exit(1);
}
assert(existsSync(seedPath), `seed not found: ${seedPath}`);

const all: Line[] = readFileSync(seedPath, 'utf8')
  .split(/\r?\n/)
  .map((raw, i) => ({ no: i + 1, raw }));

/**
 * Footnote blocks: a long whitespace-only rule line, then «n» on its own line and the note's
 * text, repeated; they end at the bare URL lines after them. Removed from the stream.
 */
const footnotes = new Map<number, string>();
const removed = new Set<number>();
for (let i = 0; i < all.length; i++) {
  const rule = all[i]!;
  if (!(isSeparator(rule) && rule.raw.length >= 20)) continue;
  let j = i + 1;
  const block = [i];
  let n: number | null = null;
  let text: string[] = [];
  const done = () => {
    if (n !== null) footnotes.set(n, joinLines(text));
    n = null;
    text = [];
  };
  for (; j < all.length; j++) {
    const l = all[j]!;
    const t = l.raw.trim();
    if (isBlank(l)) {
      block.push(j);
      continue;
    }
    if (/^\d+$/.test(t)) {
      done();
      n = Number(t);
      block.push(j);
      continue;
    }
    if (n === null) break;
    if (!hasLeadingSpace(l) && /^https?:\/\/\S+$/.test(t) && text.length > 0) break; // link debris after the notes
    if (isSeparator(l)) break;
    text.push(l.raw);
    block.push(j);
  }
  done();
  for (const k of block) removed.add(k);
}
assert(footnotes.size === 3, `expected 3 footnotes, found ${footnotes.size}`);

const lines = all.filter((_, i) => !removed.has(i));

/** Footnote markers glued to a word («konkurranser1.»): removed from the text, returned by number. */
function stripFootnoteMarkers(section: Line[]): { lines: Line[]; notes: string[] } {
  const notes: string[] = [];
  const out = section.map((l) => ({
    ...l,
    raw: l.raw.replace(/(\p{Ll})(\d)(?=[.,;:\s]|$)/gu, (_, letter: string, digit: string) => {
      const note = footnotes.get(Number(digit));
      assert(note, `line ${l.no}: footnote marker ${digit} without a footnote`);
      notes.push(note);
      return letter;
    }),
  }));
  return { lines: out, notes };
}

// ---------------------------------------------------------------------------------------------
// Sections, found by their landmark lines

function findLine(match: (t: string) => boolean, what: string, from = 0): number {
  const hits = lines.map((l, i) => (i >= from && match(l.raw.trim()) ? i : -1)).filter((i) => i >= 0);
  assert(hits.length === 1, `landmark «${what}» found ${hits.length} times`);
  return hits[0]!;
}
const exact = (s: string) => findLine((t) => t === s, s);
const starting = (s: string) => findLine((t) => t.startsWith(s), s);

const L = {
  innledning: exact('1 INNLEDNING'),
  advice1: exact('1 Kom tidlig i gang'),
  godeRad: exact('2 GODE RÅD PÅ VEIEN'),
  advice2: exact('2 Velg de smarteste løsningene'),
  advice3: exact('3 Tenk helhetlig'),
  advice4: exact('4 Forenkle der du kan'),
  advice5: exact('5 Vektlegg organisasjonsutvikling'),
  ch3: starting('Dette kapitlet beskriver fasene i digital sammenslåing'),
  s31: exact('3.1 Fasene i digital sammenslåing'),
  s32: exact('3.2 Sjekkliste per fase'),
  phase1: exact('1. Før du starter'),
  ch4: starting('Det er viktig å gjøre gode prioriteringer'),
  s41: exact('4.1 Prioritering av oppgaver i digital sammenslåing'),
  s42: exact('4.2 Prioriterte digitale løsninger og oppgaver per sektor'),
  s421: exact('4.2.1 Støttefunksjoner'),
  ch5: starting('Dette kapitler gir oversikt over muligheter'),
};
const order = Object.values(L);
assert(
  order.every((v, i) => i === 0 || v > order[i - 1]!),
  'landmarks are not in the expected order',
);
const between = (from: number, to: number) => lines.slice(from, to);

// ---------------------------------------------------------------------------------------------
// Introduction and advice

const introduction = paragraphs(between(0, L.innledning));

function readAdvice(headingIndex: number, end: number, id: string) {
  const heading = lines[headingIndex]!.raw.trim();
  const m = /^(\d) (.+)$/.exec(heading);
  assert(m, `advice heading «${heading}»`);
  const body = between(headingIndex + 1, end);
  // The lead is the boxed text right under the heading, up to the first separator.
  const firstContent = body.findIndex((l) => !isBlank(l));
  const leadEnd = body.findIndex((l, i) => i > firstContent && isSeparator(l));
  assert(firstContent >= 0 && leadEnd > firstContent, `advice «${heading}»: no lead`);
  const lead = joinLines(
    body
      .slice(0, leadEnd)
      .filter((l) => !isDebris(l))
      .map((l) => l.raw),
  );
  const { lines: rest, notes } = stripFootnoteMarkers(body.slice(leadEnd));
  return {
    id,
    number: Number(m[1]),
    title: m[2]!.trim(),
    lead,
    paragraphs: paragraphs(rest),
    ...(notes.length > 0 ? { footnotes: notes } : {}),
  };
}

const advice = [
  readAdvice(L.advice1, L.godeRad, 'rad-kom-tidlig-i-gang'),
  readAdvice(L.advice2, L.advice3, 'rad-velg-de-smarteste-losningene'),
  readAdvice(L.advice3, L.advice4, 'rad-tenk-helhetlig'),
  readAdvice(L.advice4, L.advice5, 'rad-forenkle-der-du-kan'),
  readAdvice(L.advice5, L.ch3, 'rad-vektlegg-organisasjonsutvikling'),
];

// ---------------------------------------------------------------------------------------------
// 3.1: process introduction and the phase descriptions

const PHASE_NAMES = ['Før du starter', 'Kartlegging og målbilde', 'Planlegging og anskaffelse', 'Gjennomføring', 'Overgangsfase', 'Drift'];
const DESCRIPTION_STARTS = [
  'Før du starter omfatter',
  'Kartlegging og målbilde omfatter',
  'Planlegging og anskaffelse omfatter',
  'Gjennomføring omfatter',
  'Overgangsfasen omfatter',
  'Drift omfatter',
];

const s31 = between(L.s31 + 1, L.s32);
const descriptionStarts = DESCRIPTION_STARTS.map((start) => {
  const hits = s31.map((l, i) => (l.raw.trim().startsWith(start) ? i : -1)).filter((i) => i >= 0);
  assert(hits.length === 1, `phase description «${start}» found ${hits.length} times`);
  return hits[0]!;
});
const descriptions = descriptionStarts.map((start, i) =>
  joinLines(
    s31
      .slice(start, descriptionStarts[i + 1] ?? s31.length)
      .filter((l) => !isDebris(l))
      .map((l) => l.raw),
  ),
);
const processIntroduction = [...paragraphs(between(L.ch3, L.s31)), ...paragraphs(s31.slice(0, descriptionStarts[0]))];
const checklistIntroduction = paragraphs(between(L.s32 + 1, L.phase1));

// ---------------------------------------------------------------------------------------------
// 3.2: phases, activities, tasks

/** Sub-headings inside an activity (all in phase 4); every other heading is an activity. */
const GROUP_HEADINGS = new Set(['Digitale arkiv', 'Systemer', 'Integrasjoner mellom lokale løsninger', 'Bruk av fellesløsninger']);

interface RawTask {
  parts: string[];
  group?: string;
}
interface RawActivity {
  parts: string[];
  tasks: RawTask[];
}
interface RawPhase {
  number: number;
  name: string;
  activities: RawActivity[];
}

const rawPhases: RawPhase[] = [];
{
  let separatorSeen = true;
  let group: string | undefined;
  let last: { parts: string[] } | null = null;
  const groupsSeen = new Set<string>();
  for (const l of between(L.phase1, L.ch4)) {
    if (isBlank(l) || isDebris(l)) continue;
    if (isSeparator(l)) {
      separatorSeen = true;
      continue;
    }
    const t = l.raw.trim();
    const phaseHeading = /^([1-6])\. (.+)$/.exec(t);
    const phase = rawPhases.at(-1);
    const activity = phase?.activities.at(-1);
    if (phaseHeading) {
      const number = Number(phaseHeading[1]);
      assert(number === rawPhases.length + 1, `line ${l.no}: phase ${number} out of order`);
      assert(phaseHeading[2] === PHASE_NAMES[number - 1], `line ${l.no}: phase name «${phaseHeading[2]}»`);
      rawPhases.push({ number, name: phaseHeading[2]!, activities: [] });
      last = null;
    } else if (isCheckbox(l)) {
      assert(activity, `line ${l.no}: task outside an activity`);
      const task: RawTask = { parts: [l.raw.trimStart().slice(1)], ...(group ? { group } : {}) };
      activity.tasks.push(task);
      last = task;
    } else if (!separatorSeen && !hasLeadingSpace(l) && last) {
      last.parts.push(l.raw); // wrapped line
    } else if (GROUP_HEADINGS.has(t)) {
      assert(activity, `line ${l.no}: group outside an activity`);
      group = t;
      groupsSeen.add(t);
      last = null;
    } else {
      assert(phase, `line ${l.no}: activity before the first phase`);
      const newActivity: RawActivity = { parts: [l.raw], tasks: [] };
      phase.activities.push(newActivity);
      group = undefined;
      last = newActivity;
    }
    separatorSeen = false;
  }
  assert(groupsSeen.size === GROUP_HEADINGS.size, 'not every group heading was found');
  assert(rawPhases.length === 6, `expected 6 phases, found ${rawPhases.length}`);
}

const phases = rawPhases.map((p, pi) => {
  const phaseId = `fase-${p.number}`;
  return {
    id: phaseId,
    number: p.number,
    name: p.name,
    description: descriptions[pi]!,
    activities: p.activities.map((a, ai) => {
      const activityId = `${phaseId}-akt-${ai + 1}`;
      return {
        id: activityId,
        title: joinLines(a.parts),
        tasks: a.tasks.map((task, ti) => ({
          id: `${activityId}-opp-${ti + 1}`,
          title: joinLines(task.parts),
          ...(task.group ? { group: task.group } : {}),
        })),
      };
    }),
  };
});

// ---------------------------------------------------------------------------------------------
// 4 and 4.1: prioritisation

/** Short names (and ids) for the eight ranked areas; chosen for the library, not in the source. */
const PRIORITY_AREAS: Array<[id: string, area: string]> = [
  ['prioritet-ikt-infrastruktur', 'IKT-infrastruktur'],
  ['prioritet-arkiv', 'Arkiv'],
  ['prioritet-okonomi-regnskap-lonn-personal', 'Økonomi, regnskap, lønn og personal'],
  ['prioritet-helse-og-velferd', 'Helse og velferd'],
  ['prioritet-plan-bygg-og-geodata', 'Plan, bygg og geodata'],
  ['prioritet-oppvekst-og-utdanning', 'Oppvekst og utdanning'],
  ['prioritet-konkurransegjennomforing', 'Konkurransegjennomføring'],
  ['prioritet-digitale-tjenester', 'Digitale tjenester for innbyggere og næringsliv'],
];

const s41 = between(L.s41 + 1, L.s42).filter((l) => !isDebris(l));
const legendStart = s41.findIndex((l) => l.raw.trim() === 'Forklaring av fargekoder:');
const listLead = s41.findIndex((l) => l.raw.trim().startsWith('Figuren over gjenspeiler'));
const firstRank = s41.findIndex((l) => /^1\. /.test(l.raw.trim()));
assert(legendStart > 0 && listLead > legendStart && firstRank > listLead, '4.1 layout');

const legendItems: string[][] = [];
for (const l of s41.slice(legendStart + 1, listLead)) {
  if (isBlank(l) || isSeparator(l)) continue;
  const t = l.raw.trim();
  if (t.startsWith('- ')) legendItems.push([t.slice(2)]);
  else legendItems.at(-1)?.push(l.raw);
}
assert(legendItems.length === 2, '4.1 legend should have two entries');
const legend = { critical: joinLines(legendItems[0]!), medium: joinLines(legendItems[1]!) };
assert(legend.critical.includes('rødt') && legend.medium.includes('gult'), '4.1 legend colours');

const rankParts: string[][] = [];
for (const l of s41.slice(firstRank)) {
  if (isBlank(l) || isSeparator(l)) continue;
  const m = /^(\d)\. (.*)$/.exec(l.raw.trim());
  if (m && Number(m[1]) === rankParts.length + 1) rankParts.push([m[2]!]);
  else rankParts.at(-1)!.push(l.raw);
}
assert(rankParts.length === 8, `expected 8 priorities, found ${rankParts.length}`);
const priorities = rankParts.map((parts, i) => {
  const { lines: cleaned, notes } = stripFootnoteMarkers(parts.map((raw) => ({ no: 0, raw })));
  const [id, area] = PRIORITY_AREAS[i]!;
  return {
    id,
    rank: i + 1,
    area,
    text: joinLines(cleaned.map((l) => l.raw)),
    ...(notes.length > 0 ? { footnotes: notes } : {}),
  };
});

const prioritizationIntroduction = [
  ...paragraphs(between(L.ch4, L.s41)),
  ...paragraphs(s41.slice(0, legendStart)),
  ...paragraphs(s41.slice(listLead, firstRank)),
];

// ---------------------------------------------------------------------------------------------
// 4.2: sectors, solution areas, tasks

const sectorsIntroduction = paragraphs(between(L.s42 + 1, L.s421));

type Priority = 'critical' | 'medium';
const PRIORITY_HEADINGS: Record<string, Priority> = {
  'Kritiske digitale løsninger og oppgaver:': 'critical',
  'Digitale løsninger og oppgaver med middels prioritet:': 'medium',
};

interface RawArea {
  parts: string[];
  priority: Priority;
  tasks: string[][];
}
interface RawSector {
  number: string;
  name: string;
  areas: RawArea[];
}
const rawSectors: RawSector[] = [];
{
  let separatorSeen = true;
  let priority: Priority | null = null;
  let openHeading: RawArea | null = null; // an area heading still waiting for its colon
  for (const l of between(L.s421, L.ch5)) {
    if (isBlank(l) || isDebris(l)) continue;
    if (isSeparator(l)) {
      separatorSeen = true;
      continue;
    }
    const t = l.raw.trim();
    const sectorHeading = /^(4\.2\.\d) (.+)$/.exec(t);
    const sector = rawSectors.at(-1);
    const area = sector?.areas.at(-1);
    if (sectorHeading) {
      rawSectors.push({ number: sectorHeading[1]!, name: sectorHeading[2]!, areas: [] });
      priority = null;
    } else if (t in PRIORITY_HEADINGS) {
      priority = PRIORITY_HEADINGS[t]!;
    } else if (isCheckbox(l)) {
      assert(area && !openHeading, `line ${l.no}: task outside a solution area`);
      area.tasks.push([l.raw.trimStart().slice(1)]);
    } else if (openHeading) {
      openHeading.parts.push(l.raw);
      if (t.endsWith(':')) openHeading = null;
    } else if (t.endsWith(':') || separatorSeen || hasLeadingSpace(l)) {
      assert(sector && priority, `line ${l.no}: solution area outside a sector/priority`);
      const newArea: RawArea = { parts: [l.raw], priority, tasks: [] };
      sector.areas.push(newArea);
      if (!t.endsWith(':')) openHeading = newArea;
    } else {
      const task = area?.tasks.at(-1);
      assert(task, `line ${l.no}: wrapped line without a task`);
      task.push(l.raw);
    }
    separatorSeen = false;
  }
  assert(rawSectors.length === 4, `expected 4 sectors, found ${rawSectors.length}`);
}

const sectors = rawSectors.map((s) => ({
  id: `sektor-${slug(s.name)}`,
  number: s.number,
  name: s.name,
  solutionAreas: s.areas.map((a) => {
    const name = joinLines(a.parts).replace(/\s*:$/, '');
    const areaId = `omrade-${areaSlug(name)}`;
    return {
      id: areaId,
      name,
      priority: a.priority,
      tasks: a.tasks.map((parts, i) => ({ id: `${areaId}-opp-${i + 1}`, title: joinLines(parts), priority: a.priority })),
    };
  }),
}));

// ---------------------------------------------------------------------------------------------
// 5: opportunities

const ch5 = between(L.ch5, lines.length);
const ch5LeadEnd = ch5.findIndex((l) => isSeparator(l));
const opportunitiesIntroduction = paragraphs(ch5.slice(0, ch5LeadEnd)).map((p) =>
  // The prose names the marker glyph itself; the library shows the flag instead.
  p.replace(/\s*Lavthengende frukter er markert med \uF0EA\s*\./u, ' Lavthengende frukter er markert.').trim(),
);

interface RawOpportunityArea {
  name: string;
  sector: string | null;
  items: string[][];
}
const rawOpportunityAreas: RawOpportunityArea[] = [];
{
  const body = ch5.slice(ch5LeadEnd).filter((l) => !isBlank(l) && !isDebris(l));
  let separatorSeen = true;
  let sector: string | null = null;
  body.forEach((l, i) => {
    if (isSeparator(l)) {
      separatorSeen = true;
      return;
    }
    const t = l.raw.trim();
    const area = rawOpportunityAreas.at(-1);
    if (isCheckbox(l)) {
      assert(area, `line ${l.no}: opportunity outside an area`);
      area.items.push([l.raw.trimStart().slice(1)]);
    } else if (t.endsWith(':')) {
      assert(sector, `line ${l.no}: «${t}» is not under a sector heading`);
      rawOpportunityAreas.push({ name: t.replace(/\s*:$/, ''), sector, items: [] });
    } else if (separatorSeen || hasLeadingSpace(l)) {
      // A heading without a colon: a sector if a «Name:» area follows, else a top-level area.
      const next = body.slice(i + 1).find((n) => !isSeparator(n));
      assert(next, `line ${l.no}: heading at the end`);
      if (!isCheckbox(next) && next.raw.trim().endsWith(':')) {
        sector = t;
      } else {
        sector = null;
        rawOpportunityAreas.push({ name: t, sector: null, items: [] });
      }
    } else {
      const item = area?.items.at(-1);
      assert(item, `line ${l.no}: wrapped line without an opportunity`);
      item.push(l.raw);
    }
    separatorSeen = false;
  });
}

const opportunityAreas = rawOpportunityAreas.map((a) => {
  const s = areaSlug(a.name);
  return {
    id: `mulighetsomrade-${s}`,
    name: a.name,
    sector: a.sector,
    opportunities: a.items.map((parts, i) => {
      const joined = joinLines(parts);
      const lowHangingFruit = joined.endsWith(LOW_HANGING);
      return {
        id: `mulighet-${s}-${i + 1}`,
        title: joined.replace(LOW_HANGING, '').trim(),
        lowHangingFruit,
      };
    }),
  };
});

// ---------------------------------------------------------------------------------------------
// Assemble, check, write

const catalog: Catalog = {
  id: 'ks-sjekkliste-digital-sammenslaing',
  version: '1.0.0',
  title: 'Sjekkliste for digital sammenslåing',
  source: {
    publisher: 'KS',
    author: 'PA Consulting',
    title: 'Sjekkliste for digital sammenslåing',
    basedOn: 'Digitale konsekvenser av en kommunesammenslåing (KS FoU-rapport, 2016)',
  },
  introduction,
  advice,
  process: { introduction: processIntroduction, checklistIntroduction },
  phases,
  prioritization: { introduction: prioritizationIntroduction, legend, priorities },
  sectorsIntroduction,
  sectors,
  opportunities: { introduction: opportunitiesIntroduction, areas: opportunityAreas },
};

const parsed = catalogSchema.parse(catalog);

const seedItems = all.filter(isCheckbox).length;
const phaseTasks = parsed.phases.flatMap((p) => p.activities.flatMap((a) => a.tasks)).length;
const sectorTasks = parsed.sectors.flatMap((s) => s.solutionAreas.flatMap((a) => a.tasks)).length;
const opportunities = parsed.opportunities.areas.flatMap((a) => a.opportunities);
const lowHanging = opportunities.filter((o) => o.lowHangingFruit).length;
const counts = { phaseTasks, sectorTasks, opportunities: opportunities.length, lowHanging, seedItems };
assert(
  phaseTasks === 121 && sectorTasks === 83 && opportunities.length === 102 && lowHanging === 33 && seedItems === 306,
  `unexpected counts ${JSON.stringify(counts)}`,
);

const json = `${JSON.stringify(parsed, null, 2)}\n`;
if (toStdout) {
  process.stdout.write(json);
} else {
  mkdirSync(dirname(outPath), { recursive: true });
  writeFileSync(outPath, json, 'utf8');
  console.error(`wrote ${outPath} ${JSON.stringify(counts)}`);
}
