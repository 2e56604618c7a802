import { PageHeader } from "../ui/page-header";
import { CardSkeleton } from "../ui/skeleton";

export function AdminHeader() {
  return (
    <PageHeader
      title="Admin"
      description="Who may sign in and with which role, the portfolios, API tokens for scripts, and the audit log of every change."
    />
  );
}

export const UsersSkeleton = () => <CardSkeleton height="h-96" label="Loading users" />;
export const PortfoliosSkeleton = () => <CardSkeleton height="h-80" label="Loading portfolios" />;
export const TokensSkeleton = () => <CardSkeleton height="h-96" label="Loading API tokens" />;
export const AuditSkeleton = () => <CardSkeleton height="h-[32rem]" label="Loading the audit log" />;

export function AdminSkeleton() {
  return (
    <div className="space-y-6">
      <UsersSkeleton />
      <PortfoliosSkeleton />
      <TokensSkeleton />
      <AuditSkeleton />
    </div>
  );
}
