import type { Metadata } from "next";
import { SubscriptionForm } from "@/components/profile/subscription-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/http/page";
import { listPortfolios } from "@/lib/services/portfolios";
import { canSendEmail, getSubscription } from "@/lib/services/subscriptions";

export const metadata: Metadata = { title: "Profile" };

/** The signed-in user's own page: who they are, and the email notifications they want. */
export default async function ProfilePage() {
  const actor = await requirePageActor("viewer");
  const own = actor.via === "session" || actor.via === "token";
  const [subscription, portfolios] = own ? await Promise.all([getSubscription({ actor }), listPortfolios()]) : [];
  return (
    <>
      <PageHeader title="Profile" description={`${actor.name} · ${actor.email} · ${actor.role}`} />
      <Card title="Email notifications">
        {subscription && portfolios ? (
          <>
            <p className="mb-3 text-sm text-muted">
              Email goes to your sign-in address, {subscription.email}. Hours are UTC.
              {!canSendEmail() && " This server cannot send email yet (AKER_SMTP_URL is not set): you can choose now."}
            </p>
            <SubscriptionForm initial={subscription} portfolios={portfolios} />
          </>
        ) : (
          <p className="text-sm text-muted">Notifications are per user: sign in to choose yours.</p>
        )}
      </Card>
    </>
  );
}
