import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";

import { AppError } from "@/lib/errors";
import { parsePositions } from "@/lib/import";

async function workbookBytes(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Positions");
  rows.forEach((cells, i) => {
    if (cells.length > 0) sheet.getRow(i + 1).values = cells;
  });
  workbook.addWorksheet("Ignored").addRow(["position_value"]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function parse(data: string | Uint8Array) {
  return parsePositions({ format: "xlsx", data }, { currentYear: 2026 });
}

async function parseError(data: string | Uint8Array): Promise<unknown> {
  return parse(data).catch((e: unknown) => e);
}

describe("parsePositions (XLSX)", () => {
  test("reads the first sheet: numbers, text, formula results, rich text, hyperlinks, blank rows", async () => {
    const data = await workbookBytes([
      ["Position ID", "MSA_ID", "Strategy", "State", "Vintage", "Position Value", "Units", "Comment"],
      ["P1", 12420, "Core", "tx", 1987, 1250000.5, 240, "first"],
      [],
      [
        { richText: [{ text: "P" }, { text: "2" }] },
        "35620",
        { text: "Value Add", hyperlink: "https://example.com" },
        "NY",
        "2001",
        { formula: "1000*2", result: 2000 },
        { formula: "10+2", result: 12 },
        null,
      ],
    ]);
    const result = await parse(data);
    expect(result).toMatchObject({ format: "xlsx", received: 2, rejected: [], ignoredColumns: ["Comment"] });
    expect(result.rows.map((r) => r.row)).toEqual([2, 4]);
    expect(result.rows[0]?.position).toMatchObject({
      positionId: "P1",
      msaId: "12420",
      strategy: "core",
      state: "TX",
      vintage: 1987,
      positionValue: 1_250_000.5,
      units: 240,
    });
    expect(result.rows[1]?.position).toMatchObject({
      positionId: "P2",
      msaId: "35620",
      strategy: "value add",
      state: "NY",
      vintage: 2001,
      positionValue: 2000,
      units: 12,
    });
  });

  test("bad cells are row errors on the sheet's row numbers", async () => {
    const data = await workbookBytes([
      ["position_id", "vintage", "position_value", "units"],
      ["P1", new Date(Date.UTC(1987, 0, 1)), true, 1.5],
      ["P2", 1990, { formula: "1/0", result: { error: "#DIV/0!" } }, 3],
      ["P3", 1990, 100, 3],
    ]);
    const result = await parse(data);
    expect(result.rows.map((r) => r.row)).toEqual([4]);
    expect(result.rejected.map((e) => [e.row, e.field])).toEqual([
      [2, "vintage"],
      [2, "position_value"],
      [2, "units"],
      [3, "position_value"],
    ]);
    expect(result.rejected[0]?.message).toContain("must be a whole year (got a date)");
    expect(result.rejected[1]?.message).toContain("(got true)");
  });

  test("a header row with no data is not an error", async () => {
    expect(await parse(await workbookBytes([["position_value"]]))).toMatchObject({ received: 0, rows: [] });
  });

  test.each([
    {
      label: "missing position_value",
      build: () => workbookBytes([["position_id"], ["P1"]]),
      text: '"position_value"',
    },
    { label: "empty sheet", build: () => workbookBytes([]), text: "empty" },
    {
      label: "not a workbook",
      build: async () => new TextEncoder().encode("position_value\n1\n"),
      text: "unreadable XLSX",
    },
    { label: "text instead of bytes", build: async () => "position_value\n1\n", text: "binary" },
  ])("file error: $label", async ({ build, text }) => {
    const error = await parseError(await build());
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid_data", message: expect.stringContaining(text) });
  });
});
