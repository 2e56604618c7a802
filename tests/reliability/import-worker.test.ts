import { afterAll, beforeAll, expect, test } from "vitest";
import { generateSyntheticPositions } from "@/lib/engine/synthetic";
import { positionsToCsv } from "@/lib/export";
import { type AppServer, startAppServer } from "@/tests/support/app-server";

// The production build parses uploads in a worker thread (lib/import/off-thread.ts, bundled by
// `npm run build:worker`): a build that left the worker out would still import, in-thread, and
// only its log would tell. This reads that log.

let server: AppServer;

beforeAll(async () => {
  server = await startAppServer("aker_rel_worker", { env: { LOG_LEVEL: "debug", AKER_IMPORT_WORKERS: "1" } });
});

afterAll(async () => {
  await server?.stop();
});

test("the built app previews and imports in its worker thread, with the same answer", async () => {
  const csv = positionsToCsv(generateSyntheticPositions(5_000));
  const send = (path: string) =>
    fetch(`${server.baseUrl}${path}`, {
      method: "POST",
      headers: { ...server.headers("manager"), "content-type": "text/csv" },
      body: csv,
    });
  const preview = await send("/api/positions/preview");
  expect(preview.status).toBe(200);
  expect(await preview.json()).toMatchObject({ received: 5_000, valid: 5_000, rejectedRows: 0 });
  const imported = await send("/api/positions/import");
  expect(imported.status).toBe(201);
  expect(await imported.json()).toMatchObject({ received: 5_000, imported: 5_000, rejected: [] });
  const log = server.output();
  expect(log).not.toContain("import.worker_unavailable");
  expect(log.match(/"event":"import\.worker"/g)?.length).toBe(2);
});
