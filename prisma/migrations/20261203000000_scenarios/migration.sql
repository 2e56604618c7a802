-- Saved what-if scenarios: trades and shocks as the API takes them, the stored positions they
-- sell or revalue as they were when saved (a commit is refused if one has changed since), and,
-- once committed, when, by whom and the import batch that recorded it.
CREATE TABLE "scenarios" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "portfolio_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "trades" JSONB NOT NULL,
    "shocks" JSONB NOT NULL,
    "basis" JSONB NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committed_at" TIMESTAMPTZ(3),
    "committed_by" TEXT,
    "batch_id" UUID,

    CONSTRAINT "scenarios_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "scenarios_portfolio_id_created_at_idx" ON "scenarios"("portfolio_id", "created_at" DESC);

ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "scenarios" ADD CONSTRAINT "scenarios_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "import_batches"("id") ON DELETE SET NULL ON UPDATE CASCADE;
