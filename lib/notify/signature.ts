import { createHmac, timingSafeEqual } from "node:crypto";

// Webhook signatures as Stripe documents them: HMAC-SHA256 with the channel's secret over
// `${t}.${rawBody}`, sent as `X-Aker-Signature: t=<unix seconds>,v1=<hex>`. A receiver recomputes
// it over the raw body it got and rejects old timestamps (replays).

export const SIGNATURE_HEADER = "X-Aker-Signature";

export function signatureOf(secret: string, timestamp: number, rawBody: string): string {
  return createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest("hex");
}

/** The header value for a body sent at `timestamp` (unix seconds). */
export function signatureHeader(secret: string, timestamp: number, rawBody: string): string {
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, rawBody)}`;
}

/** What a receiver does: true when the header signs this body and is at most `toleranceS` old. */
export function verifySignature(
  secret: string,
  header: string,
  rawBody: string,
  nowS = Math.floor(Date.now() / 1000),
  toleranceS = 300,
): boolean {
  const parts = new Map(header.split(",").map((p) => p.trim().split("=", 2) as [string, string]));
  const t = Number(parts.get("t"));
  const v1 = parts.get("v1") ?? "";
  if (!Number.isInteger(t) || Math.abs(nowS - t) > toleranceS || !/^[0-9a-f]{64}$/.test(v1)) return false;
  return timingSafeEqual(Buffer.from(v1, "hex"), Buffer.from(signatureOf(secret, t, rawBody), "hex"));
}
