"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";

// Scalar's reference, bundled with the app (no CDN) and kept off Scalar's services: no fonts from
// fonts.scalar.com, no telemetry, no AI agent or MCP, no developer toolbar. "Try it" sends its
// requests from this origin, with the session cookie or the bearer token typed into it.
const CONFIGURATION = {
  url: "/api/openapi.json",
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: "never",
  documentDownloadType: "json",
  persistAuth: false,
  hideDarkModeToggle: true,
} as const;

export default function ApiReference() {
  return <ApiReferenceReact configuration={CONFIGURATION} />;
}
