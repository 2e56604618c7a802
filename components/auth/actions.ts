"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/lib/auth/server";
import { createFirstAdmin } from "@/lib/auth/users";
import { isAppError } from "@/lib/errors";

export interface SetupResult {
  ok: false;
  message: string;
  fieldErrors?: Record<string, string>;
}

/** First run only: creates the first admin and signs them in. */
export async function setupFirstAdmin(_: SetupResult | null, form: FormData): Promise<SetupResult | null> {
  const input = { email: String(form.get("email") ?? ""), name: String(form.get("name") ?? ""), password: String(form.get("password") ?? "") };
  try {
    await createFirstAdmin(input);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const fieldErrors: Record<string, string> = {};
    for (const d of error.details ?? []) fieldErrors[d.field] ??= d.message;
    return { ok: false, message: error.message, fieldErrors };
  }
  await (await getAuth()).api.signInEmail({ body: { email: input.email, password: input.password }, headers: await headers() });
  redirect("/");
}

export async function signOut(): Promise<void> {
  await (await getAuth()).api.signOut({ headers: await headers() });
  redirect("/sign-in");
}
