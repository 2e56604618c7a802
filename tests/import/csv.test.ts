import { describe, expect, test } from "vitest";

import { AppError } from "@/lib/errors";
import { decodeTextParts, parsePositions } from "@/lib/import";

const YEAR = 2026;
const HEADER = "position_id,asset_id,msa_id,strategy,state,vintage,construction_type,rent_band,position_value,units";

function csv(...lines: string[]): string {
  return `${lines.join("\n")}\n`;
}

function parse(data: string | Uint8Array, maxRows?: number) {
  return parsePositions({ format: "csv", data }, { currentYear: YEAR, maxRows });
}

async function parseError(data: string | Uint8Array, maxRows?: number): Promise<AppError> {
  const error: unknown = await parse(data, maxRows).catch((e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("parsePositions (CSV)", () => {
  test("a clean file gives normalised positions with spreadsheet row numbers", async () => {
    const result = await parse(csv(HEADER, "P1,A1,12420,Core,tx,1987,Garden,Workforce,1250000,240", "P2,,,,,,,,500,"));
    expect(result).toMatchObject({ format: "csv", received: 2, rejected: [], ignoredColumns: [] });
    expect(result.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(result.rows[0]?.position).toEqual({
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
    });
    expect(result.rows[1]?.position).toMatchObject({ assetId: null, strategy: null, units: null, positionValue: 500 });
  });

  test.each([
    { label: "UTF-8 BOM in a string", data: `\uFEFF${csv("position_value", "100")}` },
    { label: "UTF-8 BOM in bytes", data: new TextEncoder().encode(`\uFEFF${csv("position_value", "100")}`) },
    { label: "CRLF line endings", data: "position_value\r\n100\r\n" },
    { label: "no final newline", data: "position_value\n100" },
    { label: "trailing empty lines", data: "position_value\n100\n\n\n\n" },
  ])("$label", async ({ data }) => {
    const result = await parse(data);
    expect(result.received).toBe(1);
    expect(result.rows).toEqual([{ row: 2, position: expect.objectContaining({ positionValue: 100 }) }]);
  });

  test.each([
    { label: "thousands separators", cell: '"1,250,000"', value: 1_250_000 },
    { label: "dollars and cents", cell: '"$1,250,000.00"', value: 1_250_000 },
    { label: "exponent", cell: "1.25e6", value: 1_250_000 },
    { label: "cents rounded", cell: "1250000.555", value: 1_250_000.56 },
  ])("money: $label", async ({ cell, value }) => {
    const result = await parse(csv("position_id,position_value", `P1,${cell}`));
    expect(result.rows[0]?.position.positionValue).toBe(value);
  });

  test("quoted fields may hold commas, doubled quotes and newlines", async () => {
    const result = await parse(
      csv("position_id,strategy,position_value", '"P,1","Core ""Plus""",100', '"P\n2","Value\nAdd",200', "P3,core,bad"),
    );
    expect(result.rows.map((r) => [r.row, r.position.positionId, r.position.strategy])).toEqual([
      [2, "P,1", 'core "plus"'],
      [3, "P\n2", "value\nadd"],
    ]);
    expect(result.rejected).toEqual([expect.objectContaining({ row: 4, field: "position_value" })]);
  });

  test.each([
    "position_value",
    "Position_Value",
    "POSITION_VALUE",
    "position value",
    " Position Value ",
    "positionValue",
    "position-value",
  ])("header %j maps to position_value", async (header) => {
    const result = await parse(csv(`Position ID,${header},MSA_ID`, "P1,100,12420"));
    expect(result.rows[0]?.position).toMatchObject({ positionId: "P1", positionValue: 100, msaId: "12420" });
  });

  test("unknown columns are ignored and listed as spelled", async () => {
    const result = await parse(csv("Position_ID,Notes,position_value,Sponsor,", "P1,hello,100,Acme,"));
    expect(result.ignoredColumns).toEqual(["Notes", "Sponsor"]);
    expect(result.rows).toHaveLength(1);
  });

  test.each([
    {
      label: "missing position_value",
      data: csv("position_id,amount", "P1,100"),
      code: "invalid_data",
      text: '"position_value"',
    },
    { label: "found columns named", data: csv("position_id,amount", "P1,100"), code: "invalid_data", text: '"amount"' },
    { label: "empty file", data: "", code: "invalid_data", text: "empty" },
    { label: "only blank lines", data: "\n \n,,\n", code: "invalid_data", text: "empty" },
    {
      label: "two headers for one column",
      data: csv("position_value,Position Value", "1,2"),
      code: "invalid_data",
      text: 'duplicate column "position_value"',
    },
    {
      label: "unterminated quote",
      data: csv("position_id,position_value", '"P1,100', "P2,200"),
      code: "invalid_data",
      text: "malformed CSV",
    },
    {
      label: "a UTF-16 byte-order mark, then a lone surrogate",
      data: new Uint8Array([0xff, 0xfe, 0x00, 0xd8]),
      code: "invalid_data",
      text: "the file starts with a UTF-16 byte-order mark but is not UTF-16 text",
    },
    {
      label: "more rows than maxRows",
      data: csv("position_value", "1", "2", "3"),
      maxRows: 2,
      code: "too_large",
      text: "2",
    },
  ])("file error: $label", async ({ data, maxRows, code, text }) => {
    const error = await parseError(data, maxRows);
    expect(error.code).toBe(code);
    expect(error.message).toContain(text);
  });

  test("a header with no data rows is not an error", async () => {
    expect(await parse(csv(HEADER))).toMatchObject({ received: 0, rows: [], rejected: [] });
  });

  test("rows up to maxRows are fine", async () => {
    expect((await parse(csv("position_value", "1", "2"), 2)).received).toBe(2);
  });

  test("five bad rows are all reported at once, with their rows and fields", async () => {
    const result = await parse(
      csv(
        HEADER,
        "P1,A1,12420,core,TX,1987,garden,market,100,10",
        "P2,A2,12420,core,ZZ,1987,garden,market,100,10",
        "P3,A3,1242,core,TX,1987,garden,market,100,10",
        "P4,A4,12420,core,TX,1987,garden,market,-5,10",
        "P5,A5,12420,core,TX,1750,garden,market,0x10,10",
        "P6,A6,12420,core,TX,1987,garden,market,100,1.5",
      ),
    );
    expect(result.received).toBe(6);
    expect(result.rows.map((r) => r.row)).toEqual([2]);
    expect(result.rejected.map((e) => [e.row, e.field])).toEqual([
      [3, "state"],
      [4, "msa_id"],
      [5, "position_value"],
      [6, "vintage"],
      [6, "position_value"],
      [7, "units"],
    ]);
    expect(result.rejected[2]?.message).toBe('position_value must be a number greater than 0 (got "-5")');
  });

  test("an MSA given by title or principal city is stored as its CBSA code", async () => {
    const result = await parse(
      csv(
        "position_id,msa_id,position_value",
        "P1,19100,100",
        'P2,"Dallas-Fort Worth-Arlington, TX",100',
        'P3,"  dallas - fort worth-arlington ,tx msa ",100',
        'P4,"Fort Worth, TX",100',
        'P5,"Newark, NJ",100',
        "P6,Dallas,100",
        'P7,"Dallas, TX",100',
      ),
    );
    expect(result.rejected).toEqual([]);
    expect(result.rows.map((r) => [r.position.positionId, r.position.msaId])).toEqual([
      ["P1", "19100"],
      ["P2", "19100"],
      ["P3", "19100"],
      ["P4", "19100"],
      ["P5", "35620"],
      ["P6", "19100"],
      ["P7", "19100"],
    ]);
  });

  test("an unknown or ambiguous MSA name is the row's error on msa_id, with the closest titles", async () => {
    const result = await parse(
      csv(
        "position_id,msa_id,state,position_value",
        'P1,"Dalas, TX",TX,100',
        "P2,Springfield,ZZ,100",
        "P3,Dalas,TX,100",
        'P4,"Dalas, TX",TX,100',
        "P5,1242,TX,100",
      ),
    );
    expect(result.rows).toEqual([]);
    expect(result.rejected).toEqual([
      {
        row: 2,
        field: "msa_id",
        message:
          'msa_id "Dalas, TX" is not a CBSA code, title or principal city; closest: "Dallas-Fort Worth-Arlington, TX" (19100), "Dumas, TX" (20300), "Paris, TX" (37580)',
      },
      {
        row: 3,
        field: "msa_id",
        message:
          'msa_id "Springfield" is ambiguous: "Springfield, IL" (44100), "Springfield, MA" (44140), "Springfield, MO" (44180), "Springfield, OH" (44220); give the CBSA code, the title or the city with its state',
      },
      { row: 3, field: "state", message: 'state "ZZ" is not a US state, DC or PR code' },
      {
        row: 4,
        field: "msa_id",
        message: expect.stringMatching(
          /^msa_id "Dalas" is not a CBSA code, title or principal city; closest: "Dallas-/,
        ),
      },
      // The same name again: resolved once per file, the same error on every row.
      {
        row: 5,
        field: "msa_id",
        message:
          'msa_id "Dalas, TX" is not a CBSA code, title or principal city; closest: "Dallas-Fort Worth-Arlington, TX" (19100), "Dumas, TX" (20300), "Paris, TX" (37580)',
      },
      { row: 6, field: "msa_id", message: 'msa_id must be a 5-digit CBSA code (got "1242")' },
    ]);
  });

  test("blank rows are skipped without shifting the row numbers", async () => {
    const result = await parse(csv("position_id,position_value", "P1,100", "", " , ", "P2,-1"));
    expect(result.received).toBe(2);
    expect(result.rows.map((r) => r.row)).toEqual([2]);
    expect(result.rejected).toEqual([expect.objectContaining({ row: 5, field: "position_value" })]);
  });

  test("a repeated position_id is an error on the later rows", async () => {
    const result = await parse(csv("position_id,position_value", "P1,100", "P2,100", " P1 ,200", "P1,300"));
    expect(result.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(result.rejected).toEqual([
      { row: 4, field: "position_id", message: 'duplicate position_id "P1" (first at row 2)' },
      { row: 5, field: "position_id", message: 'duplicate position_id "P1" (first at row 2)' },
    ]);
  });

  test("a text cell guarded against formula injection is unguarded", async () => {
    const result = await parse(csv("position_id,strategy,position_value", "'=HYPERLINK(1),'-core,100"));
    expect(result.rows[0]?.position).toMatchObject({ positionId: "=HYPERLINK(1)", strategy: "-core" });
  });
});

describe("decodeTextParts: a file's parts read as one text", () => {
  test("a character split between two parts is read whole; the byte-order mark is dropped", () => {
    const bytes = new TextEncoder().encode("\uFEFFposition_id,asset_id\nP1,Café Lofts\n");
    const cut = bytes.indexOf(0xc3) + 1; // between the two bytes of é
    expect(decodeTextParts([bytes.subarray(0, cut), bytes.subarray(cut)])).toEqual({
      text: "position_id,asset_id\nP1,Café Lofts\n",
      encoding: "utf-8",
    });
  });

  test("bytes that are not UTF-8 are read as Windows-1252, also when the bad sequence ends the last part", () => {
    expect(decodeTextParts([new Uint8Array([0x43, 0x61, 0x66, 0xe9])])).toEqual({
      text: "Café",
      encoding: "windows-1252",
    });
    expect(decodeTextParts([new Uint8Array([0x43]), new Uint8Array([0xc3])])).toEqual({
      text: "CÃ",
      encoding: "windows-1252",
    });
  });

  test("a UTF-16 byte-order mark split from the rest of the file is still seen", () => {
    const bytes = new Uint8Array(Buffer.from("\uFEFFposition_value\n1\n", "utf16le"));
    expect(decodeTextParts([bytes.subarray(0, 1), bytes.subarray(1, 5), bytes.subarray(5)])).toEqual({
      text: "position_value\n1\n",
      encoding: "utf-16le",
    });
  });
});
