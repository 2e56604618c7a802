import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// Checks recorded requests and answers against the OpenAPI document, as a client generated from it
// would see them: the path and method are described, the status is one the operation lists, and
// the JSON body (request and answer) validates against its schema (JSON Schema 2020-12, Ajv).

type Json = Record<string, unknown>;
type Document = { paths: Record<string, Record<string, Json>> };

/** One recorded exchange with the server. */
export interface Exchange {
  method: string;
  /** The concrete path, `/api/alerts/3f…`, without the query. */
  path: string;
  requestJson?: unknown;
  status: number;
  contentType: string;
  body: unknown;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");
const describeErrors = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || "/"} ${e.message}`)
    .join("; ");

export class OpenApiCheck {
  private readonly ajv: Ajv2020;
  private readonly templates: Array<{ template: string; pattern: RegExp }>;

  constructor(private readonly document: Document) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema(document as unknown as Json, "openapi");
    this.templates = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\./g, "\\.").replace(/\{\w+\}/g, "[^/]+")}$`),
    }));
  }

  /** The document's path template for a concrete path, or undefined. */
  templateOf(path: string): string | undefined {
    return this.templates.find((t) => t.pattern.test(path))?.template;
  }

  private validate(ref: string, value: unknown): string | null {
    const validate = this.ajv.getSchema(`openapi#/${ref}`);
    if (!validate) return `no schema at ${ref}`;
    return validate(value) ? null : describeErrors(validate.errors);
  }

  /** What is wrong with an exchange, per the document; empty when it conforms. */
  problems(exchange: Exchange): string[] {
    const { method, path, status } = exchange;
    const template = this.templateOf(path);
    if (!template) return [`${path} is not described`];
    const operation = this.document.paths[template]?.[method.toLowerCase()];
    if (!operation) return [`${method} ${template} is not described`];
    const found: string[] = [];
    const at = pointer("paths", template, method.toLowerCase());
    // A 400 is the server refusing the request: its body need not fit the schema.
    if (exchange.requestJson !== undefined && status !== 400) {
      const problem = this.validate(
        `${at}/${pointer("requestBody", "content", "application/json", "schema")}`,
        exchange.requestJson,
      );
      if (problem) found.push(`request body: ${problem}`);
    }
    const responses = operation.responses as Record<string, Json>;
    const key = String(status) in responses ? String(status) : "default";
    const response = responses[key] as Json | undefined;
    if (!response) return [...found, `status ${status} is not listed`];
    if (status >= 200 && status < 300 && key === "default") found.push(`success status ${status} is not listed`);
    const resolved = (response.$ref as string | undefined)?.replace("#/", "");
    const content = (resolved ? undefined : response.content) as Record<string, Json> | undefined;
    if (!exchange.contentType.startsWith("application/json")) return found;
    const json = content?.["application/json"];
    if (!json) return [...found, `status ${status} has no JSON body in the document`];
    if (!("schema" in json)) return found;
    const problem = this.validate(
      `${at}/${pointer("responses", key, "content", "application/json", "schema")}`,
      exchange.body,
    );
    if (problem) found.push(`answer ${status}: ${problem}`);
    return found;
  }
}
