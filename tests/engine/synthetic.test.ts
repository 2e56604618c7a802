import { describe, expect, test } from "vitest";
import { computeExposures } from "@/lib/engine/exposures";
import { generateSyntheticPositions } from "@/lib/engine/synthetic";
import type { Position } from "@/lib/engine/types";

const positions = generateSyntheticPositions(20_000);
const distinct = (pick: (p: Position) => string | number | null) =>
  new Set(positions.map(pick).filter((v) => v !== null));

describe("generateSyntheticPositions", () => {
  test("same seed, same book; another seed, another book", () => {
    expect(generateSyntheticPositions(500)).toEqual(generateSyntheticPositions(500, 42));
    expect(generateSyntheticPositions(500, 7)).not.toEqual(generateSyntheticPositions(500, 42));
  });

  test.each([
    { label: "50 states", pick: (p: Position) => p.state, size: 50 },
    { label: "400 MSAs", pick: (p: Position) => p.msaId, size: 400 },
    {
      label: "8 decades of vintage",
      pick: (p: Position) => (p.vintage === null ? null : Math.floor(p.vintage / 10)),
      size: 8,
    },
    { label: "5 strategies", pick: (p: Position) => p.strategy, size: 5 },
    { label: "6 construction types", pick: (p: Position) => p.constructionType, size: 6 },
    { label: "4 rent bands", pick: (p: Position) => p.rentBand, size: 4 },
  ])("$label", ({ pick, size }) => {
    expect(distinct(pick).size).toBe(size);
  });

  test("codes look real: two-letter states, 5-digit MSAs, each MSA in one state", () => {
    expect([...distinct((p) => p.state)].every((s) => /^[A-Z]{2}$/.test(String(s)))).toBe(true);
    expect([...distinct((p) => p.msaId)].every((m) => /^\d{5}$/.test(String(m)))).toBe(true);
    const stateOf = new Map<string, Set<string | null>>();
    for (const p of positions) if (p.msaId) stateOf.set(p.msaId, (stateOf.get(p.msaId) ?? new Set()).add(p.state));
    expect([...stateOf.values()].every((states) => states.size === 1)).toBe(true);
  });

  test("values, units, vintages and ids are in range", () => {
    expect(positions.every((p) => p.positionValue >= 500_000 && p.positionValue <= 50_000_000)).toBe(true);
    expect(positions.every((p) => Math.round(p.positionValue * 100) / 100 === p.positionValue)).toBe(true);
    expect(positions.every((p) => Number.isInteger(p.units) && (p.units ?? 0) >= 1)).toBe(true);
    expect(positions.every((p) => p.vintage === null || (p.vintage >= 1950 && p.vintage <= 2029))).toBe(true);
    expect(positions.slice(0, 2).map((p) => p.positionId)).toEqual(["P000001", "P000002"]);
  });

  test.each([
    { label: "about 1 % missing MSA", dimension: "msa" },
    { label: "about 1 % missing vintage", dimension: "vintage" },
  ] as const)("$label", ({ dimension }) => {
    const coverage = computeExposures(positions).concentration[dimension].coveragePct;
    expect(coverage).toBeGreaterThan(98);
    expect(coverage).toBeLessThan(99.8);
  });

  test("empty request, empty book", () => {
    expect(generateSyntheticPositions(0)).toEqual([]);
  });
});
