import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { allowPrivateDestinations, SEND_TIMEOUT_MS } from "./config";

// Webhook and Slack URLs are typed by admins but fetched by the server, so they must not reach
// the server's own network (SSRF): private, loopback, link-local and other non-public addresses are
// refused unless AKER_WEBHOOK_ALLOW_PRIVATE=1. The check runs when a channel is saved and again on
// every send, on the address the connection actually uses (a DNS answer may change in between).

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const)
  blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8], // multicast
] as const)
  blocked.addSubnet(net, prefix, "ipv6");

/** Whether an IP address is outside the public internet (IPv4-mapped IPv6 judged as its IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) return blocked.check(address, "ipv6");
  return true;
}

/** A destination refused or unreachable, with a message for people. */
export class OutboundError extends Error {
  override name = "OutboundError";
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "");

function refusal(url: URL, address: string): OutboundError {
  return new OutboundError(
    `${hostOf(url)} is a private, loopback or link-local address (${address}); set AKER_WEBHOOK_ALLOW_PRIVATE=1 to allow it`,
  );
}

/** Parses a webhook or Slack URL: http(s) only. */
export function parseDestination(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundError("must be an absolute http:// or https:// URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new OutboundError("must be an http:// or https:// URL");
  return url;
}

/** At save time: the URL is http(s) and its host resolves to public addresses only. */
export async function assertDeliverable(raw: string): Promise<void> {
  const url = parseDestination(raw);
  if (allowPrivateDestinations()) return;
  const host = hostOf(url);
  const addresses = isIP(host)
    ? [host]
    : await dns.promises.lookup(host, { all: true, verbatim: true }).then(
        (found) => found.map((a) => a.address),
        (error: NodeJS.ErrnoException) => {
          throw new OutboundError(`${host} does not resolve (${error.code ?? "DNS error"})`);
        },
      );
  const bad = addresses.find(isPrivateAddress);
  if (bad) throw refusal(url, bad);
}

/** The DNS lookup of every send: the address the socket will connect to is checked here. */
const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, list) => {
    if (error) return callback(error, "", 4);
    const bad = list.find((a) => isPrivateAddress(a.address));
    if (bad && !allowPrivateDestinations()) return callback(refusal(new URL(`http://${hostname}`), bad.address), "", 4);
    if (options.all) return callback(null, list);
    const first = list[0];
    if (!first) return callback(new OutboundError(`${hostname} has no address`), "", 4);
    callback(null, first.address, first.family);
  });
};

export interface PostResult {
  status: number;
  body: string;
}

/**
 * POSTs a body to a webhook: the address checked on connection, redirects not followed (a 3xx is
 * a failure), at most SEND_TIMEOUT_MS in all. Resolves with any answer; the caller judges it.
 */
export function postJson(raw: string, body: string, headers: Record<string, string>): Promise<PostResult> {
  const url = parseDestination(raw);
  const host = hostOf(url);
  if (isIP(host) && isPrivateAddress(host) && !allowPrivateDestinations()) return Promise.reject(refusal(url, host));
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": "aker-portfolio-notifications/1",
          ...headers,
        },
        lookup: guardedLookup,
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          // Only the start of an answer is kept, for the delivery's last error.
          if (size < 2048) chunks.push(chunk);
          size += chunk.length;
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8").slice(0, 500) }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", (error: Error) =>
      reject(
        error.name === "AbortError" || error.name === "TimeoutError"
          ? new OutboundError(`no answer within ${SEND_TIMEOUT_MS / 1000} s`)
          : error,
      ),
    );
    request.end(body);
  });
}
