import { afterAll, beforeAll, expect, test } from "vitest";
import { evaluateLimits } from "@/lib/engine/limit-kinds";
import type { AlertDetailDto, AlertDto } from "@/lib/services/alerts";
import type { LimitDto } from "@/lib/services/limits";
import type { ImportBatchDto } from "@/lib/services/positions-list";
import type { RunDetail } from "@/lib/services/runs";
import { type AppServer, startAppServer } from "@/tests/support/app-server";
import { type HttpClient, noReply, type Reply } from "@/tests/support/http-client";
import {
  allAlerts,
  type Book,
  createPortfolio,
  holdPortfolioLock,
  isExactly,
  makeBook,
  sleep,
  snapshotMatches,
} from "@/tests/support/reliability";
import { burstRequests, D1, D2, D3, type Kind } from "@/tests/support/reliability-burst";

// Twenty mixed writes fired at one portfolio at once must leave what some one-after-the-other
// order would have left: imports, runs, limit changes and alert transitions serialise per
// portfolio (lockPortfolio). Every book has the same position ids, so replace or upsert of a book
// leaves exactly that book, and any interleaving shows up as a mix of two.

const ROWS = 25_000; // more than one insert chunk (20k), so a torn import would be visible
const HOLD_MS = 6_000; // longer than Prisma's default 5 s transaction timeout

let server: AppServer;
let api: HttpClient;
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

test("20 concurrent mixed writes on one portfolio leave a state some serial order would leave", async () => {
  // Before: book 1, four limits, a run on D1 with its alerts.
  await api.ok(api.importCsv(book(1).csv, { mode: "replace" }), "setup import");
  const limit = (body: object) => api.ok(api.post<LimitDto>("/api/thresholds", body), "setup limit");
  await limit({ dimensionType: "strategy", thresholdPct: 25, severityLevel: "warning" });
  const stateMax = await limit({ dimensionType: "state", thresholdPct: 2.3, severityLevel: "warning" });
  await limit({ dimensionType: "rent_band", thresholdPct: 25.2, severityLevel: "critical" });
  const vintageMax = await limit({ dimensionType: "vintage", thresholdPct: 19.7, severityLevel: "warning" });
  await api.ok(api.post("/api/exposures/runs", { asOfDate: D1 }), "setup run");
  const open = (await allAlerts(api)).filter((a) => a.status !== "resolved");
  expect(open.length, "the setup run should open at least four alerts").toBeGreaterThanOrEqual(4);
  const [ack1, ack2, ack3, toResolve] = open as [AlertDto, AlertDto, AlertDto, AlertDto];

  // The burst: every kind of write, interleaved, all sent at once. On Postgres it also starts while
  // a session of the test's own holds the portfolio's lock for 6 s, as a long import would: every
  // request then waits its turn longer than Prisma's default transaction timeout, and they all
  // contend for the lock the moment it is let go.
  const requests = burstRequests(api, book, { acks: [ack1, ack2, ack3], toResolve, stateMax, vintageMax });
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
        return noReply(error);
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
  const stored = await api.positions();
  const importedSeeds = [2, 3, 4, 5, 6].filter((seed) =>
    requests.some((r, i) => r.label.endsWith(`book ${seed}`) && replies[i]?.status === 201),
  );
  const matching = [1, ...importedSeeds].filter((seed) => isExactly(stored, book(seed)));
  if (matching.length !== 1)
    violate(
      `stored positions (${stored.length}) are not exactly one imported book (matches: ${matching.join(",") || "none"})`,
    );

  // Import history: one batch per successful import, each whole.
  const batchList = (await api.ok(api.get<{ items: ImportBatchDto[] }>("/api/positions/batches"), "batches")).items;
  if (batchList.length !== 1 + importedSeeds.length)
    violate(`${batchList.length} import batches for ${1 + importedSeeds.length} imports`);
  for (const b of batchList) if (b.imported !== ROWS) violate(`a batch records ${b.imported} rows, not ${ROWS}`);

  // Runs: one per as-of date, each a snapshot of exactly one book (never of a half-imported one).
  const runs = await api.ok(api.get<{ items: Array<{ id: string; asOfDate: string }> }>("/api/exposures/runs"), "runs");
  const dates = runs.items.map((r) => r.asOfDate).sort();
  if (JSON.stringify(dates) !== JSON.stringify([D1, D2, D3])) violate(`runs per as-of date: ${dates.join(", ")}`);
  const snapshots = new Map<string, RunDetail>();
  for (const run of runs.items) {
    const detail = await api.ok(api.get<RunDetail>(`/api/exposures/runs/${run.id}`), "run detail");
    snapshots.set(run.asOfDate, detail);
    if (![...books.values()].some((b) => snapshotMatches(detail, b)))
      violate(`run ${run.asOfDate} is not the snapshot of any one book`);
  }
  requests.forEach((request, i) => {
    const reply = replies[i] as Reply<RunDetail>;
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
  const alerts = await allAlerts(api);
  const unresolved = alerts.filter((a) => a.status !== "resolved");
  const openKeys = unresolved.map((a) => `${a.thresholdId}|${a.dimensionValue}`);
  const duplicated = openKeys.filter((k, i) => openKeys.indexOf(k) !== i);
  if (duplicated.length) violate(`duplicated unresolved alerts: ${[...new Set(duplicated)].join(", ")}`);
  for (const alert of alerts) {
    const detail = await api.ok(api.get<AlertDetailDto>(`/api/alerts/${alert.id}`), "alert detail");
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
    const breaches = evaluateLimits(latest.exposures, limits);
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
