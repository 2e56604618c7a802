import { otherMethods } from "@/lib/http/fallback";
import { parseJsonBody } from "@/lib/http/parse";
import { json } from "@/lib/http/respond";
import { route } from "@/lib/http/route";
import { scheduleSchema } from "@/lib/schemas";
import { portfolioContext } from "@/lib/services/portfolios";
import { getSchedule, setSchedule } from "@/lib/services/schedules";

export const GET = route<{ slug: string }>("viewer", async ({ params, ctx }) =>
  json(await getSchedule(await portfolioContext(params.slug, ctx.actor))),
);

export const PUT = route<{ slug: string }>("manager", async ({ request, params, ctx }) => {
  const portfolio = await portfolioContext(params.slug, ctx.actor);
  return json(await setSchedule(portfolio, await parseJsonBody(request, scheduleSchema)));
});

export const { POST, PATCH, DELETE } = otherMethods("GET", "PUT");
