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
