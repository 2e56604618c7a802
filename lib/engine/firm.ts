import { compareBuckets } from "./exposures";
import { toCents } from "./tally";
import { DIMENSIONS, type Dimension, type ExposureBucket } from "./types";

// The firm view (issue 12): every active fund's latest run added up. A fund's run already sums to
// its own total in every dimension (missing attributes in `unknown`), so the firm's buckets sum to
// the firm's total, the sum of the funds' run totals. Money is added in whole cents, as tally.ts
// adds positions, so the firm's figures do not depend on the order of the funds. The funds' runs
// may have different as-of dates; each counts as of its own (the caller shows which).

/** One fund's latest run. */
export interface FundExposures {
  slug: string;
  name: string;
  totalPortfolioValue: number;
  positionCount: number;
  exposures: readonly ExposureBucket[];
}

/** A fund's dollars in one value of a dimension. */
export interface FundHolding {
  slug: string;
  name: string;
  exposureValue: number;
}

/** A value of a dimension across the firm: summed over the funds, its share of the firm's total. */
export interface FirmExposure extends ExposureBucket {
  /** The funds that hold it, largest first (ties by name). */
  funds: FundHolding[];
}

export interface FundShare {
  slug: string;
  name: string;
  totalPortfolioValue: number;
  /** The fund's total as a share of the firm's, unrounded. */
  sharePct: number;
}

export interface FirmRollup {
  totalValue: number;
  positionCount: number;
  /** The funds in the order given. */
  funds: FundShare[];
  /** By dimension in DIMENSIONS order; within one, largest first, `unknown` last. */
  exposures: FirmExposure[];
}

interface Sum {
  dimensionType: Dimension;
  dimensionValue: string;
  cents: number;
  positionCount: number;
  unitHundredths: number;
  unitsCount: number;
  funds: Array<{ slug: string; name: string; cents: number }>;
}

const pctOf = (cents: number, totalCents: number) => (totalCents > 0 ? (cents / totalCents) * 100 : 0);

export function computeFirmExposures(funds: readonly FundExposures[]): FirmRollup {
  let totalCents = 0;
  let positionCount = 0;
  const sums = new Map<string, Sum>();
  for (const fund of funds) {
    totalCents += toCents(fund.totalPortfolioValue);
    positionCount += fund.positionCount;
    for (const b of fund.exposures) {
      const key = `${b.dimensionType}\u0000${b.dimensionValue}`;
      let sum = sums.get(key);
      if (!sum) {
        sum = {
          dimensionType: b.dimensionType,
          dimensionValue: b.dimensionValue,
          cents: 0,
          positionCount: 0,
          unitHundredths: 0,
          unitsCount: 0,
          funds: [],
        };
        sums.set(key, sum);
      }
      const cents = toCents(b.exposureValue);
      sum.cents += cents;
      sum.positionCount += b.positionCount;
      sum.unitHundredths += toCents(b.exposureUnits);
      sum.unitsCount += b.unitsCount;
      sum.funds.push({ slug: fund.slug, name: fund.name, cents });
    }
  }

  const exposures = [...sums.values()].map(
    (s): FirmExposure => ({
      dimensionType: s.dimensionType,
      dimensionValue: s.dimensionValue,
      exposureValue: s.cents / 100,
      exposurePct: pctOf(s.cents, totalCents),
      positionCount: s.positionCount,
      exposureUnits: s.unitHundredths / 100,
      unitsCount: s.unitsCount,
      funds: s.funds
        .sort((a, b) => b.cents - a.cents || a.name.localeCompare(b.name))
        .map((f) => ({ slug: f.slug, name: f.name, exposureValue: f.cents / 100 })),
    }),
  );
  const order = new Map<string, number>(DIMENSIONS.map((d, i) => [d, i]));
  exposures.sort(
    (a, b) => (order.get(a.dimensionType) ?? 99) - (order.get(b.dimensionType) ?? 99) || compareBuckets(a, b),
  );

  return {
    totalValue: totalCents / 100,
    positionCount,
    funds: funds.map((f) => ({
      slug: f.slug,
      name: f.name,
      totalPortfolioValue: toCents(f.totalPortfolioValue) / 100,
      sharePct: pctOf(toCents(f.totalPortfolioValue), totalCents),
    })),
    exposures,
  };
}
