import { currentActor } from "./auth/context";
import { getPrisma } from "./db/client";
import type { Prisma } from "./db/generated/client";
import type { Tx } from "./db/tx";

export interface AuditInput {
  portfolioId?: string | undefined;
  target?: string | undefined;
  details?: Prisma.InputJsonValue | undefined;
}

/**
 * Records who did what. Call it inside the transaction that does the thing, so the record and
 * the change land together or not at all. The actor comes from the request (lib/auth/context);
 * outside a request (scripts, tests) it is "system".
 */
export async function audit(db: Pick<Tx, "auditEvent">, action: string, input: AuditInput = {}): Promise<void> {
  const actor = currentActor();
  await db.auditEvent.create({
    data: {
      action,
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? "system",
      portfolioId: input.portfolioId ?? null,
      target: input.target ?? null,
      details: input.details,
    },
  });
}

export async function listAuditEvents(query: { limit: number; cursor?: number | undefined; action?: string | undefined }) {
  const prisma = await getPrisma();
  const rows = await prisma.auditEvent.findMany({
    where: { ...(query.action ? { action: { startsWith: query.action } } : {}), ...(query.cursor ? { id: { lt: query.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: query.limit + 1,
  });
  const items = rows.slice(0, query.limit).map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actorEmail: r.actorEmail,
    action: r.action,
    portfolioId: r.portfolioId,
    target: r.target,
    details: r.details,
  }));
  return { items, nextCursor: rows.length > query.limit ? String(items[items.length - 1]?.id) : undefined };
}
