import Link from "next/link";
import { hasRole, type Role } from "@/lib/auth/roles";
import { formatCount } from "@/lib/display/format";
import { buildSampleBook, sampleBookAt } from "@/lib/reference/sample-book";
import { buttonClass } from "../ui/button";
import { Card } from "../ui/card";
import { NeedsRole } from "../ui/needs-role";
import { LoadSampleButton } from "./load-sample-button";
import { RecomputeForm } from "./recompute-form";

/** A new install (no positions) or positions without a run yet: say what to do next. */
export function EmptyOverview({
  storedPositions,
  today,
  role,
}: {
  storedPositions: number;
  today: string;
  role: Role;
}) {
  const canManage = hasRole(role, "manager");
  const sample = sampleBookAt(buildSampleBook(), 0);
  const count = (values: Array<string | null>) => new Set(values.filter((v) => v !== null)).size;
  return (
    <Card className="max-w-2xl" title={storedPositions > 0 ? "No exposures computed yet" : "No positions yet"}>
      <div data-testid="overview-empty" className="space-y-4 text-sm">
        <p className="text-muted">
          {storedPositions > 0
            ? `${formatCount(storedPositions)} positions are stored; compute their exposures to see the dials and alerts.`
            : "Upload a CSV of your positions to see where the money is concentrated, or explore with the sample portfolio."}
        </p>
        {canManage ? (
          <>
            {storedPositions > 0 && <RecomputeForm today={today} />}
            <div className="flex flex-wrap items-start gap-3">
              <Link href="/positions" className={buttonClass("secondary")}>
                Upload positions (CSV, JSON, XLSX)
              </Link>
              <LoadSampleButton replaces={storedPositions} />
            </div>
          </>
        ) : (
          <NeedsRole
            what="Uploading positions, loading the sample and computing exposures"
            need="manager"
            role={role}
          />
        )}
        <p className="text-xs text-muted">
          The sample: {formatCount(sample.length)} multifamily positions in {count(sample.map((p) => p.state))} states
          and {count(sample.map((p) => p.msaId))} metro areas, with a year of monthly history and a few starter limits.
        </p>
      </div>
    </Card>
  );
}
