import { createHash, randomBytes } from "node:crypto";
import { getPrisma } from "../db/client";
import { AppError } from "../errors";
import { audit } from "../audit";
import { isRole, type Actor } from "./roles";

const TOKEN_PREFIX = "aker_";
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

export interface ApiTokenDto {
  id: string;
  name: string;
  prefix: string;
  userEmail: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** A new token for a user. The token itself is returned once and only its hash is stored. */
export async function createApiToken(userId: string, name: string): Promise<{ token: string; apiToken: ApiTokenDto }> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("not_found", `User ${userId} does not exist`);
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await prisma.apiToken.create({ data: { userId, name: name.trim() || "token", tokenHash: hashOf(token), prefix: token.slice(0, 12) } });
  await audit(prisma, "token.created", { target: row.id, details: { name: row.name, for: user.email } });
  return { token, apiToken: { ...toDto(row), userEmail: user.email } };
}

function toDto(row: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }) {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    userEmail: "",
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

export async function listApiTokens(): Promise<ApiTokenDto[]> {
  const prisma = await getPrisma();
  const rows = await prisma.apiToken.findMany({ orderBy: { createdAt: "desc" }, include: { user: { select: { email: true } } } });
  return rows.map((r) => ({ ...toDto(r), userEmail: r.user.email }));
}

export async function revokeApiToken(id: string): Promise<void> {
  const prisma = await getPrisma();
  const row = await prisma.apiToken.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", `API token ${id} does not exist`);
  if (row.revokedAt) return;
  await prisma.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
  await audit(prisma, "token.revoked", { target: id, details: { name: row.name } });
}

/** The user behind a bearer token, or null when it is unknown or revoked. */
export async function actorFromToken(token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const prisma = await getPrisma();
  const row = await prisma.apiToken.findUnique({ where: { tokenHash: hashOf(token) }, include: { user: true } });
  if (!row || row.revokedAt || !isRole(row.user.role)) return null;
  // Last use is informational; a minute's precision spares a write per request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: row.user.id, email: row.user.email, name: row.user.name, role: row.user.role, via: "token" };
}
