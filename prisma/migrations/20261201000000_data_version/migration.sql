-- A portfolio's data version: every writer bumps it in the transaction that changes what reads
-- return (imports, runs, limit changes, alert transitions), so any app instance can tell a cached
-- snapshot read from a stale one with one indexed lookup.
ALTER TABLE "portfolios" ADD COLUMN "data_version" INTEGER NOT NULL DEFAULT 0;
