// Size caps on what one request may bring (bytes of a body, rows of an import), read from the
// environment on each use so an operator can change them with a restart and a test can start a
// server with small ones. ("Limits" in this codebase are the portfolio's exposure limits.)

const MB = 1024 * 1024;

function positiveFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  // A typo must not switch a limit off: anything but a positive number keeps the default.
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** An uploaded positions file (import and preview): AKER_MAX_UPLOAD_MB, default 50. */
export function maxUploadBytes(): number {
  return Math.floor(positiveFromEnv("AKER_MAX_UPLOAD_MB", 50) * MB);
}

/** Any JSON request body (inline run positions are the large ones): AKER_MAX_JSON_MB, default 10. */
export function maxJsonBytes(): number {
  return Math.floor(positiveFromEnv("AKER_MAX_JSON_MB", 10) * MB);
}

/** Data rows in one import or one inline run: AKER_MAX_IMPORT_ROWS, default 2,000,000. */
export function maxImportRows(): number {
  return Math.floor(positiveFromEnv("AKER_MAX_IMPORT_ROWS", 2_000_000));
}

/** What an XLSX upload may unpack to, all its parts together: AKER_MAX_XLSX_UNPACKED_MB, default 1024 (about 3 million rows). */
export function maxXlsxUnpackedBytes(): number {
  return Math.floor(positiveFromEnv("AKER_MAX_XLSX_UNPACKED_MB", 1024) * MB);
}

/** Cells read from an XLSX upload's worksheet, empty ones included: AKER_MAX_XLSX_CELLS, default 30,000,000. */
export function maxXlsxCells(): number {
  return Math.floor(positiveFromEnv("AKER_MAX_XLSX_CELLS", 30_000_000));
}

/** A limit as a message names it: "50 MB", "0.5 MB". */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${Number.isInteger(mb) ? mb : Number(mb.toPrecision(3))} MB`;
}

/** A body's size, rounded up so it never reads as equal to the limit it exceeds: "50.1 MB", "5 GB". */
export function formatSize(bytes: number): string {
  const mb = Math.ceil((bytes / MB) * 10) / 10;
  return mb >= 1024 ? `${Math.ceil((mb / 1024) * 10) / 10} GB` : `${mb} MB`;
}
