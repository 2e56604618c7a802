import type { Metadata } from "next";
import { Suspense } from "react";
import { ImportHistory } from "@/components/positions/import-history";
import { PositionsTable } from "@/components/positions/positions-table";
import { ImportHistorySkeleton, PositionsTableSkeleton } from "@/components/positions/skeletons";
import { parseTableState } from "@/components/positions/table-params";
import { UploadPanel } from "@/components/positions/upload-panel";
import { Card } from "@/components/ui/card";
import { NeedsRole } from "@/components/ui/needs-role";
import { PageHeader } from "@/components/ui/page-header";
import { SectionBoundary } from "@/components/ui/section-boundary";
import { hasRole } from "@/lib/auth/roles";
import { pageContext } from "@/lib/http/page";

export const metadata: Metadata = { title: "Positions" };

export default async function PositionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [ctx, params] = await Promise.all([pageContext(), searchParams]);
  const portfolio = ctx.portfolio.slug;
  const state = parseTableState(params);
  return (
    <>
      <PageHeader
        title="Positions"
        description="Load the book, check it before it is stored, and browse what is stored."
        actions={
          <a
            href="/positions-template.csv"
            download
            className="text-sm font-medium text-accent underline"
            data-testid="template-download"
          >
            Download the CSV template
          </a>
        }
      />
      <div className="space-y-6">
        <Card title="Upload positions">
          {hasRole(ctx.actor.role, "manager") ? (
            <UploadPanel portfolio={portfolio} />
          ) : (
            <NeedsRole what="Uploading positions" need="manager" role={ctx.actor.role} />
          )}
        </Card>
        <SectionBoundary what="The positions table">
          <Suspense fallback={<PositionsTableSkeleton />}>
            <PositionsTable ctx={ctx} state={state} />
          </Suspense>
        </SectionBoundary>
        <SectionBoundary what="The import history">
          <Suspense fallback={<ImportHistorySkeleton />}>
            <ImportHistory ctx={ctx} />
          </Suspense>
        </SectionBoundary>
      </div>
    </>
  );
}
