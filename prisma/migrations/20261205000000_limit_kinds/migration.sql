-- Limits as fund documents write them (issue 10): a kind (share, amount, count, top_n, hhi, target)
-- and a basis (value, units, positions), each kind with its own fields. Every existing limit stays
-- what it was: a share of value. A target has no side, so threshold_type may now be empty; kinds
-- other than share and top_n have no percentage.
ALTER TABLE "thresholds"
    ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'share',
    ADD COLUMN "basis" TEXT NOT NULL DEFAULT 'value',
    ADD COLUMN "threshold_amount" DECIMAL(22,2),
    ADD COLUMN "threshold_count" INTEGER,
    ADD COLUMN "top_n" INTEGER,
    ADD COLUMN "threshold_hhi" DOUBLE PRECISION,
    ADD COLUMN "target_pct" DOUBLE PRECISION,
    ADD COLUMN "band_pp" DOUBLE PRECISION,
    ALTER COLUMN "threshold_pct" DROP NOT NULL,
    ALTER COLUMN "threshold_type" DROP NOT NULL;

-- An alert keeps what its limit measured, so its history reads right after the limit changes or
-- goes: exposure_pct and threshold_pct hold the figure and the line in the unit breach_unit names.
ALTER TABLE "alerts"
    ADD COLUMN "kind" TEXT NOT NULL DEFAULT 'share',
    ADD COLUMN "basis" TEXT NOT NULL DEFAULT 'value',
    ADD COLUMN "breach_unit" TEXT NOT NULL DEFAULT 'pp';
