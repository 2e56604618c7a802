import { parseArgs } from "node:util";

export const USAGE = `Usage: npm run cli -- <command> [options]   (every command takes --portfolio <slug>)

  import <file.csv|.json|.xlsx> [--mode replace|upsert] [--on-error reject|skip]
         [--delimiter ,|;|tab|"|"] [--decimal .|,] [--sheet name|number]
         [--mapping '{"Market Value":"position_value","Notes":null}']
                                                    the separator, decimal mark and sheet are
                                                    detected (the first sheet) unless given;
                                                    --mapping says which column each header is
                                                    (null: ignore it), remembered for the portfolio
  compute [--as-of YYYY-MM-DD] [--no-alerts]        compute and store a run
  latest                                            the latest run's exposures
  limits                                            list limits (with each one's reference and note)
  limit:add --dimension strategy [--value value_add] --pct 30 [--type maximum|minimum] [--severity warning|critical]
            [--kind share|amount|count|top_n|hhi|target] [--basis value|units|positions]
            [--amount 250000000] [--count 10] [--top 3] [--hhi 1500] [--target 60] [--band 10]
            [--reference "LPA §7.2(b)"] [--note text]
                                                    each kind takes its own: amount --amount, count
                                                    --count, top_n --top and --pct, hhi --hhi,
                                                    target --value, --target [--band]; any kind
                                                    takes a reference (the clause it comes from,
                                                    at most 200 characters) and a note (1,000)
  alerts [--status active|acknowledged|resolved|open]
  ack <alertId> [--comment text]                    acknowledge (as the CLI and your OS user)
  resolve <alertId> [--comment text]
  waive <alertId> --reason text --until YYYY-MM-DD  accept a breach until a date (at most a year out)
  unwaive <alertId> [--comment text]                end a waiver: the alert is active again
  schedule [--cron "0 6 * * *" | --cron none] [--stale-after 35]
                                                    show, set or remove the portfolio's recompute
                                                    schedule (UTC) and its stale-data allowance
  export exposures|positions [--format csv|json|xlsx] [--basis value|units|positions] [--out file]
  whatif <trades.csv> [--shock state=TX:-20]... [--json]
                                                    the book after the trades and shocks against
                                                    today's limits: verdict and breach diff;
                                                    writes nothing
  bench [--json] [--sizes 10000,100000,1000000] [--iterations 5] [--no-db] [--db-rows 100000] [--pages]
  loadtest [--rows 100000] [--duration 10] [--connections 10] [--import-rows 400000] [--xlsx-rows 600000] [--json]
                                                    bounded load test of the built app (loopback):
                                                    each read, then reads during a big import and
                                                    a big XLSX preview (0 skips either)
  user:create --email <e> --name <n> [--role viewer|manager|admin] [--password <p>] [--token <name>]
                                                    a user (first one: make it an admin); a random
                                                    password is printed when none is given
  token:create --email <e> --name <token name>      an API token for a user, printed once
  migrate                                           apply database migrations
  weights                                           first-load JS per page of the last build`;

export const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    portfolio: { type: "string" },
    mode: { type: "string" },
    "on-error": { type: "string" },
    delimiter: { type: "string" },
    decimal: { type: "string" },
    sheet: { type: "string" },
    mapping: { type: "string" },
    "as-of": { type: "string" },
    "no-alerts": { type: "boolean" },
    dimension: { type: "string" },
    value: { type: "string" },
    pct: { type: "string" },
    kind: { type: "string" },
    basis: { type: "string" },
    amount: { type: "string" },
    count: { type: "string" },
    top: { type: "string" },
    hhi: { type: "string" },
    target: { type: "string" },
    band: { type: "string" },
    reference: { type: "string" },
    note: { type: "string" },
    type: { type: "string" },
    severity: { type: "string" },
    status: { type: "string" },
    comment: { type: "string" },
    reason: { type: "string" },
    until: { type: "string" },
    cron: { type: "string" },
    "stale-after": { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
    shock: { type: "string", multiple: true },
    json: { type: "boolean" },
    sizes: { type: "string" },
    iterations: { type: "string" },
    "no-db": { type: "boolean" },
    "db-rows": { type: "string" },
    pages: { type: "boolean" },
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    password: { type: "string" },
    token: { type: "string" },
    rows: { type: "string" },
    duration: { type: "string" },
    connections: { type: "string" },
    "import-rows": { type: "string" },
    "xlsx-rows": { type: "string" },
    help: { type: "boolean", short: "h" },
  },
});

export type ToolOptions = typeof opts;

export const print = (value: unknown) =>
  console.log(typeof value === "string" ? value : JSON.stringify(value, null, 2));
