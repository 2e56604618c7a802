import type { Metadata } from "next";
import { Suspense } from "react";
import { ChannelsSection } from "@/components/notifications/channels-section";
import { DeliveriesSection } from "@/components/notifications/deliveries-section";
import { parseDeliveryFilter } from "@/components/notifications/delivery-params";
import { ChannelsSkeleton, DeliveriesSkeleton, NotificationsHeader } from "@/components/notifications/notify-skeletons";
import { SectionBoundary } from "@/components/ui/section-boundary";
import { requirePageActor } from "@/lib/http/page";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageActor("admin");
  const filter = parseDeliveryFilter(await searchParams);
  return (
    <>
      <NotificationsHeader />
      <div className="space-y-6">
        <SectionBoundary what="The channels">
          <Suspense fallback={<ChannelsSkeleton />}>
            <ChannelsSection />
          </Suspense>
        </SectionBoundary>
        <SectionBoundary what="The delivery log">
          <Suspense fallback={<DeliveriesSkeleton />}>
            <DeliveriesSection filter={filter} />
          </Suspense>
        </SectionBoundary>
      </div>
    </>
  );
}
