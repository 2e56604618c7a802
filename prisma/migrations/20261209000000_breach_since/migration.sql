-- In breach since (issue 11): the first as-of date of the unbroken run of breaching snapshots that
-- ends at the latest, kept on each alert by the run (or limit change) that evaluates alerts, and
-- by a backfilled run, which may move it earlier. Alerts opened before this read null until then.
ALTER TABLE "alerts" ADD COLUMN "breach_since" DATE;
