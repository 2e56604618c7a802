import { computeConcentration } from "./concentration";
import { regionOf } from "./regions";
import {
  addValue,
  addYear,
  createDecadeTally,
  createValueTally,
  ownedCents,
  ownedUnitHundredths,
  type Tally,
  toCents,
  unitsCountOf,
} from "./tally";
import {
  DIMENSIONS,
  type Dimension,
  type ExposureBucket,
  type ExposureResult,
  type Position,
  STORED_DIMENSIONS,
  type StoredDimension,
  UNKNOWN,
} from "./types";
import { vintageBucket } from "./vintage";

/** Largest exposure first, ties by value name; `unknown` always last. */
export function compareBuckets(a: ExposureBucket, b: ExposureBucket): number {
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
  totalCents: number,
): ExposureBucket[] {
  const bucket = (
    dimensionValue: string,
    cents: number,
    positionCount: number,
    unitHundredths: number,
    unitsCount: number,
  ): ExposureBucket => ({
    dimensionType,
    dimensionValue,
    exposureValue: cents / 100,
    exposurePct: totalCents > 0 ? (cents / totalCents) * 100 : 0,
    positionCount,
    exposureUnits: unitHundredths / 100,
    unitsCount,
  });
  const buckets: ExposureBucket[] = [];
  let unknownCents = tally.unknownValue;
  let unknownCount = tally.unknownCount;
  let unknownUnits = tally.unknownUnits;
  let unknownUnitsCount = tally.unknownUnitsCount;
  tally.keys.forEach((key, slot) => {
    const dimensionValue = label(key);
    const cents = tally.values[slot] ?? 0;
    const positionCount = tally.counts[slot] ?? 0;
    const unitHundredths = tally.units[slot] ?? 0;
    const unitsCount = tally.unitsCounts[slot] ?? 0;
    // Groups that net to no position (a what-if's sale taken from the book's sums) are no bucket.
    if (positionCount === 0) return;
    // A value spelled "unknown" is the same bucket as a missing one, never a second "unknown" row.
    if (dimensionValue === UNKNOWN) {
      unknownCents += cents;
      unknownCount += positionCount;
      unknownUnits += unitHundredths;
      unknownUnitsCount += unitsCount;
      return;
    }
    buckets.push(bucket(dimensionValue, cents, positionCount, unitHundredths, unitsCount));
  });
  // A dimension where every position is known has no unknown bucket at all.
  if (unknownCount > 0) buckets.push(bucket(UNKNOWN, unknownCents, unknownCount, unknownUnits, unknownUnitsCount));
  return buckets.sort(compareBuckets);
}

type Tallies = { [D in StoredDimension]: Tally<D extends "vintage" ? number : string> };

function createTallies(): Tallies {
  return {
    strategy: createValueTally(),
    state: createValueTally(),
    msa: createValueTally(),
    vintage: createDecadeTally(),
    construction_type: createValueTally(),
    rent_band: createValueTally(),
  };
}

const same = (key: string) => key;

/**
 * The state tally folded into NCREIF regions: a region's sums are its states' sums, and states in
 * no region (PR, or an unknown state) fall in `unknown`. A few dozen additions per run.
 */
function regionTally(states: Tally<string>): Tally<string> {
  const regions = createValueTally();
  states.keys.forEach((state, slot) => {
    addValue(
      regions,
      regionOf(state),
      states.values[slot] ?? 0,
      states.counts[slot] ?? 0,
      states.units[slot] ?? 0,
      states.unitsCounts[slot] ?? 0,
    );
  });
  regions.unknownValue += states.unknownValue;
  regions.unknownCount += states.unknownCount;
  regions.unknownUnits += states.unknownUnits;
  regions.unknownUnitsCount += states.unknownUnitsCount;
  return regions;
}

function toResult(tallies: Tallies, totalCents: number, positionCount: number): ExposureResult {
  const byDimension: Record<Dimension, ExposureBucket[]> = {
    strategy: toBuckets("strategy", tallies.strategy, same, totalCents),
    state: toBuckets("state", tallies.state, same, totalCents),
    msa: toBuckets("msa", tallies.msa, same, totalCents),
    vintage: toBuckets("vintage", tallies.vintage, vintageBucket, totalCents),
    construction_type: toBuckets("construction_type", tallies.construction_type, same, totalCents),
    rent_band: toBuckets("rent_band", tallies.rent_band, same, totalCents),
    region: toBuckets("region", regionTally(tallies.state), same, totalCents),
  };
  const total = totalCents / 100;
  const concentrationOf = (dimension: Dimension) => computeConcentration(byDimension[dimension], total);

  return {
    totalPortfolioValue: total,
    positionCount,
    exposures: DIMENSIONS.flatMap((dimension) => byDimension[dimension]),
    concentration: {
      strategy: concentrationOf("strategy"),
      state: concentrationOf("state"),
      msa: concentrationOf("msa"),
      vintage: concentrationOf("vintage"),
      construction_type: concentrationOf("construction_type"),
      rent_band: concentrationOf("rent_band"),
      region: concentrationOf("region"),
    },
  };
}

/**
 * Exposure of the portfolio along every dimension, in one pass over the positions. A missing
 * attribute counts in the `unknown` bucket, so each dimension's exposurePct sums to 100.
 */
export function computeExposures(positions: readonly Position[]): ExposureResult {
  const tallies = createTallies();
  const { strategy, state, msa, vintage, construction_type, rent_band } = tallies;
  let totalCents = 0;

  for (let i = 0; i < positions.length; i++) {
    const p = positions[i];
    if (p === undefined) continue;
    const cents = ownedCents(p.positionValue, p.ownershipPct);
    const units = ownedUnitHundredths(p.units, p.ownershipPct);
    const withUnits = unitsCountOf(p.units);
    totalCents += cents;
    addValue(strategy, p.strategy, cents, 1, units, withUnits);
    addValue(state, p.state, cents, 1, units, withUnits);
    addValue(msa, p.msaId, cents, 1, units, withUnits);
    addYear(vintage, p.vintage, cents, 1, units, withUnits);
    addValue(construction_type, p.constructionType, cents, 1, units, withUnits);
    addValue(rent_band, p.rentBand, cents, 1, units, withUnits);
  }

  return toResult(tallies, totalCents, positions.length);
}

/** Positions that share one stored value of one attribute, summed (a SQL GROUP BY row). */
export interface PositionGroup<K extends string | number> {
  /** The attribute as stored (vintage: the year built, not its decade); null when missing. */
  key: K | null;
  /** Sum of the group's owned position values. */
  value: number;
  count: number;
  /** Sum of the group's owned units (each to the hundredth of a unit, as ownedUnitHundredths). */
  units: number;
  /** How many of the group's positions have units. */
  unitsCount: number;
}

/** A book summed per stored value of each dimension, and in all. */
export interface GroupedPositions {
  totalValue: number;
  positionCount: number;
  groups: { [D in StoredDimension]: ReadonlyArray<PositionGroup<D extends "vintage" ? number : string>> };
}

/**
 * computeExposures from positions the database has already summed per raw attribute value. The
 * groups go through the same accumulators as single positions (a position is a group of one), so
 * bucketing (`unknown`, vintage by decade), percentages, ordering and concentration have one
 * definition, and the result equals computeExposures over the same positions exactly.
 */
export function computeExposuresFromGroups({ totalValue, positionCount, groups }: GroupedPositions): ExposureResult {
  return toResult(tallyGroups(groups), toCents(totalValue), positionCount);
}

/** The groups in fresh accumulators; units go through toCents too, into hundredths of a unit. */
function tallyGroups(groups: GroupedPositions["groups"]): Tallies {
  const tallies = createTallies();
  for (const dimension of STORED_DIMENSIONS) {
    if (dimension === "vintage") continue;
    const tally = tallies[dimension];
    for (const g of groups[dimension])
      addValue(tally, g.key, toCents(g.value), g.count, toCents(g.units), g.unitsCount);
  }
  for (const g of groups.vintage)
    addYear(tallies.vintage, g.key, toCents(g.value), g.count, toCents(g.units), g.unitsCount);
  return tallies;
}

/**
 * computeExposuresFromGroups of a book with some positions taken out (`removed`) and others put in
 * (`added`), one by one, into the same accumulators: a what-if on a large book changes the few
 * positions it touches without reading the rest. Equal, exactly, to the engine over the changed
 * positions, as sums in whole cents do not depend on the order of their additions.
 */
export function computeExposuresWithChanges(
  book: GroupedPositions,
  removed: readonly Position[],
  added: readonly Position[],
): ExposureResult {
  const tallies = tallyGroups(book.groups);
  let totalCents = toCents(book.totalValue);
  const { strategy, state, msa, vintage, construction_type, rent_band } = tallies;
  const change = (positions: readonly Position[], sign: 1 | -1) => {
    for (const p of positions) {
      const cents = sign * ownedCents(p.positionValue, p.ownershipPct);
      const units = sign * ownedUnitHundredths(p.units, p.ownershipPct);
      const withUnits = sign * unitsCountOf(p.units);
      totalCents += cents;
      addValue(strategy, p.strategy, cents, sign, units, withUnits);
      addValue(state, p.state, cents, sign, units, withUnits);
      addValue(msa, p.msaId, cents, sign, units, withUnits);
      addYear(vintage, p.vintage, cents, sign, units, withUnits);
      addValue(construction_type, p.constructionType, cents, sign, units, withUnits);
      addValue(rent_band, p.rentBand, cents, sign, units, withUnits);
    }
  };
  change(removed, -1);
  change(added, 1);
  return toResult(tallies, totalCents, book.positionCount - removed.length + added.length);
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
