import { getDb } from "@/lib/db/client";
import { json } from "@/lib/http/respond";
import { handler } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = handler(async () => {
  const db = await getDb();
  await db.prisma.$queryRaw`SELECT 1`;
  return json({ status: "ok", database: db.kind });
});
