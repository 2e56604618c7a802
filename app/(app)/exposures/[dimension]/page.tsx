import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { CrossTabSection } from "@/components/exposures/crosstab-section";
import { DimensionTabs } from "@/components/exposures/dimension-tabs";
import { CrossTabSkeleton, ExposureSectionsSkeleton } from "@/components/exposures/exposure-skeletons";
import { ExposureSections } from "@/components/exposures/exposure-sections";
import { parseCrossTabAxes, parseSort, type SearchParams } from "@/components/exposures/url-state";
import { SectionBoundary } from "@/components/ui/section-boundary";
import { currentPortfolio } from "@/components/portfolio";
import { PageHeader } from "@/components/ui/page-header";
import { DIMENSION_LABELS, isDimension } from "@/lib/dimensions";

interface Props {
  params: Promise<{ dimension: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dimension } = await params;
  return { title: isDimension(dimension) ? `${DIMENSION_LABELS[dimension]} exposures` : "Exposures" };
}

export default async function ExposuresPage({ params, searchParams }: Props) {
  const { dimension } = await params;
  if (!isDimension(dimension)) notFound();
  const [query, portfolio] = await Promise.all([searchParams, currentPortfolio()]);
  const axes = parseCrossTabAxes(dimension, query);

  return (
    <>
      <PageHeader title="Exposures" description="Where the portfolio's value sits, from the latest run, against the active limits." />
      <DimensionTabs active={dimension} />
      <SectionBoundary what="The exposures">
        <Suspense key={dimension} fallback={<ExposureSectionsSkeleton withMap={dimension === "state"} />}>
          <ExposureSections dimension={dimension} portfolio={portfolio} sort={parseSort(query)} params={query} />
        </Suspense>
      </SectionBoundary>
      <div className="mt-4">
        <SectionBoundary what="The cross-tab">
          <Suspense key={`${axes.rows}:${axes.cols}`} fallback={<CrossTabSkeleton />}>
            <CrossTabSection dimension={dimension} axes={axes} params={query} portfolio={portfolio} />
          </Suspense>
        </SectionBoundary>
      </div>
    </>
  );
}
