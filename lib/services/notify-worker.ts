import { logger } from "../logger";
import { workerEnabled } from "../notify/config";
import { deliverDue } from "./notify-delivery";
import { onNotificationWake } from "./notify-wake";

// The delivery worker inside the app: a round every few seconds, and one as soon as an event is
// written. One round at a time per process; several processes share the work through the leases
// of notify-delivery.ts. Started by instrumentation.ts on the Node server, not in tests.

const ROUND_MS = 3_000;

interface WorkerState {
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  again: boolean;
}
const globalForWorker = globalThis as unknown as { akerNotifyWorker?: WorkerState };

function round(state: WorkerState): void {
  if (state.running) {
    state.again = true;
    return;
  }
  state.running = deliverDue(new Date())
    .then(
      (done) => {
        if (done.sent || done.failed || done.dead)
          logger.info({ event: "notify.round", ...done }, "notifications delivered");
      },
      (error: unknown) => logger.warn({ event: "notify.round_error", err: error }, "notification round failed"),
    )
    .finally(() => {
      state.running = null;
      if (state.again) {
        state.again = false;
        round(state);
      }
    });
}

/** Starts the worker once per process (AKER_NOTIFY_WORKER=0: never). */
export function startNotificationWorker(): void {
  if (!workerEnabled() || globalForWorker.akerNotifyWorker) return;
  const state: WorkerState = { timer: null, running: null, again: false };
  state.timer = setInterval(() => round(state), ROUND_MS);
  state.timer.unref();
  globalForWorker.akerNotifyWorker = state;
  onNotificationWake(() => round(state));
  logger.info({ event: "notify.worker_started", everyMs: ROUND_MS }, "notification worker started");
}
