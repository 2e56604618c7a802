"use client";

import { useState, useTransition } from "react";
import { deleteLimitAction, updateLimitAction } from "@/lib/actions/limits";
import { DIMENSION_LABELS } from "@/lib/display/labels";
import type { ActionResult } from "@/lib/http/action";
import type { LimitDto } from "@/lib/services/limits";
import { Button } from "../ui/button";
import { ConfirmDelete } from "../ui/confirm-delete";
import { SeverityBadge } from "../ui/status-badge";
import { describeRule, KIND_LABELS } from "./limit-rule";

export type LimitRow = LimitDto & { valueLabel: string | null };

interface LimitsTableProps {
  limits: LimitRow[];
  /** With Edit, Deactivate and Delete: for managers only. */
  editable: boolean;
  editingId: string | null;
  onEdit: (limit: LimitRow) => void;
  onChanged: (message: string, id: string) => void;
}

export function LimitsTable({ limits, editable, editingId, onEdit, onChanged }: LimitsTableProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  function act(id: string, work: () => Promise<ActionResult<unknown>>, done: string) {
    setBusy(id);
    setError(null);
    startTransition(async () => {
      const result = await work();
      setBusy(null);
      setConfirming(null);
      if (result.ok) onChanged(done, id);
      else setError(result.message);
    });
  }

  if (limits.length === 0) {
    return (
      <p data-testid="limits-empty" className="py-6 text-center text-sm text-muted">
        {editable ? "No limits yet. Create one above, or start from a preset." : "No limits yet."}
      </p>
    );
  }

  return (
    <>
      <p role="alert" className="mb-2 text-sm font-medium text-breach empty:hidden">
        {error}
      </p>
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[44rem] text-sm" data-testid="limits-table">
          <caption className="sr-only">Limits of this portfolio</caption>
          <thead>
            <tr className="border-b border-border text-left text-xs text-muted">
              {["Dimension", "Value", "Kind", "Rule", "Severity", "Active"].map((h) => (
                <th key={h} scope="col" className="px-2 py-2 font-medium">
                  {h}
                </th>
              ))}
              {editable && (
                <th scope="col" className="px-2 py-2 text-right font-medium">
                  <span className="sr-only">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {limits.map((limit) => {
              const rule = describeRule(limit);
              const dimensionWide = limit.kind === "count" || limit.kind === "top_n" || limit.kind === "hhi";
              const scope = dimensionWide ? "all values" : (limit.valueLabel ?? "every value");
              const name = `${DIMENSION_LABELS[limit.dimensionType]} ${scope} ${rule}`;
              return (
                <tr
                  key={limit.id}
                  data-testid="limit-row"
                  data-limit-id={limit.id}
                  className={`border-b border-border last:border-0 ${limit.isActive ? "" : "text-muted"} ${editingId === limit.id ? "bg-surface-2" : ""}`}
                >
                  <th scope="row" className="px-2 py-2 text-left font-medium">
                    {DIMENSION_LABELS[limit.dimensionType]}
                  </th>
                  <td className="px-2 py-2" title={limit.dimensionValue ?? undefined}>
                    {dimensionWide ? (
                      <em className="text-muted">all values together</em>
                    ) : (
                      (limit.valueLabel ?? <em className="text-muted">every value</em>)
                    )}
                  </td>
                  <td className="px-2 py-2" data-testid="limit-kind">
                    {KIND_LABELS[limit.kind]}
                  </td>
                  <td className="px-2 py-2">
                    <span className="tabular-nums" data-testid="limit-rule">
                      {rule}
                    </span>
                    {limit.reference && (
                      <span className="text-muted" data-testid="limit-reference">
                        {" "}
                        · {limit.reference}
                      </span>
                    )}
                    {limit.note && (
                      <p className="max-w-xs truncate text-xs text-muted" title={limit.note} data-testid="limit-note">
                        {limit.note}
                      </p>
                    )}
                  </td>
                  <td className="px-2 py-2">
                    <SeverityBadge severity={limit.severityLevel} />
                  </td>
                  <td className="px-2 py-2" data-testid="limit-active">
                    {limit.isActive ? "Yes" : "No"}
                  </td>
                  {editable && (
                    <td className="px-2 py-2">
                      <div className="flex justify-end gap-1">
                        {confirming === limit.id ? (
                          <ConfirmDelete
                            name={name}
                            busy={busy === limit.id}
                            onConfirm={() => act(limit.id, () => deleteLimitAction({ id: limit.id }), "Limit deleted.")}
                            onCancel={() => setConfirming(null)}
                          />
                        ) : (
                          <>
                            <Button variant="ghost" aria-label={`Edit ${name}`} onClick={() => onEdit(limit)}>
                              Edit
                            </Button>
                            <Button
                              variant="ghost"
                              aria-label={`${limit.isActive ? "Deactivate" : "Activate"} ${name}`}
                              disabled={busy === limit.id}
                              onClick={() =>
                                act(
                                  limit.id,
                                  () => updateLimitAction({ id: limit.id, isActive: !limit.isActive }),
                                  limit.isActive ? "Limit deactivated." : "Limit activated.",
                                )
                              }
                            >
                              {limit.isActive ? "Deactivate" : "Activate"}
                            </Button>
                            <Button
                              variant="ghost"
                              aria-label={`Delete ${name}`}
                              onClick={() => setConfirming(limit.id)}
                            >
                              Delete
                            </Button>
                          </>
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
