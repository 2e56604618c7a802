// Running totals for the one-pass exposure computation. Each distinct value gets a slot in
// typed-array accumulators, so a pass over a million positions allocates nothing per position.
// An addition is a position (count 1) or a group of positions already summed by the database.
//
// Money accumulates in whole cents: integers add exactly in a float64 up to 2^53 cents (about
// $90 trillion), so a sum does not depend on the order or grouping of its additions, and a run
// from positions equals a run from the database's exact group sums to the last bit. Sums of
// float dollars miss the exact cent in a few percent of books once values reach 1e12. Owned units
// (a joint venture owns a share of an asset's doors) accumulate the same way, in hundredths of a
// unit, beside a count of the positions that have units at all.

export interface Tally<K> {
  slots: Map<K, number>;
  /** keys[slot] is the value accumulated in values[slot] / counts[slot]. */
  keys: K[];
  /** Cents. */
  values: Float64Array;
  counts: Int32Array;
  /** Hundredths of a unit. */
  units: Float64Array;
  /** Positions with units. */
  unitsCounts: Int32Array;
  /** Cents. */
  unknownValue: number;
  unknownCount: number;
  /** Hundredths of a unit. */
  unknownUnits: number;
  unknownUnitsCount: number;
  /** Vintage only: slot by decade number for years 0–9999 (see addYear); empty otherwise. */
  direct: Int32Array;
}

// Every tally has the same shape (vintage's just has a non-empty `direct`), which keeps the
// hot loop's property accesses monomorphic.
function createTally<K>(directSize: number): Tally<K> {
  return {
    slots: new Map(),
    keys: [],
    values: new Float64Array(64),
    counts: new Int32Array(64),
    units: new Float64Array(64),
    unitsCounts: new Int32Array(64),
    unknownValue: 0,
    unknownCount: 0,
    unknownUnits: 0,
    unknownUnitsCount: 0,
    direct: new Int32Array(directSize).fill(-1),
  };
}

export function createValueTally(): Tally<string> {
  return createTally(0);
}

export function createDecadeTally(): Tally<number> {
  return createTally(1000);
}

function addSlot<K>(tally: Tally<K>, key: K): number {
  const slot = tally.keys.length;
  tally.slots.set(key, slot);
  tally.keys.push(key);
  if (slot >= tally.values.length) {
    tally.values = grown(tally.values, new Float64Array(tally.values.length * 2));
    tally.counts = grown(tally.counts, new Int32Array(tally.counts.length * 2));
    tally.units = grown(tally.units, new Float64Array(tally.units.length * 2));
    tally.unitsCounts = grown(tally.unitsCounts, new Int32Array(tally.unitsCounts.length * 2));
  }
  return slot;
}

function grown<A extends Float64Array | Int32Array>(from: A, to: A): A {
  to.set(from);
  return to;
}

/**
 * A money amount in whole cents. Stored and imported amounts are already whole cents (see
 * parseMoney); this only removes the binary noise of their float64 form, exactly for amounts
 * below 2^45 (about $35 trillion, over three times the largest position) and nearly so above.
 */
export function toCents(value: number): number {
  return Math.round(value * 100);
}

/**
 * The fund's share of a position's value in whole cents: cents × ownershipPct / 100, rounded half
 * up to the cent, exactly (the database's round(position_value * ownership_pct / 100, 2)).
 * ownershipPct has at most four decimals, so the product is an integer in millionths of a cent.
 */
export function ownedCents(value: number, ownershipPct: number): number {
  const cents = toCents(value);
  if (ownershipPct === 100) return cents;
  const share = Math.round(ownershipPct * 1e4);
  const product = cents * share;
  if (Number.isSafeInteger(product)) {
    const rest = product % 1e6;
    return (product - rest) / 1e6 + (rest >= 5e5 ? 1 : 0);
  }
  const big = BigInt(cents) * BigInt(share);
  return Number((big + 500_000n) / 1_000_000n);
}

/**
 * A position's owned units in hundredths of a unit, rounded half up as money is (the database's
 * round(units * ownership_pct / 100, 2)); 0 when it has none (see unitsCountOf).
 */
export function ownedUnitHundredths(units: number | null, ownershipPct: number): number {
  return units === null ? 0 : ownedCents(units, ownershipPct);
}

/** 1 when a position has units (0 units included), 0 when they are missing. */
export function unitsCountOf(units: number | null): number {
  return units === null ? 0 : 1;
}

// The hot loop calls these with numbers only (never an object per position), so each stays
// monomorphic and allocation-free.
function accumulate<K>(
  tally: Tally<K>,
  slot: number,
  cents: number,
  count: number,
  unitHundredths: number,
  unitsCount: number,
): void {
  tally.values[slot] = (tally.values[slot] ?? 0) + cents;
  tally.counts[slot] = (tally.counts[slot] ?? 0) + count;
  tally.units[slot] = (tally.units[slot] ?? 0) + unitHundredths;
  tally.unitsCounts[slot] = (tally.unitsCounts[slot] ?? 0) + unitsCount;
}

function addUnknown<K>(
  tally: Tally<K>,
  cents: number,
  count: number,
  unitHundredths: number,
  unitsCount: number,
): void {
  tally.unknownValue += cents;
  tally.unknownCount += count;
  tally.unknownUnits += unitHundredths;
  tally.unknownUnitsCount += unitsCount;
}

/**
 * Adds `count` positions worth `cents` in all, owning `unitHundredths` of a unit of which
 * `unitsCount` have units, under one attribute value (null: missing).
 */
export function addValue(
  tally: Tally<string>,
  key: string | null,
  cents: number,
  count: number,
  unitHundredths: number,
  unitsCount: number,
): void {
  if (key === null) {
    addUnknown(tally, cents, count, unitHundredths, unitsCount);
    return;
  }
  accumulate(tally, tally.slots.get(key) ?? addSlot(tally, key), cents, count, unitHundredths, unitsCount);
}

/**
 * Adds positions by the decade of their year built (1987 -> 1980), keyed by decade number. Decades
 * of years 0–9999 go through the direct table, several times faster than a Map with number keys;
 * any other year falls back to the Map.
 */
export function addYear(
  tally: Tally<number>,
  year: number | null,
  cents: number,
  count: number,
  unitHundredths: number,
  unitsCount: number,
): void {
  if (year === null) {
    addUnknown(tally, cents, count, unitHundredths, unitsCount);
    return;
  }
  const decade = Math.floor(year / 10);
  const inTable = decade >= 0 && decade < tally.direct.length;
  let slot = inTable ? (tally.direct[decade] ?? -1) : -1;
  if (slot < 0) {
    slot = tally.slots.get(decade * 10) ?? addSlot(tally, decade * 10);
    if (inTable) tally.direct[decade] = slot;
  }
  accumulate(tally, slot, cents, count, unitHundredths, unitsCount);
}
