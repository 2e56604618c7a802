import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, type MockInstance, test, vi } from "vitest";

import { AppError } from "@/lib/errors";
import { parsePositions } from "@/lib/import";
import { positionCopyLine } from "@/lib/import/copy-text";
import { prepareImportOffThread, type UploadedFile } from "@/lib/import/off-thread";
import type { PreparedImport, PrepareOptions } from "@/lib/import/prepare";
import { logger } from "@/lib/logger";

const HEADER =
  "position_id,asset_id,msa_id,strategy,state,vintage,construction_type,rent_band,position_value,units,note";
const CSV = [
  HEADER,
  "P1,A\\1,12420,Core,tx,1987,Garden,Workforce,1250000,240,x",
  "P2,,,,ZZ,,,,500,,",
  "",
  ',A3,35620,Value Add,NY,2001,,,"2,000.10",12,',
  "P1,dup,,,,,,,7,,",
  '"P\t5","東京 ""tower""",,,,,,,9.999,,',
].join("\n");

// A worker that cannot start is logged and the file parsed in-thread: here it must have started.
let workerFailures: MockInstance;
beforeEach(() => {
  workerFailures = vi.spyOn(logger, "error");
});
afterEach(() => {
  expect(workerFailures).not.toHaveBeenCalled();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "aker-off-thread-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Copied = PreparedImport & { copied: string };

/** The worker's answer and the request thread's; with `copy`, each with the COPY text it wrote. */
async function both(
  input: UploadedFile,
  { copy = false, ...options }: Omit<PrepareOptions, "copyTo"> & { copy?: boolean },
): Promise<[unknown, unknown]> {
  const run = async (workers: "0" | "1") => {
    vi.stubEnv("AKER_IMPORT_WORKERS", workers);
    const copyTo = copy ? path.join(tmp, `${workers}-${Math.random()}.copy`) : undefined;
    const result = await prepareImportOffThread(input, { currentYear: 2026, ...options, copyTo }).catch(
      (error: unknown) => error,
    );
    if (copyTo === undefined || result instanceof Error) return result;
    const bytes = readFileSync(copyTo);
    expect((result as PreparedImport).copyBytes).toBe(bytes.byteLength);
    return { ...(result as PreparedImport), copied: bytes.toString("utf8") };
  };
  return [await run("1"), await run("0")];
}

const text = (prepared: PreparedImport) => (prepared as Copied).copied;

// Each worker run from source compiles its modules with tsx first: most of a second.
describe("prepareImportOffThread: the worker and AKER_IMPORT_WORKERS=0 give the same answer", {
  timeout: 60_000,
}, () => {
  test.each(["replace", "upsert"] as const)("CSV with bad rows, %s", async (mode) => {
    const [worker, inThread] = await both({ format: "csv", data: CSV }, { mode, copy: true });
    expect(worker).toEqual(inThread);
    const prepared = worker as PreparedImport;
    expect(prepared).toMatchObject({ received: 5, ignoredColumns: ["note"] });
    expect(prepared.rejected.map((r) => [r.row, r.field])).toEqual(
      mode === "upsert"
        ? [
            [3, "state"],
            [5, "position_id"],
            [6, "position_id"],
          ]
        : [
            [3, "state"],
            [6, "position_id"],
          ],
    );
    // The COPY text is exactly the lines of the rows parsePositions keeps, in file order.
    const parsed = await parsePositions({ format: "csv", data: CSV }, { currentYear: 2026 });
    const kept = parsed.rows.filter((r) => mode === "replace" || r.position.positionId !== null);
    expect(text(prepared)).toBe(kept.map((r) => positionCopyLine(r.position)).join(""));
    expect(prepared.valid).toBe(kept.length);
    expect(prepared.sample).toEqual(kept.map((r) => ({ row: r.row, ...r.position })));
  });

  test("bytes, JSON and XLSX", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Positions").addRows([
      ["position_id", "state", "position_value"],
      ["X1", "CA", 10],
      ["X2", "Nowhere", 20],
    ]);
    const inputs: UploadedFile[] = [
      { format: "csv", data: new TextEncoder().encode(`\uFEFF${CSV}`) },
      { format: "json", data: JSON.stringify([{ positionId: "J1", positionValue: 5 }, { positionValue: "x" }, 3]) },
      { format: "xlsx", data: new Uint8Array(await workbook.xlsx.writeBuffer()) },
    ];
    for (const input of inputs) {
      const [worker, inThread] = await both(input, { mode: "replace", copy: true });
      expect(worker).toEqual(inThread);
      expect((worker as PreparedImport).valid).toBeGreaterThan(0);
    }
  });

  test("the delimiter, decimal and sheet travel to the worker; the interpretation comes back", async () => {
    const latin = new Uint8Array(
      Buffer.from("position_id;asset_id;position_value\r\nP1;Café Lofts;1.000,5\r\n", "latin1"),
    );
    const [worker, inThread] = await both({ format: "csv", data: latin }, { mode: "replace" });
    expect(worker).toEqual(inThread);
    expect(worker).toMatchObject({
      valid: 1,
      sample: [{ assetId: "Café Lofts", positionValue: 1000.5 }],
      interpretation: {
        encoding: "windows-1252",
        delimiter: ";",
        decimal: ",",
        description: "semicolon-separated, decimal comma, Windows-1252",
      },
    });
    const [overridden] = await both({ format: "csv", data: latin }, { mode: "replace", decimal: "." });
    expect(overridden).toMatchObject({ valid: 0, rejected: [{ row: 2, field: "position_value" }] });

    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Notes").addRows([["hello"]]);
    workbook.addWorksheet("Book").addRows([["position_value"], ["7"]]);
    const data = new Uint8Array(await workbook.xlsx.writeBuffer());
    const [second, secondInThread] = await both({ format: "xlsx", data }, { mode: "replace", sheet: "2" });
    expect(second).toEqual(secondInThread);
    expect(second).toMatchObject({ valid: 1, interpretation: { sheet: "Book", sheets: ["Notes", "Book"] } });
  });

  test("a refused file is the same AppError either way", async () => {
    const cases: UploadedFile[] = [
      { format: "csv", data: "" },
      { format: "csv", data: 'position_value\n"unterminated' },
      { format: "csv", data: new Uint8Array([0x70, 0xff, 0xfe]) },
      { format: "json", data: "{" },
      { format: "xlsx", data: "not bytes" },
    ];
    for (const input of cases) {
      const [worker, inThread] = await both(input, { mode: "replace" });
      expect(worker).toBeInstanceOf(AppError);
      expect(inThread).toBeInstanceOf(AppError);
      const shape = (e: unknown) => ({ ...(e as AppError), message: (e as AppError).message });
      expect(shape(worker)).toEqual(shape(inThread));
    }
    const [tooMany] = await both({ format: "csv", data: "position_value\n1\n2\n3" }, { mode: "replace", maxRows: 2 });
    expect(tooMany).toMatchObject({ code: "too_large" });
  });

  test("a preview builds no COPY text", async () => {
    const [worker] = await both({ format: "csv", data: CSV }, { mode: "replace" });
    expect((worker as PreparedImport).copyBytes).toBe(0);
  });
  test("an upload's own bytes are handed to the worker, not copied; other bytes are left as they were", async () => {
    vi.stubEnv("AKER_IMPORT_WORKERS", "1");
    const options = { mode: "replace", copyTo: path.join(tmp, "owned.copy"), currentYear: 2026 } as const;
    const expected = await prepareImportOffThread({ format: "csv", data: CSV }, options);
    const kept = new TextEncoder().encode(CSV);
    expect(await prepareImportOffThread({ format: "csv", data: kept }, options)).toEqual(expected);
    expect(kept.byteLength).toBeGreaterThan(0);
    const owned = new TextEncoder().encode(CSV);
    expect(await prepareImportOffThread({ format: "csv", data: owned, owned: true }, options)).toEqual(expected);
    expect(owned.byteLength).toBe(0);
    // A view of part of a buffer the import owns (a multipart upload's file, in a buffer sized by
    // the whole body) is handed over with its buffer, and read from where it starts.
    const bytes = new TextEncoder().encode(CSV);
    const buffer = new Uint8Array(bytes.byteLength + 7);
    const view = buffer.subarray(3, 3 + bytes.byteLength);
    view.set(bytes);
    expect(await prepareImportOffThread({ format: "csv", data: view, owned: true }, options)).toEqual(expected);
    expect(buffer.byteLength).toBe(0);
  });
});
