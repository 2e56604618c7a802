import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { DimensionTabs } from "@/components/exposures/dimension-tabs";
import { FirmSections } from "@/components/firm/firm-sections";
import { FirmSkeleton } from "@/components/firm/firm-skeleton";
import { PageHeader } from "@/components/ui/page-header";
import { SectionBoundary } from "@/components/ui/section-boundary";
import { DIMENSION_LABELS, isDimension } from "@/lib/display/labels";
import { requirePageActor } from "@/lib/http/page";
import { getFirmExposures } from "@/lib/services/firm";

interface Props {
  params: Promise<{ dimension: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { dimension } = await params;
  return { title: isDimension(dimension) ? `Firm: ${DIMENSION_LABELS[dimension]}` : "Firm" };
}

export default async function FirmPage({ params }: Props) {
  const { dimension } = await params;
  if (!isDimension(dimension)) notFound();
  const actor = await requirePageActor("viewer");
  // Started here, awaited inside the section's Suspense boundary: the header streams at once.
  const view = getFirmExposures({ actor });
  return (
    <>
      <PageHeader
        title="Firm"
        description="Every active portfolio's latest run added up: where the firm's value sits and which funds hold it. Read-only: limits and alerts stay with each portfolio."
      />
      <DimensionTabs active={dimension} base="/firm" />
      <SectionBoundary what="The firm's exposures">
        <Suspense key={dimension} fallback={<FirmSkeleton />}>
          <FirmSections dimension={dimension} view={view} />
        </Suspense>
      </SectionBoundary>
    </>
  );
}
