import { randomUUID } from "node:crypto";
import { getPrisma } from "../db/client";
import type { NotificationChannel } from "../db/generated/client";
import type { Dimension } from "../engine/types";
import { AppError } from "../errors";
import { MAIL_NOT_CONFIGURED, mailSettings } from "../notify/config";
import type { NotificationPayload } from "../notify/messages";
import { assertDeliverable, OutboundError } from "../notify/outbound";
import { send } from "../notify/transports";
import { type ChannelCreate, type ChannelKind, type ChannelUpdate, channelFieldIssues } from "../schemas";
import { audit } from "./audit";
import type { ActorContext } from "./context";
import { alertLink } from "./notify-events";
import { DEFAULT_PORTFOLIO, getPortfolioOrThrow } from "./portfolios";

// Notification channels (admin). The secret is write-only: answers say `hasSecret` instead.

type ChannelRow = NotificationChannel & { portfolio: { slug: string } | null };

function toChannelDto(c: ChannelRow) {
  return {
    id: c.id,
    kind: c.kind as ChannelKind,
    name: c.name,
    portfolio: c.portfolio?.slug ?? null,
    minSeverity: c.minSeverity as "warning" | "critical",
    dimensions: c.dimensions as Dimension[],
    recipients: c.recipients,
    url: c.url,
    hasSecret: c.secret !== null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}
export type ChannelDto = ReturnType<typeof toChannelDto>;

const WITH_PORTFOLIO = { portfolio: { select: { slug: true } } } as const;

export async function listChannels(): Promise<{ items: ChannelDto[] }> {
  const prisma = await getPrisma();
  const rows = await prisma.notificationChannel.findMany({
    include: WITH_PORTFOLIO,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return { items: rows.map(toChannelDto) };
}

interface ChannelFields {
  kind: ChannelKind;
  recipients: string[];
  url: string | null;
  secret: string | null;
}

/** The channel as it will be: its kind's fields, a reachable URL, mail set up for email. */
async function assertUsable(channel: ChannelFields): Promise<void> {
  const issues = channelFieldIssues(channel);
  if (issues.length) throw new AppError("invalid_input", `Invalid ${issues[0]?.field}: ${issues[0]?.message}`, issues);
  if (channel.kind === "email" && !mailSettings())
    throw new AppError("invalid_data", MAIL_NOT_CONFIGURED, [{ field: "kind", message: "email is not set up" }]);
  if (channel.url !== null) {
    try {
      await assertDeliverable(channel.url);
    } catch (error) {
      if (!(error instanceof OutboundError)) throw error;
      throw new AppError("invalid_input", `Invalid url: ${error.message}`, [{ field: "url", message: error.message }]);
    }
  }
}

/** `portfolio` as stored: a slug's id, null for all; undefined leaves it as it is. */
async function portfolioIdOf(slug: string | null | undefined): Promise<string | null | undefined> {
  if (slug === undefined || slug === null) return slug;
  return (await getPortfolioOrThrow(slug)).id;
}

/** What the audit log keeps of a channel: never the secret. */
const auditDetails = (c: ChannelDto) => ({
  kind: c.kind,
  name: c.name,
  portfolio: c.portfolio,
  minSeverity: c.minSeverity,
  dimensions: c.dimensions,
  recipients: c.recipients,
  url: c.url,
  hasSecret: c.hasSecret,
});

export async function createChannel(ctx: ActorContext, input: ChannelCreate): Promise<ChannelDto> {
  const fields = {
    kind: input.kind,
    recipients: input.recipients ?? [],
    url: input.url ?? null,
    secret: input.secret ?? null,
  };
  await assertUsable(fields);
  const prisma = await getPrisma();
  const portfolioId = (await portfolioIdOf(input.portfolio)) ?? null;
  const dto = await prisma.$transaction(async (tx) => {
    const row = await tx.notificationChannel.create({
      data: { ...fields, name: input.name, portfolioId, minSeverity: input.minSeverity, dimensions: input.dimensions },
      include: WITH_PORTFOLIO,
    });
    const created = toChannelDto(row);
    await audit(tx, ctx, "channel.created", {
      portfolioId: portfolioId ?? undefined,
      target: row.id,
      details: auditDetails(created),
    });
    return created;
  });
  return dto;
}

export async function updateChannel(ctx: ActorContext, id: string, patch: ChannelUpdate): Promise<ChannelDto> {
  const prisma = await getPrisma();
  const current = await prisma.notificationChannel.findUnique({ where: { id } });
  if (!current) throw new AppError("not_found", `Channel ${id} does not exist`);
  const fields: ChannelFields = {
    kind: current.kind as ChannelKind,
    recipients: patch.recipients ?? current.recipients,
    url: patch.url ?? current.url,
    secret: patch.secret ?? current.secret,
  };
  await assertUsable(fields);
  const portfolioId = await portfolioIdOf(patch.portfolio);
  return prisma.$transaction(async (tx) => {
    const row = await tx.notificationChannel.update({
      where: { id },
      data: {
        ...fields,
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(portfolioId !== undefined ? { portfolioId } : {}),
        ...(patch.minSeverity !== undefined ? { minSeverity: patch.minSeverity } : {}),
        ...(patch.dimensions !== undefined ? { dimensions: patch.dimensions } : {}),
      },
      include: WITH_PORTFOLIO,
    });
    const updated = toChannelDto(row);
    const changed = Object.keys(patch).filter((k) => k !== "secret");
    await audit(tx, ctx, "channel.updated", {
      portfolioId: row.portfolioId ?? undefined,
      target: id,
      details: { ...auditDetails(updated), changed, secretChanged: patch.secret !== undefined },
    });
    return updated;
  });
}

/** Deleting a channel drops its deliveries not yet sent (and the log of those sent). */
export async function deleteChannel(ctx: ActorContext, id: string): Promise<void> {
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    const row = await tx.notificationChannel.findUnique({ where: { id }, include: WITH_PORTFOLIO });
    if (!row) throw new AppError("not_found", `Channel ${id} does not exist`);
    await tx.notificationChannel.delete({ where: { id } });
    await audit(tx, ctx, "channel.deleted", {
      portfolioId: row.portfolioId ?? undefined,
      target: id,
      details: auditDetails(toChannelDto(row)),
    });
  });
}

export interface ChannelTestResult {
  sent: boolean;
  eventId: string;
  error: string | null;
}

/**
 * "Send a test": a `test` event (no alert) to this channel now, through the same transport and
 * checks as real events, but not through the outbox: the answer says whether it arrived.
 */
export async function testChannel(ctx: ActorContext, id: string, now = new Date()): Promise<ChannelTestResult> {
  const prisma = await getPrisma();
  const channel = await prisma.notificationChannel.findUnique({ where: { id }, include: WITH_PORTFOLIO });
  if (!channel) throw new AppError("not_found", `Channel ${id} does not exist`);
  const portfolio = await getPortfolioOrThrow(channel.portfolio?.slug ?? DEFAULT_PORTFOLIO);
  const payload: NotificationPayload = {
    id: randomUUID(),
    type: "test",
    occurredAt: now.toISOString(),
    portfolio: { slug: portfolio.slug, name: portfolio.name },
    alert: null,
    url: alertLink(portfolio.slug, null),
  };
  const error = await send(channel, payload, now).then(
    () => null,
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
  await audit(prisma, ctx, "channel.tested", { target: id, details: { sent: error === null, error } });
  return { sent: error === null, eventId: payload.id, error };
}
