// The npm registry reachable from our machines serves only some platforms' builds of packages
// such as @next/swc-* and @rollup/rollup-*. `npm install` then leaves the other platforms'
// optional entries out of package-lock.json, and `npm ci` refuses the lockfile as out of sync.
// This adds those entries as npm itself writes them on a full registry (os/cpu-tagged optional
// packages), so `npm ci` skips them on Linux and fetches them on the platforms that need them.
// Run after changing dependencies: node .ci/lockfile-platforms.mjs
import { readFileSync, writeFileSync } from "node:fs";

const OS = ["darwin", "win32", "linux", "android", "freebsd", "openbsd", "openharmony", "sunos", "aix", "netbsd"];
const CPU = {
  arm64: "arm64",
  x64: "x64",
  ia32: "ia32",
  arm: "arm",
  loong64: "loong64",
  ppc64: "ppc64",
  riscv64: "riscv64",
  s390x: "s390x",
};

function platformOf(name) {
  // WebAssembly builds run anywhere npm is told their cpu is "wasm32", i.e. nowhere by default.
  if (/-wasm32(-|$)/.test(name)) return { cpu: ["wasm32"] };
  const parts = name.split("/").pop().split("-");
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.map((p) => CPU[p]).find(Boolean);
  if (!os || !cpu) return null;
  const libc = name.includes("musl") ? ["musl"] : os === "linux" && /gnu/.test(name) ? ["glibc"] : undefined;
  return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
}

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (lock.packages[key] || lock.packages[`${path}/${key}`]) continue;
    const platform = platformOf(dep);
    if (!platform || !/^\d+\.\d+\.\d+/.test(spec)) continue;
    lock.packages[key] = { version: spec, ...platform, dev: entry.dev, optional: true };
    if (!entry.dev) delete lock.packages[key].dev;
    added += 1;
  }
}
const sorted = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync("package-lock.json", `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
console.log(`added ${added} platform entries`);
