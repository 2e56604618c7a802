import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { authenticate } from "@/lib/auth/authenticate";
import { runAs } from "@/lib/auth/context";
import { hasRole, type Actor, type Role } from "@/lib/auth/roles";

/** The signed-in user of this request (memoised per request), or null. */
export const getActor = cache(async (): Promise<Actor | null> => authenticate(await headers()));

/** For pages: sign-in when nobody is signed in, a 403 page when the role is too low. */
export async function requirePageActor(role: Role = "viewer"): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/sign-in");
  if (!hasRole(actor.role, role)) forbidden();
  return actor;
}

export interface ActionDenied {
  ok: false;
  message: string;
}

/**
 * For server actions: the same role rules as the REST API. The action runs as the signed-in user
 * (so the audit log and alert history name them); a missing or too-low role is an answer, not a throw.
 */
export async function asActor<T>(role: Role, fn: () => Promise<T>): Promise<T | ActionDenied> {
  const actor = await authenticate(await headers());
  if (!actor) return { ok: false, message: "Your session has ended: sign in again." };
  if (!hasRole(actor.role, role)) return { ok: false, message: `This needs the ${role} role; you are signed in as a ${actor.role}.` };
  return runAs(actor, fn);
}
