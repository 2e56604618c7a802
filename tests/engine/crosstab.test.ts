import { describe, expect, test } from "vitest";
import { CROSSTAB_OTHER, computeCrossTab } from "@/lib/engine/crosstab";
import { bucketsFor, computeExposures } from "@/lib/engine/exposures";
import { DIMENSIONS, type Dimension, type Position } from "@/lib/engine/types";
import { allNumbers, position } from "@/tests/support/engine-fixtures";

// TX: core 3M, value_add 1M; CA: value_add 2M; unknown state: core 0.5M, unknown strategy 0.5M.
const book = [
  position({ state: "TX", strategy: "core", positionValue: 3_000_000 }),
  position({ state: "TX", strategy: "value_add", positionValue: 1_000_000 }),
  position({ state: "CA", strategy: "value_add", positionValue: 2_000_000 }),
  position({ state: null, strategy: "core", positionValue: 500_000 }),
  position({ state: "CA", strategy: null, positionValue: 500_000 }),
];

function cell(rows: string[], columns: string[], cells: number[][], row: string, column: string): number | undefined {
  return cells[rows.indexOf(row)]?.[columns.indexOf(column)];
}

describe("computeCrossTab: state × strategy", () => {
  const tab = computeCrossTab(book, "state", "strategy");

  test("rows and columns largest first, unknown last", () => {
    expect(tab.rows).toEqual(["TX", "CA", "unknown"]);
    expect(tab.columns).toEqual(["core", "value_add", "unknown"]);
  });

  test.each([
    { label: "TX × core", row: "TX", column: "core", value: 3_000_000 },
    { label: "TX × value_add", row: "TX", column: "value_add", value: 1_000_000 },
    { label: "CA × value_add", row: "CA", column: "value_add", value: 2_000_000 },
    { label: "an empty pair is 0", row: "CA", column: "core", value: 0 },
    { label: "unknown state × known strategy", row: "unknown", column: "core", value: 500_000 },
    { label: "known state × unknown strategy", row: "CA", column: "unknown", value: 500_000 },
  ])("$label", ({ row, column, value }) => {
    expect(cell(tab.rows, tab.columns, tab.cells, row, column)).toBe(value);
  });

  test("totals: rows, columns and grand total agree", () => {
    expect(tab.total).toBe(7_000_000);
    expect(tab.rowTotals).toEqual([4_000_000, 2_500_000, 500_000]);
    expect(tab.columnTotals).toEqual([3_500_000, 3_000_000, 500_000]);
    expect(tab.otherRows).toBe(0);
    expect(tab.otherColumns).toBe(0);
  });
});

describe("computeCrossTab: agrees with computeExposures on each axis", () => {
  const positions = [
    ...book,
    position({ vintage: 1987, msaId: "12420", constructionType: "mid_rise", positionValue: 750_000 }),
    position({ vintage: null, msaId: null, rentBand: null, positionValue: 250_000 }),
    position({ vintage: 2021, strategy: "unknown", positionValue: 100_000 }),
  ];
  const exposures = computeExposures(positions);

  test.each(DIMENSIONS.map((dimension) => ({ label: `${dimension} as rows`, dimension })))(
    "$label",
    ({ dimension }) => {
      const tab = computeCrossTab(positions, dimension, "state", { maxRows: 100 });
      const fromEngine = bucketsFor(exposures, dimension).map((b) => [b.dimensionValue, b.exposureValue]);
      expect(tab.rows.map((row, i) => [row, tab.rowTotals[i]])).toEqual(fromEngine);
    },
  );
});

describe("computeCrossTab: buckets like the engine", () => {
  test.each([
    { label: "vintage by decade", dimension: "vintage", years: [1987, 1981, 2003], expected: ["1980s", "2000s"] },
    { label: "missing vintage is unknown", dimension: "vintage", years: [1987, null], expected: ["1980s", "unknown"] },
  ] as const)("$label", ({ dimension, years, expected }) => {
    const tab = computeCrossTab(
      years.map((vintage) => position({ vintage })),
      dimension,
      "strategy",
    );
    expect(tab.rows).toEqual(expected);
  });

  test("a value spelled unknown joins the missing ones", () => {
    const tab = computeCrossTab([position({ strategy: "unknown" }), position({ strategy: null })], "strategy", "state");
    expect(tab.rows).toEqual(["unknown"]);
    expect(tab.rowTotals).toEqual([2_000_000]);
  });
});

describe("computeCrossTab: caps", () => {
  // 25 MSAs worth 1..25 (millions), plus one unknown.
  const many = [
    ...Array.from({ length: 25 }, (_, i) =>
      position({ msaId: String(10_000 + i), positionValue: (i + 1) * 1_000_000 }),
    ),
    position({ msaId: null, positionValue: 42 }),
  ];

  test.each([
    {
      label: "top 20 kept, 5 folded into other, unknown stays last",
      max: 20,
      length: 22,
      folded: 5,
      otherValue: 15_000_000,
    },
    { label: "a cap above the count folds nothing", max: 50, length: 26, folded: 0, otherValue: null },
    { label: "a cap of 0 folds every known value", max: 0, length: 2, folded: 25, otherValue: 325_000_000 },
  ])("$label", ({ max, length, folded, otherValue }) => {
    const tab = computeCrossTab(many, "msa", "strategy", { maxRows: max });
    expect(tab.rows).toHaveLength(length);
    expect(tab.otherRows).toBe(folded);
    expect(tab.rows.at(-1)).toBe("unknown");
    if (otherValue !== null) {
      expect(tab.rows.at(-2)).toBe(CROSSTAB_OTHER);
      expect(tab.rowTotals.at(-2)).toBe(otherValue);
    }
    expect(tab.rowTotals.reduce((s, v) => s + v, 0)).toBe(tab.total);
  });

  test("columns are capped the same way", () => {
    const tab = computeCrossTab(many, "strategy", "msa", { maxColumns: 3 });
    expect(tab.columns).toEqual(["10024", "10023", "10022", CROSSTAB_OTHER, "unknown"]);
    expect(tab.otherColumns).toBe(22);
    expect(tab.cells[0]?.reduce((s, v) => s + v, 0)).toBe(tab.total);
  });
});

describe("computeCrossTab: edge cases", () => {
  test.each([
    { label: "empty portfolio", positions: [], rows: "state", columns: "strategy" },
    { label: "same dimension on both axes", positions: book, rows: "strategy", columns: "strategy" },
  ] satisfies Array<{ label: string; positions: Position[]; rows: Dimension; columns: Dimension }>)(
    "$label: no NaN, JSON-safe",
    ({ positions, rows, columns }) => {
      const tab = computeCrossTab(positions, rows, columns);
      expect(allNumbers(tab).every(Number.isFinite)).toBe(true);
      expect(JSON.parse(JSON.stringify(tab))).toEqual(tab);
    },
  );

  test("same dimension on both axes puts everything on the diagonal", () => {
    const tab = computeCrossTab(book, "strategy", "strategy");
    for (const [r, row] of tab.cells.entries()) {
      for (const [c, value] of row.entries()) expect(value).toBe(r === c ? tab.rowTotals[r] : 0);
    }
  });

  test("empty portfolio has no rows, no columns, total 0", () => {
    const tab = computeCrossTab([], "state", "strategy");
    expect(tab).toMatchObject({ rows: [], columns: [], cells: [], total: 0, rowTotals: [], columnTotals: [] });
  });
});
