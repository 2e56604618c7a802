// The layers, checked in CI (npm run lint:deps). See ARCHITECTURE.md for what lives where.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "Modules that import each other cannot be read, tested or moved one at a time.",
      from: {},
      to: { circular: true },
    },
    {
      name: "engine-is-pure",
      severity: "error",
      comment: "lib/engine is the exposure maths: plain data in, plain data out. It imports only itself.",
      from: { path: "^lib/engine/" },
      to: { pathNot: "^lib/engine/" },
    },
    {
      name: "ui-never-touches-the-database",
      severity: "error",
      comment: "Pages, route handlers and components call services; only services and lib/db speak to the database.",
      from: { path: "^(app|components)/" },
      to: { path: ["^lib/db/", "^node_modules/(@prisma|pg|@electric-sql|pglite-prisma-adapter)/"] },
    },
    {
      name: "services-never-import-the-edge",
      severity: "error",
      comment: "Services take a context and parsed input; HTTP, actions and Next belong to the edge that calls them.",
      from: { path: "^lib/services/" },
      to: { path: ["^lib/(http|actions)/", "^node_modules/next/", "^app/", "^components/"] },
    },
    {
      name: "lib-never-imports-ui",
      severity: "error",
      comment: "lib/ serves the UI, never the other way round.",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "nothing-imports-the-tools",
      severity: "error",
      comment: "lib/tools (CLI, benchmarks, load test) is run from the shell, never imported by the app.",
      from: { path: "^(app|components|lib)/", pathNot: "^lib/tools/" },
      to: { path: "^lib/tools/" },
    },
    {
      name: "the-app-never-imports-tests",
      severity: "error",
      comment: "Test harness code stays in tests/ (the tools may use its app server).",
      from: { path: "^(app|components|lib)/", pathNot: "^lib/tools/" },
      to: { path: "^(tests|e2e)/" },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that resolves to nothing.",
      from: {},
      // topojson-specification is types only (@types/topojson-specification).
      to: { couldNotResolve: true, pathNot: "^topojson-specification$" },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "^lib/db/generated/"] },
    // Type-only imports count: a layer may not even name another layer's types the wrong way round.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "^\\.next/" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
  },
};
