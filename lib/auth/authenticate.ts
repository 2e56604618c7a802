import { type Actor, isRole } from "./roles";
import { getAuth } from "./server";
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
  const session = await (await getAuth()).api.getSession({ headers });
  if (!session) return null;
  const role: unknown = (session.user as { role?: unknown }).role;
  return {
    id: session.user.id,
    email: session.user.email,
    name: session.user.name,
    role: isRole(role) ? role : "viewer",
    via: "session",
  };
}
