import { FilterBarSkeleton, InboxSkeleton } from "@/components/alerts/inbox-skeleton";
import { PageHeader } from "@/components/ui/page-header";

export default function AlertsLoading() {
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Breaches of your limits, newest first. Acknowledge what you are handling; resolve what is dealt with."
      />
      <FilterBarSkeleton />
      <InboxSkeleton />
    </>
  );
}
