import type { ReactNode } from "react";
import { formatCount } from "@/lib/display/format";
import type { ImportPreview } from "@/lib/services/positions-import";
import { POSITION_HEADERS, POSITION_TABLE_CELLS, PositionCells } from "./position-cells";
import { formatBytes } from "./upload-model";

function Figure({ label, value, tone = "" }: { label: string; value: string; tone?: string }) {
  return (
    <div className="rounded-md border border-border bg-surface-2/60 px-3 py-2">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${tone}`}>{value}</dd>
    </div>
  );
}

/** Counts and the first rows as they would be stored; `reading` says how the file was read. */
export function PreviewSummary({
  preview,
  file,
  reading,
}: {
  preview: ImportPreview;
  file: { name: string; size: number };
  reading?: ReactNode;
}) {
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted">
        <span className="font-medium text-text">{file.name}</span> ({formatBytes(file.size)}) — checked, nothing stored
        yet.
      </p>
      {reading}
      <dl className="grid grid-cols-2 gap-2 sm:grid-cols-4" data-testid="preview-counts">
        <Figure label="Rows received" value={formatCount(preview.received)} />
        <Figure label="Valid" value={formatCount(preview.valid)} tone="text-within" />
        <Figure
          label="Rejected"
          value={formatCount(preview.rejectedRows)}
          tone={preview.rejectedRows ? "text-breach" : ""}
        />
        <Figure label="Stored now" value={formatCount(preview.stored)} />
      </dl>
      {preview.ignoredColumns.length > 0 && (
        <p className="text-sm text-muted">
          Ignored columns (not import columns):{" "}
          {preview.ignoredColumns.map((c, i) => (
            <span key={`${c}-${i}`}>
              {i > 0 && ", "}
              <code className="rounded bg-surface-2 px-1 text-xs text-text">{c || "(blank)"}</code>
            </span>
          ))}
        </p>
      )}
      {preview.sample.length > 0 && (
        <div className="relative overflow-x-auto rounded-md border border-border">
          <table
            className={`w-full text-left text-sm tabular-nums ${POSITION_TABLE_CELLS}`}
            data-testid="preview-sample"
          >
            <caption className="px-3 py-2 text-left text-xs font-medium text-muted">
              First {preview.sample.length} valid {preview.sample.length === 1 ? "row" : "rows"}, as they will be stored
            </caption>
            <thead className="bg-surface-2 text-xs text-muted">
              <tr>
                <th scope="col" className="px-3 py-1.5 font-medium">
                  Row
                </th>
                {POSITION_HEADERS.map((h) => (
                  <th
                    key={h.key}
                    scope="col"
                    className={`whitespace-nowrap px-3 py-1.5 font-medium ${"numeric" in h ? "text-right" : ""}`}
                  >
                    {h.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.sample.map((p) => (
                <tr key={p.row} className="border-t border-border">
                  <th scope="row" className="px-3 py-1.5 font-mono text-xs font-medium text-muted">
                    {p.row}
                  </th>
                  <PositionCells p={p} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
