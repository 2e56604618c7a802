import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { AppRouterContext, type AppRouterInstance } from "next/dist/shared/lib/app-router-context.shared-runtime";
import { createElement, type ReactNode } from "react";

// Next's request scope, stood in for outside Next: what headers() and cookies() hand a server
// action, what revalidatePath() was asked, and the app router useRouter() reads. Everything behind
// them (authentication, the services, the database) is real. vi.mock is hoisted to the top of a
// test file and cannot see its imports, so a file wires the stubs in with a dynamic import:
//
//   vi.mock("next/headers", async () => (await import("../support/next-request")).nextHeadersStub());
//   vi.mock("next/cache", async () => (await import("../support/next-request")).nextCacheStub());

export interface CookieOptions {
  path?: string;
  sameSite?: string;
  httpOnly?: boolean;
  maxAge?: number;
}

interface StoredCookie {
  name: string;
  value: string;
  options: CookieOptions;
}

/** The request the next server action runs in; tests change it with startRequest(). */
export const currentRequest = {
  headers: new Headers(),
  cookies: new Map<string, StoredCookie>(),
  /** The arguments of every revalidatePath() call, in order. */
  revalidated: [] as Array<[path: string, type?: string]>,
};

/**
 * A fresh request: signed in with `token` (an API token, sent as the bearer header a script would
 * send; null for nobody), with the portfolio cookie when given, and any other cookies.
 */
export function startRequest({
  token = null,
  portfolio,
  cookieHeader,
}: {
  token?: string | null;
  portfolio?: string;
  cookieHeader?: string;
} = {}): void {
  currentRequest.headers = new Headers();
  if (token) currentRequest.headers.set("authorization", `Bearer ${token}`);
  if (cookieHeader) currentRequest.headers.set("cookie", cookieHeader);
  currentRequest.cookies.clear();
  if (portfolio !== undefined) setCookie("aker-portfolio", portfolio);
  currentRequest.revalidated = [];
}

function setCookie(name: string, value: string, options: CookieOptions = {}) {
  currentRequest.cookies.set(name, { name, value, options });
}

const cookieStore = {
  get: (name: string) => {
    const cookie = currentRequest.cookies.get(name);
    return cookie ? { name, value: cookie.value } : undefined;
  },
  getAll: () => [...currentRequest.cookies.values()].map(({ name, value }) => ({ name, value })),
  has: (name: string) => currentRequest.cookies.has(name),
  set: (name: string, value: string, options?: CookieOptions) => setCookie(name, value, options),
  delete: (name: string) => currentRequest.cookies.delete(name),
};

/** The cookie a server action set in the current request, with its options. */
export const cookieSet = (name: string): StoredCookie | undefined => currentRequest.cookies.get(name);

/** The module next/headers is replaced with. */
export function nextHeadersStub() {
  return {
    headers: async () => new Headers(currentRequest.headers),
    cookies: async () => cookieStore,
  };
}

/** The module next/cache is replaced with: revalidation is recorded, not performed. */
export function nextCacheStub() {
  return {
    revalidatePath: (path: string, type?: string) => {
      currentRequest.revalidated.push(type === undefined ? [path] : [path, type]);
    },
  };
}

/** Where a server action's redirect() pointed, or null when it threw something else. */
export function redirectTarget(error: unknown): string | null {
  return isRedirectError(error) ? getURLFromRedirectError(error) : null;
}

/** An app router that records navigation, for components that call useRouter(). */
export function testRouter(): { router: AppRouterInstance; calls: string[] } {
  const calls: string[] = [];
  const router: AppRouterInstance = {
    back: () => calls.push("back"),
    forward: () => calls.push("forward"),
    refresh: () => calls.push("refresh"),
    push: (href) => calls.push(`push ${href}`),
    replace: (href) => calls.push(`replace ${href}`),
    prefetch: () => {},
    bfcacheId: "_b_0_",
  };
  return { router, calls };
}

/** What Next's app router mounts above every client component. */
export function RouterProvider({ router, children }: { router: AppRouterInstance; children: ReactNode }) {
  return createElement(AppRouterContext.Provider, { value: router }, children);
}
