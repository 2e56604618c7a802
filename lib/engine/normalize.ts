// Turns one raw position (a CSV row, a JSON object, an XLSX row) into a Position, or into the
// list of everything wrong with it. Missing attributes become null so they land in `unknown`.

import { isRegion, REGIONS } from "./regions";
import { type Dimension, MAX_TEXT_LENGTH, type Position, UNKNOWN } from "./types";
import { type DecimalMark, describeValue, parseMoney, parseText, parseWholeNumber, plainNumber } from "./values";
import { vintageBucket } from "./vintage";

export const POSITION_COLUMNS = [
  "position_id",
  "asset_id",
  "msa_id",
  "strategy",
  "state",
  "vintage",
  "construction_type",
  "rent_band",
  "position_value",
  "units",
  "ownership_pct",
] as const;
export type PositionColumn = (typeof POSITION_COLUMNS)[number];

/** `field` is the import column name, e.g. "position_value". */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

export type RawPosition = Partial<Record<PositionColumn, unknown>>;

export type NormalizeResult = { ok: true; position: Position } | { ok: false; errors: RowError[] };

export const US_STATE_CODES: ReadonlySet<string> = new Set(
  (
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ " +
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR"
  ).split(" "),
);

// Vintage is a year built: anything before 1800 or more than five years out is a typo.
const MIN_VINTAGE = 1800;
const MAX_VINTAGE_AHEAD = 5;

const CBSA = /^\d{5}$/;
const DECADE = /^(\d{3}0)s$/i;

class Invalid {
  constructor(readonly message: string) {}
}

// The database cannot store U+0000 in text, and cannot index a value of a few thousand bytes:
// such a cell is a bad value, reported with its row and column, not a database error later.
function storable(value: string, field: string): string | Invalid {
  if (value.includes("\u0000")) return new Invalid(`${field} contains a NUL character (U+0000)`);
  if (value.length > MAX_TEXT_LENGTH)
    return new Invalid(`${field} is longer than ${MAX_TEXT_LENGTH} characters (${value.length})`);
  return value;
}

// Identical attribute values share one string instance, which keeps large imports small.
const POOL_LIMIT = 10_000;
const lowerPool = new Map<string, string | null>();
const upperPool = new Map<string, string | null>();

function pooled(pool: Map<string, string | null>, raw: string, upper: boolean): string | null {
  let value = pool.get(raw);
  if (value === undefined) {
    const text = raw.trim();
    value = text === "" ? null : upper ? text.toUpperCase() : text.toLowerCase();
    if (pool.size >= POOL_LIMIT) pool.clear();
    pool.set(raw, value);
  }
  return value;
}

function text(value: unknown, field: string): string | null | Invalid {
  const parsed = parseText(value);
  if (parsed === undefined) return new Invalid(`${field} must be text (got ${describeValue(value)})`);
  return parsed === null ? null : storable(parsed, field);
}

function category(value: unknown, field: string): string | null | Invalid {
  if (typeof value === "string") {
    const bad = storable(value.trim(), field);
    return bad instanceof Invalid ? bad : pooled(lowerPool, value, false);
  }
  const parsed = text(value, field);
  return typeof parsed === "string" ? parsed.toLowerCase() : parsed;
}

function stateCode(value: unknown): string | null | Invalid {
  const parsed = typeof value === "string" ? pooled(upperPool, value, true) : text(value, "state");
  if (typeof parsed !== "string" || US_STATE_CODES.has(parsed)) return parsed;
  const shown = typeof value === "string" ? value.trim() : parsed;
  return new Invalid(`state ${JSON.stringify(shown)} is not a US state, DC or PR code`);
}

function msaId(value: unknown): string | null | Invalid {
  const parsed = text(value, "msa_id");
  if (typeof parsed !== "string" || CBSA.test(parsed)) return parsed;
  return new Invalid(`msa_id must be a 5-digit CBSA code (got ${describeValue(value)})`);
}

// A date written as text where a year is expected ("1975-06-30", "30/06/1975", "6/30/1975"): its
// year, whichever order day and month come in. A workbook's date cell stays an error: a year typed
// into a date-formatted column is a day in 1905, and its year would be silently wrong.
const ISO_DATE = /^(\d{4})-\d{1,2}(?:-\d{1,2})?(?:[T ][\d:.]+Z?)?$/;
const DAY_MONTH_YEAR = /^\d{1,2}[./-]\d{1,2}[./-](\d{4})(?: [\d:.]+)?$/;

function yearOf(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  const year = ISO_DATE.exec(text)?.[1] ?? DAY_MONTH_YEAR.exec(text)?.[1];
  return year === undefined ? value : year;
}

function vintage(value: unknown, currentYear: number): number | null | Invalid {
  if (parseText(value) === null) return null;
  const year = parseWholeNumber(yearOf(value), false);
  if (year === null) return new Invalid(`vintage must be a whole year (got ${describeValue(value)})`);
  const max = currentYear + MAX_VINTAGE_AHEAD;
  if (year < MIN_VINTAGE || year > max) return new Invalid(`vintage ${year} is outside ${MIN_VINTAGE}–${max}`);
  return year;
}

// Ten trillion per position: far beyond any real asset, and it keeps the sum of two million
// positions inside the database's DECIMAL(22,2) total.
export const MAX_POSITION_VALUE = 1e13;
// units is stored as a 32-bit integer.
export const MAX_UNITS = 2_147_483_647;

/** How numbers are written: with a file's decimal mark (accounting negatives, currency symbols), or plain. */
function numeric(value: unknown, decimal: DecimalMark | undefined): unknown {
  return decimal === undefined ? value : plainNumber(value, decimal);
}

function positionValue(value: unknown, decimal: DecimalMark | undefined): number | Invalid {
  if (parseText(value) === null) return new Invalid("position_value is required");
  const amount = parseMoney(numeric(value, decimal));
  if (amount !== null && amount >= MAX_POSITION_VALUE) {
    return new Invalid(`position_value must be below 10,000,000,000,000 (got ${describeValue(value)})`);
  }
  if (amount !== null && amount > 0) return amount;
  return new Invalid(`position_value must be a number greater than 0 (got ${describeValue(value)})`);
}

function units(value: unknown, decimal: DecimalMark | undefined): number | null | Invalid {
  if (parseText(value) === null) return null;
  const count = parseWholeNumber(numeric(value, decimal));
  if (count !== null && count >= 0 && count <= MAX_UNITS) return count;
  return new Invalid(`units must be a whole number from 0 to ${MAX_UNITS} (got ${describeValue(value)})`);
}

const PERCENT = /^(\d+(?:\.\d+)?)\s*%?$/;

/** Four decimals of a percent: a third of an asset is 33.3333. */
function roundOwnership(pct: number): number {
  // A whole percent (100, 50: most files) is its own rounding; the string round trip is the slow part.
  if (Number.isInteger(pct)) return pct;
  return Math.round(Number((pct * 1e4).toPrecision(15))) / 1e4;
}

function ownershipPct(value: unknown, decimal: DecimalMark | undefined): number | Invalid {
  if (parseText(value) === null) return 100;
  const plain = numeric(value, decimal);
  const text = typeof plain === "string" ? PERCENT.exec(plain.trim())?.[1] : undefined;
  const pct = typeof plain === "number" ? plain : text === undefined ? Number.NaN : Number(text);
  const rounded = Number.isFinite(pct) ? roundOwnership(pct) : Number.NaN;
  if (rounded > 0 && rounded <= 100) return rounded;
  return new Invalid(`ownership_pct must be a percentage greater than 0 and at most 100 (got ${describeValue(value)})`);
}

function take<T>(errors: RowError[], row: number, field: PositionColumn, parsed: T | Invalid): T | null {
  if (!(parsed instanceof Invalid)) return parsed;
  errors.push({ row, field, message: parsed.message });
  return null;
}

export interface NormalizeOptions {
  currentYear?: number;
  /** A file's decimal mark: numbers are read as files write them (plainNumber). Unset: plain numbers only. */
  decimal?: DecimalMark;
}

/** Normalises one row; on failure reports every bad field of it, not just the first. */
export function normalizePosition(raw: RawPosition, row: number, opts: NormalizeOptions = {}): NormalizeResult {
  const { decimal } = opts;
  const errors: RowError[] = [];
  const currentYear = opts.currentYear ?? new Date().getUTCFullYear();
  const position: Position = {
    positionId: take(errors, row, "position_id", text(raw.position_id, "position_id")),
    assetId: take(errors, row, "asset_id", text(raw.asset_id, "asset_id")),
    msaId: take(errors, row, "msa_id", msaId(raw.msa_id)),
    strategy: take(errors, row, "strategy", category(raw.strategy, "strategy")),
    state: take(errors, row, "state", stateCode(raw.state)),
    vintage: take(errors, row, "vintage", vintage(raw.vintage, currentYear)),
    constructionType: take(errors, row, "construction_type", category(raw.construction_type, "construction_type")),
    rentBand: take(errors, row, "rent_band", category(raw.rent_band, "rent_band")),
    positionValue: take(errors, row, "position_value", positionValue(raw.position_value, decimal)) ?? 0,
    units: take(errors, row, "units", units(raw.units, decimal)),
    ownershipPct: take(errors, row, "ownership_pct", ownershipPct(raw.ownership_pct, decimal)) ?? 100,
  };
  return errors.length === 0 ? { ok: true, position } : { ok: false, errors };
}

/** Normalises a limit's dimension value the way positions are, so "Value_Add " matches "value_add". */
export function normalizeDimensionValue(
  dimension: Dimension,
  raw: string,
): { ok: true; value: string } | { ok: false; message: string } {
  const value = raw.trim();
  if (value === "") return { ok: false, message: `${dimension} value is required` };
  if (value.toLowerCase() === UNKNOWN) return { ok: true, value: UNKNOWN };
  switch (dimension) {
    case "strategy":
    case "construction_type":
    case "rent_band":
      return { ok: true, value: value.toLowerCase() };
    case "state": {
      const code = value.toUpperCase();
      if (US_STATE_CODES.has(code)) return { ok: true, value: code };
      return { ok: false, message: `state ${JSON.stringify(value)} is not a US state, DC or PR code` };
    }
    case "msa":
      if (CBSA.test(value)) return { ok: true, value };
      return { ok: false, message: `msa must be a 5-digit CBSA code (got ${JSON.stringify(value)})` };
    case "vintage": {
      const decade = DECADE.exec(value)?.[1];
      const year = decade === undefined ? parseWholeNumber(value, false) : Number(decade);
      if (year !== null && year >= 0) return { ok: true, value: vintageBucket(year) };
      return { ok: false, message: `vintage must be a decade like "1980s" or a year (got ${JSON.stringify(value)})` };
    }
    case "region": {
      const region = value.toLowerCase();
      if (isRegion(region)) return { ok: true, value: region };
      return {
        ok: false,
        message: `region must be one of ${REGIONS.join(", ")} (NCREIF's regions; got ${JSON.stringify(value)})`,
      };
    }
  }
}
