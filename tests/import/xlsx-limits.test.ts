import { PassThrough } from "node:stream";
import { crc32, deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, test, vi } from "vitest";

import { AppError } from "@/lib/errors";
import { parsePositions } from "@/lib/import";

// Workbooks past the XLSX caps, and workbooks other tools write (cells and rows without `r`),
// built byte for byte: a minimal zip writer, so a part can also claim a size it does not have.

interface Part {
  name: string;
  text: string;
  /** The unpacked size the zip claims; the real one when absent. */
  claimed?: number;
}

function zip(parts: Part[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, text, claimed } of parts) {
    const raw = Buffer.from(text, "utf8");
    const packed = deflateRawSync(raw);
    const fileName = Buffer.from(name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(claimed ?? raw.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(claimed ?? raw.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, packed);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A minimal XLSX as the format allows it: one sheet, shared strings, no styles. */
function minimalXlsx(sheetData: string, options: { prefix?: string; padding?: number; claimed?: number } = {}) {
  const x = options.prefix ?? "";
  const ns = x === "" ? `xmlns="${MAIN}"` : `xmlns:${x.slice(0, -1)}="${MAIN}"`;
  return zip([
    {
      name: "[Content_Types].xml",
      text: `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      text: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      text: `<?xml version="1.0"?><${x}workbook ${ns} xmlns:r="${RELS}"><${x}sheets><${x}sheet name="Positions" sheetId="1" r:id="rId1"/></${x}sheets></${x}workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      text: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
    {
      name: "xl/sharedStrings.xml",
      text: `<?xml version="1.0"?><${x}sst ${ns}><${x}si><${x}t>units</${x}t></${x}si><${x}si><${x}r><${x}t>P</${x}t></${x}r><${x}r><${x}t>2</${x}t></${x}r></${x}si></${x}sst>`,
    },
    {
      name: "xl/worksheets/sheet1.xml",
      text: `<?xml version="1.0"?><${x}worksheet ${ns}>${" ".repeat(options.padding ?? 0)}<${x}sheetData>${sheetData.replaceAll("<", `<${x}`).replaceAll(`<${x}/`, `</${x}`)}</${x}sheetData></${x}worksheet>`,
      claimed: options.claimed,
    },
  ]);
}

const inline = (text: string) => `<c t="inlineStr"><is><t>${text}</t></is></c>`;

// Header in row 1; P1 in row 2; a blank row 3; P2 (a shared rich string, a formula) in row 4; an
// explicit r="7" row whose second cell has no r (column C: units, bad); a row without r: row 8.
const WITHOUT_R = [
  `<row>${inline("position_id")}${inline("position_value")}<c t="s"><v>0</v></c></row>`,
  `<row>${inline("P1")}<c><v>1000</v></c><c><v>5</v></c></row>`,
  "<row/>",
  `<row><c t="s"><v>1</v></c><c><f>2*1000</f><v>2000</v></c></row>`,
  `<row r="7"><c r="B7"><v>3000</v></c>${inline("many")}</row>`,
  `<row>${inline("P8")}<c><v>4000</v></c><c t="b"><v>1</v></c></row>`,
].join("");

function parse(data: Uint8Array) {
  return parsePositions({ format: "xlsx", data }, { currentYear: 2026 });
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("parsePositions (XLSX limits and what the format allows)", () => {
  test.each([
    { label: "unprefixed", prefix: "" },
    { label: "namespace-prefixed", prefix: "x:" },
  ])("cells and rows without an r attribute take the next column and row ($label)", async ({ prefix }) => {
    const result = await parse(minimalXlsx(WITHOUT_R, { prefix }));
    expect(result).toMatchObject({ format: "xlsx", received: 4, ignoredColumns: [] });
    expect(
      result.rows.map(({ row, position }) => [row, position.positionId, position.positionValue, position.units]),
    ).toEqual([
      [2, "P1", 1000, 5],
      [4, "P2", 2000, null],
    ]);
    expect(result.rejected.map((e) => [e.row, e.field])).toEqual([
      [7, "units"],
      [8, "units"],
    ]);
  });

  test("a workbook that unpacks past AKER_MAX_XLSX_UNPACKED_MB is refused before it is read", async () => {
    vi.stubEnv("AKER_MAX_XLSX_UNPACKED_MB", "1");
    const data = minimalXlsx(WITHOUT_R, { padding: 3 * 1024 * 1024 });
    expect(data.byteLength).toBeLessThan(20_000);
    const error = await parse(data).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "too_large",
      message: "The XLSX file unpacks to 3.1 MB, over the limit of 1 MB (AKER_MAX_XLSX_UNPACKED_MB); nothing was read.",
    });
  });

  test("a part that inflates past the size the zip claims for it is refused", async () => {
    const error = await parse(minimalXlsx(WITHOUT_R, { padding: 3 * 1024 * 1024, claimed: 2000 })).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid_data", message: expect.stringContaining("unreadable XLSX file") });
  });

  test("a worksheet with more cells than AKER_MAX_XLSX_CELLS is refused", async () => {
    vi.stubEnv("AKER_MAX_XLSX_CELLS", "50");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Positions");
    sheet.addRow(["position_id", "strategy", "state", "msa_id", "vintage", "position_value", "units"]);
    for (let i = 1; i <= 20; i++) sheet.addRow([`P${i}`, "core", "CA", "31080", 1990, 1000 * i, 10]);
    const error = await parse(new Uint8Array(await workbook.xlsx.writeBuffer())).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "too_large",
      message:
        "The worksheet has more than 50 cells, the most one import reads (AKER_MAX_XLSX_CELLS): split it into smaller files.",
    });
  });

  test("100,000 rows written by ExcelJS become 100,000 positions", { timeout: 60_000 }, async () => {
    // ExcelJS's streaming writer: its in-memory workbook takes several times longer to write.
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (chunk: Buffer) => chunks.push(chunk));
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
    const sheet = workbook.addWorksheet("Positions");
    sheet.addRow(["position_id", "strategy", "state", "msa_id", "vintage", "position_value", "units"]).commit();
    for (let i = 1; i <= 100_000; i++) {
      sheet.addRow([`P${i}`, "core", "CA", "31080", 1960 + (i % 60), 1000 + i, i % 400]).commit();
    }
    await workbook.commit();
    const result = await parse(new Uint8Array(Buffer.concat(chunks)));
    expect(result).toMatchObject({ received: 100_000, rejected: [] });
    expect(result.rows).toHaveLength(100_000);
    expect(result.rows.at(-1)).toMatchObject({
      row: 100_001,
      position: { positionId: "P100000", positionValue: 101_000 },
    });
  });
});
