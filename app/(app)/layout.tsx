import type { ReactNode } from "react";
import { SiteNav } from "@/components/nav/site-nav";
import { pageContext } from "@/lib/http/page";

/** Every page of the dashboard needs a signed-in user; sign-in and setup live outside this group. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const ctx = await pageContext();
  return (
    <>
      <SiteNav ctx={ctx} />
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 print:max-w-none print:p-0">
        {children}
      </main>
    </>
  );
}
