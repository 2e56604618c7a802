import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Pure code, Node only: no database, no server. */
const UNIT = [
  "tests/engine/**/*.test.ts",
  "tests/import/**/*.test.ts",
  "tests/export/**/*.test.ts",
  "tests/http/**/*.test.ts",
  "tests/display/**/*.test.ts",
  "tests/reference/**/*.test.ts",
  "tests/components/**/*.test.ts",
];
/** The one test under a unit folder that needs a database: action() resolves a real portfolio. */
const HTTP_WITH_DATABASE = "tests/http/action.test.ts";
const DATABASE = { testTimeout: 120_000, hookTimeout: 120_000 };
/** Every test file gets its own database; on PGlite a copy of one migrated once per run. */
const OWN_DATABASE = { ...DATABASE, globalSetup: ["tests/support/db-template.ts"] };

// unit: pure code. integration: the services, the actions and their wrapper on a real throwaway
// database (Postgres when DATABASE_URL is set, embedded PGlite otherwise). render: the client
// components that hold logic, rendered in jsdom against the real actions and route handlers on
// such a database. api: the production build over HTTP. reliability: the production build under
// concurrency and faults. The first three need no build: `npm run test:fast`.
export default defineConfig({
  root,
  resolve: { alias: { "@": root.replace(/\/$/, ""), "server-only": `${root}tests/support/server-only.ts` } },
  test: {
    env: { LOG_LEVEL: "silent" },
    projects: [
      { extends: true, test: { name: "unit", include: UNIT, exclude: [HTTP_WITH_DATABASE] } },
      {
        extends: true,
        test: {
          name: "integration",
          include: [
            "tests/services/**/*.test.ts",
            "tests/db/**/*.test.ts",
            "tests/actions/**/*.test.ts",
            HTTP_WITH_DATABASE,
          ],
          ...OWN_DATABASE,
        },
      },
      {
        extends: true,
        test: { name: "render", include: ["tests/components/**/*.test.tsx"], environment: "jsdom", ...OWN_DATABASE },
      },
      {
        extends: true,
        test: {
          name: "api",
          include: ["tests/api/**/*.test.ts"],
          globalSetup: ["tests/support/global-setup.ts"],
          // One server and one database for every file: one file at a time.
          fileParallelism: false,
          ...DATABASE,
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
