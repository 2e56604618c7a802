import type { Metadata } from "next";
import { Suspense } from "react";
import { ReportSkeleton } from "@/components/report/report-skeleton";
import { ReportView } from "@/components/report/report-view";
import { pageContext } from "@/lib/http/page";

export async function generateMetadata(): Promise<Metadata> {
  // The title is the file name the browser suggests for "Save as PDF".
  return { title: `Report · ${(await pageContext()).portfolio.name}` };
}

export default async function ReportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [params, ctx] = await Promise.all([searchParams, pageContext()]);
  const asOf = typeof params.asOf === "string" && params.asOf !== "" ? params.asOf : undefined;
  return (
    <Suspense key={asOf ?? "latest"} fallback={<ReportSkeleton />}>
      <ReportView ctx={ctx} asOf={asOf} />
    </Suspense>
  );
}
