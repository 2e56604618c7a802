import { expect } from "vitest";
import type { AlertDetailDto, AlertDto } from "@/lib/services/alerts";
import type { LimitDto } from "@/lib/services/limits";
import type { HttpClient } from "./http-client";

// What the alert contract tests (tests/api/alerts*.test.ts) share: a book that breaches a 30 %
// maximum on value_add when it holds more, its exact alert message, and reads that must succeed.

export const BREACH_MESSAGE = "Exposure threshold breached: strategy='value_add' at 40.0% exceeds maximum of 30.0%";

/** A book of 1,000,000 with value_add at `pct` % and core_plus the rest. */
export const bookCsv = (pct: number) =>
  `position_id,strategy,position_value\nVA,value_add,${pct * 10_000}\nCP,core_plus,${(100 - pct) * 10_000}\n`;

export async function alertsOf(api: HttpClient, query: Record<string, string> = {}): Promise<AlertDto[]> {
  const reply = await api.get<{ items: AlertDto[] }>("/api/alerts", query);
  expect(reply.status, reply.text).toBe(200);
  return reply.body.items;
}

export async function alertOf(api: HttpClient, id: string): Promise<AlertDetailDto> {
  const reply = await api.get<AlertDetailDto>(`/api/alerts/${id}`);
  expect(reply.status, reply.text).toBe(200);
  return reply.body;
}

export async function createLimit(api: HttpClient, body: Record<string, unknown>): Promise<LimitDto> {
  const reply = await api.post<LimitDto>("/api/thresholds", body);
  expect(reply.status, reply.text).toBe(201);
  return reply.body;
}
