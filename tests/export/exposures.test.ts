import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";

import type { ExposureBucket } from "@/lib/engine/types";
import { type ExposureSnapshot, exposuresToCsv, exposuresToJson, exposuresToXlsx } from "@/lib/export";

function bucket(overrides: Partial<ExposureBucket>): ExposureBucket {
  return {
    dimensionType: "strategy",
    dimensionValue: "core",
    exposureValue: 1_500_000,
    exposurePct: 50,
    positionCount: 3,
    // A half-owned 25-door asset among them: owned units to the hundredth; one position has no units.
    exposureUnits: 312.5,
    unitsCount: 2,
    ...overrides,
  };
}

function snapshot(exposures: ExposureBucket[], totalPortfolioValue = 3_000_000): ExposureSnapshot {
  return { runId: "run-1", asOfDate: "2026-03-31", totalPortfolioValue, exposures };
}

const HEADER = "dimension_type,dimension_value,exposure_pct,exposure_value,total_portfolio_value";

describe("exposuresToCsv", () => {
  test("exact header, one LF-terminated line per bucket", () => {
    const out = exposuresToCsv(
      snapshot([
        bucket({}),
        bucket({ dimensionValue: "value_add", exposureValue: 1_000_000.5, exposurePct: 33.33335 }),
        bucket({ dimensionType: "state", dimensionValue: "unknown", exposureValue: 499_999.5, exposurePct: 100 / 6 }),
      ]),
    );
    expect(out).toBe(
      `${HEADER}\n` +
        "strategy,core,50,1500000,3000000\n" +
        "strategy,value_add,33.33335,1000000.5,3000000\n" +
        `state,unknown,${String(100 / 6)},499999.5,3000000\n`,
    );
    expect(out).not.toContain("\r");
  });

  test("an empty snapshot is just the header", () => {
    expect(exposuresToCsv(snapshot([], 0))).toBe(`${HEADER}\n`);
  });

  test.each([
    { label: "whole dollars", value: 1_500_000, text: "1500000" },
    { label: "half a dollar", value: 1_500_000.5, text: "1500000.5" },
    { label: "cents", value: 0.25, text: "0.25" },
    { label: "float noise", value: 0.1 + 0.2, text: "0.3" },
    { label: "sub-cent noise", value: 1_000_000.004, text: "1000000" },
    { label: "huge, no exponent", value: 1e21, text: "1000000000000000000000" },
  ])("money: $label -> $text", ({ value, text }) => {
    const line = exposuresToCsv(snapshot([bucket({ exposureValue: value })], value)).split("\n")[1];
    expect(line).toBe(`strategy,core,50,${text},${text}`);
  });

  test.each([
    { label: "comma", value: "core, plus", cell: '"core, plus"' },
    { label: "quote", value: 'the "core"', cell: '"the ""core"""' },
    { label: "newline", value: "core\nplus", cell: '"core\nplus"' },
    { label: "formula", value: '=HYPERLINK("http://evil","x")', cell: `"'=HYPERLINK(""http://evil"",""x"")"` },
    { label: "plus sign", value: "+1", cell: "'+1" },
    { label: "at sign", value: "@SUM(A1)", cell: "'@SUM(A1)" },
    { label: "tab", value: "\tcore", cell: "'\tcore" },
    { label: "plain text untouched", value: "value_add", cell: "value_add" },
  ])("dimension value with a $label", ({ value, cell }) => {
    const out = exposuresToCsv(snapshot([bucket({ dimensionValue: value })]));
    expect(out).toBe(`${HEADER}\nstrategy,${cell},50,1500000,3000000\n`);
  });
});

describe("exposuresToJson", () => {
  test("snake_case keys and plain numbers, owned units and the positions with units last", () => {
    expect(exposuresToJson(snapshot([bucket({ exposurePct: 100 / 3 })]))).toEqual({
      as_of_date: "2026-03-31",
      total_portfolio_value: 3_000_000,
      run_id: "run-1",
      basis: "value",
      exposures: [
        {
          dimension_type: "strategy",
          dimension_value: "core",
          exposure_pct: 100 / 3,
          exposure_value: 1_500_000,
          position_count: 3,
          exposure_units: 312.5,
          units_count: 2,
        },
      ],
    });
  });
});

describe("exposuresToXlsx", () => {
  test("an Exposures sheet with numeric cells (units in the last two columns) and a Summary sheet", async () => {
    const bytes = await exposuresToXlsx(
      snapshot([
        bucket({}),
        bucket({
          dimensionValue: "=cmd|' /C calc'!A0",
          exposurePct: 100 / 3,
          exposureValue: 1_000_000.5,
          exposureUnits: 0,
          unitsCount: 0,
        }),
      ]),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
    const sheet = workbook.getWorksheet("Exposures");
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      "dimension_type",
      "dimension_value",
      "exposure_pct",
      "exposure_value",
      "total_portfolio_value",
      "position_count",
      "exposure_units",
      "units_count",
    ]);
    expect(sheet?.getRow(2).values).toEqual([undefined, "strategy", "core", 50, 1_500_000, 3_000_000, 3, 312.5, 2]);
    expect(sheet?.getRow(3).values).toEqual([
      undefined,
      "strategy",
      "'=cmd|' /C calc'!A0",
      100 / 3,
      1_000_000.5,
      3_000_000,
      3,
      0,
      0,
    ]);
    expect(sheet?.rowCount).toBe(3);

    const summary = workbook.getWorksheet("Summary");
    expect(summary?.getColumn(1).values).toEqual([undefined, "as_of_date", "run_id", "total_portfolio_value", "basis"]);
    expect(summary?.getColumn(2).values).toEqual([undefined, "2026-03-31", "run-1", 3_000_000, "value"]);
  });
});
