// Running totals for the one-pass exposure computation. Each distinct value gets a slot in
// typed-array accumulators, so a pass over a million positions allocates nothing per position.

export interface Tally<K> {
  slots: Map<K, number>;
  /** keys[slot] is the value accumulated in values[slot] / counts[slot]. */
  keys: K[];
  values: Float64Array;
  counts: Int32Array;
  unknownValue: number;
  unknownCount: number;
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
    unknownValue: 0,
    unknownCount: 0,
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
    const values = new Float64Array(tally.values.length * 2);
    const counts = new Int32Array(tally.counts.length * 2);
    values.set(tally.values);
    counts.set(tally.counts);
    tally.values = values;
    tally.counts = counts;
  }
  return slot;
}

function accumulate<K>(tally: Tally<K>, slot: number, value: number): void {
  tally.values[slot] = (tally.values[slot] ?? 0) + value;
  tally.counts[slot] = (tally.counts[slot] ?? 0) + 1;
}

function addUnknown<K>(tally: Tally<K>, value: number): void {
  tally.unknownValue += value;
  tally.unknownCount += 1;
}

export function addValue(tally: Tally<string>, key: string | null, value: number): void {
  if (key === null) {
    addUnknown(tally, value);
    return;
  }
  accumulate(tally, tally.slots.get(key) ?? addSlot(tally, key), value);
}

/**
 * Adds a position by the decade of its year built (1987 -> 1980), keyed by decade number. Decades
 * of years 0–9999 go through the direct table, several times faster than a Map with number keys;
 * any other year falls back to the Map.
 */
export function addYear(tally: Tally<number>, year: number | null, value: number): void {
  if (year === null) {
    addUnknown(tally, value);
    return;
  }
  const decade = Math.floor(year / 10);
  const inTable = decade >= 0 && decade < tally.direct.length;
  let slot = inTable ? (tally.direct[decade] ?? -1) : -1;
  if (slot < 0) {
    slot = tally.slots.get(decade * 10) ?? addSlot(tally, decade * 10);
    if (inTable) tally.direct[decade] = slot;
  }
  accumulate(tally, slot, value);
}
