import { beforeAll, describe, expect, test } from "vitest";
import { daysBetween } from "@/lib/engine/breach-history";
import type { AlertWithBreach } from "@/lib/services/alert-detail";
import type { AlertDetailDto, AlertDto } from "@/lib/services/alerts";
import { type Api, newPortfolio } from "@/tests/support/api-client";

// In breach since (issue 11): an alert is dated by the data, the first as-of date of the unbroken
// run of breaching snapshots ending at the latest, backfilled runs included; daysInBreach counts
// from it to today (UTC), or to the day the alert resolved.

const today = () => new Date().toISOString().slice(0, 10);

/** A run on `asOfDate` of a $100M book with value_add at `pct` %. */
const book = (pct: number) => [
  { position_id: "VA", strategy: "value_add", state: "TX", position_value: pct * 1_000_000 },
  { position_id: "CO", strategy: "core", state: "CA", position_value: (100 - pct) * 1_000_000 },
];

let api: Api;
const run = async (asOfDate: string, pct: number) => {
  const reply = await api.post("/api/exposures/runs", { asOfDate, positions: book(pct) });
  expect(reply.status, reply.text).toBe(201);
};
const openAlert = async () => {
  const items = (await api.get<{ items: AlertDto[] }>("/api/alerts", { status: "open" })).body.items;
  expect(items).toHaveLength(1);
  return items[0] as AlertDto;
};

beforeAll(async () => {
  api = await newPortfolio("breach since");
  // value_add 20 % in January, then 35 %, 40 %, 38 % from February to April.
  await run("2025-01-31", 20);
  await run("2025-02-28", 35);
  await run("2025-03-31", 40);
  await run("2025-04-30", 38);
});

describe("breachSince and daysInBreach", () => {
  test("a limit added today dates its breach from the history: the first breaching month", async () => {
    const made = await api.post("/api/thresholds", {
      dimensionType: "strategy",
      dimensionValue: "value_add",
      thresholdPct: 30,
    });
    expect(made.status, made.text).toBe(201);
    const alert = await openAlert();
    expect(alert.breachSince).toBe("2025-02-28");
    expect(alert.daysInBreach).toBe(daysBetween("2025-02-28", today()));
  });

  test("a backfilled run that also breaches moves the date earlier; one within leaves it", async () => {
    await run("2024-12-31", 45);
    expect((await openAlert()).breachSince).toBe("2025-02-28"); // January (20 %) still breaks the stretch
    await run("2025-01-31", 50); // January recomputed from a corrected book: now in breach
    expect((await openAlert()).breachSince).toBe("2024-12-31");
  });

  test("a later month within resolves the alert; it keeps its dates, counted to the day it resolved", async () => {
    const before = await openAlert();
    await run("2025-05-31", 25);
    const resolved = (await api.get<AlertDetailDto>(`/api/alerts/${before.id}`)).body;
    expect(resolved.status).toBe("resolved");
    expect(resolved.breachSince).toBe("2024-12-31");
    expect(resolved.daysInBreach).toBe(daysBetween("2024-12-31", (resolved.resolvedAt ?? "").slice(0, 10)));
    // Its chart: value_add at each snapshot from the breach's first month to the run that last saw it.
    const detail = (await api.get<AlertWithBreach>(`/api/alerts/${before.id}`)).body;
    expect(detail.breachSnapshots.map((p) => [p.asOfDate, p.measure, p.breached])).toEqual([
      ["2024-12-31", 45, true],
      ["2025-01-31", 50, true],
      ["2025-02-28", 35, true],
      ["2025-03-31", 40, true],
      ["2025-04-30", 38, true],
    ]);
    expect(new Set(detail.breachSnapshots.map((p) => p.line))).toEqual(new Set([30]));
  });

  test("a new breach after the gap is dated from its own stretch", async () => {
    await run("2025-06-30", 33);
    const alert = await openAlert();
    expect(alert.breachSince).toBe("2025-06-30");
  });
});
