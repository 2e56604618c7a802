-- Joint ventures (issue 10): the fund's share of each position, in percent with four decimals.
-- Exposure counts position_value × ownership_pct / 100. Existing positions are wholly owned; adding
-- a column with a constant default rewrites no rows.
ALTER TABLE "positions" ADD COLUMN "ownership_pct" DECIMAL(7,4) NOT NULL DEFAULT 100;
