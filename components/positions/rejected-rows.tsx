"use client";

import { useMemo, useState } from "react";
import { formatCount } from "@/lib/display/format";
import { groupRejected, type RowIssue, rejectedToCsv } from "./upload-model";

const FIRST = 100;

// Built on click: a list of 100,000 errors is too big to sit in a link's href.
function download(rejected: RowIssue[], fileName: string) {
  const url = URL.createObjectURL(new Blob([rejectedToCsv(rejected)], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `${fileName.replace(/\.[^.]+$/, "")}-rejected.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Every rejected row with what is wrong in it; long lists open in steps to stay responsive. */
export function RejectedRows({ rejected, fileName }: { rejected: RowIssue[]; fileName: string }) {
  const rows = useMemo(() => groupRejected(rejected), [rejected]);
  const [shown, setShown] = useState(FIRST);
  if (rows.length === 0) return null;
  const visible = rows.slice(0, shown);
  return (
    <section aria-labelledby="rejected-heading" className="rounded-card border border-breach/30 bg-breach-bg/40 p-3">
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h3 id="rejected-heading" className="text-sm font-semibold text-breach">
          <span aria-hidden="true">✕ </span>
          {formatCount(rows.length)} rejected {rows.length === 1 ? "row" : "rows"}
        </h3>
        <button
          type="button"
          onClick={() => download(rejected, fileName)}
          className="text-xs font-medium text-accent underline"
        >
          Download the list (CSV)
        </button>
      </div>
      <div className="relative max-h-80 overflow-auto rounded-md border border-border bg-surface">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">
            Rejected rows: row number as a spreadsheet shows it, the field and what is wrong
          </caption>
          <thead className="sticky top-0 bg-surface-2 text-xs text-muted">
            <tr>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Row
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Field
              </th>
              <th scope="col" className="px-3 py-1.5 font-medium">
                Problem
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => (
              <tr key={r.row} data-testid="preview-rejected" className="border-t border-border align-top">
                <th scope="row" className="px-3 py-1.5 font-mono text-xs font-medium">
                  {r.row}
                </th>
                <td className="px-3 py-1.5 font-mono text-xs">
                  {r.errors.map((e, i) => (
                    <div key={i}>{e.field}</div>
                  ))}
                </td>
                <td className="px-3 py-1.5">
                  {r.errors.map((e, i) => (
                    <div key={i}>{e.message}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > shown && (
        <div className="mt-2 flex flex-wrap items-center gap-3 text-xs text-muted">
          <span>
            Showing {formatCount(shown)} of {formatCount(rows.length)}.
          </span>
          <button type="button" className="font-medium text-accent underline" onClick={() => setShown((n) => n + 500)}>
            Show {formatCount(Math.min(500, rows.length - shown))} more
          </button>
          <button type="button" className="font-medium text-accent underline" onClick={() => setShown(rows.length)}>
            Show all
          </button>
        </div>
      )}
    </section>
  );
}
