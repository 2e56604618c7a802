import { createHash, randomBytes } from "node:crypto";
import { getDb } from "../db/client";
import { logger } from "../logger";
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

/** When each token's last use was last written by this process: the stamp is written once a minute. */
const stamped = new Map<string, number>();
const STAMP_EVERY_MS = 60_000;

/** The user behind a bearer token, or null when it is unknown or revoked. */
export async function actorFromToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const db = await getDb();
  const tokenHash = tokenHashOf(token);
  // One joined lookup: it runs on every request a script makes (kept between writes on the
  // embedded database: lib/db/memo.ts; an unknown token is never kept).
  const load = async () =>
    (
      await db.lookup<TokenRow>(
        `SELECT t.id, t.last_used_at AS "lastUsedAt", t.revoked_at AS "revokedAt",
                u.id AS "userId", u.email, u.name, u.role
           FROM api_tokens t JOIN users u ON u.id = t.user_id
          WHERE t.token_hash = $1`,
        [tokenHash],
      )
    )[0];
  const row = await db.memo.get(`token:${tokenHash}`, load, (found) => found !== undefined);
  if (!row || row.revokedAt || !isRole(row.role)) return null;
  stampLastUse(row);
  return { id: row.userId, email: row.email, name: row.name, role: row.role, via: "token" };
}

/**
 * Last use is informational: a minute's precision spares a write per request, and the request
 * does not wait for it (on the embedded database it would queue behind a running import).
 */
function stampLastUse(row: TokenRow): void {
  const now = Date.now();
  const last = Math.max(row.lastUsedAt ? new Date(row.lastUsedAt).getTime() : 0, stamped.get(row.id) ?? 0);
  if (now - last <= STAMP_EVERY_MS) return;
  stamped.set(row.id, now);
  void getDb()
    .then((db) => db.prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } }))
    .catch((error: unknown) =>
      logger.warn({ event: "token.stamp_failed", err: error }, "could not record a token's last use"),
    );
}
