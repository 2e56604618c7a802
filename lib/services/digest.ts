import { randomUUID } from "node:crypto";
import { getPrisma } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { Tx } from "../db/tx";
import { logger } from "../logger";
import type { DigestItem, DigestPayload } from "../notify/messages";
import { LIMIT_NOTES, toAlertDto } from "./alerts";
import { alertLink, severityRank } from "./notify-events";
import { wakeNotificationWorker } from "./notify-wake";

// The daily digest (issue 11): once per UTC day, at or after the user's hour, one email listing
// every open (active, acknowledged) and waived alert in their portfolios at or above their
// severity, or saying all is clear (sent too: a daily email that stops coming is a sign, an empty
// one is an answer). Each user's day is claimed by one conditional UPDATE of last_digest_on in the
// transaction that writes the digest's event and delivery to the outbox, so two instances (or two
// ticks) write one digest, a rollback claims nothing, and a restart loses none: the outbox sends
// and retries it like any alert event.

const DIGEST_STATUSES = ["active", "acknowledged", "waived"];

/** Writes the due digests to the outbox; the number written. The scheduler calls it every tick. */
export async function sendDueDigests(now: Date = new Date()): Promise<number> {
  const prisma = await getPrisma();
  const today = now.toISOString().slice(0, 10);
  const due = await prisma.notificationSubscription.findMany({
    where: {
      mode: "digest",
      digestHour: { lte: now.getUTCHours() },
      OR: [{ lastDigestOn: null }, { lastDigestOn: { lt: new Date(`${today}T00:00:00Z`) } }],
    },
    select: { userId: true },
  });
  let written = 0;
  for (const { userId } of due) {
    const wrote = await prisma.$transaction((tx) => writeDigest(tx, userId, today, now));
    if (wrote) written += 1;
  }
  if (written > 0) {
    logger.info({ event: "digest.written", count: written, day: today }, "daily digests written");
    wakeNotificationWorker();
  }
  return written;
}

async function writeDigest(tx: Tx, userId: string, today: string, now: Date): Promise<boolean> {
  // The claim: whoever moves last_digest_on to today writes the digest; anyone else changes no row.
  const claimed = await tx.$executeRaw`
    UPDATE notification_subscriptions
       SET last_digest_on = ${today}::date
     WHERE user_id = ${userId} AND mode = 'digest' AND digest_hour <= ${now.getUTCHours()}
       AND (last_digest_on IS NULL OR last_digest_on < ${today}::date)`;
  if (claimed !== 1) return false;
  const subscription = await tx.notificationSubscription.findUniqueOrThrow({
    where: { userId },
    include: { user: { select: { name: true, email: true } } },
  });
  const alerts = await tx.alert.findMany({
    where: {
      status: { in: DIGEST_STATUSES },
      portfolio: { archivedAt: null },
      ...(subscription.portfolioIds.length > 0 ? { portfolioId: { in: subscription.portfolioIds } } : {}),
    },
    include: { ...LIMIT_NOTES, portfolio: { select: { slug: true, name: true } } },
  });
  const items: DigestItem[] = alerts
    .filter((a) => severityRank(a.severity) >= severityRank(subscription.minSeverity))
    .sort(
      (a, b) =>
        severityRank(b.severity) - severityRank(a.severity) ||
        a.portfolio.name.localeCompare(b.portfolio.name) ||
        Number(a.status === "waived") - Number(b.status === "waived") ||
        (a.breachSince?.getTime() ?? 0) - (b.breachSince?.getTime() ?? 0),
    )
    .map((a) => {
      const dto = toAlertDto(a, today);
      return {
        portfolio: a.portfolio,
        alertMessage: dto.alertMessage,
        severity: dto.severity,
        status: dto.status,
        breachSince: dto.breachSince,
        daysInBreach: dto.daysInBreach,
        limitReference: dto.limitReference,
        url: alertLink(a.portfolio.slug, a.id),
      };
    });
  const id = randomUUID();
  const payload: DigestPayload = {
    id,
    type: "digest",
    occurredAt: now.toISOString(),
    day: today,
    user: subscription.user,
    minSeverity: subscription.minSeverity,
    items,
  };
  await tx.notificationEvent.create({
    data: {
      id,
      type: "digest",
      occurredAt: now,
      payload: payload as unknown as Prisma.InputJsonObject,
      deliveries: { create: { userId, nextAttemptAt: now } },
    },
  });
  return true;
}
