import type { Municipality } from '#shared/contracts/municipalities.ts';

/** Lower-case text without diacritics differences that matter for search (å, ø, æ stay). */
function normalize(value: string): string {
  return value.toLocaleLowerCase('nb-NO').normalize('NFC').trim();
}

/** What a search matches on: name, Sami/Kven parallel names, kommunenummer and county. */
export function searchTextOf(municipality: Municipality): string {
  return normalize([municipality.name, ...municipality.parallelNames, municipality.number, municipality.county].join(' '));
}

/**
 * A municipality matches when every word typed is found in its search text; a number typed
 * must be the start of the kommunenummer («31» finds every municipality in Østfold).
 */
export function matchesQuery(searchText: string, number: string, query: string): boolean {
  const words = normalize(query).split(/\s+/).filter(Boolean);
  return words.every((word) => (/^\d+$/.test(word) ? number.startsWith(word) : searchText.includes(word)));
}
