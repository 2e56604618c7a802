import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { CrossTabSection } from "@/components/exposures/crosstab-section";
import { DimensionTabs } from "@/components/exposures/dimension-tabs";
import { ExposureSections } from "@/components/exposures/exposure-sections";
import { CrossTabSkeleton, ExposureSectionsSkeleton } from "@/components/exposures/exposure-skeletons";
import { parseBasis, parseCrossTabAxes, parseSort, type SearchParams } from "@/components/exposures/url-state";
import { PageHeader } from "@/components/ui/page-header";
import { SectionBoundary } from "@/components/ui/section-boundary";
import { DIMENSION_LABELS, isDimension } from "@/lib/display/labels";
import { pageContext } from "@/lib/http/page";
import { listLimits } from "@/lib/services/limits";
import { findRun } from "@/lib/services/runs";
import { capacitySnapshot } from "@/lib/services/scenarios";

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
  const [query, ctx] = await Promise.all([searchParams, pageContext()]);
  const axes = parseCrossTabAxes(dimension, query);
  // Started here, awaited inside the section's Suspense boundary: the header streams at once.
  const data = Promise.all([findRun(ctx), listLimits(ctx), capacitySnapshot(ctx, dimension)]).then(
    ([run, { items: limits }, capacity]) => (run ? { run, limits, capacity: capacity.value.items } : null),
  );

  return (
    <>
      <PageHeader
        title="Exposures"
        description="Where the portfolio's value sits, from the latest run, against the active limits."
      />
      <DimensionTabs active={dimension} />
      <SectionBoundary what="The exposures">
        <Suspense key={dimension} fallback={<ExposureSectionsSkeleton withMap={dimension === "state"} />}>
          <ExposureSections
            dimension={dimension}
            basis={parseBasis(query)}
            portfolio={ctx.portfolio.slug}
            data={data}
            sort={parseSort(query)}
            params={query}
          />
        </Suspense>
      </SectionBoundary>
      <div className="mt-4">
        <SectionBoundary what="The cross-tab">
          <Suspense key={`${axes.rows}:${axes.cols}`} fallback={<CrossTabSkeleton />}>
            <CrossTabSection dimension={dimension} axes={axes} params={query} ctx={ctx} />
          </Suspense>
        </SectionBoundary>
      </div>
    </>
  );
}
