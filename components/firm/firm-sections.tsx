import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { Dimension } from "@/lib/engine/types";
import type { FirmView } from "@/lib/services/firm";
import { FirmTable } from "./firm-table";
import { FundsCard } from "./funds-card";

export async function FirmSections({ dimension, view }: { dimension: Dimension; view: Promise<FirmView> }) {
  const firm = await view;
  const counted = firm.funds.some((f) => f.runId !== null);
  return (
    <div className="space-y-4">
      <FundsCard view={firm} />
      {counted ? (
        <FirmTable dimension={dimension} rows={firm.exposures.filter((e) => e.dimensionType === dimension)} />
      ) : (
        <div
          data-testid="firm-empty"
          className="rounded-card border border-dashed border-border bg-surface p-8 text-center"
        >
          <h2 className="text-lg font-semibold">No fund has a run yet</h2>
          <p className="mx-auto mt-2 max-w-md text-sm text-muted">
            The firm view adds up each active portfolio&apos;s latest run. Load positions into a portfolio and compute a
            run on its overview.
          </p>
          <div className="mt-4 flex justify-center">
            <Link href="/" className={buttonClass("primary")}>
              Go to the overview
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}
