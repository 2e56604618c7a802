"use client";

import { type FormEvent, useState } from "react";
import { Button } from "../ui/button";
import { Field } from "./field";

/** Email and password against better-auth's endpoint; the session cookie comes back with the answer. */
export function SignInForm({ sso }: { sso: boolean }) {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(undefined);
    try {
      const res = await fetch("/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: form.get("email"), password: form.get("password") }),
      });
      if (res.ok) {
        window.location.assign("/");
        return;
      }
      setError(
        res.status === 401
          ? "That email and password do not match an account."
          : `Sign-in failed (${res.status}). Try again.`,
      );
    } catch {
      setError("The server could not be reached. Try again.");
    }
    setPending(false);
  };

  const signInWithSso = async () => {
    const res = await fetch("/api/auth/sign-in/oauth2", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ providerId: "sso", callbackURL: "/" }),
    });
    const body = (await res.json().catch(() => ({}))) as { url?: string };
    if (body.url) window.location.assign(body.url);
    else setError("Single sign-on is not answering. Try again or use your password.");
  };

  return (
    <form onSubmit={submit} noValidate data-testid="sign-in-form">
      <Field id="email" label="Email" type="email" autoComplete="username" required autoFocus />
      <Field id="password" label="Password" type="password" autoComplete="current-password" required />
      <p role="alert" className="mb-3 min-h-5 text-sm text-breach">
        {error}
      </p>
      <Button type="submit" variant="primary" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      {sso && (
        <Button onClick={() => void signInWithSso()} className="mt-2 w-full">
          Sign in with single sign-on
        </Button>
      )}
    </form>
  );
}
