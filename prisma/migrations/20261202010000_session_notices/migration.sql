-- Sessions send the change notice too (see 20261202000000_change_notices): a sign-in, sign-out or
-- refresh clears the embedded database's memo of session lookups, so a signed-out browser is
-- refused on its next request.
CREATE TRIGGER "sessions_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION "aker_notify_change"();
