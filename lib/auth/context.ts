import { AsyncLocalStorage } from "node:async_hooks";
import type { Actor } from "./roles";

// The signed-in actor travels with the request, so services can record who did something (the
// audit log, an alert's history) without every function growing an actor parameter.
const storage = new AsyncLocalStorage<Actor>();

export function runAs<T>(actor: Actor, fn: () => T): T {
  return storage.run(actor, fn);
}

/** The actor of the current request, or null outside one (tests, scripts). */
export function currentActor(): Actor | null {
  return storage.getStore() ?? null;
}
