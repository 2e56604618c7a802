import { labelValueWith } from "@/lib/display/dimension-labels";
import type { Dimension } from "@/lib/engine/types";

// The builder names values without the CBSA list: the page hands it the titles of the MSAs the
// book and the limits hold, and each MSA picked in the form adds its own.

export type ValueLabeller = (dimension: Dimension, value: string) => string;

export function labellerFor(msaNames: Readonly<Record<string, string>>): ValueLabeller {
  return (dimension, value) => labelValueWith(dimension, value, (code) => msaNames[code] ?? null);
}

/** A typed attribute as its bucket is written ("az" → "AZ", "Value_Add" → "value_add"), for labelling. */
export function bucketText(dimension: Dimension, text: string): string {
  const trimmed = text.trim();
  if (dimension === "state") return trimmed.toUpperCase();
  return dimension === "msa" || dimension === "vintage" ? trimmed : trimmed.toLowerCase();
}
