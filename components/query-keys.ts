// Every TanStack Query key in one place, so invalidation after a mutation hits what it should.
export const queryKeys = {
  /** Prefix of every alert query (lists, single alerts, the nav summary): invalidate after an alert action. */
  alertsAll: (portfolio: string) => ["alerts", portfolio] as const,
  alertSummary: (portfolio: string) => ["alerts", portfolio, "summary"] as const,
  alerts: (portfolio: string, filters: Record<string, string | undefined>) =>
    ["alerts", portfolio, "list", filters] as const,
  alert: (portfolio: string, id: string) => ["alerts", portfolio, "one", id] as const,
  trend: (portfolio: string, dimension: string, values: readonly string[], from: string | undefined) =>
    ["trend", portfolio, dimension, [...values].sort(), from ?? "all"] as const,
  /** One value's trend: the trends page fetches each selected value on its own, so adding one refetches only it. */
  trendValue: (portfolio: string, dimension: string, value: string, from: string | undefined, basis = "value") =>
    ["trend", portfolio, dimension, "value", value, from ?? "all", basis] as const,
  /** A what-if of the current book: keyed by the whole scenario, so an edit asks again and undoing it is cached. */
  scenarioEvaluation: (portfolio: string, state: { trades: unknown[]; shocks: unknown[] }) =>
    ["scenarios", portfolio, "evaluate", state] as const,
  maxAcquisition: (portfolio: string, asset: Record<string, unknown>) =>
    ["scenarios", portfolio, "max-acquisition", asset] as const,
  positionSearch: (portfolio: string, q: string) => ["positions", portfolio, "search", q] as const,
  msaSearch: (q: string) => ["reference", "msas", q.trim().toLowerCase()] as const,
};

export const ALERT_POLL_MS = 5_000;
