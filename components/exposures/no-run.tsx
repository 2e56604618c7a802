import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/** A portfolio without an exposure run yet: nothing to show but the way to get one. */
export function NoRun() {
  return (
    <div
      data-testid="exposures-empty"
      className="rounded-card border border-dashed border-border bg-surface p-8 text-center"
    >
      <h2 className="text-lg font-semibold">No exposures yet</h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-muted">
        Exposures come from a run over the positions. Load positions (or the sample portfolio) and compute a run on the
        overview.
      </p>
      <div className="mt-4 flex justify-center gap-2">
        <Link href="/" className={buttonClass("primary")}>
          Go to the overview
        </Link>
        <Link href="/positions" className={buttonClass("secondary")}>
          Upload positions
        </Link>
      </div>
    </div>
  );
}
