import { DIMENSIONS, labelValue } from "@/lib/dimensions";
import { listThresholds } from "@/lib/thresholds";
import { currentPortfolio } from "../portfolio";
import type { ValueOptions } from "./limit-form";
import { LimitsManager } from "./limits-manager";
import { latestRunOrNull, valueLabel } from "./load";

/** The limits with their form; the latest run only supplies value suggestions. */
export async function LimitsSection() {
  const portfolio = await currentPortfolio();
  const [{ items }, run] = await Promise.all([listThresholds(portfolio), latestRunOrNull(portfolio)]);
  const valueOptions = Object.fromEntries(DIMENSIONS.map((d) => [d, []])) as unknown as ValueOptions;
  for (const b of run?.exposures ?? []) valueOptions[b.dimensionType].push({ value: b.dimensionValue, label: labelValue(b.dimensionType, b.dimensionValue) });
  const limits = items.map((l) => ({ ...l, valueLabel: valueLabel(l.dimensionType, l.dimensionValue) }));
  return <LimitsManager limits={limits} valueOptions={valueOptions} />;
}
