import { PageHeader } from "../ui/page-header";
import { CardSkeleton } from "../ui/skeleton";

export function NotificationsHeader() {
  return (
    <PageHeader
      title="Notifications"
      description="Where alerts are sent (email, webhooks, Slack) and the log of every message: what arrived, what failed and why."
    />
  );
}

export const ChannelsSkeleton = () => <CardSkeleton height="h-64" label="Loading channels" />;
export const DeliveriesSkeleton = () => <CardSkeleton height="h-[32rem]" label="Loading the delivery log" />;
