import { otherMethods } from "@/lib/http/fallback";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { getFirmExposures } from "@/lib/services/firm";

/** Every active portfolio's latest run added up; not about one portfolio, so `?portfolio=` is ignored. */
export const GET = route("viewer", async ({ ctx }) => json(await getFirmExposures(ctx)));

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
