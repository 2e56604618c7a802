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

interface TokenRow {
  id: string;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  userId: string;
  email: string;
  name: string;
  role: string;
}

/** The user behind a bearer token, or null when it is unknown or revoked. */
export async function actorFromToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const prisma = await getPrisma();
  // One joined lookup: it runs on every request a script makes.
  const [row] = await prisma.$queryRaw<TokenRow[]>`
    SELECT t.id, t.last_used_at AS "lastUsedAt", t.revoked_at AS "revokedAt",
           u.id AS "userId", u.email, u.name, u.role
      FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = ${tokenHashOf(token)}`;
  if (!row || row.revokedAt || !isRole(row.role)) return null;
  // Last use is informational; a minute's precision spares a write per request.
  if (!row.lastUsedAt || Date.now() - new Date(row.lastUsedAt).getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: row.userId, email: row.email, name: row.name, role: row.role, via: "token" };
}
