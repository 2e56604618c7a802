import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { ssoConfigured } from "@/lib/auth/server";
import { getActor } from "@/lib/http/page";
import { countUsers } from "@/lib/services/users";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await getActor()) redirect("/");
  if ((await countUsers()) === 0) redirect("/setup");
  return (
    <>
      <h1 className="mb-4 text-lg font-semibold">Sign in</h1>
      <SignInForm sso={ssoConfigured()} />
    </>
  );
}
