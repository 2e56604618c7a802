import { type NextRequest, NextResponse } from "next/server";
import { malformedPathResponse } from "@/lib/http/malformed-path";
import { cachedPage, FILL_HEADERS, fillNonce } from "@/lib/http/page-cache";
import { pageSecurityHeaders } from "@/lib/http/security-headers";

// Before every page render: the Content-Security-Policy with a fresh nonce, and the overview
// answered from the page cache when its data have not changed (lib/http/page-cache.ts). Before any
// request whose path holds a "%": a 400 when it cannot be decoded. Never before the other API
// requests: a proxy that runs makes Next buffer the request body (see lib/security-headers.ts).
export async function proxy(request: NextRequest): Promise<NextResponse | Response> {
  const refused = malformedPathResponse(new URL(request.url).pathname);
  if (refused) return refused;
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  const fill = fillNonce(request.headers);
  const { requestHeaders, policy, nonce } = pageSecurityHeaders(request, fill ?? undefined);
  if (fill === null) {
    const cached = await cachedPage(request, nonce, policy);
    if (cached) return cached;
  }
  for (const name of FILL_HEADERS) requestHeaders.delete(name);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages: not the API, not built assets, not prefetches (they carry no document).
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
    // Any path with a percent-encoding, the API's included; legitimate API paths have none.
    "/(.*%.*)",
  ],
};
