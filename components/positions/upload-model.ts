import { formatCount } from "@/lib/display/format";
import type { PositionColumn } from "@/lib/engine/normalize";
import type { ColumnSource } from "@/lib/import";

// The upload flow's wording and rules, kept pure so they can be tested without a browser.

export type ImportMode = "replace" | "upsert";

export interface RowIssue {
  row: number;
  field: string;
  message: string;
}

export interface RejectedRow {
  row: number;
  errors: Array<{ field: string; message: string }>;
}

/** One entry per bad row (a row can fail on several fields), in row order. */
export function groupRejected(rejected: readonly RowIssue[]): RejectedRow[] {
  const byRow = new Map<number, RejectedRow>();
  for (const issue of rejected) {
    const entry = byRow.get(issue.row) ?? { row: issue.row, errors: [] };
    entry.errors.push({ field: issue.field, message: issue.message });
    byRow.set(issue.row, entry);
  }
  return [...byRow.values()].sort((a, b) => a.row - b.row);
}

/**
 * Data rows in a CSV text (lines after the header, blank lines not counted), to label the wait
 * before the server has answered. A quoted field with a line break makes it an over-estimate.
 */
export function estimateCsvRows(text: string): number {
  let rows = 0;
  let lineHasContent = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) {
      if (lineHasContent) rows++;
      lineHasContent = false;
    } else if (code !== 13 && code !== 32 && code !== 44 && code !== 0xfeff) {
      lineHasContent = true;
    }
  }
  if (lineHasContent) rows++;
  return Math.max(rows - 1, 0);
}

export type Step = "preview" | "import" | "recompute";

/** What the server is doing once the upload has finished. */
export function processingLabel(step: Step, rows: number | null): string {
  const count = rows === null ? "rows" : `${formatCount(rows)} ${rows === 1 ? "row" : "rows"}`;
  if (step === "preview") return `Validating ${count}…`;
  if (step === "import") return `Storing ${count}…`;
  return "Recomputing exposures…";
}

export function uploadLabel(step: Step, fileName: string, pct: number): string {
  return `${step === "preview" ? "Uploading" : "Sending"} ${fileName} for ${step === "preview" ? "checking" : "import"}: ${pct} %`;
}

/** Whole percent of an upload; 0 while the size is unknown. */
export function uploadPct(loaded: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(100, Math.max(0, Math.floor((loaded / total) * 100)));
}

/** Why the import button is disabled, or null when the file can be imported as chosen. */
export function importBlockReason(preview: { valid: number; rejectedRows: number }, validOnly: boolean): string | null {
  if (preview.valid === 0)
    return "The file has no valid rows: nothing would be imported. Fix the file and upload it again.";
  if (preview.rejectedRows > 0 && !validOnly) {
    const rows = preview.rejectedRows === 1 ? "1 row is" : `${formatCount(preview.rejectedRows)} rows are`;
    return `${rows} rejected. Fix the file and upload it again, or choose "Import valid rows only" to skip ${preview.rejectedRows === 1 ? "it" : "them"}.`;
  }
  return null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const csvCell = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The rejected rows as a CSV a person can work through while fixing the file. */
export function rejectedToCsv(rejected: readonly RowIssue[]): string {
  return `${["row,field,message", ...rejected.map((r) => [r.row, r.field, r.message].map(csvCell).join(","))].join("\n")}\n`;
}

const ACCEPTED = /\.(csv|tsv|txt|json|xlsx)$/i;

/** A separated-values file, whose separator and decimal mark the user may set. */
export function isTextFile(name: string): boolean {
  return /\.(csv|tsv|txt)$/i.test(name);
}

/** A file the importer can read, judged by its name as the server does. */
export function acceptedFile(name: string): boolean {
  return ACCEPTED.test(name);
}

/** What the user said about how to read the file; unset fields are left to the importer's guess. */
export interface ReadChoice {
  /** "," ";" "tab" "|" */
  delimiter?: string;
  /** "." or "," */
  decimal?: string;
  /** A workbook's sheet, by name. */
  sheet?: string;
}

export const DELIMITER_CHOICES = [
  { value: ",", label: "Comma ( , )" },
  { value: ";", label: "Semicolon ( ; )" },
  { value: "tab", label: "Tab" },
  { value: "|", label: "Pipe ( | )" },
] as const;

export const DECIMAL_CHOICES = [
  { value: ".", label: "Decimal point (1,234.50)" },
  { value: ",", label: "Decimal comma (1.234,50)" },
] as const;

/** The query parameters of a choice, for the preview and the import alike. */
export function readChoiceParams(choice: ReadChoice): Record<string, string> {
  const params: Record<string, string> = {};
  if (choice.delimiter) params.delimiter = choice.delimiter;
  if (choice.decimal) params.decimal = choice.decimal;
  if (choice.sheet) params.sheet = choice.sheet;
  return params;
}

/** The delimiter as the choice spells it ("tab" for a tab character). */
export function delimiterChoice(delimiter: string | null): string {
  return delimiter === "\t" ? "tab" : (delimiter ?? ",");
}

/** The user's column choices: file header → column, null to ignore it (the API's `mapping`). */
export type ColumnChoice = Record<string, PositionColumn | null>;

/** A file column as the server resolved it (ImportPreview's `columns`). */
export interface FileColumn {
  header: string;
  column: PositionColumn | null;
  source: ColumnSource | null;
}

/** The mapping query parameter, for the preview and the import alike; none when nothing was chosen. */
export function mappingParams(choice: ColumnChoice): Record<string, string> {
  return Object.keys(choice).length === 0 ? {} : { mapping: JSON.stringify(choice) };
}

/**
 * The choices with `header` set to `column`. A column goes to one header: another header the user
 * had put on it goes back to what the server makes of it.
 */
export function chooseColumn(choice: ColumnChoice, header: string, column: PositionColumn | null): ColumnChoice {
  const next: ColumnChoice = {};
  for (const [other, chosen] of Object.entries(choice))
    if (other !== header && (column === null || chosen !== column)) next[other] = chosen;
  next[header] = column;
  return next;
}

/** The required column, when no column of the file is it. */
export function unmappedRequired(columns: readonly FileColumn[]): PositionColumn | null {
  return columns.some((c) => c.column === "position_value") ? null : "position_value";
}

/** Open the columns at once when something needs a look: no value column, or a guess or a memory at work. */
export function columnsNeedReview(columns: readonly FileColumn[]): boolean {
  return unmappedRequired(columns) !== null || columns.some((c) => c.source === "synonym" || c.source === "remembered");
}

export const COLUMN_SOURCE_LABELS: Record<ColumnSource, string> = {
  mapping: "your choice",
  remembered: "remembered",
  name: "same name",
  synonym: "recognised",
};
