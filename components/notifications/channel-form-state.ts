// The channel form's values and what it sends: only the fields the channel's kind takes (the
// server refuses the others), the secret only when typed (it is write-only: blank keeps it).

import type { Dimension, Severity } from "@/lib/engine/types";
import type { ChannelKind } from "@/lib/schemas";

export interface ChannelFormValues {
  kind: ChannelKind;
  name: string;
  /** "" means every portfolio. */
  portfolio: string;
  minSeverity: Severity;
  /** None checked means every dimension. */
  dimensions: Dimension[];
  /** Addresses separated by commas, spaces or new lines. */
  recipients: string;
  url: string;
  secret: string;
}

export const EMPTY_CHANNEL_FORM: ChannelFormValues = {
  kind: "webhook",
  name: "",
  portfolio: "",
  minSeverity: "warning",
  dimensions: [],
  recipients: "",
  url: "",
  secret: "",
};

type KindField = "recipients" | "url" | "secret";
const KIND_FIELDS: Record<ChannelKind, readonly KindField[]> = {
  email: ["recipients"],
  webhook: ["url", "secret"],
  slack: ["url"],
};

export const kindShows = (kind: ChannelKind, field: KindField) => KIND_FIELDS[kind].includes(field);

/**
 * The channel as the form shows it for editing: the secret and a Slack URL (masked, a credential)
 * are never sent back, so they start blank, and blank keeps them.
 */
export function fromChannel(c: {
  kind: ChannelKind;
  name: string;
  portfolio: string | null;
  minSeverity: Severity;
  dimensions: Dimension[];
  recipients: string[];
  url: string | null;
  urlMasked?: boolean;
}): ChannelFormValues {
  return {
    kind: c.kind,
    name: c.name,
    portfolio: c.portfolio ?? "",
    minSeverity: c.minSeverity,
    dimensions: [...c.dimensions],
    recipients: c.recipients.join(", "),
    url: c.urlMasked ? "" : (c.url ?? ""),
    secret: "",
  };
}

export const splitRecipients = (text: string) => text.split(/[\s,;]+/).filter((s) => s !== "");

/** On an edit, a blank secret or Slack URL is left out: the stored one is kept. */
export const keepsWhenBlank = (kind: ChannelKind, field: KindField) =>
  field === "secret" || (kind === "slack" && field === "url");

/** What the create and update actions get besides the kind (which an update cannot change). */
export function toChannelInput(values: ChannelFormValues, editing: boolean) {
  const shows = (field: KindField) => kindShows(values.kind, field);
  const send = (field: "url" | "secret") =>
    shows(field) && !(editing && values[field] === "" && keepsWhenBlank(values.kind, field));
  return {
    name: values.name,
    portfolio: values.portfolio === "" ? null : values.portfolio,
    minSeverity: values.minSeverity,
    dimensions: values.dimensions,
    ...(shows("recipients") ? { recipients: splitRecipients(values.recipients) } : {}),
    ...(send("url") ? { url: values.url } : {}),
    ...(send("secret") ? { secret: values.secret } : {}),
  };
}
