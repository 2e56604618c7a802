import { Skeleton } from "../ui/skeleton";
import { DIAL_CARD_CLASS, TOP_VALUES } from "./dial-card";

export function DialsSkeleton() {
  return (
    <div
      role="status"
      aria-label="Loading exposure dials"
      className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3"
    >
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className={DIAL_CARD_CLASS}>
          <Skeleton className="h-5 w-1/3" />
          <Skeleton className="mx-auto mt-3 h-[123px] w-[220px] max-w-full rounded-t-full" />
          <Skeleton className="mx-auto mt-2 h-4 w-1/2" />
          <Skeleton className="mx-auto mt-2 h-3 w-2/5" />
          <div className="mt-4 space-y-3">
            {Array.from({ length: TOP_VALUES }, (_, j) => (
              <Skeleton key={j} className="h-4 w-full" />
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}

export function AlertsSkeleton() {
  return (
    <div role="status" aria-label="Loading open alerts" className="flex flex-col gap-4 md:flex-row">
      <div className="grid shrink-0 grid-cols-3 gap-2 md:w-64 md:grid-cols-1">
        {Array.from({ length: 3 }, (_, i) => (
          <Skeleton key={i} className="h-[60px]" />
        ))}
      </div>
      <div className="flex-1 space-y-3">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-7 w-full" />
        ))}
      </div>
    </div>
  );
}

export function HeaderSkeleton() {
  return (
    <div role="status" aria-label="Loading portfolio totals" className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-3">
      {Array.from({ length: 3 }, (_, i) => (
        <Skeleton key={i} className="h-[74px]" />
      ))}
    </div>
  );
}
