import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { isDimension } from "@/lib/display/labels";

// Checked here, above the page's loading boundary, so an unknown dimension answers a real 404
// before anything streams.
export default async function DimensionLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ dimension: string }>;
}) {
  if (!isDimension((await params).dimension)) notFound();
  return children;
}
