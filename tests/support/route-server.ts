/// <reference types="vitest/jsdom" />
import { readdirSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { vi } from "vitest";

// The REAL route handlers of app/api, served in-process over HTTP on 127.0.0.1 the way Next routes
// to them: the folder names are the path, [id] is a param, [...path] takes the rest, a static
// segment wins over a param and a param over a catch-all. Each request is signed in with the API
// token given, standing in for the browser's session cookie.

const API_DIR = path.resolve(import.meta.dirname, "../../app/api");
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade"]);

type Params = Record<string, string | string[]>;
type RouteHandler = (request: Request, segment: { params: Promise<Params> }) => Promise<Response>;

interface RouteFile {
  segments: string[];
  file: string;
}

function findRoutes(): RouteFile[] {
  return readdirSync(API_DIR, { recursive: true, encoding: "utf8" })
    .filter((name) => path.basename(name) === "route.ts")
    .map((name) => ({
      segments: [
        "api",
        ...path
          .dirname(name)
          .split(path.sep)
          .filter((s) => s !== "."),
      ],
      file: path.join(API_DIR, name),
    }))
    .sort((a, b) => specificity(a.segments).localeCompare(specificity(b.segments)));
}

/** Sorts static before [param] before [...catchAll], segment by segment. */
const specificity = (segments: string[]) =>
  `${segments.map((s) => (s.startsWith("[...") ? "2" : s.startsWith("[") ? "1" : "0")).join("")}3`;

function match(segments: string[], parts: string[]): Params | null {
  const params: Params = {};
  for (const [i, segment] of segments.entries()) {
    const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment)?.[1];
    if (catchAll) {
      if (parts.length <= i) return null;
      params[catchAll] = parts.slice(i);
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    const param = /^\[(\w+)\]$/.exec(segment)?.[1];
    if (param) params[param] = part;
    else if (segment !== part) return null;
  }
  return segments.length === parts.length ? params : null;
}

async function toRequest(req: IncomingMessage, baseUrl: string, token: string): Promise<Request> {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const [name = "", value = ""] = [req.rawHeaders[i], req.rawHeaders[i + 1]];
    if (!HOP_BY_HOP.has(name.toLowerCase())) headers.append(name, value);
  }
  headers.set("authorization", `Bearer ${token}`);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const method = req.method ?? "GET";
  const body = method === "GET" || method === "HEAD" ? undefined : Buffer.concat(chunks);
  return new Request(new URL(req.url ?? "/", baseUrl), { method, headers, body });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie" && name !== "content-length") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  headers["content-length"] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
}

export interface RouteServer {
  /** http://127.0.0.1:<port>, the origin the page under test is served from. */
  baseUrl: string;
  /** The API token every request is signed in with; change it to act as someone else. */
  token: string;
  /** "METHOD /path?query" of every request served, in order. */
  served: string[];
  close(): Promise<void>;
}

export async function startRouteServer(token: string): Promise<RouteServer> {
  const routes = findRoutes();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", state.baseUrl);
    state.served.push(`${req.method} ${url.pathname}${url.search}`);
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    const found = routes.map((r) => ({ route: r, params: match(r.segments, parts) })).find((r) => r.params);
    const routeModule: Record<string, unknown> | null = found ? await import(found.route.file) : null;
    const handler = routeModule?.[req.method ?? "GET"];
    if (!found?.params || typeof handler !== "function") {
      res.writeHead(found ? 405 : 404).end();
      return;
    }
    const params = found.params;
    const response = await (handler as RouteHandler)(await toRequest(req, state.baseUrl, state.token), {
      params: Promise.resolve(params),
    });
    await send(res, response);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("route server:", error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const state: RouteServer = {
    baseUrl: `http://127.0.0.1:${port}`,
    token,
    served: [],
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return state;
}

/**
 * Points the jsdom page at `server`, as if it had been loaded from there: relative URLs and XHR go
 * to it, same-origin, and so does fetch (Node's, which jsdom tests get, refuses a relative URL).
 * Undo the fetch with vi.unstubAllGlobals().
 */
export function servePageFrom(server: RouteServer, pathname = "/"): void {
  const url = new URL(pathname, server.baseUrl);
  jsdom.reconfigure({ url: url.href });
  // reconfigure() moves the document but not the window's origin, the one XHR checks a request's
  // origin against (jsdom 27); left alone, every same-origin upload would be refused as cross-origin.
  (jsdom.window as unknown as { _origin: string })._origin = url.origin;
  const nodeFetch = globalThis.fetch;
  vi.stubGlobal("fetch", ((input, init) =>
    nodeFetch(typeof input === "string" ? new URL(input, server.baseUrl) : input, init)) satisfies typeof fetch);
}

function read<T>(blob: Blob, how: "readAsText" | "readAsArrayBuffer"): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as T);
    reader.onerror = () => reject(reader.error);
    reader[how](blob);
  });
}

/**
 * What every browser has and jsdom 27 lacks: Blob#text and #arrayBuffer (the upload flow reads the
 * chosen file; PGlite, run in the same window, reads its own blobs) and <dialog>'s showModal and
 * close. Call it before the database opens.
 */
export function fillJsdomGaps(): void {
  if (typeof Blob.prototype.arrayBuffer !== "function")
    Blob.prototype.arrayBuffer = function (this: Blob) {
      return read<ArrayBuffer>(this, "readAsArrayBuffer");
    };
  if (typeof Blob.prototype.text !== "function")
    Blob.prototype.text = function (this: Blob) {
      return read<string>(this, "readAsText");
    };
  if (typeof HTMLDialogElement.prototype.showModal !== "function") {
    HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
      this.open = true;
    };
    HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
      this.open = false;
      this.dispatchEvent(new Event("close"));
    };
  }
}
