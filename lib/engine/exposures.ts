import { computeConcentration } from "./concentration";
import { addValue, addYear, createDecadeTally, createValueTally, type Tally } from "./tally";
import { DIMENSIONS, type Dimension, type ExposureBucket, type ExposureResult, type Position, UNKNOWN } from "./types";
import { vintageBucket } from "./vintage";

/** Largest exposure first, ties by value name; `unknown` always last. */
function compareBuckets(a: ExposureBucket, b: ExposureBucket): number {
  if (a.dimensionValue === UNKNOWN || b.dimensionValue === UNKNOWN) {
    return Number(a.dimensionValue === UNKNOWN) - Number(b.dimensionValue === UNKNOWN);
  }
  if (a.exposureValue !== b.exposureValue) return b.exposureValue - a.exposureValue;
  return a.dimensionValue < b.dimensionValue ? -1 : a.dimensionValue > b.dimensionValue ? 1 : 0;
}

function toBuckets<K>(
  dimensionType: Dimension,
  tally: Tally<K>,
  label: (key: K) => string,
  total: number,
): ExposureBucket[] {
  const pct = (value: number) => (total > 0 ? (value / total) * 100 : 0);
  const buckets: ExposureBucket[] = [];
  let unknownValue = tally.unknownValue;
  let unknownCount = tally.unknownCount;
  tally.keys.forEach((key, slot) => {
    const dimensionValue = label(key);
    const exposureValue = tally.values[slot] ?? 0;
    const positionCount = tally.counts[slot] ?? 0;
    // A value spelled "unknown" is the same bucket as a missing one, never a second "unknown" row.
    if (dimensionValue === UNKNOWN) {
      unknownValue += exposureValue;
      unknownCount += positionCount;
      return;
    }
    buckets.push({ dimensionType, dimensionValue, exposureValue, exposurePct: pct(exposureValue), positionCount });
  });
  // A dimension where every position is known has no unknown bucket at all.
  if (unknownCount > 0) {
    buckets.push({
      dimensionType,
      dimensionValue: UNKNOWN,
      exposureValue: unknownValue,
      exposurePct: pct(unknownValue),
      positionCount: unknownCount,
    });
  }
  return buckets.sort(compareBuckets);
}

/**
 * Exposure of the portfolio along every dimension, in one pass over the positions. A missing
 * attribute counts in the `unknown` bucket, so each dimension's exposurePct sums to 100.
 */
export function computeExposures(positions: readonly Position[]): ExposureResult {
  const strategy = createValueTally();
  const state = createValueTally();
  const msa = createValueTally();
  const vintage = createDecadeTally();
  const constructionType = createValueTally();
  const rentBand = createValueTally();
  let total = 0;

  for (let i = 0; i < positions.length; i++) {
    const p = positions[i];
    if (p === undefined) continue;
    const value = p.positionValue;
    total += value;
    addValue(strategy, p.strategy, value);
    addValue(state, p.state, value);
    addValue(msa, p.msaId, value);
    addYear(vintage, p.vintage, value);
    addValue(constructionType, p.constructionType, value);
    addValue(rentBand, p.rentBand, value);
  }

  const same = (key: string) => key;
  const byDimension: Record<Dimension, ExposureBucket[]> = {
    strategy: toBuckets("strategy", strategy, same, total),
    state: toBuckets("state", state, same, total),
    msa: toBuckets("msa", msa, same, total),
    vintage: toBuckets("vintage", vintage, vintageBucket, total),
    construction_type: toBuckets("construction_type", constructionType, same, total),
    rent_band: toBuckets("rent_band", rentBand, same, total),
  };
  const concentrationOf = (dimension: Dimension) => computeConcentration(byDimension[dimension], total);

  return {
    totalPortfolioValue: total,
    positionCount: positions.length,
    exposures: DIMENSIONS.flatMap((dimension) => byDimension[dimension]),
    concentration: {
      strategy: concentrationOf("strategy"),
      state: concentrationOf("state"),
      msa: concentrationOf("msa"),
      vintage: concentrationOf("vintage"),
      construction_type: concentrationOf("construction_type"),
      rent_band: concentrationOf("rent_band"),
    },
  };
}

/** One dimension's buckets, in result order (largest first, `unknown` last). */
export function bucketsFor(result: ExposureResult, dimension: Dimension): ExposureBucket[] {
  return result.exposures.filter((b) => b.dimensionType === dimension);
}

/** The `n` largest known values of a dimension; `unknown` is not a value. */
export function topValues(result: ExposureResult, dimension: Dimension, n: number): ExposureBucket[] {
  return bucketsFor(result, dimension)
    .filter((b) => b.dimensionValue !== UNKNOWN)
    .slice(0, Math.max(0, n));
}
