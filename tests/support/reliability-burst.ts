import type { AlertDto } from "@/lib/services/alerts";
import type { LimitDto } from "@/lib/services/limits";
import type { HttpClient, Reply } from "./http-client";
import type { Book } from "./reliability";

// The burst of tests/reliability/concurrency.test.ts: twenty writes of every kind, interleaved, to
// be sent at once at one portfolio.

export const D1 = "2025-01-31";
export const D2 = "2025-02-28";
export const D3 = "2025-03-31";

export type Kind = "import" | "run" | "limit" | "ack" | "resolve";

export interface BurstRequest {
  label: string;
  kind: Kind;
  alertId?: string;
  send: () => Promise<Reply>;
}

/** What the burst works on: the setup's open alerts and two of its limits. */
export interface BurstTargets {
  acks: [AlertDto, AlertDto, AlertDto];
  toResolve: AlertDto;
  stateMax: LimitDto;
  vintageMax: LimitDto;
}

export function burstRequests(api: HttpClient, book: (seed: number) => Book, targets: BurstTargets): BurstRequest[] {
  const {
    acks: [ack1, ack2, ack3],
    toResolve,
    stateMax,
    vintageMax,
  } = targets;
  return [
    { label: "replace book 2", kind: "import", send: () => api.importCsv(book(2).csv, { mode: "replace" }) },
    { label: "run D3 #1", kind: "run", send: () => api.post("/api/exposures/runs", { asOfDate: D3 }) },
    {
      label: "create msa limit",
      kind: "limit",
      send: () => api.post("/api/thresholds", { dimensionType: "msa", thresholdPct: 1, severityLevel: "warning" }),
    },
    {
      label: `acknowledge ${ack1.id}`,
      kind: "ack",
      alertId: ack1.id,
      send: () => api.post(`/api/alerts/${ack1.id}/acknowledge`, { comment: "burst" }),
    },
    { label: "upsert book 5", kind: "import", send: () => api.importCsv(book(5).csv, { mode: "upsert" }) },
    { label: "run D2 #1", kind: "run", send: () => api.post("/api/exposures/runs", { asOfDate: D2 }) },
    {
      label: "update state limit",
      kind: "limit",
      send: () => api.send("PATCH", `/api/thresholds/${stateMax.id}`, { json: { thresholdPct: 2.4 } }),
    },
    { label: "replace book 3", kind: "import", send: () => api.importCsv(book(3).csv, { mode: "replace" }) },
    { label: "run D1", kind: "run", send: () => api.post("/api/exposures/runs", { asOfDate: D1 }) },
    {
      label: `acknowledge ${ack2.id}`,
      kind: "ack",
      alertId: ack2.id,
      send: () => api.post(`/api/alerts/${ack2.id}/acknowledge`, {}),
    },
    {
      label: "create construction limit",
      kind: "limit",
      send: () =>
        api.post("/api/thresholds", {
          dimensionType: "construction_type",
          thresholdPct: 16.9,
          severityLevel: "critical",
        }),
    },
    { label: "run D3 #2", kind: "run", send: () => api.post("/api/exposures/runs", { asOfDate: D3 }) },
    { label: "upsert book 6", kind: "import", send: () => api.importCsv(book(6).csv, { mode: "upsert" }) },
    {
      label: `resolve ${toResolve.id}`,
      kind: "resolve",
      send: () => api.post(`/api/alerts/${toResolve.id}/resolve`, { comment: "by hand" }),
    },
    { label: "run D2 #2", kind: "run", send: () => api.post("/api/exposures/runs", { asOfDate: D2 }) },
    {
      label: "update vintage limit",
      kind: "limit",
      send: () =>
        api.send("PATCH", `/api/thresholds/${vintageMax.id}`, {
          json: { thresholdPct: 19.5, severityLevel: "critical" },
        }),
    },
    { label: "replace book 4", kind: "import", send: () => api.importCsv(book(4).csv, { mode: "replace" }) },
    {
      label: `acknowledge ${ack3.id}`,
      kind: "ack",
      alertId: ack3.id,
      send: () => api.post(`/api/alerts/${ack3.id}/acknowledge`, { comment: "seen" }),
    },
    {
      label: "create development minimum",
      kind: "limit",
      send: () =>
        api.post("/api/thresholds", {
          dimensionType: "strategy",
          dimensionValue: "development",
          thresholdPct: 8,
          thresholdType: "minimum",
          severityLevel: "warning",
        }),
    },
    { label: "run D3 #3", kind: "run", send: () => api.post("/api/exposures/runs", { asOfDate: D3 }) },
  ];
}
