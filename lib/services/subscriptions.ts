import { getPrisma } from "../db/client";
import type { Tx } from "../db/tx";
import { AppError } from "../errors";
import { mailSettings } from "../notify/config";
import type { SubscriptionMode, SubscriptionUpdate } from "../schemas";
import { audit } from "./audit";
import type { ActorContext } from "./context";

// Each user's own notifications (issue 11), by email to their sign-in address: `immediate` (every
// alert event through the outbox, notify-events.ts), `digest` (one email a day at their UTC hour,
// digest.ts) or `none`. A user with no row has `none`: nobody is emailed until they choose to be.

export const DEFAULT_DIGEST_HOUR = 8;

export const EMAIL_NOT_CONFIGURED =
  "Saved, but this server cannot send email yet (AKER_SMTP_URL and AKER_MAIL_FROM are not set): nothing is sent until it can.";

export interface SubscriptionDto {
  mode: SubscriptionMode;
  digestHour: number;
  minSeverity: "warning" | "critical";
  /** Slugs; empty: every portfolio (those created later too). */
  portfolios: string[];
  /** Where the email goes: the user's sign-in address. */
  email: string;
  updatedAt: string | null;
}

/** Whether this server can send email (AKER_SMTP_URL and AKER_MAIL_FROM): the profile page says so. */
export const canSendEmail = (): boolean => mailSettings() !== null;

/** The answer to a PUT: `warning` says when the server cannot send email yet (the choice is saved all the same). */
export type SubscriptionSaved = SubscriptionDto & { warning?: string };

function userIdOf(ctx: ActorContext): string {
  if (!ctx.actor || ctx.actor.via === "auth-off" || ctx.actor.via === "cli")
    throw new AppError("conflict", "Subscriptions belong to a signed-in user (or an API token's owner)");
  return ctx.actor.id;
}

async function slugsOf(db: Pick<Tx, "portfolio">, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.portfolio.findMany({ where: { id: { in: [...ids] } }, select: { slug: true } });
  return rows.map((r) => r.slug).sort();
}

export async function getSubscription(ctx: ActorContext): Promise<SubscriptionDto> {
  const userId = userIdOf(ctx);
  const prisma = await getPrisma();
  const user = await prisma.user.findUnique({ where: { id: userId }, include: { subscription: true } });
  if (!user) throw new AppError("not_found", "Your user no longer exists");
  const s = user.subscription;
  return {
    mode: (s?.mode ?? "none") as SubscriptionMode,
    digestHour: s?.digestHour ?? DEFAULT_DIGEST_HOUR,
    minSeverity: (s?.minSeverity ?? "warning") as SubscriptionDto["minSeverity"],
    portfolios: await slugsOf(prisma, s?.portfolioIds ?? []),
    email: user.email,
    updatedAt: s?.updatedAt.toISOString() ?? null,
  };
}

/** Saves the caller's own subscription; fields left out keep what is stored. */
export async function updateSubscription(ctx: ActorContext, input: SubscriptionUpdate): Promise<SubscriptionSaved> {
  const userId = userIdOf(ctx);
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    let portfolioIds: string[] | undefined;
    if (input.portfolios) {
      const found = await tx.portfolio.findMany({
        where: { slug: { in: input.portfolios } },
        select: { id: true, slug: true },
      });
      const unknown = input.portfolios.filter((slug) => !found.some((p) => p.slug === slug));
      if (unknown.length > 0)
        throw new AppError("invalid_input", `Unknown portfolio: ${unknown.join(", ")}`, [
          { field: "portfolios", message: `unknown portfolio ${unknown.map((s) => `"${s}"`).join(", ")}` },
        ]);
      portfolioIds = found.map((p) => p.id);
    }
    const data = {
      mode: input.mode,
      ...(input.digestHour !== undefined ? { digestHour: input.digestHour } : {}),
      ...(input.minSeverity !== undefined ? { minSeverity: input.minSeverity } : {}),
      ...(portfolioIds !== undefined ? { portfolioIds } : {}),
    };
    const saved = await tx.notificationSubscription.upsert({
      where: { userId },
      create: { userId, ...data },
      update: data,
    });
    await audit(tx, ctx, "subscription.updated", {
      target: userId,
      details: {
        mode: saved.mode,
        digestHour: saved.digestHour,
        minSeverity: saved.minSeverity,
        portfolios: await slugsOf(tx, saved.portfolioIds),
      },
    });
  });
  const dto = await getSubscription(ctx);
  return dto.mode !== "none" && !canSendEmail() ? { ...dto, warning: EMAIL_NOT_CONFIGURED } : dto;
}
