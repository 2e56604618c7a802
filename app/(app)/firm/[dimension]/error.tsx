"use client";

import { SectionError } from "@/components/ui/section-error";

export default function FirmError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SectionError error={error} reset={reset} what="The firm page" />;
}
