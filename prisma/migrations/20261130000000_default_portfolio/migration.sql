-- The default portfolio exists from the first migration on, so reading it never has to create it.
INSERT INTO "portfolios" ("slug", "name") VALUES ('default', 'Default portfolio') ON CONFLICT ("slug") DO NOTHING;
