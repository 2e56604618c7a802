import nodemailer from "nodemailer";
import { MAIL_NOT_CONFIGURED, mailSettings, SEND_TIMEOUT_MS } from "./config";
import { type DigestPayload, digestEmailOf, emailOf, type NotificationPayload, slackOf } from "./messages";
import { OutboundError, postJson } from "./outbound";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";

// One send of one event to one channel. Resolves when the receiver took it; throws with a message
// for the delivery's lastError otherwise. Retrying is the caller's business.

export interface Destination {
  kind: string;
  url: string | null;
  secret: string | null;
  recipients: readonly string[];
}

/** A webhook's answer: any 2xx is taken; anything else (a redirect too) is a failure. */
async function post(url: string | null, body: string, headers: Record<string, string> = {}): Promise<void> {
  if (!url) throw new OutboundError("the channel has no URL");
  const answer = await postJson(url, body, headers);
  if (answer.status < 200 || answer.status > 299)
    throw new OutboundError(`HTTP ${answer.status}${answer.body ? `: ${answer.body.slice(0, 200)}` : ""}`);
}

export async function send(to: Destination, payload: NotificationPayload, now = new Date()): Promise<void> {
  if (to.kind === "webhook") {
    // In the documented order (a jsonb payload comes back with its keys reordered).
    const { id, type, occurredAt, portfolio, alert, url } = payload;
    const body = JSON.stringify({ id, type, occurredAt, portfolio, alert, url });
    const t = Math.floor(now.getTime() / 1000);
    return post(to.url, body, {
      [SIGNATURE_HEADER]: signatureHeader(to.secret ?? "", t, body),
      "X-Aker-Event": payload.id,
    });
  }
  if (to.kind === "slack") return post(to.url, JSON.stringify(slackOf(payload)));
  if (to.kind === "email") return sendEmail(to.recipients, payload);
  throw new OutboundError(`unknown channel kind ${to.kind}`);
}

/** A user's daily digest, by email only. */
export function sendDigest(recipients: readonly string[], payload: DigestPayload): Promise<void> {
  return mail(recipients, payload.id, digestEmailOf(payload));
}

function sendEmail(recipients: readonly string[], payload: NotificationPayload): Promise<void> {
  return mail(recipients, payload.id, emailOf(payload));
}

async function mail(recipients: readonly string[], eventId: string, message: { subject: string; text: string }) {
  const settings = mailSettings();
  if (!settings) throw new OutboundError(MAIL_NOT_CONFIGURED);
  const transport = nodemailer.createTransport({
    url: settings.url,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  try {
    await transport.sendMail({
      from: settings.from,
      to: [...recipients],
      subject: message.subject,
      text: message.text,
      // The event id as the message id's left part: a mailbox can dedupe a retried send.
      messageId: `<${eventId}@aker-portfolio>`,
      headers: { "X-Aker-Event": eventId },
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } finally {
    transport.close();
  }
}
