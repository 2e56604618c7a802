// The exposure engine's vocabulary. Everything in lib/engine is pure: plain data in, plain data out.

/** The longest text a position attribute or a limit's dimension value may hold. */
export const MAX_TEXT_LENGTH = 200;

export const DIMENSIONS = ["strategy", "state", "msa", "vintage", "construction_type", "rent_band"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

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

export interface Limit {
  id: string;
  dimensionType: Dimension;
  /** null: applies to every value of the dimension except `unknown`. */
  dimensionValue: string | null;
  thresholdPct: number;
  thresholdType: ThresholdType;
  severityLevel: Severity;
  isActive: boolean;
}

export interface Breach {
  limitId: string;
  dimensionType: Dimension;
  dimensionValue: string;
  exposurePct: number;
  thresholdPct: number;
  thresholdType: ThresholdType;
  severity: Severity;
  /** Distance past the limit in percentage points, always positive. */
  breachPct: number;
}

export type LimitStatus = "within" | "near" | "breach";
