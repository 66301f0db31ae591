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

/** Lower case, accents kept: what was typed, as it was typed. */
const exact = (value: string) => value.toLocaleLowerCase('nb-NO').normalize('NFC').replace(/[–—-]/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * How well a matching municipality fits what was typed, lower first: a name part that is
 * it, then one that begins with it, then a word in a name part that begins with it, then
 * anything else (the county, the middle of a word). At each level a match with the letters
 * as typed comes before one that needed the accents ignored, so «ås» gives Ås and Åsnes
 * before Asker, and «Kautokeino» gives «Guovdageaidnu – Kautokeino» first.
 */
export function matchRank(municipality: Municipality, query: string): number {
  const levels = [exact, foldForSearch].map((fold) => {
    const typed = fold(query);
    const parts = municipality.nameParts.map(fold);
    if (typed === '' || parts.includes(typed)) return 0;
    if (parts.some((part) => part.startsWith(typed))) return 1;
    if (parts.some((part) => part.split(' ').some((word) => word.startsWith(typed)))) return 2;
    return 3;
  });
  const [asTyped, folded] = levels as [number, number];
  return Math.min(asTyped * 2, folded * 2 + 1);
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
