import { describe, expect, test } from "vitest";
import { computeExposures } from "@/lib/engine/exposures";
import type { Limit } from "@/lib/engine/types";
import { limitUtilization } from "@/lib/engine/utilization";
import { limit, position } from "@/tests/support/engine-fixtures";

// value_add 50 %, core 10 %, unknown 40 % of a 1,000,000 book; every position in TX.
const book = computeExposures([
  position({ strategy: "value_add", positionValue: 500_000 }),
  position({ strategy: "core", positionValue: 100_000 }),
  position({ strategy: null, positionValue: 400_000 }),
]).exposures;

const brief = (limits: Limit[]) =>
  limitUtilization(book, limits).map((r) => ({
    limitId: r.limitId,
    dimensionValue: r.dimensionValue,
    headroomPp: Number(r.headroomPp.toFixed(9)),
    utilizationPct: r.utilizationPct === null ? null : Number(r.utilizationPct.toFixed(9)),
    status: r.status,
  }));

describe("limitUtilization: which rows", () => {
  test.each<{ label: string; limits: Limit[]; expected: Array<{ limitId: string; dimensionValue: string }> }>([
    {
      label: "a null-valued limit gives one row per known value, none for unknown",
      limits: [limit({ id: "all", dimensionValue: null, thresholdPct: 60 })],
      expected: [
        { limitId: "all", dimensionValue: "value_add" },
        { limitId: "all", dimensionValue: "core" },
      ],
    },
    {
      label: "a limit naming unknown covers it",
      limits: [limit({ id: "unk", dimensionValue: "unknown", thresholdPct: 50 })],
      expected: [{ limitId: "unk", dimensionValue: "unknown" }],
    },
    {
      label: "a named value with no positions still gets a row (at 0 %)",
      limits: [limit({ id: "dev", dimensionValue: "development", thresholdPct: 30 })],
      expected: [{ limitId: "dev", dimensionValue: "development" }],
    },
    {
      label: "inactive limits give no rows",
      limits: [limit({ id: "off", dimensionValue: null, thresholdPct: 1, isActive: false })],
      expected: [],
    },
    {
      label: "a limit on another dimension sees only its own buckets",
      limits: [limit({ id: "st", dimensionType: "state", dimensionValue: null, thresholdPct: 100 })],
      expected: [{ limitId: "st", dimensionValue: "TX" }],
    },
    { label: "no limits, no rows", limits: [], expected: [] },
  ])("$label", ({ limits, expected }) => {
    expect(limitUtilization(book, limits).map(({ limitId, dimensionValue }) => ({ limitId, dimensionValue }))).toEqual(
      expected,
    );
  });

  test("empty portfolio: a null-valued limit has nothing to cover, a named minimum breaches at 0 %", () => {
    const rows = limitUtilization(
      [],
      [limit({ id: "all" }), limit({ id: "min", dimensionValue: "core", thresholdPct: 10, thresholdType: "minimum" })],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        limitId: "min",
        dimensionValue: "core",
        exposurePct: 0,
        headroomPp: -10,
        utilizationPct: null,
        status: "breach",
      }),
    ]);
  });
});

describe("limitUtilization: figures", () => {
  test.each<{
    label: string;
    limit: Limit;
    expected: { headroomPp: number; utilizationPct: number | null; status: string };
  }>([
    {
      label: "maximum well above exposure",
      limit: limit({ dimensionValue: "core", thresholdPct: 40 }),
      expected: { headroomPp: 30, utilizationPct: 25, status: "within" },
    },
    {
      label: "maximum at 90 % used",
      limit: limit({ dimensionValue: "core", thresholdPct: 100 / 9 }),
      expected: { headroomPp: 1.111111111, utilizationPct: 90, status: "near" },
    },
    {
      label: "maximum exactly at the limit is near, not breach",
      limit: limit({ dimensionValue: "core", thresholdPct: 10 }),
      expected: { headroomPp: 0, utilizationPct: 100, status: "near" },
    },
    {
      label: "maximum passed",
      limit: limit({ dimensionValue: "value_add", thresholdPct: 40 }),
      expected: { headroomPp: -10, utilizationPct: 125, status: "breach" },
    },
    {
      label: "0 % maximum on a held value: no ratio, breach",
      limit: limit({ dimensionValue: "core", thresholdPct: 0 }),
      expected: { headroomPp: -10, utilizationPct: null, status: "breach" },
    },
    {
      label: "minimum comfortably met",
      limit: limit({ dimensionValue: "value_add", thresholdPct: 10, thresholdType: "minimum" }),
      expected: { headroomPp: 40, utilizationPct: 20, status: "within" },
    },
    {
      label: "minimum exactly met is near",
      limit: limit({ dimensionValue: "core", thresholdPct: 10, thresholdType: "minimum" }),
      expected: { headroomPp: 0, utilizationPct: 100, status: "near" },
    },
    {
      label: "minimum missed",
      limit: limit({ dimensionValue: "core", thresholdPct: 20, thresholdType: "minimum" }),
      expected: { headroomPp: -10, utilizationPct: 200, status: "breach" },
    },
    {
      label: "minimum on a value with no positions counts 0 %",
      limit: limit({ dimensionValue: "development", thresholdPct: 5, thresholdType: "minimum" }),
      expected: { headroomPp: -5, utilizationPct: null, status: "breach" },
    },
    {
      label: "maximum on a value with no positions is unused",
      limit: limit({ dimensionValue: "development", thresholdPct: 30 }),
      expected: { headroomPp: 30, utilizationPct: 0, status: "within" },
    },
  ])("$label", ({ limit: l, expected }) => {
    const [row, ...rest] = brief([l]);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ ...expected, headroomPp: expect.closeTo(expected.headroomPp, 6) });
  });

  test("a row carries the limit's identity, type and severity", () => {
    const [row] = limitUtilization(book, [
      limit({ id: "va", dimensionValue: "value_add", thresholdPct: 45, severityLevel: "critical" }),
    ]);
    expect(row).toEqual({
      limitId: "va",
      kind: "share",
      basis: "value",
      unit: "pp",
      dimensionType: "strategy",
      dimensionValue: "value_add",
      exposurePct: expect.closeTo(50, 9),
      limitPct: 45,
      bandPp: null,
      thresholdType: "maximum",
      severity: "critical",
      headroomPp: expect.closeTo(-5, 9),
      utilizationPct: expect.closeTo(111.111111, 5),
      status: "breach",
    });
  });
});

describe("limitUtilization: order", () => {
  test("breach before near before within; within a status, the most used first; an unmet 0 % minimum tops its breaches", () => {
    const rows = brief([
      limit({ id: "within", dimensionValue: "core", thresholdPct: 50 }),
      limit({ id: "near", dimensionValue: "core", thresholdPct: 10.5 }),
      limit({ id: "small-breach", dimensionValue: "value_add", thresholdPct: 45 }),
      limit({ id: "big-breach", dimensionValue: "value_add", thresholdPct: 20 }),
      limit({ id: "absent-min", dimensionValue: "development", thresholdPct: 5, thresholdType: "minimum" }),
      limit({ id: "unused", dimensionValue: "development", thresholdPct: 30 }),
    ]);
    expect(rows.map((r) => r.limitId)).toEqual([
      "absent-min",
      "big-breach",
      "small-breach",
      "near",
      "within",
      "unused",
    ]);
  });

  test("ties are broken by dimension, then value, so the order is stable", () => {
    const rows = limitUtilization(book, [
      limit({ id: "st", dimensionType: "state", dimensionValue: null, thresholdPct: 200 }),
      limit({ id: "b", dimensionValue: "core", thresholdPct: 20 }),
      limit({ id: "a", dimensionValue: "value_add", thresholdPct: 100 }),
    ]);
    expect(rows.map((r) => `${r.dimensionType}:${r.dimensionValue}`)).toEqual([
      "strategy:core",
      "strategy:value_add",
      "state:TX",
    ]);
  });
});

describe("limitUtilization: limits of every kind, in their own unit", () => {
  // value_add $500k (2 positions), core $300k, unknown $200k.
  const run = computeExposures([
    position({ strategy: "value_add", positionValue: 250_000 }),
    position({ strategy: "value_add", positionValue: 250_000 }),
    position({ strategy: "core", positionValue: 300_000 }),
    position({ strategy: null, positionValue: 200_000 }),
  ]).exposures;

  test.each([
    {
      label: "an amount over its line: usd, breach",
      limit: limit({ kind: "amount", dimensionValue: "value_add", thresholdPct: null, thresholdAmount: 400_000 }),
      row: {
        unit: "usd",
        dimensionValue: "value_add",
        exposurePct: 500_000,
        limitPct: 400_000,
        headroomPp: -100_000,
        status: "breach",
      },
    },
    {
      label: "an amount at 95 % of its line: near",
      limit: limit({ kind: "amount", dimensionValue: "core", thresholdPct: null, thresholdAmount: 315_000 }),
      row: { unit: "usd", exposurePct: 300_000, headroomPp: 15_000, status: "near" },
    },
    {
      label: "a count of two known values against a minimum of three: the whole dimension",
      limit: limit({ kind: "count", thresholdType: "minimum", thresholdPct: null, thresholdCount: 3 }),
      row: { unit: "count", dimensionValue: "*", exposurePct: 2, limitPct: 3, headroomPp: -1, status: "breach" },
    },
    {
      label: "top 1 at 50 % under 60 %: within",
      limit: limit({ kind: "top_n", topN: 1, thresholdPct: 60 }),
      row: { unit: "pp", dimensionValue: "*", exposurePct: 50, limitPct: 60, headroomPp: 10, status: "within" },
    },
    {
      label: "a target of 35 % ± 5: core at 30 % is on the band's edge, near",
      limit: limit({
        kind: "target",
        dimensionValue: "core",
        thresholdType: null,
        thresholdPct: null,
        targetPct: 35,
        bandPp: 5,
      }),
      row: {
        unit: "pp",
        exposurePct: 30,
        limitPct: 35,
        bandPp: 5,
        thresholdType: "minimum",
        headroomPp: 0,
        utilizationPct: 100,
        status: "near",
      },
    },
    {
      label: "positions: value_add holds 2 of 4, at most 1",
      limit: limit({
        kind: "amount",
        basis: "positions",
        dimensionValue: "value_add",
        thresholdPct: null,
        thresholdAmount: 1,
      }),
      row: { unit: "count", basis: "positions", exposurePct: 2, limitPct: 1, status: "breach" },
    },
  ])("$label", ({ limit: l, row }) => {
    const [found] = limitUtilization(run, [l]);
    expect(found).toMatchObject({ kind: l.kind, ...row });
  });
});
