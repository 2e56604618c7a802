-- Several funds in the browser (issue 12): an admin may archive a portfolio. Null: active. An
-- archived one leaves the nav's picker, the firm roll-up and the scheduler; its data stays.
ALTER TABLE "portfolios" ADD COLUMN "archived_at" TIMESTAMPTZ(3);
