import type { LimitFormValues } from "./limit-form-state";

export interface LimitPreset {
  id: string;
  label: string;
  values: LimitFormValues;
}

const base = { thresholdType: "maximum", severityLevel: "warning", isActive: true } as const;

/** Common policy limits to start from: one click fills the form, the user reviews and saves. */
export const LIMIT_PRESETS: readonly LimitPreset[] = [
  {
    id: "state-35",
    label: "Max 35 % per state",
    values: { ...base, dimensionType: "state", dimensionValue: "", thresholdPct: "35" },
  },
  {
    id: "msa-20",
    label: "Max 20 % per MSA",
    values: { ...base, dimensionType: "msa", dimensionValue: "", thresholdPct: "20" },
  },
  {
    id: "development-30",
    label: "Max 30 % development",
    values: { ...base, dimensionType: "strategy", dimensionValue: "development", thresholdPct: "30" },
  },
  {
    id: "opportunistic-30",
    label: "Max 30 % opportunistic",
    values: { ...base, dimensionType: "strategy", dimensionValue: "opportunistic", thresholdPct: "30" },
  },
  {
    id: "strategy-40",
    label: "Max 40 % per strategy",
    values: { ...base, dimensionType: "strategy", dimensionValue: "", thresholdPct: "40" },
  },
  {
    id: "affordable-min-10",
    label: "Min 10 % affordable rent band",
    values: {
      ...base,
      thresholdType: "minimum",
      dimensionType: "rent_band",
      dimensionValue: "affordable",
      thresholdPct: "10",
    },
  },
];
