"use client";

import dynamic from "next/dynamic";

// Scalar builds a Vue app in the browser: it is loaded there only, never rendered on the server.
const ApiReference = dynamic(() => import("./api-reference"), {
  ssr: false,
  loading: () => <p className="p-6 text-sm text-muted">Loading the API reference…</p>,
});

export function ApiReferenceLoader() {
  return <ApiReference />;
}
