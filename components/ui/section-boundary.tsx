"use client";

import { catchError, type ErrorInfo } from "next/error";
import { SectionError } from "./section-error";

function SectionFallback({ what }: { what?: string }, { error, retry }: ErrorInfo) {
  const shown = error instanceof Error ? error : new Error(String(error));
  return <SectionError error={shown} reset={retry} what={what} />;
}

/**
 * An error boundary around one section of a page: the rest of the page keeps working, and Retry
 * re-renders the section on the server (retry refreshes the route, where reset would only
 * re-render the same failed payload).
 */
export const SectionBoundary = catchError(SectionFallback);
