import { otherMethods } from "@/lib/http/fallback";
import { parseQuery } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { searchMsas } from "@/lib/reference/cbsa";
import { msaSearchSchema } from "@/lib/schemas";

// The CBSA list is ~48 kB of names: pickers ask for a few matches instead of shipping all of it.
export const GET = route("viewer", async ({ request }) => {
  const { q, limit } = parseQuery(request, msaSearchSchema);
  return json({ items: searchMsas(q, limit) });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
