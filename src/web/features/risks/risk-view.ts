import type { RiskStatus } from '#shared/contracts/risks.ts';

/**
 * What pages that only show risks need (the dashboard, the heatmap): the
 * risk list's filters in the URL and the text colour on a cell. Apart from
 * the form (risk-form.ts) because that imports the risk contracts' schemas,
 * and with them zod: the merger's start page would load ~25 kB more for two
 * small functions.
 */

// ---------------------------------------------------------------- the list's filters in the URL

export interface RiskFilters {
  status?: RiskStatus | undefined;
  level?: string | undefined;
  cell?: string | undefined;
  residual?: boolean | undefined;
}
export const riskFilterParam = { status: 'status', level: 'niva', cell: 'celle', residual: 'etter' } as const;

export function riskSearch(filters: RiskFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set(riskFilterParam.status, filters.status);
  if (filters.level) params.set(riskFilterParam.level, filters.level);
  if (filters.cell) params.set(riskFilterParam.cell, filters.cell);
  if (filters.residual) params.set(riskFilterParam.residual, 'ja');
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The API's query for the same filters. */
export function riskApiQuery(filters: RiskFilters): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.level) params.set('level', filters.level);
  if (filters.cell) params.set('cell', filters.cell);
  if (filters.residual) params.set('residual', 'true');
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

// ---------------------------------------------------------------- colours

/** Black or white, whichever reads better on the cell's colour (WCAG contrast), so a merger's own colours stay legible. */
export function textColorOn(hex: string): '#000000' | '#ffffff' {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  const contrastWhite = 1.05 / (luminance + 0.05);
  const contrastBlack = (luminance + 0.05) / 0.05;
  return contrastBlack >= contrastWhite ? '#000000' : '#ffffff';
}
