import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/auth/setup-form";
import { countUsers } from "@/lib/services/users";

export const metadata: Metadata = { title: "First-run setup" };

/** Only on a new install: the first account, an admin. Afterwards it sends people to sign in. */
export default async function SetupPage() {
  if ((await countUsers()) > 0) redirect("/sign-in");
  return (
    <>
      <h1 className="text-lg font-semibold">Create the first admin</h1>
      <p className="mb-4 mt-1 text-sm text-muted">
        This install has no users yet. The admin adds everyone else, with their roles.
      </p>
      <SetupForm />
    </>
  );
}
