"use client";

import { Button } from "./button";

/** What an error boundary shows for one section: what failed, and a retry. */
export function SectionError({
  error,
  reset,
  what = "This section",
}: {
  error: Error & { digest?: string };
  reset: () => void;
  what?: string;
}) {
  return (
    <div role="alert" className="rounded-card border border-breach/40 bg-breach-bg p-4 text-sm">
      <p className="font-medium text-breach">{what} could not be loaded.</p>
      <p className="mt-1 text-muted">
        {error.digest ? `Reference ${error.digest}. ` : ""}Try again; if it keeps failing, check the server log.
      </p>
      <Button className="mt-3" onClick={reset}>
        Retry
      </Button>
    </div>
  );
}
