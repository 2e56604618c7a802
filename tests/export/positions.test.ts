import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";

import { POSITION_COLUMNS } from "@/lib/engine/normalize";
import type { Position } from "@/lib/engine/types";
import { positionsToCsv, positionsToJson, positionsToXlsx } from "@/lib/export";
import { parsePositions } from "@/lib/import";

function position(overrides: Partial<Position>): Position {
  return {
    positionId: "P1",
    assetId: "A1",
    msaId: "12420",
    strategy: "core",
    state: "TX",
    vintage: 1987,
    constructionType: "new construction",
    rentBand: "workforce",
    positionValue: 1_250_000,
    units: 240,
    ownershipPct: 100,
    ...overrides,
  };
}

const positions: Position[] = [
  position({}),
  position({ positionId: "P2", positionValue: 1_000_000.5, units: 0, vintage: 2031, ownershipPct: 33.3333 }),
  position({
    positionId: "P3",
    assetId: null,
    msaId: null,
    strategy: null,
    state: null,
    vintage: null,
    constructionType: null,
    rentBand: null,
    positionValue: 0.01,
    units: null,
  }),
  position({ positionId: "P,4", strategy: 'core "plus", levered', rentBand: "line one\nline two" }),
  position({ positionId: '=HYPERLINK("http://evil","click")', assetId: "-A5", strategy: "+core", rentBand: "@luxury" }),
  position({ positionId: "P6", positionValue: 98_765_432_109.99 }),
];

const byRow = (rows: Array<{ position: Position }>) => rows.map((r) => r.position);

describe("positionsToCsv", () => {
  test("header is the import columns in order", () => {
    expect(positionsToCsv([]).split("\n")[0]).toBe(POSITION_COLUMNS.join(","));
    expect(positionsToCsv([])).toBe(`${POSITION_COLUMNS.join(",")}\n`);
  });

  test("plain numbers, empty cells for nulls, RFC 4180 quoting, guarded formulas", () => {
    const lines = positionsToCsv(positions).split("\n");
    expect(lines[1]).toBe("P1,A1,12420,core,TX,1987,new construction,workforce,1250000,240,100");
    expect(lines[2]).toBe("P2,A1,12420,core,TX,2031,new construction,workforce,1000000.5,0,33.3333");
    expect(lines[3]).toBe("P3,,,,,,,,0.01,,100");
    expect(lines[4]).toBe('"P,4",A1,12420,"core ""plus"", levered",TX,1987,new construction,"line one');
    expect(lines[6]).toBe(
      `"'=HYPERLINK(""http://evil"",""click"")",'-A5,12420,'+core,TX,1987,new construction,'@luxury,1250000,240,100`,
    );
  });

  test("a re-import of the export gives the same positions", async () => {
    const result = await parsePositions({ format: "csv", data: positionsToCsv(positions) }, { currentYear: 2026 });
    expect(result.rejected).toEqual([]);
    expect(byRow(result.rows)).toEqual(positions);
  });
});

describe("positionsToJson", () => {
  test("snake_case keys equal to the CSV columns, and a re-import round-trips", async () => {
    const json = positionsToJson(positions);
    expect(Object.keys(json[0] ?? {})).toEqual([...POSITION_COLUMNS]);
    expect(json[2]).toMatchObject({ asset_id: null, vintage: null, position_value: 0.01 });
    expect(json[4]?.position_id).toBe('=HYPERLINK("http://evil","click")');
    const result = await parsePositions({ format: "json", data: JSON.stringify(json) }, { currentYear: 2026 });
    expect(byRow(result.rows)).toEqual(positions);
  });
});

describe("positionsToXlsx", () => {
  test("numbers are numeric cells and text is guarded", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await positionsToXlsx(positions)).buffer);
    const sheet = workbook.getWorksheet("Positions");
    expect(sheet?.getRow(1).values).toEqual([undefined, ...POSITION_COLUMNS]);
    const p2 = sheet?.getRow(3);
    expect(p2?.getCell(6).value).toBe(2031);
    expect(p2?.getCell(9).value).toBe(1_000_000.5);
    expect(p2?.getCell(10).value).toBe(0);
    expect(sheet?.getRow(4).getCell(2).value).toBeNull();
    expect(sheet?.getRow(6).getCell(1).value).toBe(`'=HYPERLINK("http://evil","click")`);
    expect(sheet?.getRow(6).getCell(4).value).toBe("'+core");
  });

  test("a re-import of the export gives the same positions", async () => {
    const bytes = await positionsToXlsx(positions);
    const result = await parsePositions({ format: "xlsx", data: bytes }, { currentYear: 2026 });
    expect(result.rejected).toEqual([]);
    expect(byRow(result.rows)).toEqual(positions);
    expect(result.rows.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7]);
  });
});
