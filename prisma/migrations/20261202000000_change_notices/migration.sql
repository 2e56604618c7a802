-- Change notices: a NOTIFY on "aker_changes" when a transaction that changed who may read what
-- (portfolios, their data version included; users; API tokens) commits. Postgres delivers it at
-- commit and never for a rollback, which is what lets the embedded database's single process keep
-- token and portfolio lookups in memory between writes (lib/db/memo.ts). Statement-level, so a
-- bulk change sends one notice; a token's last-use stamp sends none.
CREATE FUNCTION "aker_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('aker_changes', TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER "portfolios_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "portfolios"
  FOR EACH STATEMENT EXECUTE FUNCTION "aker_notify_change"();
CREATE TRIGGER "users_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION "aker_notify_change"();
CREATE TRIGGER "api_tokens_changed" AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "token_hash", "user_id", "revoked_at" ON "api_tokens"
  FOR EACH STATEMENT EXECUTE FUNCTION "aker_notify_change"();
