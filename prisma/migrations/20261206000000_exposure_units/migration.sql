-- The units basis of limits (issue 10): each bucket of a run keeps its owned units (units ×
-- ownership_pct / 100 per position, rounded to the hundredth of a unit) and how many of its
-- positions have units. Runs stored before read as 0 units until their date is computed again;
-- adding columns with constant defaults rewrites no rows.
ALTER TABLE "exposures"
    ADD COLUMN "exposure_units" DECIMAL(22,2) NOT NULL DEFAULT 0,
    ADD COLUMN "units_count" INTEGER NOT NULL DEFAULT 0;
