// The purchase form: the import's columns as typed, checked by the SAME normalisation the server
// applies to a purchase (normalizePosition), so the form says as you type what the server would.
// Pure: unit-tested and run in the browser.

import { normalizePosition, type PositionColumn, type RawPosition } from "@/lib/engine/normalize";
import { parseMoney, parseWholeNumber } from "@/lib/engine/values";

export const PURCHASE_FIELDS = [
  "position_id",
  "asset_id",
  "strategy",
  "state",
  "msa_id",
  "vintage",
  "construction_type",
  "rent_band",
  "units",
  "ownership_pct",
  "position_value",
] as const satisfies readonly PositionColumn[];
export type PurchaseField = (typeof PURCHASE_FIELDS)[number];

/** What the controls hold: text as typed. `msa_id` is the picked or typed 5-digit code. */
export type PurchaseValues = Record<PurchaseField, string>;
export type PurchaseErrors = Partial<Record<PurchaseField, string>>;

export const EMPTY_PURCHASE: PurchaseValues = {
  position_id: "",
  asset_id: "",
  strategy: "",
  state: "",
  msa_id: "",
  vintage: "",
  construction_type: "",
  rent_band: "",
  units: "",
  ownership_pct: "",
  position_value: "",
};

/** The attributes that place an asset in its buckets, and the fund's share of it: what max-acquisition takes. */
export const ASSET_FIELDS = [
  "strategy",
  "state",
  "msa_id",
  "vintage",
  "construction_type",
  "rent_band",
  "ownership_pct",
] as const satisfies readonly PurchaseField[];

export const PURCHASE_LABELS: Record<PurchaseField, string> = {
  position_id: "Position id",
  asset_id: "Asset id",
  strategy: "Strategy",
  state: "State",
  msa_id: "MSA",
  vintage: "Vintage (year built)",
  construction_type: "Construction type",
  rent_band: "Rent band",
  units: "Units",
  ownership_pct: "Fund's share (%, blank = 100)",
  position_value: "Purchase value ($)",
};

export const MSA_UNRESOLVED = "pick an MSA from the suggestions, or type its 5-digit CBSA code";

/**
 * Every problem with the form as typed, by field; `msaText` is what the MSA box shows, so a name
 * typed but not picked is named too.
 */
export function validatePurchase(values: PurchaseValues, msaText = values.msa_id): PurchaseErrors {
  const errors: PurchaseErrors = {};
  const normalized = normalizePosition(values as RawPosition, 0);
  if (!normalized.ok) for (const e of normalized.errors) errors[e.field as PurchaseField] ??= e.message;
  if (values.msa_id.trim() === "" && msaText.trim() !== "") errors.msa_id = MSA_UNRESOLVED;
  return errors;
}

/** The column's value as a request carries it: blank left out, numbers as numbers when they read as one. */
function cell(field: PurchaseField, text: string): string | number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  if (field === "position_value") return parseMoney(trimmed) ?? trimmed;
  if (field === "units") return parseWholeNumber(trimmed) ?? trimmed;
  if (field === "vintage") return parseWholeNumber(trimmed, false) ?? trimmed;
  return trimmed;
}

function columns(values: PurchaseValues, fields: readonly PurchaseField[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const field of fields) {
    const value = cell(field, values[field]);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

/** The trade the form adds, in the REST API's shape. */
export function toBuyTrade(values: PurchaseValues): { action: "buy"; position: Record<string, string | number> } {
  return { action: "buy", position: columns(values, PURCHASE_FIELDS) };
}

/**
 * The asset's attributes for POST /api/scenarios/max-acquisition, or null while one of them is
 * invalid or none is filled in (an asset with no attribute at all is not what anyone is buying).
 */
export function acquisitionAsset(
  values: Pick<PurchaseValues, (typeof ASSET_FIELDS)[number]>,
  errors: PurchaseErrors = {},
): Record<string, string | number> | null {
  if (ASSET_FIELDS.some((f) => errors[f])) return null;
  const asset = columns(values as PurchaseValues, ASSET_FIELDS);
  return Object.keys(asset).some((key) => key !== "ownership_pct") ? asset : null;
}

/** A stored purchase's attributes, from a trade in the list (null when it is not a purchase of that shape). */
export function assetOfPosition(position: Record<string, unknown>): Record<string, string | number> | null {
  const asset: Record<string, string | number> = {};
  for (const field of ASSET_FIELDS) {
    const value = position[field];
    if (typeof value === "string" && value.trim() !== "") asset[field] = value.trim();
    else if (typeof value === "number") asset[field] = value;
  }
  if (!Object.keys(asset).some((key) => key !== "ownership_pct")) return null;
  const check = normalizePosition({ ...(asset as RawPosition), position_value: 1 }, 0);
  return check.ok ? asset : null;
}
