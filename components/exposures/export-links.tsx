import { buttonClass } from "@/components/ui/button";
import type { Basis } from "@/lib/engine/types";

const FORMATS = [
  { format: "csv", label: "CSV" },
  { format: "json", label: "JSON" },
  { format: "xlsx", label: "XLSX" },
] as const;

/** Downloads of the run's exposures (every dimension, exact values) from the REST API. */
export function ExportLinks({
  runId,
  portfolio,
  basis = "value",
}: {
  runId: string;
  portfolio: string;
  basis?: Basis;
}) {
  const query = (format: string) =>
    new URLSearchParams({ format, runId, portfolio, ...(basis === "value" ? {} : { basis }) }).toString();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of download links, not of form controls, so not a fieldset.
    <div role="group" aria-label="Export exposures" className="flex items-center gap-1.5">
      <span className="text-xs text-muted">Export</span>
      {FORMATS.map(({ format, label }) => (
        <a
          key={format}
          href={`/api/exports/exposures?${query(format)}`}
          download
          data-testid={`export-exposures-${format}`}
          aria-label={`Export exposures as ${label}`}
          className={buttonClass("secondary", "px-2 py-1 text-xs")}
        >
          {label}
        </a>
      ))}
    </div>
  );
}
