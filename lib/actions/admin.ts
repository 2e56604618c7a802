"use server";

import { z } from "zod";
import { action } from "../http/action";
import { idSchema, roleUpdateSchema, tokenCreateSchema, userCreateSchema } from "../schemas";
import { createApiToken, revokeApiToken } from "../services/api-tokens";
import { createUser, setUserRole } from "../services/users";

const revalidate = ["/admin"];
const userId = z.string().min(1, "is required").max(100);
const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

export const createUserAction = action("admin", userCreateSchema, (input, ctx) => createUser(ctx, input), {
  invalid: "The user was not saved: check the highlighted fields.",
  revalidate,
});

export const setRoleAction = action(
  "admin",
  roleUpdateSchema.extend({ userId }),
  ({ userId, role }, ctx) => setUserRole(ctx, userId, role),
  {
    invalid: "The role was not saved: check the highlighted fields.",
    revalidate,
  },
);

/** The token acts as the chosen user (default: the admin creating it); it is shown once. */
export const createTokenAction = action(
  "admin",
  tokenCreateSchema.extend({ userId: z.preprocess(blankToUndefined, tokenCreateSchema.shape.userId) }),
  ({ name, userId }, ctx) => createApiToken(ctx, userId ?? ctx.actor?.id ?? "", name),
  { invalid: "The token was not saved: check the highlighted fields.", revalidate },
);

export const revokeTokenAction = action(
  "admin",
  // Token ids are uuids, as the REST route checks: anything else names no token.
  z.object({ id: idSchema }),
  ({ id }, ctx) => revokeApiToken(ctx, id),
  { revalidate },
);
