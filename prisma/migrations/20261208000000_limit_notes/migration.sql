-- Limit notes (issue 11): a limit may carry the clause of the fund document it comes from
-- (`reference`, e.g. "LPA §7.2(b)") and a free-text `note`. Both are optional and shown beside the
-- limit and its alerts; neither takes part in checking the limit. Lengths are checked at the edge
-- (lib/schemas.ts). Adding nullable columns without a default rewrites no rows.
ALTER TABLE "thresholds"
    ADD COLUMN "note" TEXT,
    ADD COLUMN "reference" TEXT;
