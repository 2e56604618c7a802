import { readFile } from "node:fs/promises";
import { PassThrough } from "node:stream";
import autocannon from "autocannon";
import ExcelJS from "exceljs";
import { type AppServer, startAppServer } from "@/tests/support/app-server";
import { generateSyntheticPositions } from "../engine/synthetic";
import { CONTENT_TYPES, positionsToCsv } from "../export";
import { seedServedApp } from "./seed-served-app";

/** The floor every other figure is a ratio to: a `SELECT 1` through the framework, no sign-in. */
export const FLOOR_TARGET = "/api/health";

/**
 * The main read endpoints and the overview page: what a dashboard and its scripts hit all day.
 * `{runId}` is the seeded run. The snapshot reads (a stored run and what is built from it) come first.
 */
export const LOAD_TARGETS = [
  FLOOR_TARGET,
  "/api/exposures/latest",
  "/api/exposures/runs/{runId}",
  "/api/geographic",
  "/api/exposures/trend?dimensionType=state&dimensionValue=TX",
  "/api/dashboard",
  "/api/exports/exposures?runId={runId}&format=csv",
  "/api/alerts?status=open",
  "/api/positions?limit=50",
  "/",
] as const;

export interface LoadTestOptions {
  rows?: number;
  durationSec?: number;
  connections?: number;
  /** Rows of the CSV imported (and of the XLSX previewed) while reads are measured; 0 skips that phase. */
  importRows?: number;
  xlsxRows?: number;
}

/** What readers saw while a manager's big upload was being imported or previewed. */
export interface DuringUploadResult {
  upload: string;
  uploadSeconds: number;
  uploadStatus: number;
  /** The app process's resident memory in MiB: when the upload started, and its highest during it (Linux). */
  serverRssMegabytes?: { before: number; peak: number };
  reads: Array<{
    path: string;
    requests: number;
    latencyP50Ms: number;
    latencyP99Ms: number;
    latencyMaxMs: number;
    failed: number;
  }>;
}

export interface LoadTargetResult {
  path: string;
  requests: number;
  requestsPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Connection errors, timeouts included. */
  errors: number;
  non2xx: number;
  /** requestsPerSec as a share of the floor's (`/api/health`) in the same run, 0–1. */
  ofFloor: number;
}

export interface LoadTestReport {
  database: "postgres" | "pglite";
  rows: number;
  durationSec: number;
  connections: number;
  openAlerts: number;
  targets: LoadTargetResult[];
  duringUploads: DuringUploadResult[];
  /** errors + non-2xx over all targets: the load test passes only at 0. */
  failures: number;
}

/** The reads measured while an upload runs: the latest snapshot and the overview page. */
export const DURING_UPLOAD_TARGETS = ["/api/exposures/latest", "/"] as const;

// Bounds, so a typo cannot turn the test into a long or heavy one on a shared machine.
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(value)));

/**
 * A bounded load test of the production build on a throwaway database (loopback only): seed a
 * synthetic book with limits that breach, then, per target, one warm-up request and `durationSec`
 * seconds of `connections` concurrent viewers. Every request carries the viewer's credentials.
 */
export async function runLoadTest(
  options: LoadTestOptions = {},
  progress: (line: string) => void = () => {},
): Promise<LoadTestReport> {
  const rows = clamp(options.rows ?? 100_000, 1, 1_000_000);
  const durationSec = clamp(options.durationSec ?? 10, 1, 60);
  const connections = clamp(options.connections ?? 10, 1, 50);
  // Uploads of up to a million rows (a 72 MB CSV) are measured: above the default 50 MB cap.
  const server = await startAppServer("aker_loadtest", { env: { AKER_MAX_UPLOAD_MB: "256" } });
  try {
    const base = new URL(server.baseUrl);
    if (base.hostname !== "127.0.0.1") throw new Error(`the load test only targets loopback, not ${base.hostname}`);
    // Strategy buckets of the synthetic book are 8–30 % and each state about 2 %: both limits breach.
    const seeded = await seedServedApp(
      server,
      rows,
      [
        { dimensionType: "strategy", thresholdPct: 20 },
        { dimensionType: "state", dimensionValue: "TX", thresholdPct: 1, severityLevel: "critical" },
      ],
      progress,
    );
    const headers = server.headers("viewer");
    const open = await fetch(`${server.baseUrl}/api/alerts?status=open`, { headers });
    const openAlerts = open.ok ? ((await open.json()) as { items: unknown[] }).items.length : 0;
    if (openAlerts === 0) throw new Error(`the seeded book raised no open alerts (GET /api/alerts: ${open.status})`);

    const targets: LoadTargetResult[] = [];
    for (const target of LOAD_TARGETS) {
      const path = target.replaceAll("{runId}", seeded.runId);
      const url = `${server.baseUrl}${path}`;
      const warm = await fetch(url, { headers });
      await warm.arrayBuffer();
      if (!warm.ok) throw new Error(`warm-up GET ${path}: ${warm.status}`);
      // A second of the same load first, so every target is measured warm (JIT, caches), not just the later ones.
      await autocannon({ url, headers, connections, duration: 1, timeout: 10 });
      progress(`load: GET ${target} for ${durationSec} s, ${connections} connections…`);
      const result = await autocannon({ url, headers, connections, duration: durationSec, timeout: 10 });
      const row: LoadTargetResult = {
        path: target,
        requests: result.requests.total,
        requestsPerSec: Math.round(result.requests.average),
        latencyP50Ms: result.latency.p50,
        latencyP99Ms: result.latency.p99,
        errors: result.errors,
        non2xx: result.non2xx,
        ofFloor: 1,
      };
      const floor = targets[0]?.requestsPerSec;
      if (floor) row.ofFloor = Math.round((row.requestsPerSec / floor) * 100) / 100;
      targets.push(row);
      progress(
        `load: GET ${target} ${row.requestsPerSec} req/s (${Math.round(row.ofFloor * 100)} % of health), p50 ${row.latencyP50Ms} ms, p99 ${row.latencyP99Ms} ms, ${row.errors + row.non2xx} failed`,
      );
    }
    // A manager's big uploads, one after the other, each with readers at work meanwhile.
    const uploads = [
      {
        rows: clamp(options.importRows ?? 400_000, 0, 1_000_000),
        what: "import of a {rows}-row CSV",
        path: "/api/positions/import?mode=replace",
        format: "csv" as const,
        make: async (rows: number) => positionsToCsv(generateSyntheticPositions(rows, 7)),
      },
      {
        rows: clamp(options.xlsxRows ?? 600_000, 0, 1_000_000),
        what: "preview of a {rows}-row XLSX",
        path: "/api/positions/preview",
        format: "xlsx" as const,
        make: syntheticXlsx,
      },
    ];
    const duringUploads: DuringUploadResult[] = [];
    for (const upload of uploads.filter((u) => u.rows > 0)) {
      const what = upload.what.replace("{rows}", upload.rows.toLocaleString("en-US"));
      progress(`load: writing the file for the ${what}…`);
      const body = await upload.make(upload.rows);
      duringUploads.push(
        await readsDuringUpload(server, what, connections, progress, {
          path: upload.path,
          contentType: CONTENT_TYPES[upload.format],
          body,
        }),
      );
    }
    const failures =
      targets.reduce((sum, t) => sum + t.errors + t.non2xx, 0) +
      duringUploads.reduce(
        (sum, d) => sum + d.reads.reduce((n, r) => n + r.failed, 0) + (d.uploadStatus < 300 ? 0 : 1),
        0,
      );
    return {
      database: server.databaseConfig.kind,
      rows,
      durationSec,
      connections,
      openAlerts,
      targets,
      duringUploads,
      failures,
    };
  } finally {
    await server.stop();
  }
}

/**
 * Starts a manager's upload and, until it answers, keeps `connections` viewers reading each of
 * DURING_UPLOAD_TARGETS (split between them): the latencies a team sees while someone imports.
 */
async function readsDuringUpload(
  server: AppServer,
  upload: string,
  connections: number,
  progress: (line: string) => void,
  request: { path: string; contentType: string; body: string | Uint8Array },
): Promise<DuringUploadResult> {
  const headers = server.headers("viewer");
  progress(`load: ${upload}, reading ${DURING_UPLOAD_TARGETS.join(" and ")} meanwhile…`);
  // autocannon's run is a promise and, untyped, a tracker that can be stopped early.
  type Running = ReturnType<typeof autocannon> & { stop(): void };
  const instances = DURING_UPLOAD_TARGETS.map(
    (path) =>
      autocannon({
        url: `${server.baseUrl}${path}`,
        headers,
        connections: Math.max(1, Math.floor(connections / DURING_UPLOAD_TARGETS.length)),
        duration: 600,
        timeout: 30,
      }) as Running,
  );
  const rssBefore = await serverRss(server.pid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    void serverRss(server.pid).then((rss) => {
      if (rss !== undefined) rssPeak = Math.max(rssPeak ?? 0, rss);
    });
  }, 100);
  const started = performance.now();
  const response = await fetch(`${server.baseUrl}${request.path}`, {
    method: "POST",
    headers: { ...server.headers("manager"), "content-type": request.contentType },
    body: request.body as BodyInit,
  });
  await response.arrayBuffer();
  const uploadSeconds = Math.round((performance.now() - started) / 10) / 100;
  clearInterval(sampler);
  for (const instance of instances) instance.stop();
  const results = await Promise.all(instances);
  const reads = results.map((result, i) => ({
    path: DURING_UPLOAD_TARGETS[i] ?? "",
    requests: result.requests.total,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    failed: result.errors + result.non2xx,
  }));
  for (const r of reads)
    progress(
      `load: during the ${upload} (${uploadSeconds} s, ${response.status}): GET ${r.path} p99 ${r.latencyP99Ms} ms, max ${r.latencyMaxMs} ms, ${r.requests} requests`,
    );
  const serverRssMegabytes =
    rssBefore !== undefined && rssPeak !== undefined ? { before: rssBefore, peak: rssPeak } : undefined;
  if (serverRssMegabytes)
    progress(
      `load: the app's resident memory: ${serverRssMegabytes.before} MiB before, ${serverRssMegabytes.peak} MiB at most`,
    );
  return { upload, uploadSeconds, uploadStatus: response.status, serverRssMegabytes, reads };
}

/** A process's resident memory in MiB (2^20 bytes), from /proc (Linux); undefined elsewhere. */
async function serverRss(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const kb = status.match(/^VmRSS:\s+(\d+) kB/m)?.[1];
  return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
}

/** A workbook of `rows` synthetic positions, written as it streams (the in-memory writer is slow at this size). */
async function syntheticXlsx(rows: number): Promise<Uint8Array> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true });
  const sheet = workbook.addWorksheet("Positions");
  sheet
    .addRow([
      "position_id",
      "strategy",
      "state",
      "msa_id",
      "vintage",
      "construction_type",
      "rent_band",
      "position_value",
      "units",
    ])
    .commit();
  for (const p of generateSyntheticPositions(rows, 8)) {
    sheet
      .addRow([
        p.positionId,
        p.strategy,
        p.state,
        p.msaId,
        p.vintage,
        p.constructionType,
        p.rentBand,
        p.positionValue,
        p.units,
      ])
      .commit();
  }
  await workbook.commit();
  return new Uint8Array(Buffer.concat(chunks));
}
