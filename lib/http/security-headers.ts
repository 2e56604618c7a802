// The Content-Security-Policy of pages, with a fresh nonce per request; proxy.ts calls
// pageSecurityHeaders. The headers that never change (nosniff, frame and referrer policy, the
// API's CSP) are set for every response in next.config.js instead, because a proxy that matches
// the API routes makes Next copy each request body into memory for it, and pass on only the
// first 10 MB (experimental.proxyClientMaxBodySize): an upload would be silently cut short.

export interface PagePolicyOptions {
  nonce: string;
  /** `next dev` evaluates code for its error overlay and fast refresh. */
  dev?: boolean;
  https?: boolean;
}

export function pageContentSecurityPolicy({ nonce, dev = false, https = false }: PagePolicyOptions): string {
  return [
    "default-src 'self'",
    // Next reads the nonce from this header on the request and puts it on its own scripts;
    // 'strict-dynamic' lets those load the page's chunks.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // 'unsafe-inline' for styles: React style attributes (Recharts' SVG, progress bars, the map)
    // cannot carry a nonce. A nonce in this list would switch 'unsafe-inline' off, so there is none.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** 16 random bytes, base64: unguessable and new for every page request. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

interface RequestLike {
  headers: Headers;
  nextUrl: { protocol: string };
}

/**
 * The request headers a page render should see (the CSP carries the nonce Next applies) and the
 * CSP header for the response. The caller passes the first to NextResponse.next and sets the second.
 * `nonce`: the page cache's own render of a page passes the nonce of the request it renders for.
 */
export function pageSecurityHeaders(
  request: RequestLike,
  nonce: string = newNonce(),
): { requestHeaders: Headers; policy: string; nonce: string } {
  const https =
    request.nextUrl.protocol === "https:" ||
    request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  const policy = pageContentSecurityPolicy({ nonce, dev: process.env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  return { requestHeaders, policy, nonce };
}
