import { getSessionCookie } from "better-auth/cookies";
import { getDb } from "../db/client";
import { type Actor, isRole } from "./roles";
import { COOKIE_PREFIX, getAuth, SESSION_REFRESH_SECONDS, SESSION_SECONDS } from "./server";
import { actorFromToken } from "./tokens";

/** AKER_AUTH=off: local evaluation without sign-in. Never the default; every page says so loudly. */
export const authDisabled = () => process.env.AKER_AUTH === "off";

const LOCAL_ACTOR: Actor = {
  id: "local",
  email: "local@aker.invalid",
  name: "Local (auth off)",
  role: "admin",
  via: "auth-off",
};

/** Who is asking: a bearer API token, else the session cookie; null when neither holds. */
export async function authenticate(headers: Headers): Promise<Actor | null> {
  if (authDisabled()) return LOCAL_ACTOR;
  const bearer = headers.get("authorization")?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (bearer) return actorFromToken(bearer);
  const cookie = getSessionCookie(headers, { cookiePrefix: COOKIE_PREFIX });
  if (!cookie) return null;
  // Kept between writes on the embedded database (lib/db/memo.ts), only while the session needs no
  // refresh: better-auth extends it on the first request a day after the last extension.
  const db = await getDb();
  const fresh = (found: SessionActor | null) => found !== null && found.refreshAt > Date.now();
  let loaded = false;
  const found = await db.memo.get(
    `session:${cookie}`,
    () => {
      loaded = true;
      return sessionOf(headers);
    },
    fresh,
  );
  // Only a session kept from an earlier request can have come due for its extension since.
  const session = loaded || fresh(found) ? found : await sessionOf(headers);
  return session?.actor ?? null;
}

interface SessionActor {
  actor: Actor;
  /** When better-auth will next extend the session (ms): until then a lookup writes nothing. */
  refreshAt: number;
}

async function sessionOf(headers: Headers): Promise<SessionActor | null> {
  const session = await (await getAuth()).api.getSession({ headers });
  if (!session) return null;
  const role: unknown = (session.user as { role?: unknown }).role;
  return {
    actor: {
      id: session.user.id,
      email: session.user.email,
      name: session.user.name,
      role: isRole(role) ? role : "viewer",
      via: "session",
    },
    refreshAt: new Date(session.session.expiresAt).getTime() - (SESSION_SECONDS - SESSION_REFRESH_SECONDS) * 1000,
  };
}
