import { randomBytes } from "node:crypto";
import type { Actor } from "@/lib/auth/roles";
import {
  type LimitCreate,
  type LimitCreateInput,
  type LimitUpdate,
  limitCreateSchema,
  limitUpdateSchema,
} from "@/lib/schemas";
import type { PortfolioContext } from "@/lib/services/context";
import { createPortfolio } from "@/lib/services/portfolios";

/** A fresh portfolio per test, so tests sharing one database never see each other's data; as "system". */
export async function freshPortfolio(actor: Actor | null = null): Promise<PortfolioContext> {
  const slug = `t-${randomBytes(4).toString("hex")}`;
  return { actor, portfolio: await createPortfolio({ slug, name: slug }) };
}

/** The same portfolio, acting as someone (an alert's history and the audit log name them). */
export function as(ctx: PortfolioContext, name: string, role: Actor["role"] = "manager"): PortfolioContext {
  const id = name.toLowerCase().replace(/\W+/g, "-");
  return { ...ctx, actor: { id, email: `${id}@example.com`, name, role, via: "session" } };
}

/** Services take parsed input: the edge applies the schema's defaults, so tests do too. */
export const limitOf = (input: LimitCreateInput): LimitCreate => limitCreateSchema.parse(input);
export const limitPatchOf = (input: LimitUpdate): LimitUpdate => limitUpdateSchema.parse(input);

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A CSV of `rows`, quoting as RFC 4180 does; columns are the first row's keys. */
export function csvOf(rows: Array<Record<string, string | number>>): string {
  const columns = Object.keys(rows[0] ?? {});
  return [columns.join(","), ...rows.map((r) => columns.map((c) => quote(String(r[c] ?? ""))).join(","))].join("\n");
}
