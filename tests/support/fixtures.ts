import { randomBytes } from "node:crypto";
import { createPortfolio } from "@/lib/portfolios";

/** A fresh portfolio per test, so tests sharing one database never see each other's data. */
export async function freshPortfolio(): Promise<string> {
  const slug = `t-${randomBytes(4).toString("hex")}`;
  await createPortfolio({ slug, name: slug });
  return slug;
}

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A CSV of `rows`, quoting as RFC 4180 does; columns are the first row's keys. */
export function csvOf(rows: Array<Record<string, string | number>>): string {
  const columns = Object.keys(rows[0] ?? {});
  return [columns.join(","), ...rows.map((r) => columns.map((c) => quote(String(r[c] ?? ""))).join(","))].join("\n");
}
