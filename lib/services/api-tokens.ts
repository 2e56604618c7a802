import { newApiToken } from "../auth/tokens";
import { getPrisma } from "../db/client";
import { AppError } from "../errors";
import { audit } from "./audit";
import type { ActorContext } from "./context";

export interface ApiTokenDto {
  id: string;
  name: string;
  prefix: string;
  userEmail: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

function toDto(
  row: { id: string; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null },
  userEmail: string,
): ApiTokenDto {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    userEmail,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** A new token for a user. The token itself is returned once and only its hash is stored. */
export async function createApiToken(
  ctx: ActorContext,
  userId: string,
  name: string,
): Promise<{ token: string; apiToken: ApiTokenDto }> {
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("not_found", `User ${userId} does not exist`);
  const { token, tokenHash, prefix } = newApiToken();
  const row = await prisma.apiToken.create({ data: { userId, name: name.trim() || "token", tokenHash, prefix } });
  await audit(prisma, ctx, "token.created", { target: row.id, details: { name: row.name, for: user.email } });
  return { token, apiToken: toDto(row, user.email) };
}

export async function listApiTokens(): Promise<ApiTokenDto[]> {
  const prisma = await getPrisma();
  const rows = await prisma.apiToken.findMany({
    orderBy: { createdAt: "desc" },
    include: { user: { select: { email: true } } },
  });
  return rows.map((r) => toDto(r, r.user.email));
}

export async function revokeApiToken(ctx: ActorContext, id: string): Promise<void> {
  const prisma = await getPrisma();
  const row = await prisma.apiToken.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", `API token ${id} does not exist`);
  if (row.revokedAt) return;
  await prisma.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
  await audit(prisma, ctx, "token.revoked", { target: id, details: { name: row.name } });
}
