// NCREIF's geographic regions and divisions, the ones the NCREIF Property Index (NPI) and NFI-ODCE
// report by, from a position's state: the derived `region` dimension (exposures fold the state
// tally into regions; the database filters and groups on `state`). Source: NCREIF, "NCREIF Data, Index and Products Guide" and the NPI's regional
// sub-index definitions (www.ncreif.org): four regions of two divisions each. The four region
// names match the NPI's regional sub-indices as NCREIF's own FAQ and third-party summaries list them
// (East, Midwest, South, West); the state-by-state table below is the one issue 10 states, and could
// not be re-checked against ncreif.org's published map from this machine (no internet access).
// Puerto Rico is in no NCREIF region: its positions count as `unknown`.

export const NCREIF_DIVISIONS = {
  northeast: ["CT", "ME", "MA", "NH", "NJ", "NY", "PA", "RI", "VT"],
  mideast: ["DE", "DC", "KY", "MD", "NC", "SC", "VA", "WV"],
  east_north_central: ["IL", "IN", "MI", "OH", "WI"],
  west_north_central: ["IA", "KS", "MN", "MO", "NE", "ND", "SD"],
  southeast: ["AL", "FL", "GA", "MS", "TN"],
  southwest: ["AR", "LA", "OK", "TX"],
  mountain: ["AZ", "CO", "ID", "MT", "NV", "NM", "UT", "WY"],
  pacific: ["AK", "CA", "HI", "OR", "WA"],
} as const;
export type NcreifDivision = keyof typeof NCREIF_DIVISIONS;

export const NCREIF_REGIONS = {
  east: ["northeast", "mideast"],
  midwest: ["east_north_central", "west_north_central"],
  south: ["southeast", "southwest"],
  west: ["mountain", "pacific"],
} as const satisfies Record<string, readonly NcreifDivision[]>;
export type NcreifRegion = keyof typeof NCREIF_REGIONS;

/** The regions, in NCREIF's order: the values of the `region` dimension. */
export const REGIONS = Object.keys(NCREIF_REGIONS) as NcreifRegion[];

export function isRegion(value: string): value is NcreifRegion {
  return Object.hasOwn(NCREIF_REGIONS, value);
}

export const REGION_LABELS: Record<NcreifRegion, string> = {
  east: "East",
  midwest: "Midwest",
  south: "South",
  west: "West",
};

const DIVISION_OF_STATE = new Map<string, NcreifDivision>(
  Object.entries(NCREIF_DIVISIONS).flatMap(([division, states]) =>
    states.map((state): [string, NcreifDivision] => [state, division as NcreifDivision]),
  ),
);
const REGION_OF_DIVISION = new Map<NcreifDivision, NcreifRegion>(
  Object.entries(NCREIF_REGIONS).flatMap(([region, divisions]) =>
    divisions.map((division): [NcreifDivision, NcreifRegion] => [division, region as NcreifRegion]),
  ),
);

/** The NCREIF division of a two-letter state code (upper case); null for PR, unknown or missing. */
export function divisionOf(state: string | null): NcreifDivision | null {
  return state === null ? null : (DIVISION_OF_STATE.get(state) ?? null);
}

/** The NCREIF region of a two-letter state code (upper case); null for PR, unknown or missing. */
export function regionOf(state: string | null): NcreifRegion | null {
  const division = divisionOf(state);
  return division === null ? null : (REGION_OF_DIVISION.get(division) ?? null);
}

/** The states of a region, upper case, in division order. */
export function statesOf(region: NcreifRegion): string[] {
  return NCREIF_REGIONS[region].flatMap((division) => [...NCREIF_DIVISIONS[division]]);
}

/** Every state in some region: a state outside these (PR) is in the `unknown` region. */
export const REGION_STATES: readonly string[] = REGIONS.flatMap(statesOf);
