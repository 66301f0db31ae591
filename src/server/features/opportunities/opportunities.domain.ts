/**
 * Chapter 5's opportunities taken up in a merger's plan: under which activity
 * they go by default, and which have been taken up already.
 */

/** «Høste lavthengende frukter» (phase 4) for quick wins, «Gjennomføre prosjekter for å realisere større gevinster» (phase 5) for the rest. */
export const defaultActivities = { lowHangingFruit: 'fase-4-akt-7', other: 'fase-5-akt-8' } as const;

export function defaultActivityFor(opportunity: { lowHangingFruit: boolean }): string {
  return opportunity.lowHangingFruit ? defaultActivities.lowHangingFruit : defaultActivities.other;
}

export interface OpportunityArea<O extends { id: string; lowHangingFruit: boolean }> {
  id: string;
  name: string;
  opportunities: readonly O[];
}

/** The areas and opportunities a filter keeps; an area left without opportunities is left out. */
export function filterOpportunities<O extends { id: string; lowHangingFruit: boolean }>(
  areas: ReadonlyArray<OpportunityArea<O>>,
  filter: { area?: string | undefined; lowHangingFruit?: boolean | undefined },
): Array<OpportunityArea<O>> {
  return areas
    .filter((area) => filter.area === undefined || area.id === filter.area)
    .map((area) => ({ ...area, opportunities: area.opportunities.filter((o) => !filter.lowHangingFruit || o.lowHangingFruit) }))
    .filter((area) => area.opportunities.length > 0);
}
