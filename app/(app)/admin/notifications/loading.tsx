import { ChannelsSkeleton, DeliveriesSkeleton, NotificationsHeader } from "@/components/notifications/notify-skeletons";

export default function NotificationsLoading() {
  return (
    <>
      <NotificationsHeader />
      <div className="space-y-6">
        <ChannelsSkeleton />
        <DeliveriesSkeleton />
      </div>
    </>
  );
}
