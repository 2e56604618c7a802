// The limit form's values and their validation: the SAME schema the server parses with
// (limitCreateSchema) plus the server's value normalisation, so the form can say, as you
// type, exactly what the server would. Pure: unit-tested and run in the browser.

import { normalizeDimensionValue } from "@/lib/engine/normalize";
import type { Dimension, Severity, ThresholdType } from "@/lib/engine/types";
import { type LimitCreateInput, limitCreateSchema } from "@/lib/schemas";

/** What the controls hold: text as typed. */
export interface LimitFormValues {
  dimensionType: Dimension;
  /** "" means the limit covers every value of the dimension. */
  dimensionValue: string;
  thresholdPct: string;
  thresholdType: ThresholdType;
  severityLevel: Severity;
  isActive: boolean;
}

export const LIMIT_FIELDS = [
  "dimensionType",
  "dimensionValue",
  "thresholdPct",
  "thresholdType",
  "severityLevel",
  "isActive",
] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];
export type LimitFieldErrors = Partial<Record<LimitField, string>>;

export const EMPTY_LIMIT_FORM: LimitFormValues = {
  dimensionType: "strategy",
  dimensionValue: "",
  thresholdPct: "",
  thresholdType: "maximum",
  severityLevel: "warning",
  isActive: true,
};

export function isLimitField(name: string): name is LimitField {
  return (LIMIT_FIELDS as readonly string[]).includes(name);
}

/** The request body the form would send; blank text stays missing so the schema names it. */
export function toLimitInput(values: LimitFormValues): LimitCreateInput {
  const pct = values.thresholdPct.trim();
  return {
    dimensionType: values.dimensionType,
    dimensionValue: values.dimensionValue.trim() === "" ? null : values.dimensionValue,
    thresholdPct: (pct === "" ? undefined : Number(pct)) as number,
    thresholdType: values.thresholdType,
    severityLevel: values.severityLevel,
    isActive: values.isActive,
  };
}

export function fromLimit(limit: {
  dimensionType: Dimension;
  dimensionValue: string | null;
  thresholdPct: number | null;
  thresholdType: ThresholdType | null;
  severityLevel: Severity;
  isActive: boolean;
}): LimitFormValues {
  return {
    dimensionType: limit.dimensionType,
    dimensionValue: limit.dimensionValue ?? "",
    thresholdPct: limit.thresholdPct === null ? "" : String(limit.thresholdPct),
    thresholdType: limit.thresholdType ?? "maximum",
    severityLevel: limit.severityLevel,
    isActive: limit.isActive,
  };
}

export interface LimitValidation {
  errors: LimitFieldErrors;
  /** How the server will store the value when it differs from what was typed, e.g. "tx" → "TX". */
  normalizedValue: string | null;
}

export function validateLimitForm(values: LimitFormValues): LimitValidation {
  const errors: LimitFieldErrors = {};
  const parsed = limitCreateSchema.safeParse(toLimitInput(values));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (isLimitField(field)) errors[field] ??= issue.message;
    }
  }
  let normalizedValue: string | null = null;
  const typed = values.dimensionValue.trim();
  if (typed !== "" && !errors.dimensionType) {
    const normalized = normalizeDimensionValue(values.dimensionType, typed);
    if (!normalized.ok) errors.dimensionValue ??= normalized.message;
    else if (normalized.value !== values.dimensionValue) normalizedValue = normalized.value;
  }
  return { errors, normalizedValue };
}
