import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";

import { POSITION_COLUMNS } from "@/lib/engine/normalize";
import type { Dimension, ExposureBucket, Position } from "@/lib/engine/types";
import { exposuresToCsv, exposuresToXlsx, positionsToCsv, positionsToXlsx } from "@/lib/export";

// OWASP CSV injection: every text cell of every export that starts with = + - @ tab or CR goes out
// with a leading ' so a spreadsheet shows it instead of running it; numbers, even negative ones,
// are never touched. One table per export, one row per text column × trigger.

const TRIGGERS = ["=", "+", "-", "@", "\t", "\r"];
const PAYLOAD = 'HYPERLINK("http://evil.example","click")';

let checked = 0;

const TEXT_COLUMNS = [
  "position_id",
  "asset_id",
  "msa_id",
  "strategy",
  "state",
  "construction_type",
  "rent_band",
] as const;
const FIELD_OF: Record<(typeof TEXT_COLUMNS)[number], keyof Position> = {
  position_id: "positionId",
  asset_id: "assetId",
  msa_id: "msaId",
  strategy: "strategy",
  state: "state",
  construction_type: "constructionType",
  rent_band: "rentBand",
};

function position(overrides: Partial<Position>): Position {
  return {
    positionId: "P1",
    assetId: "A1",
    msaId: "12420",
    strategy: "core",
    state: "TX",
    vintage: 1987,
    constructionType: "garden",
    rentBand: "workforce",
    positionValue: 1_250_000,
    units: 240,
    ownershipPct: 100,
    ...overrides,
  };
}

function csvRows(text: string): string[][] {
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

async function sheetRows(bytes: Uint8Array, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(name);
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** What a cell reads back as from XLSX: XML turns a stored CR into LF. */
const fromXml = (text: string) => text.replace(/\r\n?/g, "\n");

const cases = TEXT_COLUMNS.flatMap((column) =>
  TRIGGERS.map((trigger) => ({ column, trigger, value: `${trigger}${PAYLOAD}` })),
);

describe("positions exports", () => {
  test.each(cases)("CSV and XLSX guard $column starting with $trigger", async ({ column, value }) => {
    const positions = [position({ [FIELD_OF[column]]: value })];
    const index = POSITION_COLUMNS.indexOf(column);
    expect(csvRows(positionsToCsv(positions))[1]?.[index]).toBe(`'${value}`);
    expect((await sheetRows(await positionsToXlsx(positions), "Positions"))[1]?.[index]).toBe(fromXml(`'${value}`));
    checked += 2;
  });

  test("numbers are never prefixed, negative or not", async () => {
    const positions = [position({ positionValue: -1_250_000.5, units: -3, vintage: -1 })];
    const csv = csvRows(positionsToCsv(positions))[1] ?? [];
    const xlsx = (await sheetRows(await positionsToXlsx(positions), "Positions"))[1] ?? [];
    for (const [column, number] of [
      ["position_value", -1_250_000.5],
      ["units", -3],
      ["vintage", -1],
    ] as const) {
      expect(csv[POSITION_COLUMNS.indexOf(column)]).toBe(String(number));
      expect(xlsx[POSITION_COLUMNS.indexOf(column)]).toBe(number);
    }
    checked += 6;
  });

  test("harmless text is left alone", () => {
    expect(csvRows(positionsToCsv([position({ strategy: "core-plus", rentBand: "a=b" })]))[1]).toContain("core-plus");
  });
});

describe("exposures exports", () => {
  const bucket = (overrides: Partial<ExposureBucket>): ExposureBucket => ({
    dimensionType: "strategy",
    dimensionValue: "core",
    exposureValue: 1_500_000,
    exposurePct: 50,
    positionCount: 3,
    exposureUnits: 240,
    unitsCount: 3,
    ...overrides,
  });

  test.each(TRIGGERS.map((trigger) => ({ trigger, value: `${trigger}${PAYLOAD}` })))(
    "CSV and XLSX guard every text cell starting with $trigger",
    async ({ value }) => {
      // dimension_type is an enum in practice; the exporter guards it all the same.
      const snapshot = {
        runId: value,
        asOfDate: value,
        totalPortfolioValue: 3_000_000,
        exposures: [bucket({ dimensionValue: value }), bucket({ dimensionType: value as Dimension })],
      };
      const csv = csvRows(exposuresToCsv(snapshot));
      expect(csv[1]?.[1]).toBe(`'${value}`);
      expect(csv[2]?.[0]).toBe(`'${value}`);
      const bytes = await exposuresToXlsx(snapshot);
      const sheet = await sheetRows(bytes, "Exposures");
      expect(sheet[1]?.[1]).toBe(fromXml(`'${value}`));
      expect(sheet[2]?.[0]).toBe(fromXml(`'${value}`));
      const summary = await sheetRows(bytes, "Summary");
      expect(summary[0]?.[1]).toBe(fromXml(`'${value}`));
      expect(summary[1]?.[1]).toBe(fromXml(`'${value}`));
      checked += 6;
    },
  );

  test("numbers are never prefixed, negative or not", async () => {
    const snapshot = {
      runId: "r",
      asOfDate: "2026-03-31",
      totalPortfolioValue: -3_000_000,
      exposures: [
        bucket({
          exposurePct: -12.5,
          exposureValue: -1_500_000.25,
          positionCount: -1,
          exposureUnits: -2.5,
          unitsCount: -1,
        }),
      ],
    };
    expect(csvRows(exposuresToCsv(snapshot))[1]?.slice(2)).toEqual(["-12.5", "-1500000.25", "-3000000"]);
    expect((await sheetRows(await exposuresToXlsx(snapshot), "Exposures"))[1]?.slice(2)).toEqual([
      -12.5, -1_500_000.25, -3_000_000, -1, -2.5, -1,
    ]);
    checked += 7;
  });

  test("figure", () => {
    console.log(`export guard: ${checked} cells checked across positions and exposures, CSV and XLSX`);
    expect(checked).toBe(cases.length * 2 + 6 + TRIGGERS.length * 6 + 7);
  });
});
