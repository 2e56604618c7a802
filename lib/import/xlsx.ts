import { posix } from "node:path";
import { SaxesParser } from "saxes";
import yauzl from "yauzl";

import { AppError } from "@/lib/errors";
import { formatMegabytes, formatSize, maxXlsxCells, maxXlsxUnpackedBytes } from "@/lib/request-caps";

import type { MappingSources } from "./columns";
import { describeInterpretation } from "./interpretation";
import {
  type ColumnIndexes,
  type ColumnMap,
  type ImportOptions,
  mapHeaders,
  type ParsedImport,
  PositionCollector,
  readRow,
} from "./records";

// One worksheet (the first, or the one `sheet` names), read as a stream: yauzl reads the zip's central directory (every part's
// unpacked size is known before anything is inflated, and it refuses a part that inflates past
// its declared size), saxes parses each XML part as it inflates, and rows go to the collector one
// at a time, so memory holds the shared strings and the positions, never the sheet's XML.
// Not ExcelJS's streaming reader: it fails on cells and rows without an `r` attribute (valid
// XLSX, written by other tools), builds a styled Row object per row and spools a sheet that comes
// before the shared strings in the zip to a temporary file.

type Attributes = Record<string, string>;

interface XmlHandler {
  open(name: string, attributes: Attributes): void;
  text?(text: string): void;
  close?(name: string): void;
}

const RELATIONSHIPS = "xl/_rels/workbook.xml.rels";
const WORKBOOK = "xl/workbook.xml";
// Give other requests a turn after about this much XML (about a thousand rows).
const YIELD_EVERY_CHARS = 1 << 18;
// Excel's built-in number formats that show a date or a time.
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47,
]);
for (let id = 50; id <= 58; id++) DATE_FORMAT_IDS.add(id);

/** Element names without their namespace prefix: some writers spell `<x:c>` for `<c>`. */
function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon === -1 ? name : name.slice(colon + 1);
}

/** SpreadsheetML escapes characters XML cannot carry as `_xHHHH_` (ExcelJS decoded shared strings only). */
function unescapeText(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/** As ExcelJS decides: a custom format with date or time letters outside quotes and brackets. */
function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return DATE_FORMAT_IDS.has(id);
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/** The parts we want from the central directory, and the unpacked size of all of them. */
async function listParts(bytes: Buffer, wanted: ReadonlySet<string>) {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, autoClose: false });
  const parts = new Map<string, yauzl.Entry>();
  let unpacked = 0;
  for await (const entry of zip.eachEntry()) {
    unpacked += entry.uncompressedSize;
    if (wanted.has(entry.fileName)) parts.set(entry.fileName, entry);
  }
  return { zip, parts, unpacked };
}

async function parsePart(zip: yauzl.ZipFile, entry: yauzl.Entry, handler: XmlHandler): Promise<void> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("opentag", (tag) => handler.open(localName(tag.name), tag.attributes));
  parser.on("text", (text) => handler.text?.(text));
  parser.on("cdata", (text) => handler.text?.(text));
  parser.on("closetag", (tag) => handler.close?.(localName(tag.name)));
  const stream = await zip.openReadStreamPromise(entry);
  stream.setEncoding("utf8");
  let sinceYield = 0;
  for await (const chunk of stream) {
    parser.write(chunk as string);
    sinceYield += (chunk as string).length;
    if (sinceYield >= YIELD_EVERY_CHARS) {
      sinceYield = 0;
      await new Promise(setImmediate);
    }
  }
  parser.close();
}

/** The worksheet `wanted` names: its name, else its 1-based position; unset, the first. */
function chooseSheet(sheets: ReadonlyArray<{ name: string; path: string }>, wanted: string | undefined) {
  if (wanted === undefined) return sheets[0];
  const byName = sheets.find((sheet) => sheet.name === wanted) ?? sheets.find((s) => s.name.trim() === wanted.trim());
  if (byName !== undefined) return byName;
  const position = /^\d+$/.test(wanted.trim()) ? Number(wanted.trim()) : Number.NaN;
  const byPosition = sheets[position - 1];
  if (byPosition !== undefined) return byPosition;
  const names = sheets.map((sheet) => JSON.stringify(sheet.name)).join(", ");
  const message = `no sheet ${JSON.stringify(wanted)} in the workbook: give a sheet's name or its position from 1 to ${sheets.length} (${names})`;
  throw new AppError("invalid_input", `Cannot read the workbook: ${message}`, [{ field: "sheet", message }]);
}

/** Where the chosen worksheet, the shared strings and the styles are, and the workbook's date system. */
async function readWorkbook(zip: yauzl.ZipFile, parts: Map<string, yauzl.Entry>, wanted: string | undefined) {
  const workbook = parts.get(WORKBOOK);
  if (workbook === undefined) throw new AppError("invalid_data", `unreadable XLSX file: it has no ${WORKBOOK}`);
  const sheetIds: Array<{ name: string; id: string }> = [];
  let date1904 = false;
  await parsePart(zip, workbook, {
    open(name, attributes) {
      if (name === "sheet") {
        // r:id, whatever the relationships namespace's prefix.
        const id = Object.entries(attributes).find(([key]) => localName(key) === "id")?.[1] ?? "";
        sheetIds.push({ name: unescapeText(attributes.name ?? ""), id });
      } else if (name === "workbookPr") {
        date1904 = attributes.date1904 === "1" || attributes.date1904 === "true";
      }
    },
  });
  const worksheets = new Map<string, string>();
  let sharedStrings = "xl/sharedStrings.xml";
  let styles = "xl/styles.xml";
  const relationships = parts.get(RELATIONSHIPS);
  if (relationships !== undefined) {
    await parsePart(zip, relationships, {
      open(name, { Id, Type, Target }) {
        if (name !== "Relationship" || Id === undefined || Type === undefined || Target === undefined) return;
        const path = Target.startsWith("/") ? Target.slice(1) : posix.normalize(`xl/${Target}`);
        if (Type.endsWith("/worksheet")) worksheets.set(Id, path);
        else if (Type.endsWith("/sharedStrings")) sharedStrings = path;
        else if (Type.endsWith("/styles")) styles = path;
      },
    });
  }
  // A chart sheet is not a worksheet: the first sheet is the first worksheet, as ExcelJS had it.
  const sheets = sheetIds.flatMap(({ name, id }) => {
    const path = worksheets.get(id);
    return path === undefined ? [] : [{ name, path }];
  });
  if (sheets.length === 0) throw new AppError("invalid_data", "the XLSX file has no worksheet");
  const chosen = chooseSheet(sheets, wanted);
  if (chosen === undefined) throw new AppError("invalid_data", "the XLSX file has no worksheet");
  return { sheet: chosen.path, name: chosen.name, names: sheets.map((s) => s.name), sharedStrings, styles, date1904 };
}

/** Rich text and phonetic runs aside, each `<si>` is one string. */
async function readSharedStrings(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (entry === undefined) return strings;
  let current = "";
  let phonetic = false;
  let inText = false;
  await parsePart(zip, entry, {
    open(name) {
      if (name === "si") current = "";
      else if (name === "rPh") phonetic = true;
      else if (name === "t") inText = !phonetic;
    },
    text(text) {
      if (inText) current += text;
    },
    close(name) {
      if (name === "si") strings.push(unescapeText(current));
      else if (name === "rPh") phonetic = false;
      else if (name === "t") inText = false;
    },
  });
  return strings;
}

/** For each cell style (`s`), whether its number format shows a date. */
async function readDateStyles(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined): Promise<boolean[]> {
  if (entry === undefined) return [];
  const codes = new Map<number, string>();
  const formatIds: number[] = [];
  let parent = "";
  await parsePart(zip, entry, {
    open(name, attributes) {
      if (name === "numFmts" || name === "cellXfs") parent = name;
      else if (name === "numFmt" && parent === "numFmts") {
        codes.set(Number(attributes.numFmtId), attributes.formatCode ?? "");
      } else if (name === "xf" && parent === "cellXfs") formatIds.push(Number(attributes.numFmtId ?? 0));
    },
    close(name) {
      if (name === parent) parent = "";
    },
  });
  return formatIds.map((id) => isDateFormat(id, codes.get(id)));
}

function isBlank(value: unknown): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/**
 * The sheet's rows to the collector as they are parsed. A cell or a row without `r` takes the
 * next column or row number; row 1 is the header; values are as ExcelJS gave them (formulas their
 * cached result, dates as Date, error cells as `{ error }`, so normalisation reports them).
 */
class SheetReader implements XmlHandler {
  private inSheetData = false;
  private rowNumber = 0;
  private blank = true;
  private readonly row = new Map<number, unknown>();
  private readonly header: Array<{ name: string; index: number }> = [];
  private indexes: ColumnIndexes | null = null;
  private wanted = new Set<number>();
  columnMap: Pick<ColumnMap, "ignoredColumns" | "columns"> = { ignoredColumns: [], columns: [] };
  private cells = 0;
  // The cell being read.
  private column = 0;
  private type = "";
  private style = 0;
  private formula = false;
  private inValue = false;
  private phonetic = false;
  private value: string | undefined;

  constructor(
    private readonly collector: PositionCollector,
    private readonly sources: MappingSources,
    private readonly strings: readonly string[],
    private readonly dateStyles: readonly boolean[],
    private readonly date1904: boolean,
    private readonly maxCells: number,
  ) {}

  open(name: string, attributes: Attributes): void {
    if (!this.inSheetData) {
      this.inSheetData = name === "sheetData";
    } else if (name === "c") {
      if (++this.cells > this.maxCells) {
        throw new AppError(
          "too_large",
          `The worksheet has more than ${this.maxCells.toLocaleString("en-US")} cells, the most one import reads (AKER_MAX_XLSX_CELLS): split it into smaller files.`,
        );
      }
      this.column = columnOf(attributes.r, this.column);
      // Excel's last column: a header can be no wider, however many cells a row lists.
      if (this.column > 16_384) throw new Error(`row ${this.rowNumber} has a cell past column XFD, the last one`);
      this.type = attributes.t ?? "";
      this.style = attributes.s === undefined ? 0 : Number(attributes.s);
      this.formula = false;
      this.value = undefined;
    } else if (name === "row") {
      const number = attributes.r === undefined ? Number.NaN : Number(attributes.r);
      this.rowNumber = Number.isSafeInteger(number) && number > 0 ? number : this.rowNumber + 1;
      if (this.indexes === null && this.rowNumber !== 1) throw emptySheetError();
      this.column = 0;
      this.blank = true;
      this.row.clear();
    } else if (name === "v" || name === "t") {
      this.inValue = !this.phonetic;
    } else if (name === "f") {
      this.formula = true;
    } else if (name === "rPh") {
      this.phonetic = true;
    }
  }

  text(text: string): void {
    if (this.inValue) this.value = this.value === undefined ? text : this.value + text;
  }

  close(name: string): void {
    if (!this.inSheetData) return;
    if (name === "v" || name === "t") this.inValue = false;
    else if (name === "rPh") this.phonetic = false;
    else if (name === "c") this.closeCell();
    else if (name === "row") this.closeRow();
    else if (name === "sheetData") this.inSheetData = false;
  }

  private closeCell(): void {
    const { column } = this;
    if (this.indexes === null) {
      const value = this.cellValue();
      if (value !== null) this.header.push({ name: String(value).trim(), index: column });
    } else if (this.wanted.has(column)) {
      const value = this.cellValue();
      this.row.set(column, value);
      if (this.blank && !isBlank(value)) this.blank = false;
    } else if (this.blank && !isBlank(this.cellValue())) {
      this.blank = false;
    }
  }

  private closeRow(): void {
    if (this.indexes === null) {
      if (this.header.every((header) => header.name === "")) throw emptySheetError();
      const { indexes, ignoredColumns, columns } = mapHeaders(this.header, this.sources);
      this.indexes = indexes;
      this.columnMap = { ignoredColumns, columns };
      this.wanted = new Set(Object.values(indexes));
    } else if (!this.blank) {
      this.collector.add(
        readRow(this.indexes, (index) => this.row.get(index) ?? null),
        this.rowNumber,
      );
    }
  }

  /** The cell's value as ExcelJS gave it (lib/import keeps the behaviour users had). */
  private cellValue(): unknown {
    const { value, type } = this;
    if (value === undefined) return null;
    if (type === "s" && !this.formula) {
      const text = this.strings[Number(value)];
      if (text === undefined) throw new Error(`a cell refers to shared string ${value}, which does not exist`);
      return text;
    }
    if (type === "str" || type === "inlineStr") return value;
    if (type === "b") return Number.parseInt(value, 10) !== 0;
    if (type === "e") return { error: value };
    if (type === "d") return new Date(value);
    const number = Number.parseFloat(value);
    return this.dateStyles[this.style] === true ? excelDate(number, this.date1904) : number;
  }

  /** Whether the header row has not been read yet. */
  beforeHeader(): boolean {
    return this.indexes === null;
  }

  /** Called when the sheet has been read: a sheet without rows has no header either. */
  finish(): void {
    if (this.indexes === null) throw emptySheetError();
  }
}

function emptySheetError(): AppError {
  return new AppError("invalid_data", "the worksheet is empty: expected a header row in row 1");
}

/** The column number of a reference ("C7" → 3); without one, the column after the last. */
function columnOf(ref: string | undefined, previous: number): number {
  let column = 0;
  if (ref !== undefined) {
    for (let i = 0; i < ref.length; i++) {
      const code = ref.charCodeAt(i);
      if (code < 65 || code > 90) break;
      column = column * 26 + code - 64;
    }
  }
  return column === 0 ? previous + 1 : column;
}

/**
 * The sheet's rows; in a workbook of several sheets, a sheet without the header names the sheet
 * read and the others, since the positions are often on another one.
 */
async function readRows(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  reader: SheetReader,
  workbook: { name: string; names: string[] },
): Promise<void> {
  try {
    await parsePart(zip, entry, reader);
    reader.finish();
  } catch (error) {
    if (!(error instanceof AppError) || workbook.names.length < 2 || !reader.beforeHeader()) throw error;
    const others = workbook.names.filter((name) => name !== workbook.name).map((name) => JSON.stringify(name));
    const where = `in sheet ${JSON.stringify(workbook.name)}; the workbook's other sheets: ${others.join(", ")} (choose one with sheet=)`;
    throw new AppError(error.code, `${error.message} (${where})`, error.details, error.extra);
  }
}

async function readSheet(data: Uint8Array, opts: ImportOptions): Promise<ParsedImport> {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const limit = maxXlsxUnpackedBytes();
  const first = await listParts(bytes, new Set([WORKBOOK, RELATIONSHIPS]));
  if (first.unpacked > limit) {
    throw new AppError(
      "too_large",
      `The XLSX file unpacks to ${formatSize(first.unpacked)}, over the limit of ${formatMegabytes(limit)} (AKER_MAX_XLSX_UNPACKED_MB); nothing was read.`,
    );
  }
  const workbook = await readWorkbook(first.zip, first.parts, opts.sheet).finally(() => first.zip.close());
  // Only the parts the workbook names are kept, however many entries the zip lists.
  const { zip, parts } = await listParts(bytes, new Set([workbook.sheet, workbook.sharedStrings, workbook.styles]));
  try {
    const sheet = parts.get(workbook.sheet);
    if (sheet === undefined) throw new Error(`the worksheet ${workbook.sheet} is missing`);
    const strings = await readSharedStrings(zip, parts.get(workbook.sharedStrings));
    const dateStyles = await readDateStyles(zip, parts.get(workbook.styles));
    const decimal = opts.decimal ?? ".";
    const collector = new PositionCollector(opts, decimal);
    const reader = new SheetReader(collector, opts, strings, dateStyles, workbook.date1904, maxXlsxCells());
    await readRows(zip, sheet, reader, workbook);
    const interpretation = describeInterpretation("xlsx", {
      encoding: null,
      delimiter: null,
      decimal,
      sheet: workbook.name,
      sheets: workbook.names,
    });
    return collector.result("xlsx", reader.columnMap, interpretation);
  } finally {
    zip.close();
  }
}

/** Parses a worksheet (`opts.sheet`, else the first); row 1 is the header and row numbers are the sheet's own. */
export async function parseXlsx(data: Uint8Array, opts: ImportOptions): Promise<ParsedImport> {
  try {
    return await readSheet(data, opts);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppError("invalid_data", `unreadable XLSX file: ${reason}`);
  }
}
