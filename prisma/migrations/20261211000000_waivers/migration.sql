-- Waivers (issue 11): a manager or admin accepts a known breach until a date, with a reason. A
-- waived alert keeps its open key (the run keeps updating it, never opens a twin), is out of the
-- open list and counts, and returns to active when the waiver expires with the breach still there.
ALTER TABLE "alerts"
    ADD COLUMN "waived_by" TEXT,
    ADD COLUMN "waived_at" TIMESTAMPTZ(3),
    ADD COLUMN "waived_until" DATE,
    ADD COLUMN "waiver_reason" TEXT;
