import { CardSkeleton } from "@/components/ui/skeleton";

export function FirmSkeleton() {
  return (
    <div className="space-y-4" role="status" aria-label="Loading the firm's exposures">
      <CardSkeleton height="h-56" label="Loading funds" />
      <CardSkeleton height="h-96" label="Loading table" />
    </div>
  );
}
