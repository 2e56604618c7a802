import { createHash } from "node:crypto";
import { expect } from "vitest";
import { type AppServer, startAppServer } from "./app-server";
import { type Answer, type Case, describeCase, hasErrorShape } from "./hostile-case";

// Sends hostile requests to the production build and checks, after each, the three promises of
// "hostile and broken input": no 5xx, errors in the one `{ error: { code, message } }` shape, and
// a refused request (or any GET) leaves the portfolio exactly as it was — compared through the
// REST API before and after every case. Used by tests/api/fuzz.test.ts and request-caps.test.ts.

interface Finding {
  what: string;
  request: string;
  answer: string;
}

/** lib/http/respond.ts's backstop: the database refused a value that validation should have named. */
const BACKSTOP = "A value is outside what can be stored";

export class Harness {
  readonly tally = {
    cases: 0,
    accepted: 0,
    refused: 0,
    serverErrors: 0,
    partialWrites: 0,
    badErrorBodies: 0,
    databaseRefusals: 0,
  };
  readonly findings: Finding[] = [];
  /** Ids that exist, so bodies reach validation rather than a 404. */
  readonly known = { threshold: "", alert: "", run: "" };
  private before: Record<string, string> = {};

  private constructor(
    readonly server: AppServer,
    readonly slug: string,
  ) {}

  /** A server with `env` on a throwaway database, and a portfolio with positions, a run, a limit and an open alert. */
  static async start(name: string, env: Record<string, string>): Promise<Harness> {
    const h = new Harness(await startAppServer(`aker_${name}`, { env }), `${name}-${Date.now().toString(36)}`);
    const json = "application/json";
    const created = await h.send({
      method: "POST",
      path: "/api/portfolios",
      body: JSON.stringify({ slug: h.slug, name }),
      contentType: json,
    });
    expect(created.status, created.text).toBe(201);
    const csv = [
      "position_id,strategy,state,msa_id,position_value",
      "P1,value_add,CA,31080,1000000",
      "P2,value_add,TX,12420,1500000",
      "P3,core_plus,CA,31080,2000000",
    ].join("\n");
    const imported = await h.send({
      method: "POST",
      path: "/api/positions/import",
      query: h.query,
      body: csv,
      contentType: "text/csv",
    });
    expect(imported.status, imported.text).toBe(201);
    const limit = await h.send({
      method: "POST",
      path: "/api/thresholds",
      query: h.query,
      body: JSON.stringify({ dimensionType: "state", thresholdPct: 30 }),
      contentType: json,
    });
    expect(limit.status, limit.text).toBe(201);
    h.known.threshold = (JSON.parse(limit.text) as { id: string }).id;
    const run = await h.send({
      method: "POST",
      path: "/api/exposures/runs",
      query: h.query,
      body: JSON.stringify({ asOfDate: "2025-01-31" }),
      contentType: json,
    });
    expect(run.status, run.text).toBe(201);
    h.known.run = (JSON.parse(run.text) as { id: string }).id;
    const alerts = JSON.parse((await h.send({ method: "GET", path: "/api/alerts", query: h.query })).text) as {
      items: Array<{ id: string }>;
    };
    h.known.alert = alerts.items[0]?.id ?? "";
    expect(h.known.alert).not.toBe("");
    h.before = await h.snapshot();
    return h;
  }

  get query(): string {
    return `portfolio=${this.slug}`;
  }

  async send(c: Case): Promise<Answer> {
    const headers = new Headers(this.server.headers("manager"));
    let body = c.body;
    // A string body makes fetch add text/plain; bytes carry no type of their own.
    if (c.contentType === null && typeof body === "string") body = new TextEncoder().encode(body);
    if (typeof c.contentType === "string") headers.set("content-type", c.contentType);
    const init: RequestInit & { duplex?: "half" } = {
      method: c.method,
      headers,
      body: (body ?? null) as BodyInit | null,
    };
    if (body instanceof ReadableStream) init.duplex = "half";
    const response = await fetch(`${this.server.baseUrl}${c.path}${c.query ? `?${c.query}` : ""}`, init);
    return {
      status: response.status,
      contentType: response.headers.get("content-type") ?? "",
      text: await response.text(),
    };
  }

  /** What the portfolio holds, as the REST API shows it: one checksum per part. */
  async snapshot(): Promise<Record<string, string>> {
    const parts: Array<[string, string, string | undefined]> = [
      ["positions", "/api/positions", `${this.query}&limit=1000`],
      ["batches", "/api/positions/batches", this.query],
      ["runs", "/api/exposures/runs", this.query],
      ["limits", "/api/thresholds", this.query],
      ["alerts", "/api/alerts", `${this.query}&limit=500`],
      ["portfolios", "/api/portfolios", undefined],
    ];
    const out: Record<string, string> = {};
    for (const [name, path, query] of parts) {
      const answer = await this.send({ method: "GET", path, query });
      if (answer.status !== 200) throw new Error(`snapshot ${path}: ${answer.status} ${answer.text}`);
      out[name] = createHash("sha256").update(answer.text).digest("hex").slice(0, 16);
    }
    return out;
  }

  /** Makes a write and tells whether the snapshot saw it: a snapshot blind to writes would prove nothing. */
  async snapshotSeesWrites(): Promise<boolean> {
    const limit = await this.send({
      method: "POST",
      path: "/api/thresholds",
      query: this.query,
      body: JSON.stringify({ dimensionType: "strategy", thresholdPct: 90 }),
      contentType: "application/json",
    });
    expect(limit.status, limit.text).toBe(201);
    const after = await this.snapshot();
    const seen = after.limits !== this.before.limits;
    this.before = after;
    return seen;
  }

  /** Sends one case and checks the three promises; the state after is the next case's before. */
  async check(c: Case, via: (c: Case) => Promise<Answer> = (x) => this.send(x)): Promise<Answer> {
    this.tally.cases += 1;
    let answer: Answer;
    try {
      answer = await via(c);
    } catch (error) {
      // The server dropped the connection: as bad as a 500 for a client.
      answer = {
        status: 599,
        contentType: "",
        text: `no answer: ${(error as Error).message} ${String((error as Error).cause ?? "")}`,
      };
    }
    const note = (what: string) =>
      this.findings.push({
        what,
        request: describeCase(c),
        answer: `${answer.status} ${answer.contentType} ${answer.text.slice(0, 300)}`,
      });
    if (answer.status < 400) this.tally.accepted += 1;
    else if (answer.status < 500) this.tally.refused += 1;
    if (answer.status >= 500) {
      this.tally.serverErrors += 1;
      note(`${answer.status}`);
    }
    if (answer.text.includes(BACKSTOP)) {
      this.tally.databaseRefusals += 1;
      note("refused by the database, not by validation");
    }
    // 431: Node's HTTP parser refuses a URL over its 16 KB header limit before the app sees it.
    if (answer.status >= 400 && answer.status !== 431 && !hasErrorShape(answer)) {
      this.tally.badErrorBodies += 1;
      note("error body shape");
    }
    const after = await this.snapshot();
    if (answer.status >= 400 || c.method === "GET") {
      const changed = Object.keys(after).filter((k) => after[k] !== this.before[k]);
      if (changed.length) {
        this.tally.partialWrites += 1;
        note(`wrote ${changed.join(", ")}`);
      }
    }
    this.before = after;
    return answer;
  }

  /** Prints the figures and the first findings; stops the server. */
  async finish(label: string, extra = ""): Promise<void> {
    const t = this.tally;
    console.log(`${label}: ${t.cases} cases run, ${t.serverErrors} 5xx, ${t.partialWrites} partial writes${extra}`);
    console.log(
      `${label} detail: ${t.accepted} accepted, ${t.refused} refused with a 4xx, ${t.badErrorBodies} malformed error bodies, ${t.databaseRefusals} values only the database refused`,
    );
    for (const f of this.findings.slice(0, 10))
      console.log(`${label} finding: ${f.what}\n  request: ${f.request}\n  answer: ${f.answer}`);
    await this.server.stop();
  }

  expectNoFindings(): void {
    expect(this.findings, this.findings.map((f) => `${f.what}: ${f.request} → ${f.answer}`).join("\n")).toEqual([]);
  }
}
