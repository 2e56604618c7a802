import type { ReactNode } from "react";

/**
 * One section of the report. On paper each section after the first starts a new page, and the
 * section's heading never ends a page on its own.
 */
export function ReportSection({
  id,
  title,
  description,
  first = false,
  children,
}: {
  id: string;
  /** The first section shares the first page with the report's header. */
  first?: boolean;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      data-testid={`report-${id}`}
      className={`mb-8 ${first ? "" : "print:break-before-page"}`}
    >
      <h2 id={`${id}-heading`} className="break-after-avoid text-lg font-semibold">
        {title}
      </h2>
      {description && <p className="mt-1 mb-3 text-sm text-muted">{description}</p>}
      <div className={description ? "" : "mt-3"}>{children}</div>
    </section>
  );
}
