"use client";

import { Button } from "@/components/ui/button";
import { ColumnMapping } from "./column-mapping";
import { DropZone } from "./drop-zone";
import { FileReading } from "./file-reading";
import { ImportOptions } from "./import-options";
import { ImportOutcomeNotice } from "./import-outcome";
import { PreviewSummary } from "./preview-summary";
import { ProgressBar } from "./progress-bar";
import { RejectedRows } from "./rejected-rows";
import { isTextFile, processingLabel, uploadLabel } from "./upload-model";
import { type Busy, useImportFlow } from "./use-import-flow";

function statusText(
  busy: Busy | null,
  fileName: string,
  checked: { valid: number; rejectedRows: number } | null,
): string {
  if (!busy)
    return checked
      ? `Checked ${fileName}: ${checked.valid} valid, ${checked.rejectedRows} rejected rows. Nothing stored yet.`
      : "";
  if (busy.phase === "upload") return `${busy.step === "preview" ? "Uploading" : "Sending"} ${fileName}…`;
  return processingLabel(busy.step, busy.rows);
}

function Progress({ busy, fileName, onCancel }: { busy: Busy; fileName: string; onCancel: () => void }) {
  return (
    <div className="space-y-3 rounded-card border border-border bg-surface-2/40 p-3" data-testid="upload-progress">
      <ProgressBar
        label={busy.phase === "upload" ? uploadLabel(busy.step, fileName, busy.pct) : `Uploaded ${fileName}`}
        value={busy.pct}
        testId="upload-progressbar"
      />
      {busy.phase === "process" && (
        <ProgressBar label={processingLabel(busy.step, busy.rows)} testId="processing-progressbar" />
      )}
      {busy.cancellable && (
        <Button onClick={onCancel} className="text-xs">
          Cancel
        </Button>
      )}
    </div>
  );
}

/** Upload → check (nothing stored) → choose how → import → recompute exposures. */
export function UploadPanel({ portfolio }: { portfolio: string }) {
  const flow = useImportFlow(portfolio);
  const { busy, preview, file, error, outcome } = flow;
  const fileName = file?.name ?? "the file";
  return (
    <div className="space-y-4">
      <DropZone onFile={(f) => void flow.choose(f)} disabled={busy !== null} />
      {busy && !preview && <Progress busy={busy} fileName={fileName} onCancel={flow.cancel} />}
      <p role="status" aria-live="polite" className="sr-only">
        {statusText(busy, fileName, preview)}
      </p>
      {error && (
        <div
          role="alert"
          className="space-y-1 rounded-card border border-breach/40 bg-breach-bg p-3 text-sm"
          data-testid="upload-error"
        >
          <p className="font-medium text-breach">
            <span aria-hidden="true">✕ </span>
            {error.message}
          </p>
          {error.details.length > 0 && (
            <ul className="list-inside list-disc text-muted">
              {error.details.slice(0, 20).map((d, i) => (
                <li key={i}>{d.row ? `Row ${d.row}, ${d.field}: ${d.message}` : `${d.field}: ${d.message}`}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && !preview && file && isTextFile(file.name) && (
        <FileReading interpretation={null} choice={flow.reading} busy={busy !== null} onRead={flow.setReading} />
      )}
      {error?.columns && !preview && file && (
        <ColumnMapping columns={error.columns} busy={busy !== null} onColumn={flow.setColumn} />
      )}
      {outcome && <ImportOutcomeNotice outcome={outcome} onAgain={flow.reset} />}
      {preview && file && (
        <div className="space-y-4" aria-busy={busy !== null}>
          <PreviewSummary
            preview={preview}
            file={file}
            reading={
              <>
                <FileReading
                  key={preview.interpretation.description}
                  interpretation={preview.interpretation}
                  choice={flow.reading}
                  busy={busy !== null}
                  onRead={flow.setReading}
                />
                <ColumnMapping columns={preview.columns} busy={busy !== null} onColumn={flow.setColumn} />
              </>
            }
          />
          <RejectedRows rejected={preview.rejected} fileName={file.name} />
          <ImportOptions
            mode={flow.mode}
            validOnly={flow.validOnly}
            counts={preview}
            busy={busy !== null}
            onMode={flow.setMode}
            onValidOnly={flow.setValidOnly}
            onImport={() => void flow.runImport()}
            onDiscard={flow.reset}
          />
          {busy && <Progress busy={busy} fileName={fileName} onCancel={flow.cancel} />}
        </div>
      )}
    </div>
  );
}
