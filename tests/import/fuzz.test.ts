import ExcelJS from "exceljs";
import fc from "fast-check";
import { afterAll, describe, expect, test } from "vitest";
import { normalizePosition, POSITION_COLUMNS, US_STATE_CODES } from "@/lib/engine/normalize";
import { AppError } from "@/lib/errors";
import { type ParsedImport, parsePositions } from "@/lib/import";

// Property tests: whatever bytes a user drops on the importer, the answer is either a clean parse
// (every position satisfies the engine's invariants, every rejection names a row and a column) or
// an AppError with a message — never a crash, never a half-normalised value.

let cases = 0;
afterAll(() => console.log(`import fuzz: ${cases} cases run`));

const FIELDS = new Set<string>([...POSITION_COLUMNS, "row"]);

function checkParsed(parsed: ParsedImport): void {
  for (const { position } of parsed.rows) {
    expect(Number.isFinite(position.positionValue) && position.positionValue > 0).toBe(true);
    for (const text of [
      position.positionId,
      position.assetId,
      position.strategy,
      position.constructionType,
      position.rentBand,
    ]) {
      if (text !== null) expect(text.trim()).toBe(text);
      if (text !== null) expect(text).not.toBe("");
    }
    if (position.state !== null) expect(US_STATE_CODES.has(position.state)).toBe(true);
    if (position.msaId !== null) expect(position.msaId).toMatch(/^\d{5}$/);
    if (position.units !== null) expect(Number.isInteger(position.units) && position.units >= 0).toBe(true);
    if (position.vintage !== null) expect(Number.isInteger(position.vintage)).toBe(true);
  }
  for (const error of parsed.rejected) {
    expect(error.row).toBeGreaterThan(0);
    expect(FIELDS.has(error.field)).toBe(true);
    expect(error.message.length).toBeGreaterThan(0);
  }
  expect(parsed.rows.length).toBeLessThanOrEqual(parsed.received);
}

async function parsesOrRefuses(input: Parameters<typeof parsePositions>[0]): Promise<void> {
  cases += 1;
  try {
    checkParsed(await parsePositions(input));
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
  }
}

// Values chosen to hurt: formulas, markup, numbers JavaScript reads too generously, huge fields.
const nasty = fc.oneof(
  fc.constantFrom(
    '=HYPERLINK("http://x","y")',
    "+1+1",
    "-0",
    "@SUM(A1)",
    "<script>alert(1)</script>",
    "1e309",
    "-1e309",
    "0x10",
    "NaN",
    "Infinity",
    "1,25,000",
    "$-5",
    "(1,000)",
    " 12 ",
    "\t=1",
    "\r=1",
    "０１２",
    "١٢٣",
    "\u0000",
    '"',
    '""',
    "'",
    ",",
    "\n",
  ),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.double().map(String),
  fc.integer().map(String),
  fc.constant("x".repeat(100_000)),
);

const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;

// Each property runs hundreds of cases: seconds alone, longer when the other projects share the two
// cores, so the default 5 s per test is too tight (a timeout here says nothing about the importers).
describe("importers under hostile input", { timeout: 60_000 }, () => {
  test("arbitrary text as CSV or JSON", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "binary", maxLength: 2000 }),
        fc.constantFrom("csv" as const, "json" as const),
        async (text, format) => parsesOrRefuses({ format, data: text }),
      ),
      { numRuns: 300 },
    );
  });

  test("arbitrary bytes as CSV, JSON or XLSX (wrong encodings included)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4000 }),
        fc.constantFrom("csv" as const, "json" as const, "xlsx" as const),
        async (bytes, format) => parsesOrRefuses({ format, data: bytes }),
      ),
      { numRuns: 300 },
    );
  });

  test("a real header with hostile cells: every row is accepted clean or rejected by name", async () => {
    const row = fc.array(nasty, { minLength: POSITION_COLUMNS.length, maxLength: POSITION_COLUMNS.length });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 8 }), async (rows) => {
        const csv = [POSITION_COLUMNS.join(","), ...rows.map((r) => r.map(csvCell).join(","))].join("\r\n");
        await parsesOrRefuses({ format: "csv", data: `\uFEFF${csv}` });
      }),
      { numRuns: 300 },
    );
  });

  test("JSON of any shape and depth", async () => {
    const deep = fc.integer({ min: 1, max: 5000 }).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`);
    const documents = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .array(
          fc.dictionary(
            fc.constantFrom(...POSITION_COLUMNS, "positionValue", "__proto__", "constructor"),
            fc.jsonValue(),
          ),
        )
        .map((v) => JSON.stringify(v)),
      fc.dictionary(fc.string(), fc.jsonValue()).map((v) => JSON.stringify({ positions: [v] })),
      deep,
    );
    await fc.assert(
      fc.asyncProperty(documents, async (text) => parsesOrRefuses({ format: "json", data: text })),
      { numRuns: 300 },
    );
  });

  test("XLSX workbooks with hostile cells", async () => {
    const cell = fc.oneof(nasty, fc.double(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: true }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 10, maxLength: 10 }), { maxLength: 5 }), async (rows) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet("Positions");
        sheet.addRow([...POSITION_COLUMNS]);
        for (const r of rows) sheet.addRow(r);
        const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
        await parsesOrRefuses({ format: "xlsx", data: bytes });
      }),
      { numRuns: 60 },
    );
  });

  test("normalizePosition never throws, whatever the values", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...POSITION_COLUMNS), fc.anything()), (raw) => {
        cases += 1;
        const result = normalizePosition(raw, 2);
        if (result.ok) expect(result.position.positionValue).toBeGreaterThan(0);
        else expect(result.errors.every((e) => e.row === 2)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
