import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch";
import type { NotificationPayload } from "@/lib/notify/messages";
import { verifySignature } from "@/lib/notify/signature";
import { type AppServer, startAppServer } from "@/tests/support/app-server";
import { HttpClient } from "@/tests/support/http-client";
import { type HttpReceiver, startHttpReceiver } from "@/tests/support/receivers";
import { createPortfolio, sleep } from "@/tests/support/reliability";

// Notifications under faults (issue 11), with the real app processes and a real HTTP receiver on
// loopback. The app is killed (SIGKILL) with events not yet delivered, its receiver down; it is
// restarted; the receiver comes back after a minute. Every event must arrive, once: the outbox is
// in the database, and an event's id is its identity for the receiver. On Postgres two instances
// also watch one schedule: it must fire once. (On the embedded database the same process
// restarts on its own data directory; two instances need Postgres.)

const POSTGRES = Boolean(process.env.DATABASE_URL?.trim() || process.env.AKER_DATABASE_URL?.trim());
const SECRET = "whsec_reliability_0123456789";
const ENV = { AKER_WEBHOOK_ALLOW_PRIVATE: "1", AKER_NOTIFY_WORKER: "1" };

async function waitFor<T>(what: string, seconds: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const found = await probe();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error(`timed out after ${seconds} s waiting for ${what}`);
    await sleep(500);
  }
}

describe("notifications under faults", () => {
  let scratch: ScratchDatabase;
  let server: AppServer;
  let receiver: HttpReceiver;

  beforeAll(async () => {
    scratch = await createScratchDatabase("aker_rel_notify");
    receiver = await startHttpReceiver();
  });

  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
    await scratch?.drop();
  });

  test("killed with events undelivered and its receiver down for a minute: after a restart every event arrives, once", async () => {
    server = await startAppServer("aker_rel_notify", { database: scratch.config, env: ENV });
    const { api } = await createPortfolio(server, "notify-faults");
    const admin = new HttpClient(server, undefined, "admin");
    await admin.ok(
      admin.post("/api/notifications/channels", { kind: "webhook", name: "ops", url: receiver.url(), secret: SECRET }),
      "channel",
    );
    // The receiver is down: every answer a 503 until it comes back.
    receiver.answer(...Array.from({ length: 10_000 }, () => 503));
    const downSince = Date.now();

    // Three breaches open (three events), then one clears (a fourth).
    const csv = [
      "position_id,strategy,state,position_value",
      "A,value_add,CA,500000",
      "B,core,TX,300000",
      "C,core_plus,NY,200000",
    ].join("\n");
    await api.ok(api.importCsv(csv), "import");
    await api.ok(api.post("/api/thresholds", { dimensionType: "state", thresholdPct: 15 }), "limit");
    await api.ok(api.post("/api/exposures/runs", { asOfDate: "2025-06-30" }), "run");
    await api.ok(
      api.post("/api/exposures/runs", {
        asOfDate: "2025-07-31",
        positions: [
          { position_id: "A", state: "CA", position_value: 500_000 },
          { position_id: "B", state: "TX", position_value: 300_000 },
          { position_id: "C", state: "NY", position_value: 100_000 },
          { position_id: "D", state: "WA", position_value: 600_000 },
          { position_id: "E", state: "OR", position_value: 600_000 },
        ],
      }),
      "a run where NY falls under the limit",
    );
    const deliveries = async () =>
      (
        await admin.ok(
          admin.get<{ items: Array<{ status: string; attempts: number }> }>("/api/notifications/deliveries"),
          "deliveries",
        )
      ).items;
    const written = await waitFor("the first failed attempts", 20, async () => {
      const items = await deliveries();
      return items.length > 0 && items.every((d) => d.attempts >= 1) ? items : null;
    });
    // Tried and refused (or due again): none delivered before the kill.
    expect(written.map((d) => d.status).filter((status) => status === "sent")).toEqual([]);

    // Killed with every event undelivered.
    await server.kill();
    server = await startAppServer("aker_rel_notify", { database: scratch.config, seeded: server.seeded, env: ENV });

    // The receiver comes back a minute after it went down.
    await sleep(Math.max(0, 60_000 - (Date.now() - downSince)));
    receiver.answer();
    const upAt = receiver.requests.length;
    const fresh = new HttpClient(server, undefined, "admin");
    await waitFor("every delivery sent", 120, async () => {
      const items = (
        await fresh.ok(fresh.get<{ items: Array<{ status: string }> }>("/api/notifications/deliveries"), "deliveries")
      ).items;
      return items.length === written.length && items.every((d) => d.status === "sent") ? items : null;
    });

    const accepted = receiver.requests.slice(upAt).filter((r) => r.path === "/hook");
    const ids = accepted.map((r) => (JSON.parse(r.body) as NotificationPayload).id);
    for (const r of accepted) expect(verifySignature(SECRET, String(r.headers["x-aker-signature"]), r.body)).toBe(true);
    const unique = new Set(ids);
    const types = accepted.map((r) => (JSON.parse(r.body) as NotificationPayload).type).sort();
    console.log(
      `notify faults: ${written.length} events written while the receiver was down, app killed and restarted; ` +
        `${unique.size} delivered after it came back, ${written.length - unique.size} lost, ${ids.length - unique.size} duplicated`,
    );
    // CA, TX and NY open; then TX and NY clear while WA and OR open: seven events.
    expect(types).toEqual([...Array(5).fill("alert.opened"), "alert.resolved", "alert.resolved"]);
    expect(unique.size).toBe(written.length);
    expect(ids.length).toBe(unique.size);
  }, 240_000);

  test.skipIf(!POSTGRES)(
    "two instances: each scheduled firing runs once, and each event reaches its receiver once",
    async () => {
      await server?.stop();
      const schedulerOn = { ...ENV, AKER_SCHEDULER: "1" };
      const seeded = server.seeded;
      const a = await startAppServer("aker_rel_notify", { database: scratch.config, seeded, env: schedulerOn });
      const b = await startAppServer("aker_rel_notify", {
        database: scratch.config,
        seeded: a.seeded,
        env: schedulerOn,
      });
      server = b;
      try {
        const { api } = await createPortfolio(a, "scheduled");
        await api.ok(api.importCsv("position_id,state,position_value\nA,TX,100\nB,CA,100\n"), "import");
        // Both instances run the delivery worker: a breach's events (to the channel of the first test,
        // which hears every portfolio) must reach the receiver once each.
        receiver.answer();
        const before = receiver.requests.length;
        await api.ok(
          api.post("/api/thresholds", { dimensionType: "state", thresholdPct: 40 }),
          "a limit both states breach",
        );
        const path = "/api/portfolios/scheduled/schedule";
        const set = await api.ok(api.put<{ nextRunAt: string }>(path, { cron: "* * * * *" }), "schedule");
        const firing = new Date(set.nextRunAt).getTime();
        // Both schedulers tick every 30 s: after the firing, give each time for two ticks.
        await sleep(Math.max(0, firing - Date.now()) + 65_000);
        await api.ok(api.put(path, { cron: null }), "schedule off");
        const admin = new HttpClient(a, undefined, "admin");
        const audit = await admin.ok(
          admin.get<{ items: Array<{ action: string; actorEmail: string; at: string }> }>("/api/admin/audit", {
            action: "run.computed",
            limit: 100,
          }),
          "audit",
        );
        const scheduled = audit.items.filter((e) => e.action === "run.computed" && e.actorEmail === "system");
        // A firing is run within a tick (30 s) of its minute: two runs in one minute would be one
        // firing run by both instances.
        const minutes = new Set(scheduled.map((e) => e.at.slice(0, 16)));
        console.log(
          `schedules: two instances, ${minutes.size} firings, ${scheduled.length} scheduled runs (${scheduled.length - minutes.size} duplicated)`,
        );
        expect(scheduled.length).toBeGreaterThanOrEqual(1);
        expect(scheduled.length).toBe(minutes.size);
        const events = receiver.requests
          .slice(before)
          .filter((r) => r.path === "/hook")
          .map((r) => JSON.parse(r.body) as NotificationPayload)
          .filter((p) => p.portfolio?.slug === "scheduled");
        const ids = new Set(events.map((p) => p.id));
        console.log(`notify instances: two workers, ${ids.size} events, ${events.length} deliveries received`);
        expect(events.map((p) => p.type).sort()).toEqual(["alert.opened", "alert.opened"]);
        expect(events.length).toBe(ids.size);
      } finally {
        await a.stop();
      }
    },
    240_000,
  );
});
