import { EMPTY_LIMIT_FORM, type LimitFormValues } from "./limit-form-state";

export interface LimitPreset {
  id: string;
  label: string;
  /** Where a limit of this shape comes from, shown beside the preset. */
  source: string;
  values: LimitFormValues;
}

const base = { ...EMPTY_LIMIT_FORM, thresholdType: "maximum", severityLevel: "warning", isActive: true } as const;

/** Common policy limits to start from: one click fills the form, the user reviews and saves. */
export const LIMIT_PRESETS: readonly LimitPreset[] = [
  {
    id: "state-35",
    label: "Max 35 % per state",
    source: "A geographic cap, common in closed-end fund agreements.",
    values: { ...base, dimensionType: "state", thresholdPct: "35" },
  },
  {
    id: "msa-20",
    label: "Max 20 % per MSA",
    source: "A single-market cap, common in closed-end fund agreements.",
    values: { ...base, dimensionType: "msa", thresholdPct: "20" },
  },
  {
    id: "region-65",
    label: "Max 65 % in one region (ODCE-style)",
    source:
      "NFI-ODCE's diversification rule: at most 65 % of market value in any one of NCREIF's four regions (East, Midwest, South, West).",
    values: { ...base, dimensionType: "region", thresholdPct: "65" },
  },
  {
    id: "msa-250m",
    label: "Max $250M in any one MSA",
    source: "A dollar cap per market, as lenders and fund documents write it.",
    values: { ...base, dimensionType: "msa", kind: "amount", thresholdAmount: "250000000" },
  },
  {
    id: "msa-top3-50",
    label: "Three largest MSAs together ≤ 50 %",
    source: "A largest-holdings rule, the shape of the UCITS 5/10/40 rule.",
    values: { ...base, dimensionType: "msa", kind: "top_n", topN: "3", thresholdPct: "50" },
  },
  {
    id: "msa-count-10",
    label: "Invested in at least 10 MSAs",
    source: "A diversification covenant: a minimum number of markets.",
    values: { ...base, dimensionType: "msa", kind: "count", thresholdType: "minimum", thresholdCount: "10" },
  },
  {
    id: "state-hhi-1500",
    label: "State HHI at most 1,500",
    source: "A concentration ceiling: 1,500 is where the US merger guidelines start to call a market concentrated.",
    values: { ...base, dimensionType: "state", kind: "hhi", thresholdHhi: "1500" },
  },
  {
    id: "core-target-60",
    label: "Core 60 % ± 10 pp (strategy mix)",
    source: "A strategy target with a drift band, as investment policies set allocation ranges.",
    values: {
      ...base,
      dimensionType: "strategy",
      kind: "target",
      dimensionValue: "core",
      targetPct: "60",
      bandPp: "10",
    },
  },
  {
    id: "value-add-target-30",
    label: "Value-add 30 %, default band (strategy mix)",
    source: "The common drift band: the larger of 20 % of the target and 1 pp (here ± 6 pp).",
    values: { ...base, dimensionType: "strategy", kind: "target", dimensionValue: "value_add", targetPct: "30" },
  },
  {
    id: "state-units-5000",
    label: "Max 5,000 units per state",
    source: "A cap in doors, as apartment owners and their lenders count a portfolio.",
    values: { ...base, dimensionType: "state", kind: "amount", basis: "units", thresholdAmount: "5000" },
  },
  {
    id: "development-30",
    label: "Max 30 % development",
    source: "A development-risk cap, common in core-plus and value-add fund agreements.",
    values: { ...base, dimensionType: "strategy", dimensionValue: "development", thresholdPct: "30" },
  },
  {
    id: "opportunistic-30",
    label: "Max 30 % opportunistic",
    source: "A risk-bucket cap, common in value-add fund agreements.",
    values: { ...base, dimensionType: "strategy", dimensionValue: "opportunistic", thresholdPct: "30" },
  },
  {
    id: "strategy-40",
    label: "Max 40 % per strategy",
    source: "A strategy cap, common in diversified fund agreements.",
    values: { ...base, dimensionType: "strategy", thresholdPct: "40" },
  },
  {
    id: "affordable-min-10",
    label: "Min 10 % affordable rent band",
    source: "An affordability commitment, as impact mandates write it.",
    values: {
      ...base,
      thresholdType: "minimum",
      dimensionType: "rent_band",
      dimensionValue: "affordable",
      thresholdPct: "10",
    },
  },
];
