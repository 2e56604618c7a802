import { readFileSync } from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { describe, expect, test } from "vitest";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { withTestDatabase } from "../support/db";

// The migrations are hand-written SQL; this proves they build exactly the database that
// schema.prisma describes (tables, columns, types, nullability, defaults, indexes), so the Prisma
// client and `prisma migrate` would see no drift.

interface DmmfField {
  name: string;
  dbName: string | null;
  kind: string;
  type: string;
  isRequired: boolean;
  isList: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  nativeType: [string, string[]] | null;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  fields: Array<{ name: string; sortOrder?: string }>;
}

const dmmf = JSON.parse(
  get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", readFileSync("prisma/schema.prisma", "utf8")]] })),
) as {
  datamodel: { models: DmmfModel[]; indexes: DmmfIndex[] };
};
const models = dmmf.datamodel.models;
const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
const columnOf = (f: DmmfField) => f.dbName ?? f.name;

/** The Postgres type a scalar field maps to (Prisma's defaults, or its @db native type). */
function expectedType(field: DmmfField): string {
  if (field.isList) return "ARRAY";
  const native = field.nativeType?.[0];
  if (native === "Uuid") return "uuid";
  if (native === "Date") return "date";
  if (native === "Timestamptz") return `timestamp with time zone(${field.nativeType?.[1][0] ?? 6})`;
  if (native === "Decimal") return `numeric(${field.nativeType?.[1].join(",")})`;
  const defaults: Record<string, string> = {
    String: "text",
    Int: "integer",
    Float: "double precision",
    Boolean: "boolean",
    Json: "jsonb",
    DateTime: "timestamp without time zone(3)",
    Decimal: "numeric(65,30)",
  };
  return defaults[field.type] ?? `unmapped ${field.type}`;
}

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  is_nullable: "YES" | "NO";
  column_default: string | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
  datetime_precision: number | null;
}

function actualType(c: ColumnRow): string {
  if (c.data_type === "numeric") return `numeric(${c.numeric_precision},${c.numeric_scale})`;
  if (c.data_type.startsWith("timestamp")) return `${c.data_type}(${c.datetime_precision})`;
  return c.data_type;
}

describe("migrations", () => {
  const database = withTestDatabase();

  test("build the tables, columns, types and nullability schema.prisma describes", async () => {
    const columns = await database().prisma.$queryRawUnsafe<ColumnRow[]>(
      `SELECT table_name, column_name, data_type, is_nullable, column_default, numeric_precision, numeric_scale, datetime_precision
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const actual = new Map(columns.map((c) => [`${c.table_name}.${c.column_name}`, c]));
    const expected = new Set<string>();
    for (const model of models) {
      for (const field of model.fields.filter((f) => f.kind === "scalar")) {
        const key = `${tableOf(model)}.${columnOf(field)}`;
        expected.add(key);
        const column = actual.get(key);
        expect(column, `${key} is missing`).toBeDefined();
        if (!column) continue;
        expect(actualType(column), `${key} type`).toBe(expectedType(field));
        expect(column.is_nullable, `${key} nullability`).toBe(field.isRequired ? "NO" : "YES");
        expect(column.column_default !== null, `${key} has a default`).toBe(field.hasDefaultValue);
      }
    }
    expect(
      [...actual.keys()].filter((k) => !expected.has(k)),
      "columns the schema does not know",
    ).toEqual([]);
  });

  test("build every id, unique and index schema.prisma declares, and no others", async () => {
    const rows = await database().prisma.$queryRawUnsafe<
      Array<{ table: string; columns: string[]; is_unique: boolean; is_primary: boolean }>
    >(
      `SELECT t.relname AS table, array_agg(a.attname ORDER BY k.ord)::text[] AS columns, ix.indisunique AS is_unique, ix.indisprimary AS is_primary
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
         CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE t.relname <> '_prisma_migrations'
        GROUP BY t.relname, ix.indexrelid, ix.indisunique, ix.indisprimary`,
    );
    const describe = (table: string, kind: string, cols: string[]) => `${table} ${kind} (${cols.join(", ")})`;
    const actual = rows
      .map((r) => describe(r.table, r.is_primary ? "id" : r.is_unique ? "unique" : "normal", r.columns))
      .sort();
    const expected = dmmf.datamodel.indexes
      .map((ix) => {
        const model = models.find((m) => m.name === ix.model);
        if (!model) throw new Error(`no model ${ix.model}`);
        const cols = ix.fields.map((f) => {
          const field = model.fields.find((mf) => mf.name === f.name);
          return field ? columnOf(field) : f.name;
        });
        return describe(tableOf(model), ix.type, cols);
      })
      .sort();
    expect(actual).toEqual(expected);
  });

  test("are recorded in _prisma_migrations as prisma migrate does, and re-running applies nothing", async () => {
    const migrations = await readMigrations();
    const recorded = await database().prisma.$queryRawUnsafe<
      Array<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>
    >(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(recorded.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      migrations.map((m) => [m.name, m.checksum, 1]),
    );
    expect(recorded.every((r) => r.finished_at !== null)).toBe(true);

    const prisma = database().prisma;
    const session = {
      exec: async (sql: string) => void (await prisma.$executeRawUnsafe(sql)),
      query: <T>(sql: string, params: unknown[] = []) => prisma.$queryRawUnsafe<T[]>(sql, ...params),
    };
    // pg_advisory_lock returns void, which the query layer cannot read back; a stand-in session
    // that skips only the lock calls keeps this check about the bookkeeping.
    const bookkeeping = {
      ...session,
      query: <T>(sql: string, params: unknown[] = []) =>
        sql.includes("advisory") ? Promise.resolve([] as T[]) : session.query<T>(sql, params),
    };
    expect(await applyMigrations(bookkeeping, migrations)).toEqual([]);
  });

  test("create the default portfolio", async () => {
    const portfolios = await database().prisma.portfolio.findMany({ select: { slug: true } });
    expect(portfolios).toEqual([{ slug: "default" }]);
  });
});
