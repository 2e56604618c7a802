import ExcelJS from "exceljs";
import fc from "fast-check";
import { POSITION_COLUMNS } from "@/lib/engine/normalize";
import type { Harness } from "./hostile";
import { type Case, JSON_TYPE, XLSX_TYPE } from "./hostile-case";
import { encode, hostileText, positionRecord, RAW_BODIES, render } from "./hostile-values";

// Uploads of anything, for tests/api/fuzz.test.ts: random bytes under any Content-Type, CSV in
// wrong encodings, JSON, broken and formula-laden workbooks, multipart forms, files over the limits.

/** Makes the body and Content-Type of one upload (a workbook is built asynchronously). */
export type Make = () => Promise<Partial<Case>>;

export const UPLOAD_TARGETS = fc.constantFrom("/api/positions/import", "/api/positions/preview");

/** The Harness's portfolio and import options, valid or not. */
export function uploadOptions(h: Harness) {
  return fc
    .record(
      {
        mode: fc.constantFrom("replace", "upsert", "<script>", ""),
        onError: fc.constantFrom("reject", "skip", "ignore"),
        format: fc.constantFrom("csv", "json", "xlsx", "pdf", ""),
        delimiter: fc.constantFrom(",", ";", "tab", "\t", "|", "comma", ""),
        decimal: fc.constantFrom(".", ",", "point", ""),
        sheet: fc.constantFrom("1", "2", "0", "Positions", "<script>", ""),
      },
      { requiredKeys: [] },
    )
    .map((o) => [h.query, ...Object.entries(o).map(([k, v]) => `${k}=${encode(v)}`)].join("&"));
}

/** Upload bodies; the last two are over the size and the row limits the fuzz server runs with. */
export function uploadCases(maxUploadBytes: number, maxRows: number): fc.Arbitrary<Make> {
  const anyType = fc.constantFrom<string | null>(
    null,
    "text/csv",
    JSON_TYPE,
    XLSX_TYPE,
    "application/octet-stream",
    "image/png",
    "application/xml",
    "text/plain; charset=utf-16",
    "multipart/form-data",
    "multipart/form-data; boundary=nope",
  );
  const cell = fc.oneof(
    hostileText,
    fc.double().map(String),
    fc.constantFrom("1000000", "CA", "31080", "core", "1987", "240"),
  );
  const header = fc.oneof(
    { weight: 4, arbitrary: fc.constant([...POSITION_COLUMNS]) },
    {
      weight: 1,
      arbitrary: fc.shuffledSubarray([...POSITION_COLUMNS, "position_value", "<script>x</script>", "=cmd", ""], {
        minLength: 1,
      }),
    },
  );
  const csvText = fc
    .tuple(header, fc.array(fc.array(cell, { minLength: 10, maxLength: 10 }), { maxLength: 8 }))
    .map(([head, rows]) =>
      [
        head.join(","),
        ...rows.map((r) =>
          r
            .slice(0, head.length)
            .map((v) => `"${v.replace(/"/g, '""')}"`)
            .join(","),
        ),
      ].join("\r\n"),
    );
  // Other encodings: UTF-16 without a byte-order mark, Latin-1 (read as Windows-1252), UTF-8 with a BOM.
  const encoded = fc
    .tuple(csvText, fc.constantFrom("utf8", "utf16le", "latin1", "bom"))
    .map(
      ([text, encoding]) =>
        new Uint8Array(
          encoding === "bom" ? Buffer.from(`\uFEFF${text}`, "utf8") : Buffer.from(text, encoding as BufferEncoding),
        ),
    );
  const xlsx = fc
    .array(fc.array(fc.oneof(cell, fc.double(), fc.boolean(), fc.constant(null)), { minLength: 10, maxLength: 10 }), {
      maxLength: 4,
    })
    .map(async (rows) => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("Positions");
      sheet.addRow([...POSITION_COLUMNS]);
      for (const r of rows) sheet.addRow(r);
      sheet.getCell("A3").value = { formula: 'HYPERLINK("http://evil.example","x")', result: "x" };
      return new Uint8Array(await workbook.xlsx.writeBuffer());
    });
  const multipart = (bytes: Uint8Array, name: string | null) => {
    const form = new FormData();
    if (name === null) form.append("other", "no file here");
    else form.append("file", new Blob([bytes as BlobPart]), name);
    return form;
  };
  return fc.oneof(
    fc.tuple(fc.uint8Array({ maxLength: 3000 }), anyType).map(
      ([bytes, contentType]): Make =>
        async () => ({ body: bytes, contentType }),
    ),
    fc.tuple(encoded, fc.constantFrom<string | null>("text/csv", "text/plain", null)).map(
      ([bytes, contentType]): Make =>
        async () => ({ body: bytes, contentType }),
    ),
    fc.tuple(fc.array(positionRecord, { maxLength: 6 }), fc.boolean()).map(
      ([rows, wrapped]): Make =>
        async () => ({ body: render(wrapped ? { positions: rows } : rows), contentType: JSON_TYPE }),
    ),
    fc.constantFrom(...RAW_BODIES).map(
      (body): Make =>
        async () => ({ body, contentType: JSON_TYPE }),
    ),
    xlsx.map(
      (bytes): Make =>
        async () => ({ body: await bytes, contentType: XLSX_TYPE }),
    ),
    fc.tuple(xlsx, fc.nat(), fc.nat({ max: 255 })).map(
      ([bytes, at, value]): Make =>
        async () => {
          const broken = (await bytes).slice();
          broken[at % broken.length] = value;
          return { body: at % 3 === 0 ? broken.slice(0, at % broken.length) : broken, contentType: XLSX_TYPE };
        },
    ),
    fc
      .tuple(
        encoded,
        fc.constantFrom<string | null>(
          null,
          "positions.csv",
          "positions.CSV",
          "<script>.csv",
          "../../x.csv",
          "x.exe",
          "",
          "no-extension",
          "a.json",
          "b.xlsx",
        ),
      )
      .map(
        ([bytes, name]): Make =>
          async () => ({ body: multipart(bytes, name) }),
      ),
    fc.constant<Make>(async () => ({
      body: `position_value,strategy\n1,${"z".repeat(maxUploadBytes)}\n`,
      contentType: "text/csv",
    })),
    fc.integer({ min: maxRows + 1, max: maxRows + 40 }).map(
      (n): Make =>
        async () => ({
          body: ["position_value", ...Array.from({ length: n }, (_, i) => String(i + 1))].join("\n"),
          contentType: "text/csv",
        }),
    ),
  );
}
