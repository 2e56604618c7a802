"use client";

import { SectionError } from "@/components/ui/section-error";

export default function NotificationsError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <SectionError error={error} reset={reset} what="The notifications page" />;
}
