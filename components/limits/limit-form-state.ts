// The limit form's values and their validation: the SAME schema the server parses with
// (limitCreateSchema) plus the server's value normalisation, so the form can say, as you
// type, exactly what the server would. Pure: unit-tested and run in the browser.

import { FIELDS_OF_KIND, KIND_FIELDS, type KindField } from "@/lib/engine/limit-kinds";
import { normalizeDimensionValue } from "@/lib/engine/normalize";
import type { Basis, Dimension, Limit, LimitKind, Severity, ThresholdType } from "@/lib/engine/types";
import { type LimitCreateInput, limitCreateSchema } from "@/lib/schemas";

/** What the controls hold: text as typed. Only the kind's own fields are sent (FIELDS_OF_KIND). */
export interface LimitFormValues {
  dimensionType: Dimension;
  kind: LimitKind;
  basis: Basis;
  /** "" means the limit covers every value of the dimension. */
  dimensionValue: string;
  thresholdType: ThresholdType;
  thresholdPct: string;
  thresholdAmount: string;
  thresholdCount: string;
  topN: string;
  thresholdHhi: string;
  targetPct: string;
  /** "" means the default band: the larger of 20 % of the target and 1 pp. */
  bandPp: string;
  severityLevel: Severity;
  isActive: boolean;
  /** The clause it comes from ("LPA §7.2(b)") and a note; "" means none. */
  reference: string;
  note: string;
}

export const LIMIT_FIELDS = [
  "dimensionType",
  "kind",
  "basis",
  ...KIND_FIELDS,
  "severityLevel",
  "isActive",
  "reference",
  "note",
] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];
export type LimitFieldErrors = Partial<Record<LimitField, string>>;

export const EMPTY_LIMIT_FORM: LimitFormValues = {
  dimensionType: "strategy",
  kind: "share",
  basis: "value",
  dimensionValue: "",
  thresholdType: "maximum",
  thresholdPct: "",
  thresholdAmount: "",
  thresholdCount: "",
  topN: "",
  thresholdHhi: "",
  targetPct: "",
  bandPp: "",
  severityLevel: "warning",
  isActive: true,
  reference: "",
  note: "",
};

export function isLimitField(name: string): name is LimitField {
  return (LIMIT_FIELDS as readonly string[]).includes(name);
}

/** Whether the form shows a field for the chosen kind. thresholdType shows only where it is a choice. */
export function kindShows(kind: LimitKind, field: KindField): boolean {
  if (field === "thresholdType") return kind === "share" || kind === "amount" || kind === "count";
  return (FIELDS_OF_KIND[kind] as readonly KindField[]).includes(field);
}

/** The number inputs, in form order; each kind shows its own (kindShows). */
export const NUMBER_FIELDS = [
  "thresholdPct",
  "thresholdAmount",
  "thresholdCount",
  "topN",
  "thresholdHhi",
  "targetPct",
  "bandPp",
] as const;

/** A number as typed; blank stays missing so the schema names it, text stays text so it says "must be a number". */
function numberOf(text: string): number | undefined {
  const trimmed = text.trim().replaceAll(",", "");
  if (trimmed === "") return undefined;
  return Number(trimmed);
}

const orNull = (typed: string) => (typed.trim() === "" ? null : typed);

/** The request body the form would send: the kind's own fields only, and the reference and note (null clears them). */
export function toLimitInput(values: LimitFormValues): LimitCreateInput {
  const input: Record<string, unknown> = {
    dimensionType: values.dimensionType,
    kind: values.kind,
    basis: values.basis,
    severityLevel: values.severityLevel,
    isActive: values.isActive,
    reference: orNull(values.reference),
    note: orNull(values.note),
  };
  if (kindShows(values.kind, "dimensionValue")) input.dimensionValue = orNull(values.dimensionValue);
  if (kindShows(values.kind, "thresholdType")) input.thresholdType = values.thresholdType;
  for (const field of NUMBER_FIELDS) {
    if (!kindShows(values.kind, field)) continue;
    const n = numberOf(values[field]);
    if (n !== undefined) input[field] = Number.isNaN(n) ? values[field] : n;
  }
  return input as LimitCreateInput;
}

const text = (n: number | null) => (n === null ? "" : String(n));

export function fromLimit(
  limit: { reference: string | null; note: string | null } & Pick<
    Limit,
    | "dimensionType"
    | "kind"
    | "basis"
    | "dimensionValue"
    | "thresholdType"
    | "thresholdPct"
    | "thresholdAmount"
    | "thresholdCount"
    | "topN"
    | "thresholdHhi"
    | "targetPct"
    | "bandPp"
    | "severityLevel"
    | "isActive"
  >,
): LimitFormValues {
  return {
    dimensionType: limit.dimensionType,
    kind: limit.kind,
    basis: limit.basis,
    dimensionValue: limit.dimensionValue ?? "",
    thresholdType: limit.thresholdType ?? "maximum",
    thresholdPct: text(limit.thresholdPct),
    thresholdAmount: text(limit.thresholdAmount),
    thresholdCount: text(limit.thresholdCount),
    topN: text(limit.topN),
    thresholdHhi: text(limit.thresholdHhi),
    targetPct: text(limit.targetPct),
    bandPp: text(limit.bandPp),
    severityLevel: limit.severityLevel,
    isActive: limit.isActive,
    reference: limit.reference ?? "",
    note: limit.note ?? "",
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
  const typed = kindShows(values.kind, "dimensionValue") ? values.dimensionValue.trim() : "";
  if (typed !== "" && !errors.dimensionType) {
    const normalized = normalizeDimensionValue(values.dimensionType, typed);
    if (!normalized.ok) errors.dimensionValue ??= normalized.message;
    else if (normalized.value !== values.dimensionValue) normalizedValue = normalized.value;
  }
  return { errors, normalizedValue };
}
