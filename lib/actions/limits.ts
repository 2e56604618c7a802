"use server";

import { z } from "zod";
import { action, type Revalidate } from "../http/action";
import { idSchema, limitCreateSchema, limitUpdateSchema } from "../schemas";
import { createLimit, deleteLimit, type LimitDto, updateLimit } from "../services/limits";

// Limits feed the dials, the exposure tables, the trend reference lines and the alerts.
const revalidate: Revalidate[] = ["/limits", "/", "/alerts", "/trends", ["/exposures/[dimension]", "page"]];
const invalid = "The limit was not saved: check the highlighted fields.";

export const createLimitAction = action(
  "manager",
  limitCreateSchema,
  (input, ctx): Promise<LimitDto> => createLimit(ctx, input),
  { invalid, revalidate },
);

export const updateLimitAction = action(
  "manager",
  limitUpdateSchema.extend({ id: idSchema }),
  ({ id, ...patch }, ctx): Promise<LimitDto> => updateLimit(ctx, id, patch),
  { invalid, revalidate },
);

export const deleteLimitAction = action("manager", z.object({ id: idSchema }), ({ id }, ctx) => deleteLimit(ctx, id), {
  revalidate,
});
