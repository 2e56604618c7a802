// The exposure engine's vocabulary. Everything in lib/engine is pure: plain data in, plain data out.

/** The longest text a position attribute or a limit's dimension value may hold. */
export const MAX_TEXT_LENGTH = 200;

export const DIMENSIONS = ["strategy", "state", "msa", "vintage", "construction_type", "rent_band", "region"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/**
 * The dimensions a position stores; the others are derived from them (`region` from `state`, see
 * regions.ts), so the database groups and filters the stored attribute and the engine derives.
 */
export const STORED_DIMENSIONS = ["strategy", "state", "msa", "vintage", "construction_type", "rent_band"] as const;
export type StoredDimension = (typeof STORED_DIMENSIONS)[number];

/** Bucket for positions whose attribute is missing, so that every dimension sums to 100 %. */
export const UNKNOWN = "unknown";

/** A position after normalisation (see normalize.ts): missing attributes are null, never "". */
export interface Position {
  positionId: string | null;
  assetId: string | null;
  /** 5-digit CBSA code. */
  msaId: string | null;
  strategy: string | null;
  /** Two-letter US state, DC or PR code, upper case. */
  state: string | null;
  /** Year built; bucketed by decade ("1980s") for exposure. */
  vintage: number | null;
  constructionType: string | null;
  rentBand: string | null;
  /** Finite and > 0. */
  positionValue: number;
  /** Integer >= 0 when given. */
  units: number | null;
  /**
   * The fund's share of the position in percent, 0 < x ≤ 100, at most four decimals (100: wholly
   * owned). Exposure counts position_value × ownershipPct / 100 (see ownedCents), units likewise.
   */
  ownershipPct: number;
}

export interface ExposureBucket {
  dimensionType: Dimension;
  dimensionValue: string;
  exposureValue: number;
  /** exposureValue / total × 100, unrounded. */
  exposurePct: number;
  positionCount: number;
  /** Owned units (units × ownershipPct / 100 per position, to the hundredth of a unit), summed. */
  exposureUnits: number;
  /** How many of the bucket's positions have units (0 counts; a missing units does not). */
  unitsCount: number;
}

export interface Concentration {
  top1Pct: number;
  top3Pct: number;
  /** Number of known values (the `unknown` bucket is not a value). */
  count: number;
  /** Herfindahl–Hirschman index over the known values' shares of known value, 0–10,000. */
  hhi: number;
  /** 10,000 / hhi; 0 when nothing is known. */
  effectiveN: number;
  /** Share of total value whose attribute is known. */
  coveragePct: number;
}

export interface ExposureResult {
  totalPortfolioValue: number;
  positionCount: number;
  /** Grouped by dimension in DIMENSIONS order; within one, largest exposure first, `unknown` last. */
  exposures: ExposureBucket[];
  concentration: Record<Dimension, Concentration>;
}

export type ThresholdType = "maximum" | "minimum";
export type Severity = "warning" | "critical";

/** What a limit measures (see limit-kinds.ts); `share` is a value's share, the original kind. */
export const LIMIT_KINDS = ["share", "amount", "count", "top_n", "hhi", "target"] as const;
export type LimitKind = (typeof LIMIT_KINDS)[number];

/** What exposure is counted in: dollars (owned value), units (doors) or positions. */
export const BASES = ["value", "units", "positions"] as const;
export type Basis = (typeof BASES)[number];

/** The unit a breach's distance is measured in. */
export type BreachUnit = "pp" | "usd" | "units" | "count" | "hhi" | "days";

/** The value a dimension-wide limit's breach (count, top_n, hhi) is filed under. */
export const DIMENSION_WIDE = "*";

/** A limit of any kind. Only the fields its kind uses are set; the rest are null. */
export interface Limit {
  id: string;
  dimensionType: Dimension;
  /**
   * share, amount and target: one value, or null for every value of the dimension except
   * `unknown`; dimension-wide kinds (count, top_n, hhi): null.
   */
  dimensionValue: string | null;
  kind: LimitKind;
  basis: Basis;
  /** share, amount, count: either; top_n and hhi: maximum; target: null (either side of its band). */
  thresholdType: ThresholdType | null;
  /** share and top_n: percent of the basis's total. */
  thresholdPct: number | null;
  /** amount, in the basis's unit (dollars, units, positions). */
  thresholdAmount: number | null;
  /** count: distinct known values. */
  thresholdCount: number | null;
  /** top_n: how many of the largest values. */
  topN: number | null;
  /** hhi: 0–10,000. */
  thresholdHhi: number | null;
  /** target: the share aimed at, and the drift allowed either side (null: the default band). */
  targetPct: number | null;
  bandPp: number | null;
  severityLevel: Severity;
  isActive: boolean;
}

/** A value's share of portfolio value, at most or at least thresholdPct: today's limits, and the dials'. */
export type ShareLimit = Limit & { kind: "share"; basis: "value"; thresholdPct: number; thresholdType: ThresholdType };

export function isShareLimit(limit: Limit): limit is ShareLimit {
  return (
    limit.kind === "share" && limit.basis === "value" && limit.thresholdPct !== null && limit.thresholdType !== null
  );
}

export interface Breach {
  limitId: string;
  kind: LimitKind;
  basis: Basis;
  dimensionType: Dimension;
  /** The value breached, or DIMENSION_WIDE. */
  dimensionValue: string;
  /** What was measured, in the limit's unit: a share (%), an amount, a count, an HHI. */
  exposurePct: number;
  /** The line crossed: the threshold, or for a target the target itself. */
  thresholdPct: number;
  /** maximum: above the line; minimum: below it (a target: above or below its band). */
  thresholdType: ThresholdType;
  severity: Severity;
  /** Distance past the limit (a target: past its band's edge), always positive, in breachUnit. */
  breachPct: number;
  breachUnit: BreachUnit;
  /** The alert's message. */
  message: string;
}

export type LimitStatus = "within" | "near" | "breach";
