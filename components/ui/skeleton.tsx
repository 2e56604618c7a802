export function Skeleton({ className = "" }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-md bg-surface-2 ${className}`} />;
}

/** A card-shaped placeholder with the given height, so content does not jump when it arrives. */
export function CardSkeleton({ height = "h-48", label = "Loading" }: { height?: string; label?: string }) {
  return (
    <div role="status" aria-label={label} className={`rounded-card border border-border bg-surface p-4 ${height}`}>
      <Skeleton className="mb-3 h-4 w-1/3" />
      <Skeleton className="h-[calc(100%-1.75rem)] w-full" />
    </div>
  );
}
