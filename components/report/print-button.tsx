"use client";

import { Button } from "../ui/button";

/** The browser's print dialog, where "Save as PDF" is one of the printers. */
export function PrintButton() {
  return (
    <Button variant="primary" onClick={() => window.print()} data-testid="report-print">
      Print / Save as PDF
    </Button>
  );
}
