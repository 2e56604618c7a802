"use client";

import { SectionError } from "@/components/ui/section-error";

export default function ReportError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <SectionError error={error} reset={reset} what="The report" />;
}
