// Every TanStack Query key in one place, so invalidation after a mutation hits what it should.
export const queryKeys = {
  alertSummary: (portfolio: string) => ["alerts", portfolio, "summary"] as const,
  alerts: (portfolio: string, filters: Record<string, string | undefined>) => ["alerts", portfolio, "list", filters] as const,
  alert: (portfolio: string, id: string) => ["alerts", portfolio, "one", id] as const,
  trend: (portfolio: string, dimension: string, values: readonly string[], from: string | undefined) =>
    ["trend", portfolio, dimension, [...values].sort(), from ?? "all"] as const,
};

export const ALERT_POLL_MS = 5_000;
