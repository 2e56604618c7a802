import { type NcreifRegion, REGION_STATES, statesOf } from "../engine/regions";
import type { Dimension, Position } from "../engine/types";

// Where each dimension lives on a stored position: its field (the engine's Position and Prisma's
// model share the names) and its column in the positions table, for the queries written in SQL. A
// derived dimension lives where its source does (region: in `state`); the engine derives it from
// there, and SQL filters on it through the source's values (regionStatesSql).

export const DIMENSION_FIELD = {
  strategy: "strategy",
  state: "state",
  msa: "msaId",
  vintage: "vintage",
  construction_type: "constructionType",
  rent_band: "rentBand",
  region: "state",
} as const satisfies Record<Dimension, keyof Position>;

/**
 * The fund's share of a stored position's value, rounded to the cent as the engine's ownedCents
 * rounds it (numeric round is half away from zero; values are positive). What every SQL sum of
 * exposure adds up.
 */
export const OWNED_VALUE_SQL = "round(position_value * ownership_pct / 100, 2)";

/**
 * The fund's share of a stored position's units, to the hundredth of a unit, rounded as the
 * engine's ownedUnitHundredths rounds it; null when the position has no units (SUM skips it,
 * COUNT(units) does not count it).
 */
export const OWNED_UNITS_SQL = "round(units * ownership_pct / 100, 2)";

export const DIMENSION_COLUMN: Record<Dimension, string> = {
  strategy: "strategy",
  state: "state",
  msa: "msa_id",
  vintage: "vintage",
  construction_type: "construction_type",
  rent_band: "rent_band",
  region: "state",
};

/**
 * The states a region filter matches, for a condition on the `state` column: a region's own
 * states; for the `unknown` region, every state in some region (to be negated: a position is in the
 * unknown region when its state is missing or in none, as PR is).
 */
export function regionStates(region: NcreifRegion | "unknown"): string[] {
  return region === "unknown" ? [...REGION_STATES] : statesOf(region);
}
