// Next calls register() once when the server starts: open the database and apply pending
// migrations before the first request, so a broken database shows at boot, not mid-request; then
// start the notification worker (AKER_NOTIFY_WORKER=0 leaves it off), which sends the outbox.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { getDb } = await import("./lib/db/client");
  await getDb();
  // Scheduled recomputes and the stale-data check (AKER_SCHEDULER=0 turns them off).
  const { startScheduler } = await import("./lib/services/schedules");
  startScheduler();
  const { startNotificationWorker } = await import("./lib/services/notify-worker");
  startNotificationWorker();
}
