/**
 * Bearer-token authentication and scope authorisation for the disk-manager API.
 *
 * `auth(options)` validates its options at creation (fails at start-up), then for each
 * request: missing or malformed `Authorization` → 401 `invalid_request`; a bad token →
 * 401 `invalid_token`; a token for another host → 403 `wrong_host`; unreachable keys →
 * 503. Verified tokens are cached (bounded, honouring expiry and key withdrawal). The
 * token never appears in a message or log. `requireScope(scope)` answers 403
 * `insufficient_scope`, and for `disks:write` 503 `key_source_stale` while the key
 * source could not be refreshed for longer than its grace.
 *
 * @module
 */
import { createMiddleware } from "hono/factory";
import type { MiddlewareHandler } from "hono";
import { ApiError } from "../../problem.ts";
import type { AppEnv } from "../../types.ts";
import { TokenCache } from "./token_cache.ts";
import { validateVerifyOptions, type VerifyOptions, verifyToken } from "./verify.ts";

export type { KeySource } from "./key_source.ts";
export { fileKeySource, localKeySource, remoteKeySource, vaultJwksUrl } from "./key_source.ts";
export { HOSTS_CLAIM, SUPPORTED_ALGORITHMS, type VerifyOptions, verifyToken } from "./verify.ts";
export { TokenCache } from "./token_cache.ts";

/** Scope needed to read. */
export const SCOPE_READ = "disks:read";
/** Scope needed to change disks. */
export const SCOPE_WRITE = "disks:write";

/** Options of {@linkcode auth}. */
export interface AuthOptions extends VerifyOptions {
  /**
   * Maximum number of cached verified tokens (0 disables the cache).
   * @default 10000
   */
  cacheSize?: number;
  /** Called with a reason code on every refusal (metrics). */
  onFailure?: (code: string) => void;
  /** Called on every cache hit (true) or miss (false) (metrics). */
  onCache?: (hit: boolean) => void;
}

const BEARER_REGEXP = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;
const MAX_TOKEN = 8192;

/**
 * Creates the authentication middleware.
 *
 * @param options Verification options.
 * @returns The middleware (sets `principal`).
 * @throws {TypeError} When the options are invalid.
 */
export function auth(options: AuthOptions): MiddlewareHandler<AppEnv> {
  validateVerifyOptions(options);
  const cacheSize = options.cacheSize ?? 10_000;
  const cache = cacheSize > 0
    ? new TokenCache({ maxEntries: cacheSize, ...(options.now ? { now: options.now } : {}) })
    : undefined;
  const hasKid = (kid: string): boolean => options.keys.hasKid(kid);
  return createMiddleware<AppEnv>(async function authenticate(c, next) {
    const header = c.req.header("authorization");
    const m = header && header.length <= MAX_TOKEN ? BEARER_REGEXP.exec(header) : null;
    if (!m) {
      options.onFailure?.("invalid_request");
      throw new ApiError(
        401,
        "invalid_request",
        'Cannot authenticate: send "Authorization: Bearer <JWT>"',
        { headers: { "www-authenticate": 'Bearer realm="bynar"' } },
      );
    }
    const token = m[1]!;
    options.keys.maintain();
    const hit = cache?.get(token, hasKid);
    if (hit) {
      options.onCache?.(true);
      c.set("principal", hit.principal);
      c.set("keysStale", options.keys.staleReason?.());
      return await next();
    }
    options.onCache?.(false);
    let verified;
    try {
      verified = await verifyToken(token, options);
    } catch (err) {
      if (err instanceof ApiError) options.onFailure?.(err.code);
      throw err;
    }
    cache?.set(token, verified);
    c.set("principal", verified.principal);
    c.set("keysStale", options.keys.staleReason?.());
    await next();
  });
}

/**
 * Requires a scope on the authenticated principal.
 *
 * @param scope The scope, e.g. `disks:write`.
 * @returns The middleware.
 */
export function requireScope(scope: string): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async function checkScope(c, next) {
    const p = c.get("principal");
    if (!p || !p.scopes.has(scope)) {
      throw new ApiError(403, "insufficient_scope", `Cannot authorise: scope "${scope}" needed`, {
        headers: {
          "www-authenticate": `Bearer realm="bynar", error="insufficient_scope", scope="${scope}"`,
        },
      });
    }
    const stale = scope === SCOPE_WRITE ? c.get("keysStale") : undefined;
    if (stale) {
      // A withdrawn key might still validate: changes fail closed, reads continue.
      throw new ApiError(
        503,
        "key_source_stale",
        `Cannot change disks now: ${stale}; retry when Vault is reachable`,
        { headers: { "retry-after": "10" } },
      );
    }
    await next();
  });
}
