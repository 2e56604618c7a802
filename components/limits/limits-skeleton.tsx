import { PageHeader } from "../ui/page-header";
import { CardSkeleton } from "../ui/skeleton";

export function LimitsHeader() {
  return (
    <PageHeader
      title="Limits"
      description="Concentration limits, checked on every run: a maximum is breached strictly above it, a minimum strictly below."
    />
  );
}

export function LimitsManagerSkeleton() {
  return (
    <div className="space-y-4">
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <CardSkeleton height="h-72" label="Loading the limit form" />
        </div>
        <CardSkeleton height="h-72" label="Loading presets" />
      </div>
      <CardSkeleton height="h-64" label="Loading limits" />
    </div>
  );
}

export function UtilizationSkeleton() {
  return <CardSkeleton height="h-80" label="Loading utilisation" />;
}
