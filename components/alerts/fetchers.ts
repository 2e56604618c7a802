import type { AlertWithBreach } from "@/lib/services/alert-detail";
import type { AlertEventDto, AlertPage } from "@/lib/services/alerts";
import { type AlertFilters, alertsApiUrl } from "./filters";

// What the live inbox reads from the REST API (the server page reads the same services directly).

export type { AlertPage };
export type AlertDetail = AlertWithBreach;
export type AlertEvent = AlertEventDto;

async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { cache: "no-store" });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `Request failed (${res.status})`);
  }
  return (await res.json()) as T;
}

export function fetchAlertPage(filters: AlertFilters, portfolio: string, limit: number): Promise<AlertPage> {
  return getJson<AlertPage>(alertsApiUrl(filters, portfolio, limit));
}

export function fetchAlertDetail(id: string, portfolio: string): Promise<AlertDetail> {
  return getJson<AlertDetail>(`/api/alerts/${encodeURIComponent(id)}?portfolio=${encodeURIComponent(portfolio)}`);
}
