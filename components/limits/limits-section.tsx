import { DIMENSIONS, labelValue, limitValueLabel } from "@/lib/display/labels";
import type { PortfolioContext } from "@/lib/services/context";
import { listLimits } from "@/lib/services/limits";
import { findRun } from "@/lib/services/runs";
import type { ValueOptions } from "./limit-form";
import { LimitsManager } from "./limits-manager";

/** The limits with their form; the latest run only supplies value suggestions. */
export async function LimitsSection({ ctx }: { ctx: PortfolioContext }) {
  const [{ items }, run] = await Promise.all([listLimits(ctx), findRun(ctx)]);
  const valueOptions = Object.fromEntries(DIMENSIONS.map((d) => [d, []])) as unknown as ValueOptions;
  for (const b of run?.exposures ?? [])
    valueOptions[b.dimensionType].push({
      value: b.dimensionValue,
      label: labelValue(b.dimensionType, b.dimensionValue),
    });
  const limits = items.map((l) => ({ ...l, valueLabel: limitValueLabel(l.dimensionType, l.dimensionValue) }));
  return <LimitsManager limits={limits} valueOptions={valueOptions} role={ctx.actor?.role ?? "viewer"} />;
}
