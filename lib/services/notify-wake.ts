// How a writer tells this process's delivery worker that an event is waiting, without importing
// the worker (which imports what writes events). The worker registers itself here when it starts.

const globalForWake = globalThis as unknown as { akerNotifyWake?: () => void };

export function onNotificationWake(wake: () => void): void {
  globalForWake.akerNotifyWake = wake;
}

/** An event or retry was just written: deliver soon (after its transaction commits; else the next round). */
export function wakeNotificationWorker(): void {
  const wake = globalForWake.akerNotifyWake;
  if (wake) setTimeout(wake, 50).unref();
}
