-- Schedules and stale data (issue 11): a portfolio may recompute on a cron schedule (UTC), and a
-- `data` alert opens when its newest import is older than stale_after_days. next_run_at is the
-- claim: the instance whose UPDATE moves it from the due time to the next one runs that firing,
-- so a schedule fires once however many app instances watch it.
ALTER TABLE "portfolios"
    ADD COLUMN "schedule_cron" TEXT,
    ADD COLUMN "stale_after_days" INTEGER NOT NULL DEFAULT 35,
    ADD COLUMN "next_run_at" TIMESTAMPTZ(3),
    ADD COLUMN "last_scheduled_at" TIMESTAMPTZ(3);
