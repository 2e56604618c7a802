import type { NextRequest } from "next/server";
import { authenticate } from "../auth/authenticate";
import { logger } from "../logger";
import { listPortfolios, readOnlyPortfolioContext } from "../services/portfolios";
import { PORTFOLIO_COOKIE, withDefaultFallback } from "./portfolio-cookie";

// The rendered overview page, kept per reader, portfolio and data version. Its data come from
// the snapshot cache already, yet rendering it costs 7–11 ms of CPU (React's RSC serialiser, its
// HTML renderer, the payload read back, garbage collection: README, Speed), against well under
// 1 ms for a snapshot read. So proxy.ts answers a page it has kept without rendering it again.
//
// A page is kept only where everything it shows is a function of its key: the reader (who they
// are, their role), the portfolio and its data version (every write that changes what a page
// shows bumps it: lockPortfolio), the nav's list of portfolios, the day (UTC), and the path. The
// key is looked up afresh on every request (the same lookups the page itself makes), so two
// instances stay coherent as the snapshot cache does. To keep another page, check that each of
// its reads is a snapshot read or in the key, then add its path to CACHED_PAGES.
//
// A miss renders the page once, through the server itself (a request to its own origin carrying
// this process's secret, which proxy.ts passes to Next untouched), and concurrent misses share
// that render. Each answer gets a fresh Content-Security-Policy nonce: the kept page's nonce is
// replaced by the new one wherever it occurs (on the scripts and in the RSC payload).
// Only documents are kept: a client-side navigation (an RSC request) renders as before.

/** Paths whose rendered document is kept. */
export const CACHED_PAGES: ReadonlySet<string> = new Set(["/"]);

/** Says whether an answer came from memory (`hit`) or was rendered for it (`miss`). */
export const PAGE_CACHE_HEADER = "x-aker-page-cache";
const FILL_HEADER = "x-aker-page-fill";
const NONCE_HEADER = "x-aker-page-nonce";
/** The page cache's own request headers: proxy.ts removes them before the page renders. */
export const FILL_HEADERS = [FILL_HEADER, NONCE_HEADER] as const;

/** Kept pages at most (the overview is about 90 kB); the least recently used goes first. */
const MAX_PAGES = 100;

/** Response headers a kept page does not repeat: the transport's own, and the nonce's policy. */
const NOT_KEPT = new Set([
  "connection",
  "content-encoding",
  "content-length",
  "content-security-policy",
  "date",
  "keep-alive",
  "transfer-encoding",
]);

interface RenderedPage {
  status: number;
  headers: Array<[string, string]>;
  body: string;
  /** The nonce the page was rendered with. */
  nonce: string;
  /** A 200 without cookies: the same for every request with its key. */
  keep: boolean;
}

interface PageCacheState {
  secret: string;
  pages: Map<string, Promise<RenderedPage>>;
  /** Whether a failed render was logged. */
  warned: boolean;
}

// Shared by proxy.ts's bundle and the app's, like the database (lib/db/client.ts).
const globalForPages = globalThis as unknown as { akerPageCache?: PageCacheState };
globalForPages.akerPageCache ??= {
  secret: Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join(""),
  pages: new Map(),
  warned: false,
};
const state = globalForPages.akerPageCache;

/**
 * The nonce to render with when this request is the page cache's own render of a page to keep,
 * else null. Only this process knows the secret, so no client can pass a nonce of its own.
 */
export function fillNonce(headers: Headers): string | null {
  return headers.get(FILL_HEADER) === state.secret ? headers.get(NONCE_HEADER) : null;
}

function cacheable(request: NextRequest): boolean {
  if (request.method !== "GET" || request.nextUrl.search !== "") return false;
  if (!CACHED_PAGES.has(request.nextUrl.pathname)) return false;
  const h = request.headers;
  // A client-side navigation or prefetch (RSC: next.config.js lets proxy.ts see its headers and
  // `_rsc` query), a server action, or our own render.
  return (
    !h.has("rsc") &&
    !h.has("next-router-state-tree") &&
    !h.has("next-router-prefetch") &&
    !h.has("next-action") &&
    !h.has(FILL_HEADER)
  );
}

/** Everything the page shows depends on, looked up as the page looks it up; null: not kept. */
async function pageKey(request: NextRequest): Promise<string | null> {
  const actor = await authenticate(request.headers);
  // Nobody signed in: the page redirects to sign-in, as it always has.
  if (!actor) return null;
  // As the page reads it (lib/http/page.ts).
  const ctx = await withDefaultFallback(request.cookies.get(PORTFOLIO_COOKIE)?.value, (slug) =>
    readOnlyPortfolioContext(slug, actor, { active: true }),
  );
  const nav = (await listPortfolios()).map((p) => [p.slug, p.name]);
  return JSON.stringify([
    request.nextUrl.pathname,
    [actor.id, actor.email, actor.name, actor.role, actor.via],
    [ctx.portfolio.id, ctx.portfolio.slug, ctx.portfolio.name, ctx.readVersion],
    nav,
    new Date().toISOString().slice(0, 10),
  ]);
}

/** The page rendered by this server for the request, with `nonce` on its scripts. */
async function render(request: NextRequest, origin: string, nonce: string): Promise<RenderedPage> {
  const headers = new Headers(request.headers);
  headers.delete("host");
  headers.set("accept-encoding", "identity");
  headers.set(FILL_HEADER, state.secret);
  headers.set(NONCE_HEADER, nonce);
  const response = await fetch(new URL(request.nextUrl.pathname, origin), {
    headers,
    redirect: "manual",
    cache: "no-store",
  });
  const body = await response.text();
  const kept = [...response.headers].filter(([name]) => !NOT_KEPT.has(name));
  const keep = response.status === 200 && !response.headers.has("set-cookie");
  return { status: response.status, headers: kept, body, nonce, keep };
}

/**
 * proxy.ts's answer for a page it keeps: from memory, or rendered once for every request waiting
 * on the same key; null when the page is not kept (the request then renders as usual). `nonce`
 * and `policy` are this request's, from pageSecurityHeaders.
 */
export async function cachedPage(request: NextRequest, nonce: string, policy: string): Promise<Response | null> {
  // Set by `next start` to the address it listens on. Off under `next dev` (an edited component
  // must show on reload) and with AKER_PAGE_CACHE=0 (every page rendered per request, as before).
  const origin = process.env.__NEXT_PRIVATE_ORIGIN;
  if (!origin || process.env.NODE_ENV !== "production" || process.env.AKER_PAGE_CACHE === "0") return null;
  if (!cacheable(request)) return null;
  // Anything unexpected (the database away, say): render as usual, which reports it properly.
  const key = await pageKey(request).catch(() => null);
  if (key === null) return null;
  let pending = state.pages.get(key);
  const hit = pending !== undefined;
  if (pending) {
    state.pages.delete(key);
    state.pages.set(key, pending);
  } else {
    const rendering = render(request, origin, nonce).catch((error: unknown) => {
      // Say so once: every page is then rendered per request, as without the cache.
      if (!state.warned)
        logger.warn({ event: "page_cache.render_failed", err: error }, "page cache cannot reach this server");
      state.warned = true;
      throw error;
    });
    pending = rendering;
    state.pages.set(key, rendering);
    while (state.pages.size > MAX_PAGES) state.pages.delete(state.pages.keys().next().value ?? "");
    const drop = () => {
      if (state.pages.get(key) === rendering) state.pages.delete(key);
    };
    rendering.then((page) => page.keep || drop(), drop);
  }
  const page = await pending.catch(() => null);
  // A page not kept (an error page, a cookie set) was rendered for the request that asked first.
  if (!page || (hit && !page.keep)) return null;
  const fresh = (text: string) => (page.nonce === nonce ? text : text.replaceAll(page.nonce, nonce));
  // The nonce is also on the stylesheet's preload in the Link header.
  const headers = new Headers(page.headers.map(([name, value]): [string, string] => [name, fresh(value)]));
  headers.set("Content-Security-Policy", policy);
  headers.set(PAGE_CACHE_HEADER, hit ? "hit" : "miss");
  return new Response(fresh(page.body), { status: page.status, headers });
}
