import type { Basis, Dimension } from "@/lib/engine/types";
import type { TrendData } from "./trend-series";

/** GET /api/exposures/trend for one value; the server's error message when it refuses. */
export async function fetchTrend(
  portfolio: string,
  dimension: Dimension,
  value: string,
  from: string | undefined,
  basis: Basis = "value",
): Promise<TrendData> {
  const params = new URLSearchParams({ dimensionType: dimension, dimensionValue: value, portfolio });
  if (from) params.set("from", from);
  if (basis !== "value") params.set("basis", basis);
  const res = await fetch(`/api/exposures/trend?${params.toString()}`, { cache: "no-store" });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The trend could not be loaded (HTTP ${res.status}).`);
  }
  return (await res.json()) as TrendData;
}
