import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));
const PURE = [
  "tests/engine/**/*.test.ts",
  "tests/import/**/*.test.ts",
  "tests/export/**/*.test.ts",
  "tests/http/**/*.test.ts",
  "tests/display/**/*.test.ts",
  "tests/components/**/*.test.ts",
];

// unit: pure code, Node only. integration: the services on a real throwaway database (Postgres
// when DATABASE_URL is set, embedded PGlite otherwise). api: the production build over HTTP.
// reliability: the production build under concurrency and faults (after `npm run build`).
export default defineConfig({
  root,
  resolve: { alias: { "@": root.replace(/\/$/, ""), "server-only": `${root}tests/support/server-only.ts` } },
  test: {
    env: { LOG_LEVEL: "silent" },
    projects: [
      { extends: true, test: { name: "unit", include: PURE } },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/**/*.test.ts"],
          exclude: [...PURE, "tests/api/**", "tests/reliability/**"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: "api",
          include: ["tests/api/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // The production build under concurrent load and injected faults (killed processes,
        // dropped connections, the database away); each file starts its own servers.
        extends: true,
        test: {
          name: "reliability",
          include: ["tests/reliability/**/*.test.ts"],
          testTimeout: 600_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
