import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { AppError } from "../errors";
import { logger } from "../logger";
import type { DigestPayload, NotificationPayload } from "../notify/messages";
import { type Destination, send, sendDigest } from "../notify/transports";
import { audit } from "./audit";
import type { ActorContext } from "./context";
import { wakeNotificationWorker } from "./notify-wake";

// Delivery from the outbox, at least once: a round claims the due deliveries with a lease in one
// statement (FOR UPDATE SKIP LOCKED, so instances never claim the same row; a crashed instance's
// lease runs out and another claims it), sends them outside any transaction, then records each
// result in one short statement. Receivers dedupe on the event id.

export const DELIVERY_STATUSES = ["pending", "sent", "failed", "dead"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A claim outlives a send (10 s at most) with room to spare; then another instance may retry. */
export const LEASE_MS = 60_000;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;
/** A delivery still failing a day after its event is dead (the retry action revives it). */
export const GIVE_UP_MS = 24 * 60 * 60_000;
const BATCH = 10;

/** After the n-th failed attempt: 30 s, 1 min, 2 min, … doubling up to an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

interface Claimed {
  id: string;
  attempts: number;
  created_at: Date;
}

async function claimDue(now: Date): Promise<{ rows: Claimed[]; lease: Date }> {
  const prisma = await getPrisma();
  const lease = new Date(now.getTime() + LEASE_MS);
  const rows = await prisma.$queryRaw<Claimed[]>`
    UPDATE notification_deliveries d
       SET locked_until = ${lease}, attempts = d.attempts + 1
      FROM (SELECT id FROM notification_deliveries
             WHERE status IN ('pending', 'failed') AND next_attempt_at <= ${now}
               AND (locked_until IS NULL OR locked_until <= ${now})
             ORDER BY next_attempt_at, id
             LIMIT ${BATCH}
             FOR UPDATE SKIP LOCKED) due
     WHERE d.id = due.id
 RETURNING d.id, d.attempts, d.created_at`;
  return { rows, lease };
}

export interface DeliveryRound {
  sent: number;
  failed: number;
  dead: number;
}

/**
 * Sends every delivery due at `now` (tests pass a later `now` instead of waiting). Returns what it
 * did; a failure is recorded on its delivery, never thrown.
 */
export async function deliverDue(now: Date = new Date()): Promise<DeliveryRound> {
  const done: DeliveryRound = { sent: 0, failed: 0, dead: 0 };
  for (;;) {
    const { rows, lease } = await claimDue(now);
    if (rows.length === 0) return done;
    const prisma = await getPrisma();
    const details = await prisma.notificationDelivery.findMany({
      where: { id: { in: rows.map((r) => r.id) } },
      select: {
        id: true,
        event: { select: { type: true, payload: true } },
        channel: true,
        user: { select: { email: true } },
      },
    });
    await Promise.all(
      rows.map(async (row) => {
        const delivery = details.find((d) => d.id === row.id);
        if (!delivery) return;
        const outcome = await sendOne(delivery, now).then(
          () => null,
          (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000),
        );
        const status = await record(row, lease, outcome, now);
        done[status === "sent" ? "sent" : status === "dead" ? "dead" : "failed"] += 1;
      }),
    );
  }
}

/** To a channel, or to a subscribed user's sign-in address (alert events and their daily digest). */
function sendOne(
  delivery: {
    event: { type: string; payload: Prisma.JsonValue };
    channel: Destination | null;
    user: { email: string } | null;
  },
  now: Date,
): Promise<void> {
  const to: Destination | null =
    delivery.channel ??
    (delivery.user ? { kind: "email", url: null, secret: null, recipients: [delivery.user.email] } : null);
  if (!to) return Promise.reject(new Error("the delivery has no channel or user"));
  if (delivery.event.type === "digest")
    return sendDigest(to.recipients, delivery.event.payload as unknown as DigestPayload);
  return send(to, delivery.event.payload as unknown as NotificationPayload, now);
}

/** The result of one attempt, unless the lease was lost meanwhile (then the new holder records it). */
async function record(row: Claimed, lease: Date, error: string | null, now: Date): Promise<DeliveryStatus> {
  const prisma = await getPrisma();
  const dead = error !== null && now.getTime() - row.created_at.getTime() >= GIVE_UP_MS;
  const status: DeliveryStatus = error === null ? "sent" : dead ? "dead" : "failed";
  const data: Prisma.NotificationDeliveryUpdateManyMutationInput =
    error === null
      ? { status, sentAt: now, lockedUntil: null, lastError: null }
      : {
          status,
          lockedUntil: null,
          lastError: error,
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts)),
        };
  await prisma.notificationDelivery.updateMany({ where: { id: row.id, lockedUntil: lease }, data });
  const log = { event: `notify.${status}`, deliveryId: row.id, attempts: row.attempts, error };
  if (error === null) logger.info(log, "notification sent");
  else logger.warn(log, dead ? "notification dead" : "notification failed");
  return status;
}

export interface DeliveryQuery {
  status?: DeliveryStatus | undefined;
  channelId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

type DeliveryRow = Prisma.NotificationDeliveryGetPayload<{
  include: {
    event: {
      select: {
        id: true;
        type: true;
        occurredAt: true;
        alertId: true;
        payload: true;
        portfolio: { select: { slug: true } };
      };
    };
    channel: { select: { id: true; name: true; kind: true } };
    user: { select: { id: true; email: true } };
  };
}>;

const DELIVERY_INCLUDE = {
  event: {
    select: {
      id: true,
      type: true,
      occurredAt: true,
      alertId: true,
      payload: true,
      portfolio: { select: { slug: true } },
    },
  },
  channel: { select: { id: true, name: true, kind: true } },
  user: { select: { id: true, email: true } },
} as const;

function toDeliveryDto(d: DeliveryRow) {
  return {
    id: d.id,
    event: {
      id: d.event.id,
      type: d.event.type,
      occurredAt: d.event.occurredAt.toISOString(),
      portfolio: d.event.portfolio?.slug ?? null,
      alertId: d.event.alertId,
      // The alert as it was when the event was written: what the receiver was told.
      alertMessage: (d.event.payload as unknown as NotificationPayload).alert?.alertMessage ?? null,
    },
    channel: d.channel,
    user: d.user,
    status: d.status as DeliveryStatus,
    attempts: d.attempts,
    lastError: d.lastError,
    nextAttemptAt: d.status === "sent" || d.status === "dead" ? null : d.nextAttemptAt.toISOString(),
    sentAt: d.sentAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}
export type DeliveryDto = ReturnType<typeof toDeliveryDto>;

/** Newest first; the cursor is the offset of the next page. */
export async function listDeliveries(query: DeliveryQuery): Promise<{ items: DeliveryDto[]; nextCursor?: string }> {
  const prisma = await getPrisma();
  const offset = query.cursor ? Number.parseInt(query.cursor, 10) || 0 : 0;
  const rows = await prisma.notificationDelivery.findMany({
    where: {
      ...(query.status ? { status: query.status } : {}),
      ...(query.channelId ? { channelId: query.channelId } : {}),
    },
    include: DELIVERY_INCLUDE,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: offset,
    take: query.limit + 1,
  });
  const items = rows.slice(0, query.limit).map(toDeliveryDto);
  return rows.length > query.limit ? { items, nextCursor: String(offset + query.limit) } : { items };
}

/** Makes a failed or dead delivery (or a pending one) due now, as pending; a sent one is a 409. */
export async function retryDelivery(ctx: ActorContext, id: string, now = new Date()): Promise<DeliveryDto> {
  const prisma = await getPrisma();
  const current = await prisma.notificationDelivery.findUnique({ where: { id } });
  if (!current) throw new AppError("not_found", `Delivery ${id} does not exist`);
  if (current.status === "sent") throw new AppError("conflict", `Delivery ${id} was sent already`);
  const row = await prisma.notificationDelivery.update({
    where: { id },
    data: { status: "pending", nextAttemptAt: now, lockedUntil: null },
    include: DELIVERY_INCLUDE,
  });
  await audit(prisma, ctx, "notification.retried", { target: id, details: { status: current.status } });
  wakeNotificationWorker();
  return toDeliveryDto(row);
}
