"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { AlertActionOutcome } from "@/lib/actions/alerts";
import { ALERT_POLL_MS, queryKeys } from "../query-keys";
import { Button } from "../ui/button";
import { ActionDialog, type PendingAction } from "./action-dialog";
import { type AlertActionKind, AlertRow } from "./alert-row";
import { BulkBar } from "./bulk-bar";
import { EmptyInbox } from "./empty-inbox";
import { type AlertPage, fetchAlertPage } from "./fetchers";
import { ALERT_PAGE_SIZE, type AlertFilters, STATUS_FILTER_LABELS, toAlertQuery } from "./filters";
import { summarizeResult } from "./result-message";
import { Toast, type ToastMessage } from "./toast";
import { useNewAlertNote } from "./use-new-alert-note";

const MAX_LIMIT = 500;

interface AlertInboxProps {
  portfolio: string;
  filters: AlertFilters;
  /** The first page, rendered on the server: the list shows at once and polling takes over. */
  initial: AlertPage;
  /** When the server read `initial` (ms since epoch). */
  renderedAt: number;
  /** Whether the signed-in role may acknowledge and resolve. */
  canAct: boolean;
  /** An alert a link points at (?alert=): scrolled to, focused and marked once the list shows it. */
  focus?: string | null;
}

export function AlertInbox({ portfolio, filters, initial, renderedAt, canAct, focus = null }: AlertInboxProps) {
  const queryClient = useQueryClient();
  const [limit, setLimit] = useState(ALERT_PAGE_SIZE);
  const queryKey = queryKeys.alerts(portfolio, { ...toAlertQuery(filters), limit: String(limit) });
  const { data, isError, error, isFetching, dataUpdatedAt } = useQuery({
    queryKey,
    queryFn: () => fetchAlertPage(filters, portfolio, limit),
    initialData: limit === ALERT_PAGE_SIZE ? initial : undefined,
    initialDataUpdatedAt: renderedAt,
    placeholderData: keepPreviousData,
    refetchInterval: ALERT_POLL_MS,
  });
  // initialData only seeds an empty cache; a newer server render (coming back to the page, or the
  // refresh after an action) replaces an older cached list instead of flashing it. Deliberately keyed
  // on the server render only, not on the query key.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the server render only, as said above.
  useEffect(() => {
    if (limit === ALERT_PAGE_SIZE && renderedAt > dataUpdatedAt)
      queryClient.setQueryData(queryKey, initial, { updatedAt: renderedAt });
  }, [initial, renderedAt]);
  const page = data ?? initial;
  const items = page.items;
  const openItems = useMemo(() => items.filter((a) => a.status !== "resolved"), [items]);

  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  // Only what is on screen and still open counts: a polled refresh may have resolved a selected alert.
  const selected = openItems.filter((a) => selection.has(a.id));
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const origin = useRef<string | null>(null);
  const newNote = useNewAlertNote(items);

  const select = useCallback((id: string, on: boolean) => {
    setSelection((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const startAction = (kind: AlertActionKind, ids: string[], fromRow: boolean) => {
    const byId = new Map(items.map((a) => [a.id, a]));
    origin.current = fromRow ? (ids[0] ?? null) : null;
    setPending({ kind, ids, messages: ids.map((id) => byId.get(id)?.alertMessage ?? id) });
  };

  /** The focus after an action: the acted-on row's Resolve button, else the row, else the list's heading. */
  const refocus = () =>
    requestAnimationFrame(() => {
      const row = origin.current
        ? document.querySelector<HTMLElement>(`[data-alert-id="${CSS.escape(origin.current)}"]`)
        : null;
      (row?.querySelector<HTMLElement>("[data-testid=resolve-button]") ?? row ?? heading.current)?.focus();
    });

  const finish = async (action: PendingAction, result: AlertActionOutcome) => {
    setPending(null);
    setSelection((prev) => new Set([...prev].filter((id) => !result.done.includes(id))));
    const messages = new Map(action.ids.map((id, i) => [id, action.messages[i] ?? id]));
    setToast({ id: Date.now(), ...summarizeResult(action.kind, result, messages) });
    // At once, so the focus is never left on the page while the lists refetch (the button that
    // opened the dialog may be gone), then again once the row shows its new buttons.
    refocus();
    // Lists and each alert's history, and the nav badge, so its count follows at once.
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.alertsAll(portfolio) }),
      queryClient.invalidateQueries({ queryKey: queryKeys.alertSummary(portfolio) }),
    ]);
    refocus();
  };

  // A linked alert: brought into view and focused once, when the list first holds it.
  const focused = useRef(false);
  useEffect(() => {
    if (!focus || focused.current || !items.some((a) => a.id === focus)) return;
    focused.current = true;
    const row = document.querySelector<HTMLElement>(`[data-alert-id="${CSS.escape(focus)}"]`);
    row?.scrollIntoView({ block: "center" });
    row?.focus();
  }, [focus, items]);

  const dismissToast = useCallback(() => setToast(null), []);
  const statusWord = filters.status === "all" ? "" : `${STATUS_FILTER_LABELS[filters.status].toLowerCase()} `;
  const countText = `${page.nextCursor ? "Newest " : ""}${items.length} ${statusWord}alert${items.length === 1 ? "" : "s"}`;

  return (
    <section aria-labelledby="alert-list-heading" className="rounded-card border border-border bg-surface shadow-sm">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-border px-3 py-2">
        <h2
          id="alert-list-heading"
          ref={heading}
          tabIndex={-1}
          className="text-sm font-semibold"
          data-testid="alert-count"
        >
          {countText}
        </h2>
        <p className="text-xs text-muted">
          <span aria-hidden="true" className={isFetching ? "animate-pulse" : ""}>
            ●
          </span>{" "}
          Live · refreshes every {ALERT_POLL_MS / 1000} s
        </p>
        <p className="sr-only" aria-live="polite">
          {newNote}
        </p>
      </header>
      {isError && (
        <p role="alert" className="border-b border-border bg-near-bg px-3 py-2 text-sm">
          Could not refresh ({error.message}); showing the last loaded list and retrying.
        </p>
      )}
      {items.length === 0 ? (
        <EmptyInbox filters={filters} />
      ) : (
        <>
          {openItems.length > 0 && canAct && (
            <BulkBar
              selectable={openItems.length}
              selected={selected.length}
              acknowledgeable={selected.filter((a) => a.status === "active").length}
              busy={pending !== null}
              onToggleAll={(on) => setSelection(new Set(on ? openItems.map((a) => a.id) : []))}
              onAction={(kind) =>
                startAction(
                  kind,
                  (kind === "acknowledge" ? selected.filter((a) => a.status === "active") : selected).map((a) => a.id),
                  false,
                )
              }
              onClear={() => setSelection(new Set())}
            />
          )}
          <ul aria-labelledby="alert-list-heading">
            {items.map((alert) => (
              <AlertRow
                key={alert.id}
                alert={alert}
                portfolio={portfolio}
                selected={selection.has(alert.id)}
                linked={alert.id === focus}
                busy={pending !== null}
                canAct={canAct}
                onSelect={select}
                onAction={(kind, ids) => startAction(kind, ids, true)}
              />
            ))}
          </ul>
          {page.nextCursor && (
            <div className="border-t border-border px-3 py-2 text-sm text-muted">
              {limit < MAX_LIMIT ? (
                <Button onClick={() => setLimit((l) => Math.min(l + ALERT_PAGE_SIZE, MAX_LIMIT))}>Show more</Button>
              ) : (
                <p>Showing the newest {MAX_LIMIT}; narrow the filters to see older alerts.</p>
              )}
            </div>
          )}
        </>
      )}
      <ActionDialog
        action={pending}
        onCancel={() => setPending(null)}
        onDone={(action, result) => void finish(action, result)}
      />
      <Toast toast={toast} onDismiss={dismissToast} />
    </section>
  );
}
