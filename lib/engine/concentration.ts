import { type Concentration, type ExposureBucket, UNKNOWN } from "./types";

export const EMPTY_CONCENTRATION: Readonly<Concentration> = {
  top1Pct: 0,
  top3Pct: 0,
  count: 0,
  hhi: 0,
  effectiveN: 0,
  coveragePct: 0,
};

/**
 * Concentration of one dimension's buckets. The `unknown` bucket is not a value: lumping every
 * missing attribute together would read as one large holding, so it is left out of top1/top3,
 * count and the HHI, and shows up only as lost coverage. The HHI uses shares of the KNOWN value
 * (renormalised), while top1Pct/top3Pct stay shares of the total, like exposurePct.
 */
export function computeConcentration(buckets: readonly ExposureBucket[], total: number): Concentration {
  const known = buckets.filter((b) => b.dimensionValue !== UNKNOWN);
  const knownValue = known.reduce((sum, b) => sum + b.exposureValue, 0);
  if (known.length === 0 || knownValue <= 0 || total <= 0) return { ...EMPTY_CONCENTRATION };

  const largestFirst = [...known].sort((a, b) => b.exposureValue - a.exposureValue);
  const top1Pct = largestFirst[0]?.exposurePct ?? 0;
  const top3Pct = largestFirst.slice(0, 3).reduce((sum, b) => sum + b.exposurePct, 0);
  const hhi = known.reduce((sum, b) => {
    const sharePct = (b.exposureValue / knownValue) * 100;
    return sum + sharePct * sharePct;
  }, 0);

  return {
    top1Pct,
    top3Pct,
    count: known.length,
    hhi,
    effectiveN: hhi > 0 ? 10_000 / hhi : 0,
    coveragePct: (knownValue / total) * 100,
  };
}
