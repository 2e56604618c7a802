import type { Limit, Position } from "@/lib/engine/types";

/** A fully known position; tests override only what they are about. */
export function position(overrides: Partial<Position> = {}): Position {
  return {
    positionId: "P1",
    assetId: "A1",
    msaId: "12420",
    strategy: "core",
    state: "TX",
    vintage: 2015,
    constructionType: "garden",
    rentBand: "market",
    positionValue: 1_000_000,
    units: 100,
    ownershipPct: 100,
    ...overrides,
  };
}

export function limit(overrides: Partial<Limit> = {}): Limit {
  return {
    id: "L1",
    dimensionType: "strategy",
    dimensionValue: null,
    kind: "share",
    basis: "value",
    thresholdPct: 30,
    thresholdType: "maximum",
    thresholdAmount: null,
    thresholdCount: null,
    topN: null,
    thresholdHhi: null,
    targetPct: null,
    bandPp: null,
    severityLevel: "warning",
    isActive: true,
    ...overrides,
  };
}

/** Every number in a value, found by walking it: used to prove nothing is NaN or infinite. */
export function allNumbers(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (Array.isArray(value)) return value.flatMap(allNumbers);
  if (value !== null && typeof value === "object") return Object.values(value).flatMap(allNumbers);
  return [];
}
