-- CreateTable
CREATE TABLE "portfolios" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "portfolios_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "positions" (
    "id" SERIAL NOT NULL,
    "portfolio_id" UUID NOT NULL,
    "position_id" TEXT,
    "asset_id" TEXT,
    "msa_id" TEXT,
    "strategy" TEXT,
    "state" TEXT,
    "vintage" INTEGER,
    "construction_type" TEXT,
    "rent_band" TEXT,
    "position_value" DECIMAL(20,2) NOT NULL,
    "units" INTEGER,
    "batch_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "positions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_batches" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "portfolio_id" UUID NOT NULL,
    "mode" TEXT NOT NULL,
    "on_error" TEXT NOT NULL,
    "source_name" TEXT,
    "format" TEXT NOT NULL,
    "received" INTEGER NOT NULL,
    "imported" INTEGER NOT NULL,
    "rejected_count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "import_row_errors" (
    "id" SERIAL NOT NULL,
    "batch_id" UUID NOT NULL,
    "row" INTEGER NOT NULL,
    "field" TEXT NOT NULL,
    "message" TEXT NOT NULL,

    CONSTRAINT "import_row_errors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exposure_runs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "portfolio_id" UUID NOT NULL,
    "as_of_date" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "total_portfolio_value" DECIMAL(22,2) NOT NULL,
    "position_count" INTEGER NOT NULL,
    "concentration" JSONB NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "exposure_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "exposures" (
    "id" SERIAL NOT NULL,
    "run_id" UUID NOT NULL,
    "dimension_type" TEXT NOT NULL,
    "dimension_value" TEXT NOT NULL,
    "exposure_value" DECIMAL(22,2) NOT NULL,
    "exposure_pct" DOUBLE PRECISION NOT NULL,
    "position_count" INTEGER NOT NULL,

    CONSTRAINT "exposures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "thresholds" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "portfolio_id" UUID NOT NULL,
    "dimension_type" TEXT NOT NULL,
    "dimension_value" TEXT,
    "threshold_pct" DOUBLE PRECISION NOT NULL,
    "threshold_type" TEXT NOT NULL,
    "severity_level" TEXT NOT NULL,
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "thresholds_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "portfolio_id" UUID NOT NULL,
    "threshold_id" UUID,
    "run_id" UUID,
    "open_key" TEXT,
    "dimension_type" TEXT NOT NULL,
    "dimension_value" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "threshold_type" TEXT NOT NULL,
    "exposure_pct" DOUBLE PRECISION NOT NULL,
    "threshold_pct" DOUBLE PRECISION NOT NULL,
    "breach_pct" DOUBLE PRECISION NOT NULL,
    "alert_message" TEXT NOT NULL,
    "acknowledged_by" TEXT,
    "acknowledged_at" TIMESTAMPTZ(3),
    "comment" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    "resolved_by" TEXT,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_events" (
    "id" SERIAL NOT NULL,
    "alert_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "actor" TEXT,
    "comment" TEXT,
    "exposure_pct" DOUBLE PRECISION,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "portfolios_slug_key" ON "portfolios"("slug");

-- CreateIndex
CREATE INDEX "positions_portfolio_id_id_idx" ON "positions"("portfolio_id", "id");

-- CreateIndex
CREATE INDEX "positions_portfolio_id_strategy_idx" ON "positions"("portfolio_id", "strategy");

-- CreateIndex
CREATE INDEX "positions_portfolio_id_state_idx" ON "positions"("portfolio_id", "state");

-- CreateIndex
CREATE INDEX "positions_portfolio_id_msa_id_idx" ON "positions"("portfolio_id", "msa_id");

-- CreateIndex
CREATE UNIQUE INDEX "positions_portfolio_id_position_id_key" ON "positions"("portfolio_id", "position_id");

-- CreateIndex
CREATE INDEX "import_batches_portfolio_id_created_at_idx" ON "import_batches"("portfolio_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "import_row_errors_batch_id_row_idx" ON "import_row_errors"("batch_id", "row");

-- CreateIndex
CREATE UNIQUE INDEX "exposure_runs_portfolio_id_as_of_date_key" ON "exposure_runs"("portfolio_id", "as_of_date");

-- CreateIndex
CREATE INDEX "exposures_dimension_type_dimension_value_idx" ON "exposures"("dimension_type", "dimension_value");

-- CreateIndex
CREATE UNIQUE INDEX "exposures_run_id_dimension_type_dimension_value_key" ON "exposures"("run_id", "dimension_type", "dimension_value");

-- CreateIndex
CREATE INDEX "thresholds_portfolio_id_dimension_type_idx" ON "thresholds"("portfolio_id", "dimension_type");

-- CreateIndex
CREATE INDEX "alerts_portfolio_id_status_created_at_idx" ON "alerts"("portfolio_id", "status", "created_at" DESC);

-- CreateIndex
CREATE INDEX "alerts_threshold_id_idx" ON "alerts"("threshold_id");

-- CreateIndex
CREATE UNIQUE INDEX "alerts_portfolio_id_open_key_key" ON "alerts"("portfolio_id", "open_key");

-- CreateIndex
CREATE INDEX "alert_events_alert_id_created_at_idx" ON "alert_events"("alert_id", "created_at");

-- AddForeignKey
ALTER TABLE "positions" ADD CONSTRAINT "positions_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "positions" ADD CONSTRAINT "positions_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "import_batches"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_row_errors" ADD CONSTRAINT "import_row_errors_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "import_batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exposure_runs" ADD CONSTRAINT "exposure_runs_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "exposures" ADD CONSTRAINT "exposures_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "exposure_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "thresholds" ADD CONSTRAINT "thresholds_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_threshold_id_fkey" FOREIGN KEY ("threshold_id") REFERENCES "thresholds"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "exposure_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_events" ADD CONSTRAINT "alert_events_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The default portfolio always exists (rule 9).
INSERT INTO "portfolios" ("slug", "name") VALUES ('default', 'Default portfolio');
