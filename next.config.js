/** @type {import("next").NextConfig} */
const nextConfig = {
  // Loaded by Node at run time rather than bundled: PGlite ships WebAssembly and data files,
  // pino uses worker threads, exceljs and pg are large CommonJS packages.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pino", "exceljs", "pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
