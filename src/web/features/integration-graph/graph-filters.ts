/**
 * The landscape's filters as they live in the URL, so a reload or a shared link
 * keeps them. No municipality in the URL means the first one, so the first view
 * of a large merger is readable; «alle» asks for every municipality.
 */
export const graphParam = { municipality: 'kommune', area: 'omrade', onlyBreaking: 'brudd' } as const;
export const ALL_MUNICIPALITIES = 'alle';
const ON = 'ja';

export interface GraphPageFilters {
  /** What the municipality select shows: a number, or {@link ALL_MUNICIPALITIES}. */
  municipalityChoice: string;
  /** What the API is asked for; undefined = every municipality. */
  municipality: string | undefined;
  area: string | undefined;
  onlyBreaking: boolean;
}

export function graphFiltersFromSearch(params: URLSearchParams, municipalityNumbers: readonly string[]): GraphPageFilters {
  const raw = params.get(graphParam.municipality);
  const first = municipalityNumbers[0] ?? ALL_MUNICIPALITIES;
  const choice = raw === ALL_MUNICIPALITIES || (raw !== null && municipalityNumbers.includes(raw)) ? raw : first;
  return {
    municipalityChoice: choice,
    municipality: choice === ALL_MUNICIPALITIES ? undefined : choice,
    area: params.get(graphParam.area) || undefined,
    onlyBreaking: params.get(graphParam.onlyBreaking) === ON,
  };
}

/** The URL's search after one filter changed; the default (first municipality, all areas, everything) is left out. */
export function withGraphFilter(
  params: URLSearchParams,
  municipalityNumbers: readonly string[],
  change: { municipality: string } | { area: string | undefined } | { onlyBreaking: boolean },
): URLSearchParams {
  const next = new URLSearchParams(params);
  const put = (key: string, value: string | undefined) => (value ? next.set(key, value) : next.delete(key));
  if ('municipality' in change) put(graphParam.municipality, change.municipality === municipalityNumbers[0] ? undefined : change.municipality);
  if ('area' in change) put(graphParam.area, change.area);
  if ('onlyBreaking' in change) put(graphParam.onlyBreaking, change.onlyBreaking ? ON : undefined);
  return next;
}
