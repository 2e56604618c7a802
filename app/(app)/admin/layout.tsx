import type { ReactNode } from "react";
import { requirePageActor } from "@/lib/http/page";

// The guard sits here as well as in the page because a layout renders outside this route's
// loading.tsx boundary: a viewer gets a real 403 before anything streams.
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePageActor("admin");
  return children;
}
