import type { Metadata } from "next";
import { Suspense } from "react";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { currentPortfolio } from "@/components/portfolio";
import { ImportHistory } from "@/components/positions/import-history";
import { PositionsTable } from "@/components/positions/positions-table";
import { SectionBoundary } from "@/components/ui/section-boundary";
import { ImportHistorySkeleton, PositionsTableSkeleton } from "@/components/positions/skeletons";
import { parseTableState } from "@/components/positions/table-params";
import { UploadPanel } from "@/components/positions/upload-panel";

export const metadata: Metadata = { title: "Positions" };

export default async function PositionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [portfolio, params] = await Promise.all([currentPortfolio(), searchParams]);
  const state = parseTableState(params);
  return (
    <>
      <PageHeader
        title="Positions"
        description="Load the book, check it before it is stored, and browse what is stored."
        actions={
          <a href="/positions-template.csv" download className="text-sm font-medium text-accent underline" data-testid="template-download">
            Download the CSV template
          </a>
        }
      />
      <div className="space-y-6">
        <Card title="Upload positions">
          <UploadPanel portfolio={portfolio} />
        </Card>
        <SectionBoundary what="The positions table">
          <Suspense fallback={<PositionsTableSkeleton />}>
            <PositionsTable portfolio={portfolio} state={state} />
          </Suspense>
        </SectionBoundary>
        <SectionBoundary what="The import history">
          <Suspense fallback={<ImportHistorySkeleton />}>
            <ImportHistory portfolio={portfolio} />
          </Suspense>
        </SectionBoundary>
      </div>
    </>
  );
}
