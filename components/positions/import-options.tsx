"use client";

import { Button } from "@/components/ui/button";
import { formatCount } from "@/lib/display/format";
import { type ImportMode, importBlockReason } from "./upload-model";

interface Props {
  mode: ImportMode;
  validOnly: boolean;
  counts: { valid: number; rejectedRows: number; stored: number };
  busy: boolean;
  onMode: (mode: ImportMode) => void;
  onValidOnly: (value: boolean) => void;
  onImport: () => void;
  onDiscard: () => void;
}

const radio = "mt-0.5 h-4 w-4 accent-[var(--color-accent)]";

/** Replace or upsert, whether to skip rejected rows, and the import button (with why it is off). */
export function ImportOptions({ mode, validOnly, counts, busy, onMode, onValidOnly, onImport, onDiscard }: Props) {
  const blocked = importBlockReason(counts, validOnly);
  return (
    <div className="space-y-3">
      <fieldset data-testid="import-mode" className="space-y-2" disabled={busy}>
        <legend className="mb-1 text-sm font-semibold text-text">How to import</legend>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="import-mode"
            value="replace"
            checked={mode === "replace"}
            onChange={() => onMode("replace")}
            className={radio}
          />
          <span>
            <span className="font-medium">Replace</span> — the file becomes the whole book
            {counts.stored > 0 && (
              <span className="text-muted"> (the {formatCount(counts.stored)} positions stored now are removed)</span>
            )}
          </span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="import-mode"
            value="upsert"
            checked={mode === "upsert"}
            onChange={() => onMode("upsert")}
            className={radio}
          />
          <span>
            <span className="font-medium">Upsert</span> — add new positions and update those with the same{" "}
            <code className="text-xs">position_id</code>; keep the rest
            <span className="text-muted"> (every row needs a position_id)</span>
          </span>
        </label>
        {counts.rejectedRows > 0 && (
          <label className="flex items-start gap-2 rounded-md border border-near/30 bg-near-bg px-2 py-1.5 text-sm">
            <input
              type="checkbox"
              name="valid-only"
              checked={validOnly}
              onChange={(e) => onValidOnly(e.currentTarget.checked)}
              className={radio}
            />
            <span>
              <span className="font-medium">Import valid rows only</span> — skip the {formatCount(counts.rejectedRows)}{" "}
              rejected {counts.rejectedRows === 1 ? "row" : "rows"}; they stay listed in the import history
            </span>
          </label>
        )}
      </fieldset>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="primary"
          data-testid="import-button"
          disabled={busy || blocked !== null}
          aria-describedby={blocked ? "import-blocked" : undefined}
          onClick={onImport}
        >
          Import {formatCount(counts.valid)} {counts.valid === 1 ? "position" : "positions"}
        </Button>
        <Button onClick={onDiscard} disabled={busy}>
          Choose another file
        </Button>
      </div>
      {blocked && (
        <p id="import-blocked" className="text-sm text-near">
          <span aria-hidden="true">▲ </span>
          {blocked}
        </p>
      )}
    </div>
  );
}
