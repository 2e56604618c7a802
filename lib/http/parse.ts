import type { z } from "zod";
import { AppError, type FieldIssue } from "../errors";
import { maxJsonBytes } from "../request-caps";
import { readBodyBytes } from "./body";

// Input is validated here, at the edge, with the schemas of lib/schemas.ts; services trust it.

/** A field as errors name it: an array's element by its index, `limits[1].thresholdAmount`, as trades are named. */
function fieldName(path: readonly PropertyKey[], prefix?: string): string {
  let field = prefix ?? "";
  for (const key of path) {
    const name = String(key);
    if (typeof key === "number") field += `[${name}]`;
    else if (name !== "") field = field ? `${field}.${name}` : name;
  }
  return field || "body";
}

export function zodIssues(error: z.ZodError, prefix?: string): FieldIssue[] {
  return error.issues.map((issue) => ({ field: fieldName(issue.path, prefix), message: issue.message }));
}

/**
 * The path of the first string holding U+0000, which Postgres text cannot store: refused here
 * with its field named, rather than by the database with a vaguer message. Iterative, because a
 * JSON body can nest deeper than the stack.
 */
function nulPath(value: unknown): string | null {
  const stack: Array<[unknown, string]> = [[value, ""]];
  while (stack.length) {
    const [item, path] = stack.pop() as [unknown, string];
    if (typeof item === "string") {
      if (item.includes("\u0000")) return path || "body";
    } else if (typeof item === "object" && item !== null) {
      for (const [key, child] of Object.entries(item)) stack.push([child, path ? `${path}.${key}` : key]);
    }
  }
  return null;
}

export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string, prefix?: string): T {
  const result = schema.safeParse(value);
  if (result.success) {
    const nul = nulPath(result.data);
    if (nul === null) return result.data;
    const field = [prefix, nul].filter(Boolean).join(".");
    throw new AppError("invalid_input", `Invalid ${what}: ${field}: contains a NUL character (U+0000)`, [
      { field, message: "contains a NUL character (U+0000)" },
    ]);
  }
  const details = zodIssues(result.error, prefix);
  const first = details[0];
  throw new AppError(
    "invalid_input",
    `Invalid ${what}: ${first ? `${first.field}: ${first.message}` : "bad value"}`,
    details,
  );
}

export function parseQuery<T>(request: Request, schema: z.ZodType<T>): T {
  return parseOrThrow(schema, Object.fromEntries(new URL(request.url).searchParams), "query parameters");
}

export async function parseJsonBody<T>(request: Request, schema: z.ZodType<T>): Promise<T> {
  const text = new TextDecoder().decode(await readBodyBytes(request, maxJsonBytes(), "The JSON body"));
  let body: unknown = {};
  if (text.trim() !== "") {
    try {
      body = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : "unreadable";
      throw new AppError("invalid_input", `Request body is not valid JSON: ${reason}`, [
        { field: "body", message: reason },
      ]);
    }
  }
  return parseOrThrow(schema, body, "request body");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that cannot exist is a 404, not a database error. */
export function uuidParam(id: string, what: string): string {
  if (!UUID.test(id)) throw new AppError("not_found", `${what} ${id} does not exist`);
  return id.toLowerCase();
}
