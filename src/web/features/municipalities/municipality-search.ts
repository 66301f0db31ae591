import type { Municipality } from '#shared/contracts/municipalities.ts';

/**
 * Lower case without diacritics, so a search typed on any keyboard finds the official
 * spelling: «karasjohka» finds «Kárášjohka», «snasa» finds «Snåase – Snåsa», «tromso» finds
 * «Tromsø». NFD takes off the accents (á, š, ž, č, å, ï); the letters that are not an
 * accent on a base letter are mapped by hand.
 */
export function foldForSearch(value: string): string {
  return value
    .toLocaleLowerCase('nb-NO')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/đ/g, 'd')
    .replace(/ŋ/g, 'n')
    .replace(/ŧ/g, 't')
    .replace(/[–—-]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** What a search matches on: every part of the official name, the kommunenummer and the county. */
export function searchTextOf(municipality: Municipality): string {
  return foldForSearch([...municipality.nameParts, municipality.number, municipality.county].join(' '));
}

/**
 * A municipality matches when every word typed is found in its search text; a number typed
 * must be the start of the kommunenummer («31» finds every municipality in Østfold).
 */
export function matchesQuery(searchText: string, number: string, query: string): boolean {
  const words = foldForSearch(query).split(' ').filter(Boolean);
  return words.every((word) => (/^\d+$/.test(word) ? number.startsWith(word) : searchText.includes(word)));
}

/**
 * How well a matching municipality fits what was typed, lower first: a name part that is
 * exactly it (0), one that begins with it (1), a word in a name part that does (2), anything
 * else, such as the county (3). «Ås» then comes before «Åsnes», and «Kautokeino» finds
 * «Guovdageaidnu – Kautokeino» before anything that merely contains the letters.
 */
export function matchRank(municipality: Municipality, query: string): number {
  const typed = foldForSearch(query);
  if (typed === '') return 0;
  const parts = municipality.nameParts.map(foldForSearch);
  if (parts.some((part) => part === typed)) return 0;
  if (parts.some((part) => part.startsWith(typed))) return 1;
  if (parts.some((part) => part.split(' ').some((word) => word.startsWith(typed)))) return 2;
  return 3;
}

/**
 * The municipalities that match, best first and then alphabetically by official name
 * («Guovdageaidnu – Kautokeino» under G, as it is written).
 */
export function searchMunicipalities(register: readonly Municipality[], query: string): Municipality[] {
  const collator = new Intl.Collator('nb-NO');
  return register
    .filter((municipality) => matchesQuery(searchTextOf(municipality), municipality.number, query))
    .map((municipality) => ({ municipality, rank: matchRank(municipality, query) }))
    .sort((a, b) => a.rank - b.rank || collator.compare(a.municipality.name, b.municipality.name))
    .map(({ municipality }) => municipality);
}
