import { describe, expect, test } from "vitest";
import { getPrisma } from "@/lib/db/client";
import { computeCrossTab } from "@/lib/engine/crosstab";
import { DIMENSIONS } from "@/lib/engine/types";
import { getCrossTab } from "@/lib/services/analysis";
import { importPositions } from "@/lib/services/positions-import";
import { loadPositions } from "@/lib/services/positions-list";
import { withTestDatabase } from "../support/db";
import { csvOf, freshPortfolio } from "../support/fixtures";

withTestDatabase();

const BOOK = csvOf([
  {
    position_id: "P1",
    strategy: "core",
    state: "TX",
    msa_id: "12420",
    vintage: "1987",
    construction_type: "garden",
    rent_band: "market",
    position_value: "3000000.10",
  },
  {
    position_id: "P2",
    strategy: "Value_Add",
    state: "tx",
    msa_id: "12420",
    vintage: "1981",
    construction_type: "",
    rent_band: "market",
    position_value: "1000000",
  },
  {
    position_id: "P3",
    strategy: "value_add",
    state: "CA",
    msa_id: "31080",
    vintage: "2015",
    construction_type: "mid_rise",
    rent_band: "",
    position_value: "2000000",
  },
  {
    position_id: "P4",
    strategy: "",
    state: "",
    msa_id: "",
    vintage: "",
    construction_type: "garden",
    rent_band: "luxury",
    position_value: "500000",
  },
  {
    position_id: "P5",
    strategy: "unknown",
    state: "CA",
    msa_id: "31080",
    vintage: "2019",
    construction_type: "garden",
    rent_band: "luxury",
    position_value: "250000.55",
  },
]);

describe("getCrossTab", () => {
  test("empty portfolio: no rows, no positions", async () => {
    const ctx = await freshPortfolio();
    expect(await getCrossTab(ctx, "state", "strategy")).toMatchObject({
      portfolio: ctx.portfolio.slug,
      positionCount: 0,
      rows: [],
      columns: [],
      total: 0,
    });
  });

  test.each(DIMENSIONS.flatMap((rows) => DIMENSIONS.map((cols) => ({ label: `${rows} × ${cols}`, rows, cols }))))(
    "$label: summing in the database gives what the engine gives on every position",
    async ({ rows, cols }) => {
      const ctx = await freshPortfolio();
      await importPositions(ctx, { format: "csv", data: BOOK }, { mode: "replace", onError: "reject" });
      const expected = computeCrossTab(await loadPositions(await getPrisma(), ctx.portfolio.id), rows, cols);
      const actual = await getCrossTab(ctx, rows, cols);
      expect(actual.positionCount).toBe(5);
      expect(actual.rows).toEqual(expected.rows);
      expect(actual.columns).toEqual(expected.columns);
      expect(actual.total).toBeCloseTo(expected.total, 6);
      for (const [r, cells] of actual.cells.entries()) {
        for (const [c, value] of cells.entries()) expect(value).toBeCloseTo(expected.cells[r]?.[c] ?? NaN, 6);
      }
    },
  );
});
