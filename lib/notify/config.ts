// Settings of notifications, read from the environment when used (tests change them per case).

/** Where links in messages point: AKER_PUBLIC_URL, else better-auth's BETTER_AUTH_URL, else local. */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.AKER_PUBLIC_URL?.trim() || env.BETTER_AUTH_URL?.trim() || "http://localhost:3000";
  return url.replace(/\/+$/, "");
}

export interface MailSettings {
  url: string;
  from: string;
}

/** SMTP for email channels: both AKER_SMTP_URL and AKER_MAIL_FROM, or none (email is refused). */
export function mailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings | null {
  const url = env.AKER_SMTP_URL?.trim();
  const from = env.AKER_MAIL_FROM?.trim();
  return url && from ? { url, from } : null;
}

export const MAIL_NOT_CONFIGURED =
  "Email channels need the server's AKER_SMTP_URL (smtp://user:pass@host:587) and AKER_MAIL_FROM to be set.";

/** AKER_WEBHOOK_ALLOW_PRIVATE=1 lets webhooks reach private, loopback and link-local addresses (tests, on-premise). */
export function allowPrivateDestinations(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.AKER_WEBHOOK_ALLOW_PRIVATE === "1";
}

/** The in-app delivery worker runs unless AKER_NOTIFY_WORKER=0. */
export function workerEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.AKER_NOTIFY_WORKER !== "0";
}

/** Every outbound send (HTTP or SMTP) gives up after this long. */
export const SEND_TIMEOUT_MS = 10_000;
