import "server-only";
import { cache } from "react";
import { isAppError } from "@/lib/errors";
import { getRunOrThrow, type RunDetail } from "@/lib/runs";
import { listThresholds, type ThresholdDto } from "@/lib/thresholds";

export interface ExposurePageData {
  run: RunDetail;
  limits: ThresholdDto[];
}

/** The latest run and the limits, once per request however many sections ask; null before the first run. */
export const loadExposurePage = cache(async (portfolio: string): Promise<ExposurePageData | null> => {
  try {
    const [run, { items: limits }] = await Promise.all([getRunOrThrow(undefined, portfolio), listThresholds(portfolio)]);
    return { run, limits };
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return null;
    throw error;
  }
});
