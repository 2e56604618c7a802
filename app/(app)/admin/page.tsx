import type { Metadata } from "next";
import { Suspense } from "react";
import {
  AdminHeader,
  AuditSkeleton,
  PortfoliosSkeleton,
  TokensSkeleton,
  UsersSkeleton,
} from "@/components/admin/admin-skeletons";
import { parseAuditState } from "@/components/admin/audit-params";
import { AuditSection } from "@/components/admin/audit-section";
import { PortfoliosSection } from "@/components/admin/portfolios-section";
import { TokensSection } from "@/components/admin/tokens-section";
import { UsersSection } from "@/components/admin/users-section";
import { SectionBoundary } from "@/components/ui/section-boundary";
import { requirePageActor } from "@/lib/http/page";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor("admin");
  const audit = parseAuditState(await searchParams);
  return (
    <>
      <AdminHeader />
      <div className="space-y-6">
        <SectionBoundary what="The users">
          <Suspense fallback={<UsersSkeleton />}>
            <UsersSection actorId={actor.id} />
          </Suspense>
        </SectionBoundary>
        <SectionBoundary what="The portfolios">
          <Suspense fallback={<PortfoliosSkeleton />}>
            <PortfoliosSection />
          </Suspense>
        </SectionBoundary>
        <SectionBoundary what="The API tokens">
          <Suspense fallback={<TokensSkeleton />}>
            <TokensSection actorId={actor.id} />
          </Suspense>
        </SectionBoundary>
        <SectionBoundary what="The audit log">
          <Suspense fallback={<AuditSkeleton />}>
            <AuditSection state={audit} />
          </Suspense>
        </SectionBoundary>
      </div>
    </>
  );
}
