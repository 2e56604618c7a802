// Lookups kept in memory until the database says they changed. Every request asks who its token
// belongs to and which portfolio (at which data version) it reads; on the embedded database those
// two lookups cost more than the cached snapshot they lead to, and while an import holds its single
// connection they would wait for the whole import.
//
// Only the embedded database keeps them: it has one process (the folder lock), so the notices its
// own commits send reach every cache there is. Triggers on portfolios, users, api_tokens and
// sessions send a notice on "aker_changes" (migrations 20261202000000_change_notices and
// 20261202010000_session_notices); Postgres delivers notices at commit, never for a rollback, and
// PGlite calls the listener before the committing call returns, so the writer's next read already
// misses. On Postgres several instances may share the database and a notice reaches another
// instance only later, so there every lookup goes to the database.

/** The channel the change triggers notify. */
export const CHANGES_CHANNEL = "aker_changes";

export interface Memo {
  /** Whether anything is kept (the embedded database) or every get loads (Postgres). */
  readonly keeps: boolean;
  /**
   * The value under `key`: from memory when no change notice came since it was loaded, else
   * `load()`. Concurrent gets share one load; a load that throws is not kept. The value is shared
   * by every caller: treat it as read-only. `keep` says whether a loaded value is kept (an unknown
   * token is not: guessing must not fill the memory).
   */
  get<T>(key: string, load: () => Promise<T>, keep?: (value: T) => boolean): Promise<T>;
  /** Forgets everything (a change notice arrived). */
  clear(): void;
}

/** Every get loads. */
export const passThroughMemo: Memo = { keeps: false, get: (_key, load) => load(), clear: () => undefined };

/** Entries at most; one per token and portfolio slug, so a few per user. */
const MAX_ENTRIES = 10_000;

/** A memo cleared by the caller on every change notice. */
export function changeNoticeMemo(): Memo {
  const entries = new Map<string, Promise<unknown>>();
  return {
    keeps: true,
    clear: () => entries.clear(),
    get<T>(key: string, load: () => Promise<T>, keep?: (value: T) => boolean): Promise<T> {
      const found = entries.get(key);
      if (found) return found as Promise<T>;
      const pending = load();
      entries.set(key, pending);
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value ?? "");
      const drop = () => {
        if (entries.get(key) === pending) entries.delete(key);
      };
      pending.then((value) => keep && !keep(value) && drop(), drop);
      return pending;
    },
  };
}
