/**
 * The disk-manager HTTP app (Hono): `createApp(deps)` builds it without globals.
 *
 * Order: metrics → request id → secure headers → body limit → timeout → (OpenAPI, open)
 * → authentication → per-client rate limit → routes (each with its scope check).
 *
 * @module
 */
import { Hono } from "hono";
import type { Context, MiddlewareHandler } from "hono";
import type { HTTPException } from "hono/http-exception";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { timeout } from "hono/timeout";
import {
  BynarError,
  CommandError,
  ConfigError,
  errorMessage,
  FfiError,
  ParseError,
  SafetyError,
} from "../errors.ts";
import { type AuditEntry, AuditError, type AuditSink } from "./audit/log.ts";
import { encodeMessage, protoTypes } from "./codec/proto.ts";
import { PROBLEM_TYPE, PROTOBUF_TYPE, wantsProtobuf } from "./codec/negotiate.ts";
import { DiskService } from "./disk_service.ts";
import { ApiMetrics } from "./metrics.ts";
import { failureLimiter, rateLimit } from "./middleware/rate_limit.ts";
import { OperationRegistry } from "./operations/registry.ts";
import { ApiError, problemOf } from "./problem.ts";
import { disksRoutes } from "./routes/disks.ts";
import { operationsRoutes } from "./routes/operations.ts";
import { ticketsRoutes } from "./routes/tickets.ts";
import type { AppEnv, DiskDeps } from "./types.ts";
import openapi from "./openapi.json" with { type: "json" };

/** Request limits. */
export interface ApiLimits {
  /**
   * Maximum request body, bytes.
   * @default 65536
   */
  maxBodyBytes?: number;
  /**
   * Sustained requests per second per client (0 = unlimited).
   * @default 50
   */
  ratePerSecond?: number;
  /**
   * Burst per client.
   * @default 2 * ratePerSecond
   */
  rateBurst?: number;
  /**
   * Failed authentications forgiven per second per client address; a client over its
   * burst gets 429 before its token is verified (0 = no limit).
   * @default 1
   */
  authFailuresPerSecond?: number;
  /**
   * Failed authentications a client address may make in a burst.
   * @default 20
   */
  authFailureBurst?: number;
  /**
   * Time limit of a request (long operations run in the background), ms.
   * @default 30000
   */
  requestTimeoutMs?: number;
}

/** Dependencies of {@linkcode createApp}. */
export interface ApiDeps extends DiskDeps {
  /** The authentication middleware (from `auth(options)`). */
  authenticate: MiddlewareHandler<AppEnv>;
  /** Audit log of mutating requests. */
  audit: AuditSink;
  /** Operation registry. @default a new in-memory registry */
  registry?: OperationRegistry;
  /** Metrics. @default new ApiMetrics() */
  metrics?: ApiMetrics;
  /** Limits. */
  limits?: ApiLimits;
  /** Receives log lines (never tokens). @default console.error */
  log?: (line: string) => void;
  /** Clock for the rate limiter, epoch ms. @default Date.now */
  now?: () => number;
}

/** The OpenAPI document of the JSON API (src/api/openapi.json). */
export const OPENAPI_DOCUMENT: Record<string, unknown> = openapi;

function routeLabel(path: string): string {
  if (path.startsWith("/v1/operations/")) return "/v1/operations/:id";
  switch (path) {
    case "/v1/disks":
    case "/v1/disks/safe-to-remove":
    case "/v1/disks/remove":
    case "/v1/disks/add":
    case "/v1/operations":
    case "/v1/tickets":
    case "/v1/openapi.json":
      return path;
  }
  return "other";
}

/**
 * Maps any thrown value to an API error.
 *
 * @param err The thrown value.
 * @returns The API error (500 `internal` for unknown errors).
 */
export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof AuditError) {
    return new ApiError(503, "audit_unavailable", `${err.message}; retry when it is writable`, {
      cause: err,
      headers: { "retry-after": "30" },
    });
  }
  if (err instanceof SafetyError) {
    return new ApiError(403, err.code, err.message, { cause: err, device: err.device });
  }
  if (err instanceof ParseError) {
    return new ApiError(400, err.code, err.message, { cause: err, device: err.device });
  }
  if (err instanceof CommandError || err instanceof FfiError) {
    return new ApiError(502, "backend_failed", err.message, { cause: err, device: err.device });
  }
  if (err instanceof ConfigError) {
    return new ApiError(500, "config_invalid", err.message, { cause: err });
  }
  if (err instanceof BynarError) {
    return new ApiError(500, err.code, err.message, { cause: err, device: err.device });
  }
  return new ApiError(500, "internal", "Cannot serve the request: internal error (see the log)", {
    cause: err,
  });
}

/** Statuses of refused requests that go to the security log. */
const REFUSALS = new Set([400, 401, 403, 404, 405, 413, 415, 429]);

/** Options of {@linkcode securityLog}. */
export interface SecurityLogOptions {
  /**
   * Lines per window; more are counted and summarised in the next line.
   * @default 20
   */
  perWindow?: number;
  /**
   * Window, ms.
   * @default 1000
   */
  windowMs?: number;
  /** Clock, epoch ms. @default Date.now */
  now?: () => number;
}

/**
 * A rate-limited security log of refused requests: request id, client address, method,
 * path, status and reason code — never the token or the body.
 *
 * @param log Receives the lines.
 * @param options Rate and clock.
 * @returns The logger.
 */
export function securityLog(
  log: (line: string) => void,
  options: SecurityLogOptions = {},
): (c: Context<AppEnv>, e: ApiError) => void {
  const per = options.perWindow ?? 20;
  const windowMs = options.windowMs ?? 1000;
  const now = options.now ?? Date.now;
  let start = 0;
  let count = 0;
  let dropped = 0;
  return (c, e) => {
    const t = now();
    if (t - start >= windowMs) {
      start = t;
      count = 0;
    }
    if (count >= per) {
      dropped++;
      return;
    }
    count++;
    const more = dropped > 0 ? ` (${dropped} earlier refusals not logged: rate limit)` : "";
    dropped = 0;
    log(
      `security: refused ${e.status} ${e.code} request_id=${c.get("requestId") ?? ""} ` +
        `client=${c.get("clientAddr") ?? "unknown"} method=${c.req.method} ` +
        `path=${JSON.stringify(c.req.path.slice(0, 200))}${more}`,
    );
  };
}

function errorResponse(
  c: Context<AppEnv>,
  err: unknown,
  log: (l: string) => void,
  refused?: (c: Context<AppEnv>, e: ApiError) => void,
): Response {
  const e = toApiError(err);
  const rid = c.get("requestId") ?? "";
  if (REFUSALS.has(e.status)) refused?.(c, e);
  if (e.status >= 500) {
    log(`request ${rid} failed: ${e.code}: ${err instanceof Error ? err.message : String(err)}`);
  }
  for (const [k, v] of Object.entries(e.headers)) c.header(k, v);
  if (wantsProtobuf(c.req.raw)) {
    const bytes = encodeMessage(protoTypes().OpOutcomeResult, {
      result: "ERR",
      error_msg: e.message,
      status: e.status,
      error_type: e.code,
    });
    return c.body(bytes as Uint8Array<ArrayBuffer>, e.status as 400, {
      "content-type": PROTOBUF_TYPE,
    });
  }
  return c.body(JSON.stringify(problemOf(e, rid)), e.status as 400, {
    "content-type": PROBLEM_TYPE,
  });
}

/**
 * Builds the API app.
 *
 * @param deps Backend, inventory, authentication, audit, limits.
 * @returns The Hono app (serve it with `Deno.serve({ cert, key }, app.fetch)`).
 */
export function createApp(deps: ApiDeps): Hono<AppEnv> {
  const metrics = deps.metrics ?? new ApiMetrics();
  const registry = deps.registry ?? new OperationRegistry();
  metrics.runningOperations = () => registry.runningCount;
  const log = deps.log ?? ((l: string) => console.error(l));
  const limits = deps.limits ?? {};
  const maxBody = limits.maxBodyBytes ?? 65_536;
  const security = securityLog(log);
  const refused = (c: Context<AppEnv>, e: ApiError): void => {
    // The auth middleware counts its own refusals; the scope check is counted here.
    if (e.code === "insufficient_scope") metrics.authFailure(e.code);
    security(c, e);
  };
  const ctx = {
    service: new DiskService(deps),
    backend: deps.backend,
    registry,
    audit: deps.audit,
    auditAlarm: (kind: "start" | "finish" | "refusal", err: unknown, entry: AuditEntry): void => {
      metrics.auditWriteFailure(kind);
      log(
        `ALARM: audit record not written (${kind}): ${errorMessage(err)}; lost record: ` +
          JSON.stringify(entry),
      );
    },
    ...(deps.tickets ? { tickets: deps.tickets } : {}),
  };

  const app = new Hono<AppEnv>();
  app.use(async function measure(c, next) {
    const t0 = performance.now();
    await next();
    metrics.request(
      c.req.method,
      routeLabel(c.req.path),
      c.res.status,
      (performance.now() - t0) / 1000,
    );
  });
  app.use(requestId({ limitLength: 64 }));
  app.use(async function clientAddr(c, next) {
    const info = c.env as { remoteAddr?: { hostname?: string } } | undefined;
    c.set("clientAddr", info?.remoteAddr?.hostname ?? "unknown");
    await next();
  });
  app.use(secureHeaders());
  app.use(bodyLimit({
    maxSize: maxBody,
    onError: () => {
      throw new ApiError(
        413,
        "body_too_large",
        `Cannot read the request: body over ${maxBody} bytes`,
      );
    },
  }));
  app.use(timeout(
    limits.requestTimeoutMs ?? 30_000,
    () =>
      new ApiError(503, "timeout", "Cannot answer in time; retry later", {
        headers: { "retry-after": "5" },
      }) as unknown as HTTPException,
  ));
  app.get("/v1/openapi.json", (c) => c.json(OPENAPI_DOCUMENT));
  const failRate = limits.authFailuresPerSecond ?? 1;
  const failures = failRate > 0
    ? failureLimiter({
      perSecond: failRate,
      burst: limits.authFailureBurst ?? 20,
      ...(deps.now ? { now: deps.now } : {}),
    })
    : undefined;
  app.use("/v1/*", async function authenticateLimited(c, next) {
    // A client that keeps failing is refused before its next token costs a signature check.
    const key = c.get("clientAddr") ?? "unknown";
    const wait = failures?.waitSeconds(key) ?? 0;
    if (wait > 0) {
      throw new ApiError(
        429,
        "too_many_auth_failures",
        "Cannot authenticate: too many failed attempts from this address; retry later",
        { headers: { "retry-after": String(wait) } },
      );
    }
    try {
      // Errors of later handlers become responses inside next(); what is caught here is
      // the authentication's own refusal.
      return await deps.authenticate(c, next);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
        failures?.fail(key);
      }
      throw err;
    }
  });
  app.use(
    "/v1/*",
    rateLimit({
      perSecond: limits.ratePerSecond ?? 50,
      ...(limits.rateBurst !== undefined ? { burst: limits.rateBurst } : {}),
      ...(deps.now ? { now: deps.now } : {}),
    }),
  );
  app.route("/v1/disks", disksRoutes(ctx));
  app.route("/v1/operations", operationsRoutes(ctx));
  app.route("/v1/tickets", ticketsRoutes(ctx));

  app.notFound((c) =>
    errorResponse(
      c,
      new ApiError(404, "not_found", "Cannot find this resource; see /v1/openapi.json"),
      log,
      refused,
    )
  );
  app.onError((err, c) => errorResponse(c, err, log, refused));
  return app;
}
