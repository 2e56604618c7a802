import "server-only";
import { labelValue } from "@/lib/dimensions";
import { isAppError } from "@/lib/errors";
import { getRunOrThrow, type RunDetail } from "@/lib/runs";

/** The latest run, or null for a portfolio that has none yet: the limits page works without one. */
export async function latestRunOrNull(portfolio: string): Promise<RunDetail | null> {
  try {
    return await getRunOrThrow(undefined, portfolio);
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") return null;
    throw error;
  }
}

export function valueLabel(dimension: string, value: string | null): string | null {
  return value === null ? null : labelValue(dimension, value);
}
