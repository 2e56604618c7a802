/** @type {import("next").NextConfig} */
const nextConfig = {
  // Loaded by Node at run time rather than bundled: PGlite ships WebAssembly and data files,
  // pino uses worker threads, exceljs and pg are large CommonJS packages, nodemailer reads its
  // transports and well-known services at run time.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "pino",
    "exceljs",
    "pg",
    "@prisma/adapter-pg",
    "nodemailer",
  ],
  poweredByHeader: false,
  // proxy.ts sees requests as they arrive: a client-side navigation keeps its RSC headers and
  // `_rsc` query there, so the page cache (lib/http/page-cache.ts) can tell it from a document.
  skipProxyUrlNormalize: true,
  reactStrictMode: true,
  // forbidden(): a real 403 page for signed-in users whose role does not reach a page.
  experimental: { authInterrupts: true },
  // Headers every response carries. Pages get their Content-Security-Policy (with a per-request
  // nonce) from proxy.ts; API answers are data, never documents, so theirs allows nothing.
  async headers() {
    const always = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Referrer-Policy", value: "same-origin" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
      { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ];
    return [
      { source: "/:path*", headers: always },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000" }],
      },
      {
        source: "/api/:path*",
        headers: [
          {
            key: "Content-Security-Policy",
            value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
          },
        ],
      },
    ];
  },
};

export default nextConfig;
