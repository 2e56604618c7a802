import { createHash, randomBytes } from "node:crypto";
import { getPrisma } from "../db/client";
import { type Actor, isRole } from "./roles";

// API tokens for scripts: `aker_` and 32 random bytes. Only a SHA-256 hash is stored, so the
// token itself is shown once (lib/services/api-tokens.ts makes and lists them).

const TOKEN_PREFIX = "aker_";
export const tokenHashOf = (token: string) => createHash("sha256").update(token).digest("hex");

export function newApiToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, tokenHash: tokenHashOf(token), prefix: token.slice(0, 12) };
}

/** The user behind a bearer token, or null when it is unknown or revoked. */
export async function actorFromToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const prisma = await getPrisma();
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: tokenHashOf(token) }, include: { user: true } });
  if (!row || row.revokedAt || !isRole(row.user.role)) return null;
  // Last use is informational; a minute's precision spares a write per request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: row.user.id, email: row.user.email, name: row.user.name, role: row.user.role, via: "token" };
}
