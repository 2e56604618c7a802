import { otherMethods } from "@/lib/http/fallback";
import { json } from "@/lib/http/respond";
import { handler } from "@/lib/http/route";
import { checkHealth } from "@/lib/services/health";

export const dynamic = "force-dynamic";

/** Open to all: load balancers and the load test ask it. */
export const GET = handler(async () => json(await checkHealth()));

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
