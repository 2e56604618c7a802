"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentActor } from "@/lib/auth/context";
import { createApiToken, revokeApiToken, type ApiTokenDto } from "@/lib/auth/tokens";
import { createUser, setUserRole, userCreateSchema, type UserDto } from "@/lib/auth/users";
import { isAppError, type FieldIssue } from "@/lib/errors";
import { roleUpdateSchema, tokenCreateSchema } from "@/lib/schemas";
import { asActor } from "../auth/guard";

export type AdminFailure = { ok: false; message: string; fieldErrors?: Record<string, string> };
export type AdminResult<T extends object = object> = ({ ok: true } & T) | AdminFailure;

/** What the new-user form sent back, so a failed submit keeps what was typed (never the password). */
export type CreateUserResult = AdminResult<{ user: UserDto }> & { values?: { name: string; email: string; role: string } };
export type CreateTokenResult = AdminResult<{ token: string; apiToken: ApiTokenDto }>;

const idSchema = z.string().min(1).max(100);

function fieldErrorsOf(details: ReadonlyArray<Pick<FieldIssue, "field" | "message">> | undefined): Record<string, string> | undefined {
  const fieldErrors: Record<string, string> = {};
  for (const d of details ?? []) fieldErrors[d.field] ??= d.message;
  return Object.keys(fieldErrors).length > 0 ? fieldErrors : undefined;
}

function invalid(error: z.ZodError, what: string): AdminFailure {
  const details = error.issues.map((i) => ({ field: String(i.path[0] ?? "form"), message: i.message }));
  return { ok: false, message: `${what} was not saved: check the highlighted fields.`, fieldErrors: fieldErrorsOf(details) };
}

/** Expected failures (duplicate email, last admin, gone) come back as values; anything else is thrown. */
async function run<T extends object>(work: () => Promise<T>): Promise<AdminResult<T>> {
  try {
    const result = await work();
    revalidatePath("/admin");
    return { ok: true, ...result };
  } catch (error) {
    if (isAppError(error) && error.status < 500) return { ok: false, message: error.message, fieldErrors: fieldErrorsOf(error.details) };
    throw error;
  }
}

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

export async function createUserAction(_: CreateUserResult | null, form: FormData): Promise<CreateUserResult> {
  const values = { name: text(form, "name"), email: text(form, "email"), role: text(form, "role") };
  const parsed = userCreateSchema.safeParse({ ...values, password: text(form, "password") });
  if (!parsed.success) return { ...invalid(parsed.error, "The user"), values };
  const result = await asActor("admin", () => run(async () => ({ user: await createUser(parsed.data) })));
  return result.ok ? result : { ...result, values };
}

export async function setRoleAction(userId: string, role: string): Promise<AdminResult<{ user: UserDto }>> {
  const id = idSchema.safeParse(userId);
  if (!id.success) return { ok: false, message: `User ${userId} does not exist.` };
  const parsed = roleUpdateSchema.safeParse({ role });
  if (!parsed.success) return invalid(parsed.error, "The role");
  return asActor("admin", () => run(async () => ({ user: await setUserRole(id.data, parsed.data.role) })));
}

export async function createTokenAction(_: CreateTokenResult | null, form: FormData): Promise<CreateTokenResult> {
  const parsed = tokenCreateSchema.safeParse({ name: text(form, "name"), userId: text(form, "userId") || undefined });
  if (!parsed.success) return invalid(parsed.error, "The token");
  const { name, userId } = parsed.data;
  return asActor("admin", () => run(() => createApiToken(userId ?? currentActor()?.id ?? "", name)));
}

export async function revokeTokenAction(tokenId: string): Promise<AdminResult> {
  const id = idSchema.safeParse(tokenId);
  if (!id.success) return { ok: false, message: `API token ${tokenId} does not exist.` };
  return asActor("admin", () => run(async () => (await revokeApiToken(id.data), {})));
}
