"use client";

import { Fragment, useState } from "react";
import { formatCount, formatDateTime } from "@/lib/display/format";
import type { ImportBatchDto } from "@/lib/services/positions-list";

type Batch = ImportBatchDto;

// The service returns at most this many errors per batch.
const ERRORS_KEPT = 100;

const th = "whitespace-nowrap px-3 py-2 font-medium";
const td = "whitespace-nowrap px-3 py-2";

function BatchErrors({ batch, id }: { batch: Batch; id: string }) {
  return (
    <div id={id} className="relative max-h-64 overflow-auto px-3 pb-3">
      <table className="w-full text-left text-xs">
        <caption className="sr-only">Rejected rows of {batch.sourceName ?? "this import"}</caption>
        <thead className="text-muted">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Row
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Field
            </th>
            <th scope="col" className="py-1 font-medium">
              Problem
            </th>
          </tr>
        </thead>
        <tbody>
          {batch.errors.map((e, i) => (
            <tr key={i} className="border-t border-border align-top">
              <td className="py-1 pr-3 font-mono">{e.row}</td>
              <td className="py-1 pr-3 font-mono">{e.field}</td>
              <td className="py-1">{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {batch.errors.length >= ERRORS_KEPT && (
        <p className="mt-1 text-muted">The first {ERRORS_KEPT} errors are shown.</p>
      )}
    </div>
  );
}

export function HistoryTable({ batches }: { batches: Batch[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  return (
    <div className="relative overflow-x-auto rounded-md border border-border">
      <table className="w-full text-left text-sm" data-testid="import-history">
        <caption className="sr-only">Imports, newest first, with their counts and rejected rows</caption>
        <thead className="bg-surface-2 text-xs text-muted">
          <tr>
            <th scope="col" className={th}>
              When
            </th>
            <th scope="col" className={th}>
              File
            </th>
            <th scope="col" className={th}>
              Mode
            </th>
            <th scope="col" className={`${th} text-right`}>
              Received
            </th>
            <th scope="col" className={`${th} text-right`}>
              Imported
            </th>
            <th scope="col" className={`${th} text-right`}>
              Rejected
            </th>
            <th scope="col" className={th}>
              <span className="sr-only">Row errors</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => {
            const expanded = open.has(b.id);
            const panel = `batch-errors-${b.id}`;
            return (
              <Fragment key={b.id}>
                <tr className="border-t border-border" data-testid="import-batch">
                  <td className={td}>{formatDateTime(b.createdAt)}</td>
                  <td className={`${td} max-w-56 truncate`} title={b.sourceName ?? undefined}>
                    {b.sourceName ?? <span className="text-muted">({b.format.toUpperCase()} body)</span>}
                  </td>
                  <td className={td}>
                    {b.mode}
                    {b.onError === "skip" && <span className="text-muted"> · valid rows only</span>}
                  </td>
                  <td className={`${td} text-right tabular-nums`}>{formatCount(b.received)}</td>
                  <td className={`${td} text-right tabular-nums`}>{formatCount(b.imported)}</td>
                  <td
                    className={`${td} text-right tabular-nums ${b.rejectedCount ? "font-medium text-breach" : "text-muted"}`}
                  >
                    {formatCount(b.rejectedCount)}
                  </td>
                  <td className={td}>
                    {b.errors.length > 0 && (
                      <button
                        type="button"
                        aria-expanded={expanded}
                        aria-controls={panel}
                        onClick={() => toggle(b.id)}
                        className="text-xs font-medium text-accent underline"
                      >
                        {expanded ? "Hide" : "Show"} errors
                        <span className="sr-only">
                          {" "}
                          of {b.sourceName ?? "this import"}, {formatDateTime(b.createdAt)}
                        </span>
                      </button>
                    )}
                  </td>
                </tr>
                {expanded && (
                  <tr className="bg-surface-2/40">
                    <td colSpan={7}>
                      <BatchErrors batch={b} id={panel} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
