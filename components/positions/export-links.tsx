const FORMATS = [
  { format: "csv", label: "CSV" },
  { format: "json", label: "JSON" },
  { format: "xlsx", label: "XLSX" },
] as const;

/** Downloads of the whole stored book, in the import columns (re-importable). */
export function ExportLinks({ portfolio }: { portfolio: string }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of download links, not of form controls, so not a fieldset.
    <div className="flex flex-wrap items-center gap-1 text-sm" role="group" aria-label="Export all positions">
      <span className="text-muted">Export all:</span>
      {FORMATS.map(({ format, label }) => (
        <a
          key={format}
          href={`/api/positions/export?format=${format}&portfolio=${encodeURIComponent(portfolio)}`}
          download
          data-testid={`export-positions-${format}`}
          className="rounded-md border border-border px-2 py-0.5 font-medium text-accent hover:bg-surface-2"
        >
          {label}
        </a>
      ))}
    </div>
  );
}
