import { ReportSkeleton } from "@/components/report/report-skeleton";

export default function ReportLoading() {
  return <ReportSkeleton />;
}
