"use server";

import { z } from "zod";
import { action } from "../http/action";
import { isoDateSchema } from "../schemas";
import { todayUtc } from "../services/runs";
import { computeRun } from "../services/runs-compute";
import { loadSamplePortfolio } from "../services/sample";

const recomputeSchema = z.object({
  asOfDate: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined),
    isoDateSchema.optional(),
  ),
});

/** Computes and stores exposures from the stored positions for the chosen as-of date (default today, UTC). */
export const recomputeAction = action(
  "manager",
  recomputeSchema,
  async ({ asOfDate }, ctx) => {
    const run = await computeRun(ctx, { asOfDate: asOfDate ?? todayUtc() });
    return {
      asOfDate: run.asOfDate,
      positionCount: run.positionCount,
      opened: run.alerts.opened,
      resolved: run.alerts.resolved,
    };
  },
  { invalid: (fieldErrors) => `As-of date ${fieldErrors.asOfDate ?? "is invalid"}.`, revalidate: [["/", "layout"]] },
);

/** Replaces the current portfolio's positions with the bundled sample and its year of history. */
export const loadSampleAction = action("manager", z.object({}), (_, ctx) => loadSamplePortfolio(ctx), {
  revalidate: [["/", "layout"]],
});
