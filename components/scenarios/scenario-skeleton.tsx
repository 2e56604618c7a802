import { PageHeader } from "../ui/page-header";
import { CardSkeleton } from "../ui/skeleton";

export function ScenariosHeader() {
  return (
    <PageHeader
      title="Scenarios"
      description="What if we bought, sold or revalued positions, or values moved? Checked against today's book and active limits as you edit. A manager can save a scenario to share it by link, and commit it to the book."
    />
  );
}

export function ScenarioBuilderSkeleton() {
  return (
    <div className="grid gap-4 lg:grid-cols-12">
      <div className="space-y-4 lg:col-span-5">
        <CardSkeleton height="h-[34rem]" label="Loading the scenario forms" />
        <CardSkeleton height="h-40" label="Loading the scenario" />
      </div>
      <div className="lg:col-span-7">
        <CardSkeleton height="h-40" label="Loading the result" />
      </div>
    </div>
  );
}
