import { DIMENSIONS, type Dimension } from "@/lib/engine/types";

// The inbox's filters live in the URL (?status=&severity=&dimension=) so a view can be shared.
// Parsing is forgiving: an unknown or repeated value falls back to the default rather than erroring,
// because a stale bookmark should still open the inbox.

export const STATUS_FILTERS = ["open", "active", "acknowledged", "waived", "resolved", "all"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const SEVERITY_FILTERS = ["critical", "warning"] as const;
export type SeverityFilter = (typeof SEVERITY_FILTERS)[number];

export interface AlertFilters {
  status: StatusFilter;
  severity: SeverityFilter | null;
  dimension: Dimension | null;
}

/** Alerts per page: the server renders the first page, the client polls the same size. */
export const ALERT_PAGE_SIZE = 100;

export const DEFAULT_FILTERS: AlertFilters = { status: "open", severity: null, dimension: null };

export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = {
  open: "Open",
  active: "Active",
  acknowledged: "Acknowledged",
  waived: "Waived",
  resolved: "Resolved",
  all: "All",
};

type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function single(params: SearchParamsLike, key: string): string | undefined {
  if (params instanceof URLSearchParams)
    return params.getAll(key).length === 1 ? (params.get(key) ?? undefined) : undefined;
  const value = params[key];
  return typeof value === "string" ? value : undefined;
}

function oneOf<T extends string>(options: readonly T[], value: string | undefined): T | null {
  const normalised = value?.trim().toLowerCase();
  return (options as readonly string[]).includes(normalised ?? "") ? (normalised as T) : null;
}

export function parseAlertFilters(params: SearchParamsLike): AlertFilters {
  return {
    status: oneOf(STATUS_FILTERS, single(params, "status")) ?? DEFAULT_FILTERS.status,
    severity: oneOf(SEVERITY_FILTERS, single(params, "severity")),
    dimension: oneOf(DIMENSIONS, single(params, "dimension")),
  };
}

/** The query string for a filter set, defaults left out: "" for the default inbox. */
export function filtersToSearch(filters: AlertFilters): string {
  const params = new URLSearchParams();
  if (filters.status !== DEFAULT_FILTERS.status) params.set("status", filters.status);
  if (filters.severity) params.set("severity", filters.severity);
  if (filters.dimension) params.set("dimension", filters.dimension);
  const query = params.toString();
  return query ? `?${query}` : "";
}

export function withFilter(filters: AlertFilters, patch: Partial<AlertFilters>): AlertFilters {
  return { ...filters, ...patch };
}

export function isDefaultFilters(filters: AlertFilters): boolean {
  return filtersToSearch(filters) === "";
}

/** What listAlerts and GET /api/alerts take: "all" means no status filter. */
export function toAlertQuery(filters: AlertFilters): {
  status?: Exclude<StatusFilter, "all">;
  severity?: SeverityFilter;
  dimensionType?: Dimension;
} {
  return {
    ...(filters.status === "all" ? {} : { status: filters.status }),
    ...(filters.severity ? { severity: filters.severity } : {}),
    ...(filters.dimension ? { dimensionType: filters.dimension } : {}),
  };
}

export function alertsApiUrl(filters: AlertFilters, portfolio: string, limit: number): string {
  const params = new URLSearchParams({ ...toAlertQuery(filters), limit: String(limit), portfolio });
  return `/api/alerts?${params.toString()}`;
}
