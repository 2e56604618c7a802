"use client";

import { useId, useState } from "react";
import { POSITION_COLUMNS, type PositionColumn } from "@/lib/engine/normalize";
import { select } from "./file-reading";
import { COLUMN_SOURCE_LABELS, columnsNeedReview, type FileColumn, unmappedRequired } from "./upload-model";

const IGNORE = "";

interface Props {
  /** Every column of the file, as the server resolved it. */
  columns: readonly FileColumn[];
  busy: boolean;
  /** Read the file again with `header` taken as `column` (null: ignored). */
  onColumn: (header: string, column: PositionColumn | null) => void;
}

function summary(columns: readonly FileColumn[]): string {
  const used = columns.filter((c) => c.column !== null).length;
  return `${used} of ${columns.length} ${columns.length === 1 ? "column" : "columns"} imported`;
}

/**
 * Each column of the file beside a select of our columns, as the server read it: by its name, a
 * synonym, a remembered choice or the user's. Open at once when the value column is missing or a
 * column was guessed or remembered; a change reads the file again, and the import sends it.
 */
export function ColumnMapping({ columns, busy, onColumn }: Props) {
  const id = useId();
  const [open, setOpen] = useState(() => columnsNeedReview(columns));
  const missing = unmappedRequired(columns);
  return (
    <details
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
      className="rounded-md border border-border text-sm"
      data-testid="column-mapping"
    >
      <summary className="cursor-pointer px-3 py-2 font-medium text-text">
        Columns <span className="font-normal text-muted">— {summary(columns)}</span>
      </summary>
      <div className="space-y-2 border-t border-border px-3 py-2">
        {missing && (
          <p className="text-near" data-testid="column-missing">
            <span aria-hidden="true">▲ </span>
            <code className="text-xs">{missing}</code> is not mapped: choose the file column that holds each position's
            value.
          </p>
        )}
        <p className="text-xs text-muted">
          Your choices are remembered for this portfolio's next upload once the file is imported.
        </p>
        <table className="w-full text-left">
          <thead className="text-xs text-muted">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                File column
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Imported as
              </th>
              <th scope="col" className="py-1 font-medium">
                Why
              </th>
            </tr>
          </thead>
          <tbody>
            {columns.map((c, i) => {
              const headerId = `${id}-header-${i}`;
              return (
                <tr key={`${c.header}-${i}`} className="border-t border-border" data-testid="column-row">
                  <th scope="row" id={headerId} className="py-1 pr-3 font-normal">
                    <code className="rounded bg-surface-2 px-1 text-xs text-text">{c.header}</code>
                  </th>
                  <td className="py-1 pr-3">
                    <select
                      className={select}
                      aria-labelledby={headerId}
                      value={c.column ?? IGNORE}
                      disabled={busy}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        onColumn(c.header, value === IGNORE ? null : (value as PositionColumn));
                      }}
                    >
                      <option value={IGNORE}>Ignore</option>
                      {POSITION_COLUMNS.map((column) => (
                        <option key={column} value={column}>
                          {column}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="py-1 text-xs text-muted">
                    {c.source ? COLUMN_SOURCE_LABELS[c.source] : "not recognised"}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
