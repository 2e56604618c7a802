import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { evaluateLimits } from "@/lib/engine/limits";
import type { Dimension, ExposureBucket, Limit } from "@/lib/engine/types";
import { type AppServer, startAppServer } from "@/tests/support/app-server";
import {
  type Book,
  type Client,
  createPortfolio,
  type ExposureDto,
  isExactly,
  makeBook,
  type Reply,
  sleep,
  snapshotMatches,
  storedPositions,
} from "./support";

// Twenty mixed writes fired at one portfolio at once must leave what some one-after-the-other
// order would have left: imports, runs, limit changes and alert transitions serialise per
// portfolio (lockPortfolio). Every book has the same position ids, so replace or upsert of a book
// leaves exactly that book, and any interleaving shows up as a mix of two.

const ROWS = 25_000; // more than one insert chunk (20k), so a torn import would be visible
const D1 = "2025-01-31";
const D2 = "2025-02-28";
const D3 = "2025-03-31";
const HOLD_MS = 6_000; // longer than Prisma's default 5 s transaction timeout

interface AlertDto {
  id: string;
  thresholdId: string | null;
  dimensionType: string;
  dimensionValue: string;
  status: "active" | "acknowledged" | "resolved";
  exposurePct: number;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
}
interface AlertDetail extends AlertDto {
  history: Array<{ kind: string; actor: string | null }>;
}
interface RunReply {
  runId: string;
  asOfDate: string;
  totalPortfolioValue: number;
  positionCount: number;
  exposures: ExposureDto[];
}
type LimitDto = Limit;

let server: AppServer;
let api: Client;
let portfolioId: string;
const books = new Map<number, Book>();

beforeAll(async () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) books.set(seed, makeBook(ROWS, seed));
  server = await startAppServer("aker_rel_conc");
  ({ api, id: portfolioId } = await createPortfolio(server, "concurrency"));
});

afterAll(async () => {
  await server?.stop();
});

const book = (seed: number): Book => {
  const found = books.get(seed);
  if (!found) throw new Error(`no book ${seed}`);
  return found;
};

/**
 * Takes the portfolio's lock (lockPortfolio's advisory lock) from a session of the test's own, as
 * a long import would hold it.
 */
async function holdPortfolioLock(url: string, id: string): Promise<{ release(): Promise<void> }> {
  const session = new pg.Client({ connectionString: url });
  await session.connect();
  await session.query("SELECT pg_advisory_lock(hashtext($1))", [id]);
  return {
    release: async () => {
      await session.query("SELECT pg_advisory_unlock(hashtext($1))", [id]);
      await session.end();
    },
  };
}

async function allAlerts(): Promise<AlertDto[]> {
  const all: AlertDto[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.ok(
      api.get<{ items: AlertDto[]; nextCursor?: string }>("/api/alerts", { limit: 500, cursor }),
      "list alerts",
    );
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return all;
}

test("20 concurrent mixed writes on one portfolio leave a state some serial order would leave", async () => {
  // Before: book 1, four limits, a run on D1 with its alerts.
  await api.ok(api.importCsv(book(1).csv, "replace"), "setup import");
  const limit = (body: object) => api.ok(api.post<LimitDto>("/api/thresholds", body), "setup limit");
  await limit({ dimensionType: "strategy", thresholdPct: 25, severityLevel: "warning" });
  const stateMax = await limit({ dimensionType: "state", thresholdPct: 2.3, severityLevel: "warning" });
  await limit({ dimensionType: "rent_band", thresholdPct: 25.2, severityLevel: "critical" });
  const vintageMax = await limit({ dimensionType: "vintage", thresholdPct: 19.7, severityLevel: "warning" });
  await api.ok(api.post("/api/exposures/runs", { asOfDate: D1 }), "setup run");
  const open = (await allAlerts()).filter((a) => a.status !== "resolved");
  expect(open.length, "the setup run should open at least four alerts").toBeGreaterThanOrEqual(4);
  const [ack1, ack2, ack3, toResolve] = open as [AlertDto, AlertDto, AlertDto, AlertDto];

  // The burst: every kind of write, interleaved, all sent at once. On Postgres it also starts while
  // a session of the test's own holds the portfolio's lock for 6 s, as a long import would: every
  // request then waits its turn longer than Prisma's default transaction timeout, and they all
  // contend for the lock the moment it is let go.
  type Kind = "import" | "run" | "limit" | "ack" | "resolve";
  const requests: Array<{ label: string; kind: Kind; alertId?: string; send: () => Promise<Reply> }> = [
    { label: "replace book 2", kind: "import", send: () => api.importCsv(book(2).csv, "replace") },
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
    { label: "upsert book 5", kind: "import", send: () => api.importCsv(book(5).csv, "upsert") },
    { label: "run D2 #1", kind: "run", send: () => api.post("/api/exposures/runs", { asOfDate: D2 }) },
    {
      label: "update state limit",
      kind: "limit",
      send: () => api.send("PATCH", `/api/thresholds/${stateMax.id}`, { json: { thresholdPct: 2.4 } }),
    },
    { label: "replace book 3", kind: "import", send: () => api.importCsv(book(3).csv, "replace") },
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
    { label: "upsert book 6", kind: "import", send: () => api.importCsv(book(6).csv, "upsert") },
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
    { label: "replace book 4", kind: "import", send: () => api.importCsv(book(4).csv, "replace") },
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
  const holder =
    server.databaseConfig.kind === "postgres" ? await holdPortfolioLock(server.databaseConfig.url, portfolioId) : null;
  let inFlight = 0;
  let peak = 0;
  const started = performance.now();
  const burst = Promise.all(
    requests.map(async (r) => {
      peak = Math.max(peak, ++inFlight);
      try {
        return await r.send();
      } catch (error) {
        return { status: 0, text: String(error), body: undefined } as Reply;
      } finally {
        inFlight--;
      }
    }),
  );
  if (holder) {
    await sleep(HOLD_MS);
    await holder.release();
  }
  const replies = await burst;
  const burstMs = performance.now() - started;

  const violations: string[] = [];
  const violate = (message: string) => violations.push(message);

  // Every answer is the one a serial order allows: writes succeed; an acknowledge may meet an
  // alert a run has just resolved (409). Never a 5xx, never a dropped connection.
  const allowed: Record<Kind, number[]> = {
    import: [201],
    run: [201],
    limit: [200, 201],
    ack: [200, 409],
    resolve: [200, 409],
  };
  requests.forEach((request, i) => {
    const reply = replies[i] as Reply;
    if (!allowed[request.kind].includes(reply.status))
      violate(`${request.label} answered ${reply.status}: ${reply.text.slice(0, 300)}`);
  });

  // Positions: exactly one of the imported books, never a mix.
  const stored = await storedPositions(api);
  const importedSeeds = [2, 3, 4, 5, 6].filter((seed) =>
    requests.some((r, i) => r.label.endsWith(`book ${seed}`) && replies[i]?.status === 201),
  );
  const matching = [1, ...importedSeeds].filter((seed) => isExactly(stored, book(seed)));
  if (matching.length !== 1)
    violate(
      `stored positions (${stored.length}) are not exactly one imported book (matches: ${matching.join(",") || "none"})`,
    );

  // Import history: one batch per successful import, each whole.
  const batches = await api.ok(
    api.get<Array<{ imported: number }> | { items: Array<{ imported: number }> }>("/api/positions/batches"),
    "batches",
  );
  const batchList = Array.isArray(batches) ? batches : batches.items;
  if (batchList.length !== 1 + importedSeeds.length)
    violate(`${batchList.length} import batches for ${1 + importedSeeds.length} imports`);
  for (const b of batchList) if (b.imported !== ROWS) violate(`a batch records ${b.imported} rows, not ${ROWS}`);

  // Runs: one per as-of date, each a snapshot of exactly one book (never of a half-imported one).
  const runs = await api.ok(api.get<{ items: Array<{ id: string; asOfDate: string }> }>("/api/exposures/runs"), "runs");
  const dates = runs.items.map((r) => r.asOfDate).sort();
  if (JSON.stringify(dates) !== JSON.stringify([D1, D2, D3])) violate(`runs per as-of date: ${dates.join(", ")}`);
  const snapshots = new Map<string, RunReply>();
  for (const run of runs.items) {
    const detail = await api.ok(api.get<RunReply>(`/api/exposures/runs/${run.id}`), "run detail");
    snapshots.set(run.asOfDate, detail);
    if (![...books.values()].some((b) => snapshotMatches(detail, b)))
      violate(`run ${run.asOfDate} is not the snapshot of any one book`);
  }
  requests.forEach((request, i) => {
    const reply = replies[i] as Reply<RunReply>;
    if (
      request.kind === "run" &&
      reply.status === 201 &&
      ![...books.values()].some((b) => snapshotMatches(reply.body, b))
    ) {
      violate(`${request.label} answered a snapshot of no single book`);
    }
  });

  // Limits: every change applied once, no twins.
  const limits = (await api.ok(api.get<{ items: LimitDto[] }>("/api/thresholds"), "limits")).items;
  if (limits.length !== 7) violate(`${limits.length} limits, expected 7`);
  const twinKeys = limits.map((l) => `${l.dimensionType}|${l.dimensionValue}|${l.thresholdType}|${l.severityLevel}`);
  if (new Set(twinKeys).size !== twinKeys.length) violate("two identical limits");
  const state = limits.find((l) => l.id === stateMax.id);
  const vintage = limits.find((l) => l.id === vintageMax.id);
  if (state?.thresholdPct !== 2.4) violate(`state limit is ${state?.thresholdPct}, not 2.4`);
  if (vintage?.thresholdPct !== 19.5 || vintage.severityLevel !== "critical")
    violate(`vintage limit is ${vintage?.thresholdPct} ${vintage?.severityLevel}`);

  // Alerts: at most one unresolved per (limit, value); each one's status agrees with its history.
  const alerts = await allAlerts();
  const unresolved = alerts.filter((a) => a.status !== "resolved");
  const openKeys = unresolved.map((a) => `${a.thresholdId}|${a.dimensionValue}`);
  const duplicated = openKeys.filter((k, i) => openKeys.indexOf(k) !== i);
  if (duplicated.length) violate(`duplicated unresolved alerts: ${[...new Set(duplicated)].join(", ")}`);
  for (const alert of alerts) {
    const detail = await api.ok(api.get<AlertDetail>(`/api/alerts/${alert.id}`), "alert detail");
    const kinds = detail.history.map((e) => e.kind);
    const problems: string[] = [];
    if (kinds[0] !== "opened" || kinds.filter((k) => k === "opened").length !== 1)
      problems.push("does not start with exactly one 'opened'");
    const resolvedAt = kinds.indexOf("resolved");
    if (resolvedAt !== -1 && resolvedAt !== kinds.length - 1) problems.push("has events after 'resolved'");
    if (kinds.filter((k) => k === "resolved").length > 1) problems.push("resolved twice");
    const acks = detail.history.filter((e) => e.kind === "acknowledged");
    if (detail.status === "resolved") {
      if (resolvedAt === -1 || !detail.resolvedAt || detail.resolvedBy !== detail.history[resolvedAt]?.actor)
        problems.push("resolved without a matching event");
    } else {
      if (resolvedAt !== -1 || detail.resolvedAt) problems.push(`is ${detail.status} but has a resolution`);
      if (detail.status === "active" && acks.length) problems.push("is active but was acknowledged");
      if (detail.status === "acknowledged" && (acks.length === 0 || detail.acknowledgedBy !== acks.at(-1)?.actor))
        problems.push("acknowledged without a matching event");
    }
    if (problems.length) violate(`alert ${alert.id} (${detail.status}; ${kinds.join(" → ")}) ${problems.join(", ")}`);
  }
  for (const [i, request] of requests.entries()) {
    if (request.kind !== "ack") continue;
    const alert = alerts.find((a) => a.id === request.alertId);
    if (replies[i]?.status === 409 && alert?.status !== "resolved")
      violate(`${request.label} was refused but the alert is ${alert?.status}`);
  }

  // The open alerts are the breaches of the latest snapshot under the limits in force: the last
  // evaluation (a D3 run or a limit change) always sees both in their final form. A breach may
  // lack an alert only when someone resolved it by hand after that evaluation.
  const latest = snapshots.get(D3);
  if (latest) {
    const exposures = latest.exposures as ExposureBucket[];
    const breaches = evaluateLimits(
      exposures,
      limits.map((l) => ({ ...l, dimensionType: l.dimensionType as Dimension })),
    );
    const breachKeys = new Map(breaches.map((b) => [`${b.limitId}|${b.dimensionValue}`, b]));
    for (const a of unresolved) {
      const breach = breachKeys.get(`${a.thresholdId}|${a.dimensionValue}`);
      if (!breach) violate(`open alert ${a.dimensionType}=${a.dimensionValue} has no breach in the latest run`);
      else if (Math.abs(breach.exposurePct - a.exposurePct) > 1e-9)
        violate(
          `open alert ${a.dimensionType}=${a.dimensionValue} shows ${a.exposurePct}, the latest run ${breach.exposurePct}`,
        );
    }
    for (const [key, breach] of breachKeys) {
      if (openKeys.includes(key)) continue;
      const byHand = alerts.some(
        (a) => `${a.thresholdId}|${a.dimensionValue}` === key && a.resolvedBy !== null && a.resolvedBy !== "auto",
      );
      if (!byHand)
        violate(`breach ${breach.dimensionType}=${breach.dimensionValue} of the latest run has no open alert`);
    }
  }

  const statuses = replies.map((r) => r.status).join(" ");
  const held = holder ? `, the lock held by another session for the first ${HOLD_MS / 1000} s` : "";
  console.log(
    `concurrency (${server.databaseConfig.kind}): ${peak} in flight at once${held}, done in ${Math.round(burstMs)} ms; statuses ${statuses}; final book ${matching.join(",")}, ${alerts.length} alerts (${unresolved.length} open)`,
  );
  for (const v of violations) console.log(`  violation: ${v}`);
  console.log(`concurrency: ${requests.length} concurrent requests, ${violations.length} invariant violations`);
  if (violations.length) console.log(server.output().slice(-4000));
  expect(violations).toEqual([]);
});
