// `npm run cli -- <command>`: the service layer from the shell. Logs go to stderr at warn level
// unless LOG_LEVEL says otherwise, so stdout carries only the command's answer.
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import type { Actor } from "../auth/roles";
import type { ScenarioEvaluation } from "../engine/scenario";
import type { RunResult } from "../services/runs-compute";
import { opts, positionals, print, USAGE } from "./cli-options";
import { printWeights, runBench, runLoadTest } from "./cli-reports";

process.env.LOG_LEVEL ??= "warn";
process.env.AKER_LOG_STDERR = "1";

// The CLI works on the database directly (it needs no sign-in, only access to the database), and
// the audit log and alert histories record it as the CLI run by this OS user.
const osUser = process.env.USER ?? userInfo().username;
const CLI_ACTOR: Actor = { id: "cli", email: `cli:${osUser}`, name: `CLI (${osUser})`, role: "admin", via: "cli" };

async function main(): Promise<void> {
  const [command, ...args] = positionals;
  if (command === "weights") return printWeights(opts);
  if (command === "loadtest") return runLoadTest(opts);
  if (command === "bench") return runBench(opts);
  const lib = await import("../index");
  const { parseOrThrow } = await import("../http/parse");
  // Every command but the user and token ones is about one portfolio: resolved once, here.
  const ctx = () => lib.portfolioContext(opts.portfolio, CLI_ACTOR);
  switch (command) {
    case "import": {
      const file = args[0];
      if (!file) throw new Error("import needs a file: npm run cli -- import positions.csv");
      const extension = path.extname(file).slice(1).toLowerCase();
      const format = extension === "xlsx" ? "xlsx" : extension === "json" ? "json" : "csv";
      // Bytes, whatever the format: the importer reads the encoding (UTF-8, UTF-16, Windows-1252).
      const data = new Uint8Array(await readFile(file));
      const { delimiter, decimal, sheet, mapping } = opts;
      const options = parseOrThrow(
        lib.importOptionsSchema,
        { mode: opts.mode, onError: opts["on-error"], delimiter, decimal, sheet, mapping },
        "options",
      );
      return print(await lib.importPositions(await ctx(), { format, data, sourceName: path.basename(file) }, options));
    }
    case "compute": {
      const input = parseOrThrow(
        lib.runCreateSchema,
        { asOfDate: opts["as-of"], includeAlerts: !opts["no-alerts"] },
        "options",
      );
      return print(summarizeRun(await lib.computeRun(await ctx(), input)));
    }
    case "latest":
      return print(await lib.getRunOrThrow(await ctx()));
    case "limits":
      return print((await lib.listLimits(await ctx())).items);
    case "limit:add": {
      // A number flag as a number; text that is not one stays text, so the schema names it.
      const number = (flag: "pct" | "amount" | "count" | "top" | "hhi" | "target" | "band") => {
        const raw = opts[flag];
        if (typeof raw !== "string") return undefined;
        const n = Number(raw.replaceAll(",", ""));
        return Number.isNaN(n) ? raw : n;
      };
      const limit = parseOrThrow(
        lib.limitCreateSchema,
        {
          dimensionType: opts.dimension,
          kind: opts.kind,
          basis: opts.basis,
          dimensionValue: opts.value,
          thresholdType: opts.type,
          thresholdPct: number("pct"),
          thresholdAmount: number("amount"),
          thresholdCount: number("count"),
          topN: number("top"),
          thresholdHhi: number("hhi"),
          targetPct: number("target"),
          bandPp: number("band"),
          severityLevel: opts.severity,
          reference: opts.reference,
          note: opts.note,
        },
        "limit",
      );
      return print(await lib.createLimit(await ctx(), limit));
    }
    case "alerts":
      return print(
        (await lib.listAlerts(await ctx(), parseOrThrow(lib.alertListSchema, { status: opts.status }, "options")))
          .items,
      );
    case "ack":
      return print(
        await lib.acknowledgeAlert(
          await ctx(),
          args[0] ?? "",
          parseOrThrow(lib.acknowledgeSchema, { comment: opts.comment }, "options"),
        ),
      );
    case "resolve":
      return print(
        await lib.resolveAlert(
          await ctx(),
          args[0] ?? "",
          parseOrThrow(lib.resolveSchema, { comment: opts.comment }, "options"),
        ),
      );
    case "waive":
      return print(
        await lib.waiveAlert(
          await ctx(),
          args[0] ?? "",
          parseOrThrow(lib.waiveSchema, { reason: opts.reason, until: opts.until }, "options"),
        ),
      );
    case "unwaive":
      return print(
        await lib.unwaiveAlert(
          await ctx(),
          args[0] ?? "",
          parseOrThrow(lib.resolveSchema, { comment: opts.comment }, "options"),
        ),
      );
    case "schedule": {
      const portfolio = await ctx();
      if (opts.cron === undefined && opts["stale-after"] === undefined) return print(await lib.getSchedule(portfolio));
      const current = await lib.getSchedule(portfolio);
      const cron = opts.cron === undefined ? current.cron : opts.cron === "none" ? null : opts.cron;
      const staleAfterDays = opts["stale-after"] === undefined ? current.staleAfterDays : Number(opts["stale-after"]);
      return print(
        await lib.setSchedule(portfolio, parseOrThrow(lib.scheduleSchema, { cron, staleAfterDays }, "options")),
      );
    }
    case "export": {
      const format = parseOrThrow(lib.exportQuerySchema.shape.format, opts.format, "format");
      const basis = parseOrThrow(lib.exportQuerySchema.shape.basis, opts.basis, "basis");
      const file =
        args[0] === "positions"
          ? await lib.exportPositions(await ctx(), format)
          : (await lib.exportExposures(await ctx(), undefined, format, basis)).value;
      if (opts.out) {
        await writeFile(opts.out, file.body);
        return print(`wrote ${opts.out}`);
      }
      return void process.stdout.write(typeof file.body === "string" ? file.body : Buffer.from(file.body));
    }
    case "whatif": {
      const file = args[0];
      if (!file) throw new Error("whatif needs a trades file: npm run cli -- whatif trades.csv [--shock state=TX:-20]");
      const { tradesFromCsv, shockFromText } = await import("../import/trades-csv");
      const input = parseOrThrow(
        lib.scenarioEvaluateSchema,
        { trades: tradesFromCsv(await readFile(file, "utf8")), shocks: (opts.shock ?? []).map(shockFromText) },
        "scenario",
      );
      const result = await lib.evaluateTrades(await ctx(), input);
      return opts.json ? print(result) : print(describeScenario(result));
    }
    case "user:create": {
      const { createUser } = await import("../services/users");
      const { createApiToken } = await import("../services/api-tokens");
      const password = opts.password ?? randomPassword();
      const input = parseOrThrow(
        lib.userCreateSchema,
        { email: opts.email ?? "", name: opts.name ?? opts.email ?? "", role: opts.role, password },
        "user",
      );
      const user = await createUser({ actor: CLI_ACTOR }, input);
      const token = opts.token ? (await createApiToken({ actor: CLI_ACTOR }, user.id, opts.token)).token : undefined;
      return print({ user, ...(opts.password ? {} : { password }), ...(token ? { token } : {}) });
    }
    case "token:create": {
      const { findUserByEmail } = await import("../services/users");
      const { createApiToken } = await import("../services/api-tokens");
      const user = await findUserByEmail(opts.email ?? "");
      if (!user) throw new Error(`no user with email ${opts.email ?? "(none given)"}`);
      const { token, apiToken } = await createApiToken({ actor: CLI_ACTOR }, user.id, opts.name ?? "cli");
      return print({ ...apiToken, token });
    }
    case "migrate": {
      const db = await lib.getDb();
      return print(`database ready (${db.kind})`);
    }
    default:
      print(USAGE);
      if (command && command !== "help") process.exitCode = 2;
  }
}

function randomPassword(): string {
  return randomBytes(12).toString("base64url");
}

const money = (n: number) => n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (n: number) => `${n.toFixed(2)} %`;

/** The verdict, the totals before and after, and one line per breach that changed or stayed. */
function describeScenario(result: ScenarioEvaluation): string {
  const { before, after, breaches, verdict } = result;
  const lines = [
    `verdict: ${verdict}`,
    `total ${money(before.totalPortfolioValue)} → ${money(after.totalPortfolioValue)} (${before.positionCount} → ${after.positionCount} positions)`,
  ];
  if (breaches.length === 0) lines.push("no limit is breached before or after");
  for (const b of breaches)
    lines.push(
      `${b.change.padEnd(8)} ${b.severity.padEnd(9)}${`${b.dimensionType} ${b.dimensionValue}`.padEnd(28)}` +
        `${pct(b.beforePct).padStart(9)} → ${pct(b.afterPct).padStart(9)}   (${b.thresholdType} ${pct(b.thresholdPct)})`,
    );
  return lines.join("\n");
}

function summarizeRun(run: RunResult) {
  const { exposures, ...rest } = run;
  return { ...rest, exposureRows: exposures.length };
}

main()
  .catch((error: unknown) => {
    const err = error as { code?: string; message?: string; details?: unknown };
    console.error(`error${err.code ? ` (${err.code})` : ""}: ${err.message ?? String(error)}`);
    if (err.details) console.error(JSON.stringify(err.details, null, 2));
    process.exitCode = 1;
  })
  .finally(async () => {
    const { closeDb } = await import("../db/client");
    await closeDb();
  });
