import type { Metadata } from "next";
import Link from "next/link";
import { ApiReferenceLoader } from "@/components/api-docs/api-reference-loader";

export const metadata: Metadata = { title: "REST API" };

/** Open to all, as the document it draws (/api/openapi.json) is. */
export default function ApiDocsPage() {
  return (
    <main id="main">
      <header className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-border bg-surface px-4 py-3 text-sm">
        <Link href="/" className="text-base font-bold tracking-tight text-accent">
          aker<span className="text-text">·portfolio</span>
        </Link>
        <h1 className="font-semibold">REST API reference</h1>
        <a href="/api/openapi.json" className="ml-auto underline-offset-2 hover:underline">
          OpenAPI 3.1 document (JSON)
        </a>
      </header>
      <ApiReferenceLoader />
    </main>
  );
}
