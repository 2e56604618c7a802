import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/tx";
import type { ActorContext } from "./context";

export interface AuditInput {
  portfolioId?: string | undefined;
  target?: string | undefined;
  details?: Prisma.InputJsonValue | undefined;
}

/** The audit_events row for an action: who (the context's actor, else "system"), what, on what. */
export function auditRow(ctx: ActorContext, action: string, input: AuditInput = {}) {
  return {
    action,
    actorId: ctx.actor?.id ?? null,
    actorEmail: ctx.actor?.email ?? "system",
    portfolioId: input.portfolioId ?? null,
    target: input.target ?? null,
    details: input.details,
  };
}

/**
 * Records who did what. Call it inside the transaction that does the thing, so the record and
 * the change land together or not at all. Without an actor (scripts, tests) it is "system".
 */
export async function audit(
  db: Pick<Tx, "auditEvent">,
  ctx: ActorContext,
  action: string,
  input: AuditInput = {},
): Promise<void> {
  await db.auditEvent.create({ data: auditRow(ctx, action, input) });
}

export interface AuditQuery {
  limit: number;
  cursor?: number | undefined;
  action?: string | undefined;
}

export async function listAuditEvents(query: AuditQuery) {
  const prisma = await getPrisma();
  const rows = await prisma.auditEvent.findMany({
    where: {
      ...(query.action ? { action: { startsWith: query.action } } : {}),
      ...(query.cursor ? { id: { lt: query.cursor } } : {}),
    },
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
export type AuditEventDto = Awaited<ReturnType<typeof listAuditEvents>>["items"][number];
