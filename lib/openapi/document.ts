import { z } from "zod";
import { DIMENSIONS } from "../engine/types";
import { ERROR_STATUS, type ErrorCode } from "../errors";
import { type Answer, type HttpMethod, type JsonSchema, OPERATIONS, type Operation } from "./operations";
import { errorBody } from "./responses";

// The OpenAPI 3.1 document of the REST API, served at GET /api/openapi.json and drawn by /docs/api.
// Built from OPERATIONS (operations.ts): request schemas are the handlers' own zod schemas
// (z.toJSONSchema, the input side: what a client sends), answers the schemas of responses.ts (the
// output side). Schemas given an id with .meta({ id }) land in components.schemas.

/** better-auth's session cookie: COOKIE_PREFIX of lib/auth/server.ts (`__Secure-` first over https). */
export const SESSION_COOKIE = "aker.session_token";

const COMPONENT = "#/components/schemas/";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const BINARY = { type: "string", contentMediaType: "application/octet-stream" };

type Components = Record<string, JsonSchema>;

/** A zod schema as JSON Schema 2020-12, its named parts moved into `components`. */
function jsonSchema(schema: z.ZodType, io: "input" | "output", components: Components): JsonSchema {
  const raw = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  const {
    $schema: _,
    $defs,
    ...json
  } = JSON.parse(
    JSON.stringify(raw)
      .replaceAll('"$ref":"#/$defs/', `"$ref":"${COMPONENT}`)
      // An open object's `additionalProperties: {}` says nothing JSON Schema does not assume.
      .replaceAll(',"additionalProperties":{}', ""),
  ) as JsonSchema & { $defs?: Components };
  for (const [name, def] of Object.entries($defs ?? {})) {
    const known = components[name];
    if (known && JSON.stringify(known) !== JSON.stringify(def))
      throw new Error(`Two different schemas are named ${name} in the OpenAPI document`);
    components[name] = def;
  }
  return json;
}

const ROLE_SENTENCE: Record<string, string> = {
  public: "Open to all: no sign-in.",
  viewer: "Needs the **viewer** role or above (any signed-in user or API token).",
  manager: "Needs the **manager** role or above.",
  admin: "Needs the **admin** role.",
};

/** Documentation-only shapes: the engine checks each trade and shock and names a bad one by index. */
const TRADE: JsonSchema = {
  description: "One trade, applied in order to a copy of the book (lib/engine/scenario.ts).",
  oneOf: [
    {
      type: "object",
      title: "buy",
      properties: {
        action: { const: "buy" },
        position: { type: "object", description: "the import's columns: position_id, strategy, state, msa_id, …" },
      },
      required: ["action", "position"],
      additionalProperties: false,
    },
    {
      type: "object",
      title: "sell",
      properties: {
        action: { const: "sell" },
        positionId: { type: "string" },
        value: { type: ["number", "null"], description: "sell part of it: at most its value" },
      },
      required: ["action", "positionId"],
      additionalProperties: false,
    },
    {
      type: "object",
      title: "revalue",
      properties: { action: { const: "revalue" }, positionId: { type: "string" }, positionValue: { type: "number" } },
      required: ["action", "positionId", "positionValue"],
      additionalProperties: false,
    },
  ],
};
const SHOCK: JsonSchema = {
  type: "object",
  description: "Scales every position in a bucket (no dimensionValue: every known value of the dimension).",
  properties: {
    dimensionType: { type: "string", enum: [...DIMENSIONS] },
    dimensionValue: { type: ["string", "null"] },
    valueChangePct: { type: "number", exclusiveMinimum: -100, maximum: 1000 },
  },
  required: ["dimensionType", "valueChangePct"],
  additionalProperties: false,
};

function errorResponse(description: string): JsonSchema {
  return { description, content: { "application/json": { schema: { $ref: `${COMPONENT}Error` } } } };
}

function answer(status: number, value: Answer, snapshot: boolean, components: Components): JsonSchema {
  const etag = snapshot ? { headers: { ETag: { $ref: "#/components/headers/ETag" } } } : {};
  if (value === null) return { description: status === 204 ? "Done; no body." : "OK" };
  if (value === "file")
    return {
      description: "The file, as a download (Content-Disposition: attachment).",
      ...etag,
      content: { "text/csv": { schema: { type: "string" } }, "application/json": {}, [XLSX]: { schema: BINARY } },
    };
  return {
    description: status === 201 ? "Created." : "OK",
    ...etag,
    content: { "application/json": { schema: jsonSchema(value, "output", components) } },
  };
}

function parameters(op: Operation, components: Components): JsonSchema[] {
  const list: JsonSchema[] = Object.entries(op.params ?? {}).map(([name, description]) => ({
    name,
    in: "path",
    required: true,
    description,
    schema: { type: "string" },
  }));
  if (op.portfolio) list.push({ $ref: "#/components/parameters/portfolio" });
  if (op.query) {
    const json = jsonSchema(op.query, "input", components);
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries((json.properties ?? {}) as Record<string, JsonSchema>)) {
      const { description, ...rest } = schema;
      list.push({ name, in: "query", required: required.has(name), description, schema: rest });
    }
  }
  if (op.snapshot) list.push({ $ref: "#/components/parameters/ifNoneMatch" });
  return list;
}

function requestBody(op: Operation, components: Components): JsonSchema | undefined {
  if (!op.body) return undefined;
  if (op.body === "upload")
    return {
      required: true,
      description:
        "The positions file: a CSV, JSON (`[...]` or `{ positions: [...] }`) or XLSX body, or multipart/form-data with the file in field `file`. The format is taken from `?format=`, else the file name, else Content-Type.",
      content: {
        "text/csv": { schema: { type: "string" } },
        "application/json": {
          schema: {
            oneOf: [
              { type: "array", items: { type: "object" } },
              { type: "object", properties: { positions: { type: "array", items: { type: "object" } } } },
            ],
          },
        },
        [XLSX]: { schema: BINARY },
        "multipart/form-data": {
          schema: { type: "object", properties: { file: BINARY }, required: ["file"] },
        },
      },
    };
  const json = jsonSchema(op.body.schema, "input", components);
  op.body.rewrite?.(json);
  components[op.body.name] = json;
  return { required: true, content: { "application/json": { schema: { $ref: `${COMPONENT}${op.body.name}` } } } };
}

function errors(op: Operation & { role: string }): Record<string, JsonSchema> {
  const named: Partial<Record<ErrorCode, string>> = {};
  if (op.query || op.body) named.invalid_input = "A parameter or the body is malformed; `details` names each field.";
  if (op.role !== "public") {
    named.unauthorized = "No session and no valid API token.";
    named.forbidden = `Signed in below the ${op.role} role.`;
  }
  if (op.params || op.portfolio) named.not_found = "The portfolio or record does not exist.";
  if (op.body) named.too_large = "The body is over the size limit.";
  Object.assign(named, op.errors);
  const out: Record<string, JsonSchema> = {};
  for (const [code, description] of Object.entries(named)) {
    const status = String(ERROR_STATUS[code as ErrorCode]);
    out[status] = errorResponse(
      out[status]
        ? `${(out[status] as { description: string }).description} ${description}`
        : `\`${code}\`: ${description}`,
    );
  }
  out.default = errorResponse(
    "Any other failure, in the same shape: `internal` 500 (logged, reveals nothing), `unavailable` 503 (the database; Retry-After).",
  );
  return out;
}

const operationId = (method: string, path: string) =>
  method.toLowerCase() +
  path
    .replace(/^\/api/, "")
    .split(/[/.-]/)
    .filter(Boolean)
    .map((part) => (part.startsWith("{") ? `By${part.slice(1, 2).toUpperCase()}${part.slice(2, -1)}` : part))
    .map((part) => part.slice(0, 1).toUpperCase() + part.slice(1))
    .join("");

export function buildOpenApiDocument(): JsonSchema {
  const components: Components = { Trade: TRADE, Shock: SHOCK };
  jsonSchema(errorBody, "output", components);
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const [key, op] of Object.entries(OPERATIONS)) {
    const [method, path] = key.split(" ") as [HttpMethod, string];
    const responses: Record<string, JsonSchema> = {};
    for (const [status, value] of Object.entries(op.ok))
      responses[status] = answer(Number(status), value, op.snapshot ?? false, components);
    if (op.snapshot) responses["304"] = { $ref: "#/components/responses/NotModified" };
    Object.assign(responses, errors(op));
    const body = requestBody(op, components);
    paths[path] ??= {};
    (paths[path] as Record<string, JsonSchema>)[method.toLowerCase()] = {
      operationId: operationId(method, path),
      tags: [op.tag],
      summary: op.summary,
      description: [op.description, ROLE_SENTENCE[op.role]].filter(Boolean).join("\n\n"),
      "x-required-role": op.role,
      security: op.role === "public" ? [] : [{ bearerAuth: [] }, { sessionCookie: [] }],
      parameters: parameters(op, components),
      ...(body ? { requestBody: body } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "aker-portfolio REST API",
      version: "1",
      description:
        "Exposure monitoring for multifamily real-estate portfolios. JSON in camelCase. Every operation but the open ones needs a session or an API token and a role (`x-required-role`): 401 without one, 403 below it. Operations about one portfolio take `?portfolio=<slug>` (default `default`). Errors are `{ error: { code, message, details? } }`. A path that names no endpoint is a 404 and a method an endpoint does not take a 405 (with an `Allow` header), in that shape.",
    },
    servers: [{ url: "/", description: "this server" }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    tags: [
      "Positions",
      "Exposures",
      "Limits",
      "Alerts",
      "What-if",
      "Portfolios",
      "Notifications",
      "Reference",
      "Admin",
      "Service",
    ].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "aker_…",
          description:
            "An API token (an admin creates it: POST /api/admin/tokens). It acts as its user, with that user's role.",
        },
        sessionCookie: {
          type: "apiKey",
          in: "cookie",
          name: SESSION_COOKIE,
          description: "The browser's session after signing in (POST /api/auth/sign-in/email).",
        },
      },
      parameters: {
        portfolio: {
          name: "portfolio",
          in: "query",
          required: false,
          description: "The portfolio's slug (default: `default`, which always exists); an unknown one is a 404.",
          schema: { type: "string", pattern: "^[a-z0-9][a-z0-9-]{0,62}$", default: "default" },
        },
        ifNoneMatch: {
          name: "If-None-Match",
          in: "header",
          required: false,
          description: "The ETag of an earlier answer: 304 with no body until someone writes to the portfolio.",
          schema: { type: "string" },
        },
      },
      headers: { ETag: { description: "The portfolio's data version and the read", schema: { type: "string" } } },
      responses: {
        NotModified: {
          description: "Not Modified: the ETag sent is still current.",
          headers: { ETag: { $ref: "#/components/headers/ETag" } },
        },
      },
      schemas: Object.fromEntries(Object.entries(components).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}

let built: { text: string } | undefined;

/** The document as JSON text, built once per process (it depends on code only). */
export function openApiJson(): string {
  built ??= { text: JSON.stringify(buildOpenApiDocument()) };
  return built.text;
}
