import { describe, expect, it } from 'vitest';
import { errorCodes } from '#shared/error-codes.ts';
import { enVocabulary } from '#shared/vocabulary/en.ts';
import { catalogErrorText, type ErrorMessages } from './error-messages.ts';
import { en } from './en.ts';
import { nb } from './nb.ts';

// Issue 22: the English catalog is a translation of every text, not a copy with gaps. TypeScript
// already refuses a missing key; this catches a text left in bokmål, and English plural forms.

/**
 * The words that stay the same in English and bokmål: names, acronyms, and the few words both
 * languages write alike. A text equal to its bokmål source passes only if it is one of these,
 * or (for a function's result) made of them, numbers and punctuation.
 */
const sameInBoth = new Set(['Samla', 'Administrator', 'API', 'Noark 5', 'Bokmål', 'Nynorsk', 'Demo', 'Status', 'System', 'Start', 'Type', 'Zoom']);

type Leaf = { path: string; en: unknown; nb: unknown };

function leaves(enNode: unknown, nbNode: unknown, path = ''): Leaf[] {
  if (enNode && typeof enNode === 'object') {
    return Object.keys(enNode).flatMap((key) =>
      leaves((enNode as Record<string, unknown>)[key], (nbNode as Record<string, unknown>)[key], path ? `${path}.${key}` : key),
    );
  }
  return [{ path, en: enNode, nb: nbNode }];
}

const all = leaves(en, nb);
const strings = all.filter((leaf) => typeof leaf.en === 'string') as Array<Leaf & { en: string; nb: string }>;
const functions = all.filter((leaf) => typeof leaf.en === 'function') as Array<
  Leaf & { en: (...args: unknown[]) => unknown; nb: (...args: unknown[]) => unknown }
>;

/** Only allowed words, numbers, spaces and punctuation (or nothing: a text without words). */
function onlySameWords(text: string): boolean {
  return text
    .split(/[\s\d.,:;()–—\-"“”«»’'%×·/]+/u)
    .filter(Boolean)
    .every((word) => sameInBoth.has(word) || [...sameInBoth].some((allowed) => allowed.split(' ').includes(word)));
}

/**
 * Arguments a text-building function can be called with at run time without knowing its types:
 * all numbers; all strings; numbers with a number formatter last (`n`); one list of names.
 */
const argumentSets = (length: number): unknown[][] => [
  Array.from({ length }, () => 2),
  Array.from({ length }, () => 'X'),
  Array.from({ length }, (_, index) => (index === length - 1 ? (value: number) => String(value) : 2)),
  [['X', 'Y']],
];

function call(fn: (...args: unknown[]) => unknown): { ok: true; value: unknown } | { ok: false } {
  for (const args of argumentSets(fn.length)) {
    try {
      return { ok: true, value: fn(...args) };
    } catch {
      // the next set of arguments
    }
  }
  return { ok: false };
}

describe('the English catalog', () => {
  it('has the same keys as the bokmål catalog (also at run time)', () => {
    expect(all.map((leaf) => leaf.path)).toEqual(leaves(nb, nb).map((leaf) => leaf.path));
    expect(all.filter((leaf) => typeof leaf.en !== typeof leaf.nb).map((leaf) => leaf.path)).toEqual([]);
  });

  it('has no text left in bokmål', () => {
    const untranslated = strings.filter((leaf) => leaf.en === leaf.nb && leaf.en !== '' && !onlySameWords(leaf.en));
    expect(untranslated.map((leaf) => `${leaf.path}: ${leaf.en}`)).toEqual([]);
  });

  it('builds no text the same way bokmål does, except from names and numbers', () => {
    const results = functions.map((leaf) => ({ leaf, en: call(leaf.en), nb: call(leaf.nb) }));
    expect(results.filter((result) => !result.en.ok).map((result) => result.leaf.path)).toEqual([]);
    const same = results.filter(
      (result) => result.en.ok && result.nb.ok && typeof result.en.value === 'string' && result.en.value === result.nb.value && !onlySameWords(result.en.value),
    );
    expect(same.map((result) => `${result.leaf.path}: ${String(result.en.ok && result.en.value)}`)).toEqual([]);
  });

  it('keeps the allowlist short and in use', () => {
    const used = new Set(strings.filter((leaf) => leaf.en === leaf.nb).map((leaf) => leaf.en));
    expect([...sameInBoth].filter((word) => !used.has(word))).toEqual([]);
  });

  it('says the locale and language of English', () => {
    expect(en.meta.intlLocale).toBe('en-GB');
    expect(en.meta.htmlLang).toBe('en');
    expect(en.meta.timeAt('01/01/2028', '13:05')).toBe('01/01/2028 at 13:05');
  });

  it('takes the names of fixed values from the English vocabulary', () => {
    expect(en.status).toBe(enVocabulary.taskStatus);
    expect(en.roles).toBe(enVocabulary.mergerRole);
    expect(en.schedule.milestones.kinds).toBe(enVocabulary.milestoneKind);
    expect(en.decisions.outcomes).toBe(enVocabulary.decisionOutcome);
    expect(en.risks.statuses).toBe(enVocabulary.riskStatus);
    expect(en.benefits.statuses).toBe(enVocabulary.benefitStatus);
    expect(en.contractDeadlines.actions).toBe(enVocabulary.contractAction);
    expect(en.inventory.values).toBe(enVocabulary.inventoryValue);
  });
});

describe('counts with nouns in the English catalog', () => {
  it.each([
    [en.announcer.results(1), 'Showing 1 task.'],
    [en.announcer.results(0), 'Showing 0 tasks.'],
    [en.announcer.historyResults(2_500), 'Showing 2,500 changes.'],
    [en.risks.heatmap.unassessed(1), '1 risk has not been assessed yet and is not shown in the map.'],
    [en.risks.heatmap.unassessed(4), '4 risks have not been assessed yet and are not shown in the map.'],
    [en.benefits.summary(1, 0), '1 benefit, 0 with indicators behind plan.'],
    [en.benefits.summary(2, 1), '2 benefits, 1 with indicators behind plan.'],
    [en.dashboard.daysLeft.progress(0, 1, '0'), '0 of 1 task is done (0%)'],
    [en.dashboard.daysLeft.progress(3, 10, '30'), '3 of 10 tasks are done (30%)'],
    [en.dashboard.readiness.summary(1), 'critical area is ready'],
    [en.dashboard.readiness.summary(2), 'critical areas are ready'],
    [en.dashboard.overdue.summary(1), 'task has passed the due date'],
    [en.decisions.readiness.summary(0, 1), '0 of 1 critical area is ready for day one'],
    [en.decisions.readiness.summary(2, 5), '2 of 5 critical areas are ready for day one'],
    [en.decisions.form.adoptedSaved('Finance', 1), 'The decision for Finance has been adopted. 1 task is in the plan.'],
    [en.decisions.form.adoptedSaved('Finance', 3), 'The decision for Finance has been adopted. 3 tasks are in the plan.'],
    [en.account.sessions.endedOthers(1), '1 other session has been signed out.'],
    [en.account.sessions.endedOthers(2), '2 other sessions have been signed out.'],
    [en.municipalities.picker.announceAdded('Moss', 1), 'Added Moss. 1 municipality is chosen.'],
    [en.municipalities.picker.matchCount(3), '3 municipalities match'],
    [en.inventory.import.sheetCounts(1, 0, 2), '1 new row, 0 changed rows, 2 unchanged rows'],
    [en.inventory.import.deleted(1), '1 row was deleted.'],
    [en.inventory.import.emptySheets(['Avtaler']), 'The sheet “Avtaler” has no rows.'],
    [en.inventory.import.emptySheets(['Avtaler', 'Arkiv']), 'These sheets have no rows: “Avtaler”, “Arkiv”.'],
    [en.validation.tooLong(1), 'The text cannot be longer than 1 character.'],
    [en.catalog.lowHangingCount(1, 1), 'Showing 1 of 1 opportunity.'],
    [en.mergers.overview.daysLeft(1), '1 day left'],
    [en.contractDeadlines.count(1, 2, String), 'Showing 1 of 2 agreements.'],
    [en.integrationGraph.summary(1, 2, 1, 0, String), 'The graph shows 1 system, 2 common solutions and 1 integration, of which 0 must be re-established.'],
  ])('%s', (actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe('English error messages', () => {
  const byCode = en.errors.byCode as ErrorMessages;

  it('has a message for every code, and none for a code that no longer exists', () => {
    expect(errorCodes.filter((code) => !Object.hasOwn(byCode, code) || byCode[code] === '')).toEqual([]);
    const listed = new Set<string>(errorCodes);
    expect(Object.keys(byCode).filter((code) => !listed.has(code))).toEqual([]);
  });

  it('is made from the details the server sends', () => {
    expect(catalogErrorText(byCode, 'INVALID_CREDENTIALS')).toBe('Wrong e-mail address or password.');
    expect(catalogErrorText(byCode, 'CANNOT_REMOVE_SELF', { action: 'deactivate' })).toBe('You cannot deactivate yourself.');
    expect(catalogErrorText(byCode, 'TOO_MANY_ROWS', { sheet: 'ICT systems', rows: 20001, limit: 20000 })).toBe(
      'The sheet “ICT systems” has 20,001 rows; the limit is 20,000 per sheet.',
    );
    expect(catalogErrorText(byCode, 'CANNOT_REMOVE_SELF', undefined)).toBeUndefined();
  });
});
