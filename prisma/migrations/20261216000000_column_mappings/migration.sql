-- Column mapping (issue 12): the mapping people confirmed on an import, per portfolio and file
-- header (normalised), applied to the next upload's headers. column_name null: ignore the column.
CREATE TABLE "column_mappings" (
    "portfolio_id" UUID NOT NULL,
    "header_key" TEXT NOT NULL,
    "header" TEXT NOT NULL,
    "column_name" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "column_mappings_pkey" PRIMARY KEY ("portfolio_id","header_key")
);

ALTER TABLE "column_mappings" ADD CONSTRAINT "column_mappings_portfolio_id_fkey" FOREIGN KEY ("portfolio_id") REFERENCES "portfolios"("id") ON DELETE CASCADE ON UPDATE CASCADE;
