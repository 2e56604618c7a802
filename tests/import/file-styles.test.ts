import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";

import { AppError } from "@/lib/errors";
import { parsePositions } from "@/lib/import";
import { FIXTURE_BOOK, fixture } from "@/tests/support/import-fixtures";

const YEAR = 2026;

describe("files as Excel and LibreOffice write them (tests/fixtures)", () => {
  test.each([
    {
      file: "excel-windows-1252-comma.csv",
      description: "comma-separated, decimal point, Windows-1252",
      encoding: "windows-1252",
      delimiter: ",",
      decimal: ".",
    },
    {
      file: "excel-windows-1252-semicolon.csv",
      description: "semicolon-separated, decimal comma, Windows-1252",
      encoding: "windows-1252",
      delimiter: ";",
      decimal: ",",
    },
    {
      file: "excel-utf8-bom.csv",
      description: "comma-separated, decimal point, UTF-8",
      encoding: "utf-8",
      delimiter: ",",
      decimal: ".",
    },
    {
      file: "libreoffice-utf8.csv",
      description: "comma-separated, decimal point, UTF-8",
      encoding: "utf-8",
      delimiter: ",",
      decimal: ".",
    },
    {
      file: "libreoffice-pipe.csv",
      description: "pipe-separated, decimal point, UTF-8",
      encoding: "utf-8",
      delimiter: "|",
      decimal: ".",
    },
    {
      file: "libreoffice-utf16-tab.txt",
      description: "tab-separated, decimal comma, UTF-16 LE",
      encoding: "utf-16le",
      delimiter: "\t",
      decimal: ",",
    },
  ])("$file: $description", async ({ file, description, encoding, delimiter, decimal }) => {
    const result = await parsePositions({ format: "csv", data: fixture(file) }, { currentYear: YEAR });
    expect(result.interpretation).toEqual({ encoding, delimiter, decimal, sheet: null, sheets: [], description });
    expect(result.received).toBe(FIXTURE_BOOK.received);
    expect(result.rejected).toEqual(FIXTURE_BOOK.rejected);
    const positions = result.rows.map((r) => r.position);
    expect(result.rows.map((r) => r.row)).toEqual([2, 3, 4, 6]);
    expect(positions.map((p) => p.assetId)).toEqual(FIXTURE_BOOK.assets);
    expect(positions.map((p) => p.positionValue)).toEqual(FIXTURE_BOOK.values);
    expect(positions.map((p) => p.units)).toEqual(FIXTURE_BOOK.units);
    expect(positions.map((p) => p.ownershipPct)).toEqual(FIXTURE_BOOK.ownership);
    // Blank-likes in optional columns: "N/A" units, "NULL" msa_id, "—" vintage, "-" rent_band.
    expect(positions[2]).toMatchObject({ msaId: null, vintage: null, rentBand: null });
  });

  test("a tab file with a decimal point: read with a decimal comma by default, right with decimal=.", async () => {
    const data = fixture("libreoffice-tab-point.txt");
    const guessed = await parsePositions({ format: "csv", data }, { currentYear: YEAR });
    expect(guessed.interpretation.description).toBe("tab-separated, decimal comma, UTF-8");
    expect(guessed.rejected[0]).toEqual({
      row: 2,
      field: "position_value",
      message: 'position_value must be a number greater than 0 (got "1,000,000.50")',
    });
    const told = await parsePositions({ format: "csv", data }, { currentYear: YEAR, decimal: "." });
    expect(told.interpretation.description).toBe("tab-separated, decimal point, UTF-8");
    expect(told.rows.map((r) => r.position.positionValue)).toEqual(FIXTURE_BOOK.values);
  });

  test("the semicolon file read as comma-separated is the missing-column error, as before", async () => {
    const error = await parsePositions(
      { format: "csv", data: fixture("excel-windows-1252-semicolon.csv") },
      { delimiter: "," },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('missing required column "position_value"; found columns: ');
  });

  test("two-sheets.xlsx: the first sheet by default, the other by name or position", async () => {
    const data = fixture("two-sheets.xlsx");
    const first = await parsePositions({ format: "xlsx", data }, { currentYear: YEAR });
    expect(first.interpretation).toEqual({
      encoding: null,
      delimiter: null,
      decimal: ".",
      sheet: "Fund II",
      sheets: ["Fund II", "Fund III"],
      description: 'sheet "Fund II" (1 of 2)',
    });
    expect(first.rows.map((r) => r.position.positionId)).toEqual(["P1", "P5"]);

    for (const sheet of ["Fund III", "2"]) {
      const second = await parsePositions({ format: "xlsx", data }, { currentYear: YEAR, sheet });
      expect(second.interpretation.description).toBe('sheet "Fund III" (2 of 2)');
      // Numbers and dates typed as text, read as each column expects.
      expect(second.rows.map((r) => r.position)).toEqual([
        expect.objectContaining({
          positionId: "Q1",
          vintage: 1975,
          positionValue: 1_234_567.5,
          units: 1200,
          ownershipPct: 50,
        }),
        expect.objectContaining({ positionId: "Q2", vintage: 1987, positionValue: 2_000_000, units: 240 }),
      ]);
      expect(second.rejected).toEqual([
        {
          row: 4,
          field: "position_value",
          message: 'position_value must be a number greater than 0 (got "(500,000)")',
        },
      ]);
    }
  });

  test("a first sheet without the header names the workbook's other sheets", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Summary").addRows([["Fund II, as of June"]]);
    workbook.addWorksheet("Positions").addRows([["position_value"], [5]]);
    const data = new Uint8Array(await workbook.xlsx.writeBuffer());
    const error = await parsePositions({ format: "xlsx", data }, {}).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "invalid_data",
      message:
        'missing required column "position_value"; found columns: "Fund II, as of June" (in sheet "Summary"; the workbook\'s other sheets: "Positions" (choose one with sheet=))',
    });
  });

  test.each(["Fund IV", "3", "0"])("sheet %j that the workbook lacks is a 400 naming the sheets", async (sheet) => {
    const error = await parsePositions({ format: "xlsx", data: fixture("two-sheets.xlsx") }, { sheet }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      code: "invalid_input",
      details: [
        {
          field: "sheet",
          message: `no sheet ${JSON.stringify(sheet)} in the workbook: give a sheet's name or its position from 1 to 2 ("Fund II", "Fund III")`,
        },
      ],
    });
  });
});

describe("delimiter detection: the header line, outside quotes", () => {
  test.each([
    { label: "comma", header: "position_id,position_value", delimiter: "," },
    { label: "semicolon", header: "position_id;position_value", delimiter: ";" },
    { label: "tab", header: "position_id\tposition_value", delimiter: "\t" },
    { label: "pipe", header: "position_id|position_value", delimiter: "|" },
    { label: "one column: comma", header: "position_value", delimiter: "," },
    { label: "commas inside quotes do not count", header: '"id, the position";position_value', delimiter: ";" },
    { label: "a tie goes to the comma", header: "a;b,position_value", delimiter: "," },
    { label: "blank lines before the header", header: "\n \nposition_id;position_value", delimiter: ";" },
  ])("$label", async ({ header, delimiter }) => {
    const result = await parsePositions({ format: "csv", data: `${header}\nP1${delimiter}1\n` }, {});
    expect(result.interpretation.delimiter).toBe(delimiter);
  });
});

describe("numbers and blanks as spreadsheets write them", () => {
  const read = async (delimiter: string, column: string, cell: string, decimal?: "." | ",") => {
    const data = `position_id${delimiter}${column}${column === "position_value" ? "" : `${delimiter}position_value`}\nP1${delimiter}${cell}${column === "position_value" ? "" : `${delimiter}1`}\n`;
    const result = await parsePositions({ format: "csv", data }, { currentYear: YEAR, decimal });
    return { position: result.rows[0]?.position, errors: result.rejected.map((e) => e.message) };
  };

  test.each([
    { label: "decimal comma, dot thousands", delimiter: ";", cell: "1.000.000,50", value: 1_000_000.5 },
    { label: "decimal comma, no thousands", delimiter: ";", cell: "1000000,5", value: 1_000_000.5 },
    { label: "decimal comma, space thousands", delimiter: ";", cell: "1 000 000,50", value: 1_000_000.5 },
    { label: "decimal comma, euro sign", delimiter: ";", cell: "1.250.000,00 €", value: 1_250_000 },
    { label: "decimal comma, exponent", delimiter: ";", cell: "1,25E+06", value: 1_250_000 },
    { label: "decimal point in a comma file", delimiter: ",", cell: '"1,000,000.50"', value: 1_000_000.5 },
    {
      label: "decimal point, told so, in a ; file",
      delimiter: ";",
      cell: "1,000,000.50",
      decimal: ".",
      value: 1_000_000.5,
    },
    { label: "decimal comma, told so, in a , file", delimiter: ",", cell: '"1.000,5"', decimal: ",", value: 1000.5 },
  ] as const)("position_value: $label", async ({ delimiter, cell, decimal, value }) => {
    expect((await read(delimiter, "position_value", cell, decimal)).position?.positionValue).toBe(value);
  });

  test.each([
    { label: "a decimal point in a decimal-comma file", delimiter: ";", cell: "1.5", got: '"1.5"' },
    { label: "misgrouped thousands", delimiter: ";", cell: "1.00.000", got: '"1.00.000"' },
    { label: "an accounting negative", delimiter: ";", cell: "(500.000)", got: '"(500.000)"' },
    { label: "an accounting negative, comma file", delimiter: ",", cell: '"(500,000)"', got: '"(500,000)"' },
    { label: "N/A stays an error in the one required column", delimiter: ",", cell: "N/A", got: '"N/A"' },
  ])("position_value refused: $label", async ({ delimiter, cell, got }) => {
    expect((await read(delimiter, "position_value", cell)).errors).toEqual([
      `position_value must be a number greater than 0 (got ${got})`,
    ]);
  });

  test.each([
    { column: "units", cell: "1.200", field: "units", value: 1200 },
    {
      column: "units",
      cell: "(12)",
      field: "units",
      error: 'units must be a whole number from 0 to 2147483647 (got "(12)")',
    },
    { column: "ownership_pct", cell: "33,5", field: "ownershipPct", value: 33.5 },
    { column: "ownership_pct", cell: "33,5 %", field: "ownershipPct", value: 33.5 },
    { column: "vintage", cell: "1987", field: "vintage", value: 1987 },
    { column: "vintage", cell: "30.06.1987", field: "vintage", value: 1987 },
    { column: "vintage", cell: "1987-06-30", field: "vintage", value: 1987 },
  ])("with a decimal comma, $column $cell", async ({ column, cell, field, value, error }) => {
    const { position, errors } = await read(";", column, cell);
    if (error === undefined) expect(position?.[field as "units"]).toBe(value);
    else expect(errors).toEqual([error]);
  });

  test.each(["N/A", "n/a", "#N/A", "-", "—", "–", "NULL", "null", " N/A "])(
    "%j is blank in every optional column",
    async (blank) => {
      const data = `position_id,asset_id,msa_id,strategy,state,vintage,construction_type,rent_band,units,ownership_pct,position_value\n${Array(10).fill(blank).join(",")},100\n`;
      const result = await parsePositions({ format: "csv", data }, { currentYear: YEAR });
      expect(result.rejected).toEqual([]);
      expect(result.rows[0]?.position).toEqual({
        positionId: null,
        assetId: null,
        msaId: null,
        strategy: null,
        state: null,
        vintage: null,
        constructionType: null,
        rentBand: null,
        positionValue: 100,
        units: null,
        ownershipPct: 100,
      });
    },
  );
});
