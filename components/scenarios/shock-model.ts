// The shock form: a dimension, an optional value (every known value when blank) and a change in
// percent, checked as the server checks a shock (parseShocks). Pure: unit-tested and run in the browser.

import { normalizeDimensionValue } from "@/lib/engine/normalize";
import { MAX_SHOCK_PCT, MIN_SHOCK_PCT } from "@/lib/engine/scenario";
import type { Dimension } from "@/lib/engine/types";
import { describeValue } from "@/lib/engine/values";
import { MSA_UNRESOLVED } from "./purchase-model";
import { percentOf } from "./scenario-state";

export interface ShockValues {
  dimensionType: Dimension;
  /** "" for every known value; for `msa`, the picked or typed code. */
  dimensionValue: string;
  valueChangePct: string;
}

export const EMPTY_SHOCK: ShockValues = { dimensionType: "state", dimensionValue: "", valueChangePct: "" };

export interface ShockErrors {
  dimensionValue?: string;
  valueChangePct?: string;
}

export interface ShockValidation {
  errors: ShockErrors;
  /** The bucket the value names when that differs from what was typed: "tx" → "TX", "1985" → "1980s". */
  normalizedValue: string | null;
}

/** `msaText` is what the MSA box shows, so a name typed but not picked is named. */
export function validateShock(values: ShockValues, msaText = values.dimensionValue): ShockValidation {
  const errors: ShockErrors = {};
  let normalizedValue: string | null = null;
  const typed = values.dimensionValue.trim();
  if (values.dimensionType === "msa" && typed === "" && msaText.trim() !== "") errors.dimensionValue = MSA_UNRESOLVED;
  else if (typed !== "") {
    const normalized = normalizeDimensionValue(values.dimensionType, typed);
    if (!normalized.ok) errors.dimensionValue = normalized.message;
    else if (normalized.value !== typed) normalizedValue = normalized.value;
  }
  const pct = percentOf(values.valueChangePct);
  if (values.valueChangePct.trim() === "") errors.valueChangePct = "is required: the change in value, in %";
  else if (typeof pct !== "number" || pct <= MIN_SHOCK_PCT || pct > MAX_SHOCK_PCT)
    errors.valueChangePct = `must be a number above ${MIN_SHOCK_PCT} and at most ${MAX_SHOCK_PCT} (got ${describeValue(values.valueChangePct.trim())})`;
  return { errors, normalizedValue };
}

/** The shock in the REST API's shape; a blank value is left out (every known value). */
export function toShock(values: ShockValues): {
  dimensionType: Dimension;
  dimensionValue?: string;
  valueChangePct: number | string;
} {
  const value = values.dimensionValue.trim();
  return {
    dimensionType: values.dimensionType,
    ...(value === "" ? {} : { dimensionValue: value }),
    valueChangePct: percentOf(values.valueChangePct),
  };
}
