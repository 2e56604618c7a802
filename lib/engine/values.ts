// Scalar values as files bring them: text, money with "$" and thousands separators, whole
// numbers. Shared by position normalisation and the importers.

// Plain decimals, optionally "$" and correctly grouped thousands ("$1,250,000.00"); or an exponent
// form without grouping ("1.25e6"). Hex, spaces, brackets and stray letters never match.
const MONEY = /^-?\$?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const SCIENTIFIC = /^-?\d+(?:\.\d+)?[eE][+-]?\d+$/;
const WHOLE_GROUPED = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)$/;
const WHOLE_PLAIN = /^-?\d+$/;
const MONEY_SYMBOLS = /[$,]/g;

const MAX_SHOWN = 60;

/** How a bad value is quoted in a message: strings in quotes, other values as printed. */
export function describeValue(value: unknown): string {
  if (value instanceof Date) return "a date";
  const quoted = typeof value === "string" || (typeof value === "object" && value !== null);
  let shown: string;
  try {
    shown = quoted ? JSON.stringify(value) : String(value);
  } catch {
    // JSON.stringify recurses: a value nested thousands deep overflows the stack.
    shown = Array.isArray(value) ? "a deeply nested list" : "a deeply nested object";
  }
  return shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN)}…` : shown;
}

/** Trimmed text; numbers become their decimal string; empty → null; other types → undefined. */
export function parseText(value: unknown): string | null | undefined {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    const text = value.trim();
    return text === "" ? null : text;
  }
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Rounds to cents; the toPrecision step absorbs binary noise so 1.005 rounds to 1.01. */
function roundCents(value: number): number {
  const quick = Math.round(value * 100) / 100;
  if (quick === value) return value;
  const rounded = Math.round(Number((value * 100).toPrecision(15))) / 100;
  return Number.isFinite(rounded) ? rounded : value;
}

/** A money amount rounded to cents, or null when the value is not a finite number. Sign is kept. */
export function parseMoney(value: unknown): number | null {
  let parsed: number;
  if (typeof value === "number") parsed = value;
  else if (typeof value === "string") {
    const text = value.trim();
    if (MONEY.test(text)) parsed = Number(text.replace(MONEY_SYMBOLS, ""));
    else if (SCIENTIFIC.test(text)) parsed = Number(text);
    else return null;
  } else return null;
  return Number.isFinite(parsed) ? roundCents(parsed) : null;
}

/** The decimal separator a file writes numbers with; the other of "." and "," then groups thousands. */
export type DecimalMark = "." | ",";

const ACCOUNTING = /^\((.*)\)$/;
const CURRENCY = /^[$€£]\s*|\s*[$€£]$/;
const PERCENT_SUFFIX = /\s*%$/;
// With a decimal comma: thousands grouped by dots or by (non-breaking) spaces, one kind per number.
const COMMA_NUMBER = /^-?(?:\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,\d+)?$/;
const COMMA_SCIENTIFIC = /^-?\d+(?:,\d+)?[eE][+-]?\d+$/;
const COMMA_GROUPS = /[. \u00a0\u202f]/g;

/**
 * A number as a spreadsheet writes it into a file, in the plain form parseMoney and parseWholeNumber
 * read: accounting negatives "(500,000)" get a minus sign, a currency symbol ($ € £) goes, and with
 * a decimal comma "1.000.000,50" becomes "1000000.50" (a "%" suffix is kept). Text that is not a
 * number in the file's style becomes NaN, so "1.5" in a decimal-comma file is refused rather than
 * read the other way. Other values are returned as they are.
 */
export function plainNumber(value: unknown, decimal: DecimalMark): unknown {
  if (typeof value !== "string") return value;
  let text = value.trim();
  let sign = "";
  const inner = ACCOUNTING.exec(text)?.[1];
  if (inner !== undefined && !inner.trim().startsWith("-")) {
    sign = "-";
    text = inner.trim();
  }
  const percent = PERCENT_SUFFIX.exec(text)?.[0] ?? "";
  text = text.slice(0, text.length - percent.length).replace(CURRENCY, "");
  if (decimal === ",") {
    if (!COMMA_NUMBER.test(text) && !COMMA_SCIENTIFIC.test(text)) return text === "" ? value : Number.NaN;
    text = text.replace(COMMA_GROUPS, "").replace(",", ".");
  }
  if (sign === "-" && text.startsWith("-")) return Number.NaN;
  return `${sign}${text}${percent.trim()}`;
}

/** A safe integer (sign kept), or null. `grouping` allows thousands separators ("1,200"). */
export function parseWholeNumber(value: unknown, grouping = true): number | null {
  let parsed: number;
  if (typeof value === "number") parsed = value;
  else if (typeof value === "string") {
    const text = value.trim();
    if (!(grouping ? WHOLE_GROUPED : WHOLE_PLAIN).test(text)) return null;
    parsed = Number(grouping ? text.replaceAll(",", "") : text);
  } else return null;
  return Number.isSafeInteger(parsed) ? parsed : null;
}
