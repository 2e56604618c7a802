import { Cron } from "croner";
import { getPrisma } from "../db/client";
import { AppError, isAppError } from "../errors";
import { logger } from "../logger";
import type { ScheduleInput } from "../schemas";
import { audit } from "./audit";
import type { PortfolioContext } from "./context";
import { sendDueDigests } from "./digest";
import { syncFreshness } from "./freshness";
import { lockPortfolio, portfolioContext } from "./portfolios";
import { todayUtc } from "./runs";
import { computeRun } from "./runs-compute";
import { snapshot } from "./snapshots";

// Scheduled recomputes (issue 11): a portfolio may recompute on a cron schedule, in UTC (croner
// parses and steps the expression). next_run_at is both when and the claim: every instance's
// scheduler looks for due portfolios, and only the one whose UPDATE moves next_run_at from the due
// time to the next one runs that firing, so it fires once however many instances run.

export interface ScheduleDto {
  /** A five- or six-field cron expression, UTC; null when the portfolio recomputes only on request. */
  cron: string | null;
  staleAfterDays: number;
  /** The next scheduled recompute; null without a schedule. */
  nextRunAt: string | null;
  lastRunAt: string | null;
}

/** The next time a cron expression fires after `after`, in UTC; an invalid one is a 400 naming `cron`. */
export function nextFiring(cron: string, after: Date): Date {
  let job: Cron;
  try {
    job = new Cron(cron, { timezone: "UTC", paused: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const message = `is not a cron expression croner can read, e.g. "0 6 * * *" for 06:00 UTC daily (${reason})`;
    throw new AppError("invalid_input", `Invalid cron: ${message}`, [{ field: "cron", message }]);
  }
  const next = job.nextRun(after);
  if (next === null) {
    const message = "never fires again";
    throw new AppError("invalid_input", `Invalid cron: ${message}`, [{ field: "cron", message }]);
  }
  return next;
}

/** The schedule, from the snapshot cache (the overview shows it on every render). */
export async function getSchedule(ctx: PortfolioContext): Promise<ScheduleDto> {
  return (await snapshot(ctx, "schedule", () => readSchedule(ctx))).value;
}

async function readSchedule(ctx: PortfolioContext): Promise<ScheduleDto> {
  const prisma = await getPrisma();
  const p = await prisma.portfolio.findUniqueOrThrow({ where: { id: ctx.portfolio.id } });
  return {
    cron: p.scheduleCron,
    staleAfterDays: p.staleAfterDays,
    nextRunAt: p.nextRunAt?.toISOString() ?? null,
    lastRunAt: p.lastScheduledAt?.toISOString() ?? null,
  };
}

/** Sets (or with cron null, removes) the schedule and the stale-data allowance; audited. */
export async function setSchedule(ctx: PortfolioContext, input: ScheduleInput, now = new Date()): Promise<ScheduleDto> {
  const nextRunAt = input.cron === null ? null : nextFiring(input.cron, now);
  const prisma = await getPrisma();
  await prisma.$transaction(async (tx) => {
    await lockPortfolio(tx, ctx.portfolio.id);
    await tx.portfolio.update({
      where: { id: ctx.portfolio.id },
      data: { scheduleCron: input.cron, staleAfterDays: input.staleAfterDays, nextRunAt },
    });
    await audit(tx, ctx, "schedule.updated", {
      portfolioId: ctx.portfolio.id,
      target: ctx.portfolio.slug,
      details: { cron: input.cron, staleAfterDays: input.staleAfterDays },
    });
  });
  // A shorter allowance may make the data stale now, a longer one fresh again.
  await syncFreshness(ctx, now);
  return readSchedule(ctx);
}

/**
 * Runs every schedule that is due at `now`, once: claims each firing by moving next_run_at on
 * (compare-and-set), then computes a run as of today and checks the data's freshness. Returns the
 * slugs this call ran. A portfolio without positions skips its run (logged), keeping its schedule.
 */
export async function runDueSchedules(now = new Date()): Promise<string[]> {
  const prisma = await getPrisma();
  const due = await prisma.portfolio.findMany({
    // An archived portfolio keeps its schedule but does not run it (unarchiving resumes it).
    where: { scheduleCron: { not: null }, nextRunAt: { lte: now }, archivedAt: null },
    select: { id: true, slug: true, scheduleCron: true, nextRunAt: true },
  });
  const ran: string[] = [];
  for (const p of due) {
    const next = nextFiring(p.scheduleCron as string, now);
    const claimed = await prisma.portfolio.updateMany({
      where: { id: p.id, nextRunAt: p.nextRunAt },
      data: { nextRunAt: next, lastScheduledAt: now },
    });
    if (claimed.count === 0) continue; // another instance took this firing
    ran.push(p.slug);
    const ctx = await portfolioContext(p.slug, null);
    try {
      await computeRun(ctx, { asOfDate: todayUtc() });
      logger.info({ event: "schedule.run", portfolio: p.slug, next: next.toISOString() }, "scheduled recompute");
    } catch (error) {
      if (isAppError(error) && error.code === "invalid_data")
        logger.warn(
          { event: "schedule.skipped", portfolio: p.slug, reason: error.message },
          "scheduled recompute skipped",
        );
      else logger.error({ event: "schedule.failed", portfolio: p.slug, err: error }, "scheduled recompute failed");
    }
  }
  return ran;
}

/** Every active portfolio's stale-data alert brought up to date (the scheduler does this hourly). */
export async function checkAllFreshness(now = new Date()): Promise<void> {
  const prisma = await getPrisma();
  for (const p of await prisma.portfolio.findMany({ where: { archivedAt: null }, select: { slug: true } }))
    await syncFreshness(await portfolioContext(p.slug, null), now);
}

const TICK_MS = 30_000;
const FRESHNESS_EVERY_MS = 60 * 60_000;
let timer: NodeJS.Timeout | null = null;

/**
 * The in-app scheduler: every 30 s, the due schedules and the due daily digests; every hour (and
 * at start), freshness. Off with AKER_SCHEDULER=0 (tests drive runDueSchedules, sendDueDigests and
 * syncFreshness themselves).
 */
export function startScheduler(): void {
  if (timer !== null || process.env.AKER_SCHEDULER === "0") return;
  let lastFreshness = 0;
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await runDueSchedules();
      await sendDueDigests();
      if (Date.now() - lastFreshness >= FRESHNESS_EVERY_MS) {
        lastFreshness = Date.now();
        await checkAllFreshness();
      }
    } catch (error) {
      logger.error({ event: "scheduler.failed", err: error }, "scheduler tick failed");
    } finally {
      busy = false;
    }
  };
  timer = setInterval(() => void tick(), TICK_MS);
  timer.unref();
  void tick();
}
