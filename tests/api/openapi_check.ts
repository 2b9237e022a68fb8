/**
 * Checks API responses against the OpenAPI document the server publishes
 * (src/api/openapi.json) with a real JSON-schema validator (Ajv, draft 2020-12 — the
 * dialect of OpenAPI 3.1): the route and method must be documented, the status documented
 * for that operation, the content type documented for that status, and a JSON body must
 * validate against its schema. A protobuf body must decode as the message its description
 * names (`ceph_disk.X`, and `result: ERR` when the description says so).
 *
 * {@linkcode validatedApp} wraps a test app's `request` so EVERY response a test receives is
 * checked; {@linkcode OpenApiCheck.covered} records what was exercised.
 *
 * @module
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { createApp, OPENAPI_DOCUMENT } from "../../src/api/app.ts";
import { decodeMessage, type ProtoTypes, protoTypes } from "../../src/api/codec/proto.ts";

interface MediaDoc {
  schema?: { description?: string; $ref?: string } & Record<string, unknown>;
}
interface OperationDoc {
  operationId?: string;
  responses: Record<string, { content?: Record<string, MediaDoc> }>;
}
type PathsDoc = Record<string, Record<string, OperationDoc>>;

const METHODS = ["get", "post", "put", "delete", "patch"];

const SCHEMA_BASE = "https://bynar.invalid/openapi/schemas/";

function schemaId(name: string): string {
  return SCHEMA_BASE + name;
}

/** Points `#/components/schemas/X` references at the schema registered as X. */
function rewriteRefs(schema: unknown): unknown {
  return JSON.parse(
    JSON.stringify(schema).replace(
      /"\$ref":"#\/components\/schemas\/([^"]+)"/g,
      (_, name: string) => `"$ref":"${schemaId(name)}"`,
    ),
  );
}

/** A response that the document does not describe. */
export class OpenApiMismatch extends Error {
  /**
   * @param message What differs, on which operation and status.
   */
  constructor(message: string) {
    super(message);
    this.name = "OpenApiMismatch";
  }
}

/** Validates responses against one OpenAPI 3.1 document. */
export class OpenApiCheck {
  readonly #doc: { paths: PathsDoc };
  readonly #ajv: Ajv2020;
  readonly #validators = new Map<string, ValidateFunction>();
  readonly #routes: { method: string; template: string; regexp: RegExp }[] = [];
  /** `METHOD /template STATUS media-type` of every response checked. */
  readonly covered: Set<string> = new Set();

  /**
   * Compiles the document (every schema must compile in strict mode).
   *
   * @param doc The OpenAPI document.
   */
  constructor(doc: Record<string, unknown> = OPENAPI_DOCUMENT) {
    this.#doc = doc as unknown as { paths: PathsDoc };
    this.#ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats.default(this.#ajv);
    this.#ajv.addFormat("binary", true);
    // Each component schema under its own id; "#/components/schemas/X" refs point to it.
    const schemas = (doc.components as { schemas?: Record<string, unknown> }).schemas ?? {};
    for (const [name, schema] of Object.entries(schemas)) {
      this.#ajv.addSchema({ ...rewriteRefs(schema) as object, $id: schemaId(name) });
    }
    for (const [template, ops] of Object.entries(this.#doc.paths)) {
      const pattern = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&")
        .replace(/\{[^}]+\}/g, "[^/]+");
      for (const method of Object.keys(ops)) {
        if (!METHODS.includes(method)) continue;
        this.#routes.push({ method, template, regexp: new RegExp(`^${pattern}$`) });
      }
    }
  }

  /** @returns `METHOD /template` of every documented operation. */
  operations(): string[] {
    return this.#routes.map((r) => `${r.method.toUpperCase()} ${r.template}`);
  }

  #validator(key: string, schema: Record<string, unknown>): ValidateFunction {
    let v = this.#validators.get(key);
    if (!v) {
      v = this.#ajv.compile(rewriteRefs(schema) as Record<string, unknown>);
      this.#validators.set(key, v);
    }
    return v;
  }

  /**
   * Checks one response (reads a clone of its body).
   *
   * @param method The request method.
   * @param url The request URL or path.
   * @param res The response.
   * @returns Nothing.
   * @throws {OpenApiMismatch} When the document does not describe the response.
   */
  async check(method: string, url: string, res: Response): Promise<void> {
    const path = new URL(url, "http://localhost").pathname;
    const m = method.toLowerCase();
    const route = this.#routes.find((r) => r.method === m && r.regexp.test(path));
    const where = `${method.toUpperCase()} ${path} → ${res.status}`;
    if (!route) {
      // Not an API operation: only the fallback answers (404 / 405 problem) are allowed.
      if (res.status !== 404 && res.status !== 405) {
        throw new OpenApiMismatch(`${where}: the route is not in openapi.json`);
      }
      return;
    }
    const op = this.#doc.paths[route.template]![route.method]!;
    const name = `${route.method.toUpperCase()} ${route.template}`;
    const documented = op.responses[String(res.status)];
    if (!documented) {
      throw new OpenApiMismatch(
        `${where}: status ${res.status} is not documented for ${name} (documented: ${
          Object.keys(op.responses).join(", ")
        })`,
      );
    }
    const type = (res.headers.get("content-type") ?? "").split(";")[0]!.trim();
    const media = documented.content?.[type];
    if (!documented.content && (await res.clone().arrayBuffer()).byteLength === 0) {
      this.covered.add(`${name} ${res.status} -`);
      return;
    }
    if (!media?.schema) {
      throw new OpenApiMismatch(
        `${where}: content type "${type}" is not documented for ${name} ${res.status} ` +
          `(documented: ${Object.keys(documented.content ?? {}).join(", ")})`,
      );
    }
    if (type === "application/x-protobuf") {
      const bytes = new Uint8Array(await res.clone().arrayBuffer());
      const named = /ceph_disk\.(\w+)/.exec(media.schema.description ?? "")?.[1];
      if (!named || !(named in protoTypes())) {
        throw new OpenApiMismatch(`${where}: the protobuf schema names no known message`);
      }
      let msg: Record<string, unknown>;
      try {
        msg = decodeMessage(protoTypes()[named as keyof ProtoTypes], bytes);
      } catch (err) {
        throw new OpenApiMismatch(`${where}: body is not a ceph_disk.${named}: ${err}`);
      }
      if (/result ERR/.test(media.schema.description ?? "") && msg.result !== "ERR") {
        throw new OpenApiMismatch(`${where}: ceph_disk.${named} must have result ERR`);
      }
    } else {
      const body = await res.clone().json().catch((err) => {
        throw new OpenApiMismatch(`${where}: body is not JSON: ${err}`);
      });
      const validate = this.#validator(`${name} ${res.status} ${type}`, media.schema);
      if (!validate(body)) {
        throw new OpenApiMismatch(
          `${where}: body does not match the ${type} schema of ${name}: ` +
            this.#ajv.errorsText(validate.errors, { separator: "; " }),
        );
      }
    }
    this.covered.add(`${name} ${res.status} ${type}`);
  }
}

/** The check shared by every test app of a test file run. */
export const OPENAPI_CHECK: OpenApiCheck = new OpenApiCheck();

/** The part of a Hono app the tests call. */
interface Requestable {
  request(
    input: string | Request | URL,
    init?: RequestInit,
    ...rest: unknown[]
  ): Response | Promise<Response>;
}

/**
 * Makes every response of `app.request` be checked against the OpenAPI document (the
 * request fails with {@linkcode OpenApiMismatch} when it is not described).
 *
 * @param app A Hono app (changed in place).
 * @param check The check to use.
 * @returns The same app.
 */
export function validatedApp<A extends Requestable>(
  app: A,
  check: OpenApiCheck = OPENAPI_CHECK,
): A {
  const request = app.request.bind(app);
  app.request = async (input, init, ...rest) => {
    const res = await request(input, init, ...rest);
    const method = init?.method ?? (input instanceof Request ? input.method : "GET");
    const url = input instanceof Request ? input.url : String(input);
    await check.check(method, url, res);
    return res;
  };
  return app;
}

/**
 * {@linkcode createApp} whose every `request` response is checked against the document.
 *
 * @param args The arguments of {@linkcode createApp}.
 * @returns The app.
 */
export function createCheckedApp(
  ...args: Parameters<typeof createApp>
): ReturnType<typeof createApp> {
  return validatedApp(createApp(...args));
}
