import type { AppServer } from "@/tests/support/app-server";
import { generateSyntheticPositions } from "../engine/synthetic";
import { positionsToCsv } from "../export";
import type { LimitCreateInput } from "../schemas";

export interface SeededApp {
  runId: string;
  /** Alerts the run opened (breaches of `limits`). */
  alertsOpened: number;
}

/**
 * Puts a synthetic book of `rows` positions into a served app the way a user would, over HTTP as
 * a manager: import the CSV, add the limits, then compute a run (so the limits raise alerts).
 * Shared by the page benchmark and the load test so both measure the same book.
 */
export async function seedServedApp(
  server: AppServer,
  rows: number,
  limits: LimitCreateInput[] = [],
  progress: (line: string) => void = () => {},
): Promise<SeededApp> {
  const post = async (path: string, type: string, body: string): Promise<unknown> => {
    const res = await fetch(`${server.baseUrl}${path}`, {
      method: "POST",
      headers: { ...server.headers("manager"), "content-type": type },
      body,
    });
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  progress(
    `seed: importing ${rows.toLocaleString("en-US")} positions, adding ${limits.length} limit(s), computing a run…`,
  );
  await post("/api/positions/import", "text/csv", positionsToCsv(generateSyntheticPositions(rows)));
  for (const limit of limits) await post("/api/thresholds", "application/json", JSON.stringify(limit));
  const run = (await post("/api/exposures/runs", "application/json", "{}")) as {
    id: string;
    alerts?: { opened: number };
  };
  return { runId: run.id, alertsOpened: run.alerts?.opened ?? 0 };
}
