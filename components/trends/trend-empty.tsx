import Link from "next/link";
import { Card } from "../ui/card";

export function TrendEmpty({ runCount }: { runCount: number }) {
  return (
    <Card>
      <div data-testid="trends-empty" className="py-10 text-center">
        <h2 className="text-lg font-semibold">Not enough history yet</h2>
        <p className="mx-auto mt-2 max-w-prose text-sm text-muted">
          A trend needs exposure runs on at least two as-of dates; this portfolio has {runCount === 0 ? "none" : "one"}.
          Recompute on another as-of date from the overview, or load the sample portfolio, which comes with a year of
          monthly history.
        </p>
        <div className="mt-4 flex justify-center gap-3 text-sm">
          <Link href="/" className="font-medium text-accent underline">
            Go to the overview
          </Link>
          <Link href="/positions" className="font-medium text-accent underline">
            Upload positions
          </Link>
        </div>
      </div>
    </Card>
  );
}
