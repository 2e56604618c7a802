import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { genericOAuth } from "better-auth/plugins";
import { getPrisma } from "../db/client";
import type { PrismaClient } from "../db/generated/client";

/** A session lasts a week, and is extended on a request a day or more after it last was. */
export const SESSION_SECONDS = 60 * 60 * 24 * 7;
export const SESSION_REFRESH_SECONDS = 60 * 60 * 24;
export const COOKIE_PREFIX = "aker";

async function createAuth(prisma: PrismaClient, secret: string) {
  return betterAuth({
    appName: "aker-portfolio",
    secret,
    baseURL: process.env.BETTER_AUTH_URL,
    // Same-origin requests only (the CSRF check): the origin the request was made to, plus any
    // listed in AKER_TRUSTED_ORIGINS. Without this a fresh install with no BETTER_AUTH_URL would
    // refuse its own sign-in form.
    trustedOrigins: async (request) => {
      const extra = (process.env.AKER_TRUSTED_ORIGINS ?? "")
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean);
      return request ? [ownOrigin(request), ...extra] : extra;
    },
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    // Accounts are created by an admin (or the first-run setup), never by sign-up.
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    user: { additionalFields: { role: { type: "string", defaultValue: "viewer", input: false } } },
    session: { expiresIn: SESSION_SECONDS, updateAge: SESSION_REFRESH_SECONDS },
    advanced: { cookiePrefix: COOKIE_PREFIX },
    plugins: [nextCookies(), ...oidcPlugins()],
  });
}

/**
 * An OIDC / SSO provider is added by configuration alone: AKER_OIDC_ISSUER (its discovery base
 * URL), AKER_OIDC_CLIENT_ID, AKER_OIDC_CLIENT_SECRET. New SSO users start as viewers.
 */
function oidcPlugins() {
  const issuer = process.env.AKER_OIDC_ISSUER;
  const clientId = process.env.AKER_OIDC_CLIENT_ID;
  const clientSecret = process.env.AKER_OIDC_CLIENT_SECRET;
  if (!issuer || !clientId || !clientSecret) return [];
  const discoveryUrl = `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
  return [
    genericOAuth({
      config: [{ providerId: "sso", clientId, clientSecret, discoveryUrl, scopes: ["openid", "email", "profile"] }],
    }),
  ];
}

/** The origin the browser addressed: Next's request.url says "localhost" whatever the Host was. */
function ownOrigin(request: Request): string {
  const url = new URL(request.url);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? url.host;
  const proto = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(/:$/, "");
  return `${proto}://${host}`;
}

export const ssoConfigured = () => oidcPlugins().length > 0;

/**
 * The signing secret: BETTER_AUTH_SECRET when set (do set it in production), otherwise one made
 * on first start and kept beside the embedded database, so sessions survive restarts.
 */
async function authSecret(): Promise<string> {
  const configured = process.env.BETTER_AUTH_SECRET ?? process.env.AKER_AUTH_SECRET;
  if (configured) return configured;
  const file = path.resolve(process.env.AKER_CACHE_PATH?.trim() || ".data", "auth-secret");
  try {
    return (await readFile(file, "utf8")).trim();
  } catch {
    await mkdir(path.dirname(file), { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    await writeFile(file, secret, { mode: 0o600, flag: "wx" }).catch(() => undefined);
    return (await readFile(file, "utf8")).trim();
  }
}

type Auth = Awaited<ReturnType<typeof createAuth>>;
const globalForAuth = globalThis as unknown as { akerAuth?: { prisma: PrismaClient; auth: Promise<Auth> } };

/** One better-auth instance per database client (tests swap databases). */
export async function getAuth(): Promise<Auth> {
  const prisma = await getPrisma();
  if (globalForAuth.akerAuth?.prisma !== prisma) {
    globalForAuth.akerAuth = { prisma, auth: authSecret().then((secret) => createAuth(prisma, secret)) };
  }
  return globalForAuth.akerAuth.auth;
}
