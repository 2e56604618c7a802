import { getDb } from "../db/client";

/** The database answers a query: what /api/health reports, and the load test's floor. */
export async function checkHealth(): Promise<{ status: "ok"; database: "postgres" | "pglite" }> {
  const db = await getDb();
  await db.prisma.$queryRaw`SELECT 1`;
  return { status: "ok", database: db.kind };
}
