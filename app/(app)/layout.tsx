import type { ReactNode } from "react";
import { requirePageActor } from "@/components/auth/guard";
import { SiteNav } from "@/components/nav/site-nav";

/** Every page of the dashboard needs a signed-in user; sign-in and setup live outside this group. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  await requirePageActor("viewer");
  return (
    <>
      <SiteNav />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
