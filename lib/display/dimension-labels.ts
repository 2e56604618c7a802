import { DIMENSION_WIDE, DIMENSIONS, type Dimension, UNKNOWN } from "../engine/types";

// Labels that need no reference data, so a client component can use them without shipping the
// CBSA list (labels.ts adds the MSA names from it).

export { DIMENSIONS };

export const DIMENSION_LABELS: Record<Dimension, string> = {
  strategy: "Strategy",
  state: "State",
  msa: "MSA",
  vintage: "Vintage",
  construction_type: "Construction type",
  rent_band: "Rent band",
  region: "Region",
};

export function isDimension(value: string): value is Dimension {
  return (DIMENSIONS as readonly string[]).includes(value);
}

/** "value_add" → "Value add"; MSA codes get the title `msaName` knows; `unknown` reads "Unknown". */
export function labelValueWith(
  dimension: Dimension | string,
  value: string,
  msaName: (code: string) => string | null,
): string {
  if (value === UNKNOWN) return "Unknown";
  // A dimension-wide limit's alert (count, top-N, HHI) is filed under "*".
  if (value === DIMENSION_WIDE) return "All values";
  if (dimension === "state" || dimension === "vintage") return value;
  if (dimension === "msa") return msaName(value) ?? `MSA ${value}`;
  const words = value.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
