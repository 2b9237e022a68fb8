/**
 * Per-client rate limiting (token bucket): 429 with `Retry-After` when a client exceeds
 * its rate. Clients are keyed by token subject when authenticated, else by address.
 *
 * @module
 */
import { createMiddleware } from "hono/factory";
import type { MiddlewareHandler } from "hono";
import { ApiError } from "../problem.ts";
import type { AppEnv } from "../types.ts";

/** Options of {@linkcode rateLimit}. */
export interface RateLimitOptions {
  /** Sustained requests per second per client (0 disables). */
  perSecond: number;
  /**
   * Burst size.
   * @default 2 * perSecond
   */
  burst?: number;
  /**
   * Maximum number of tracked clients (oldest forgotten first).
   * @default 10000
   */
  maxClients?: number;
  /** Clock in epoch ms. @default Date.now */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Creates the rate-limit middleware.
 *
 * @param options Rate, burst, clock.
 * @returns The middleware.
 * @throws {RangeError} When the rate is negative.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  if (!(options.perSecond >= 0)) throw new RangeError("Cannot rate-limit: perSecond must be ≥ 0");
  const rate = options.perSecond;
  const burst = Math.max(1, options.burst ?? rate * 2);
  const max = options.maxClients ?? 10_000;
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Bucket>();
  return createMiddleware<AppEnv>(async function limit(c, next) {
    if (rate === 0) return await next();
    const key = c.get("principal")?.sub ?? `addr:${c.get("clientAddr") ?? "unknown"}`;
    const t = now();
    let b = buckets.get(key);
    if (!b) {
      if (buckets.size >= max) {
        const oldest = buckets.keys().next();
        if (!oldest.done) buckets.delete(oldest.value);
      }
      b = { tokens: burst, at: t };
      buckets.set(key, b);
    } else {
      b.tokens = Math.min(burst, b.tokens + ((t - b.at) / 1000) * rate);
      b.at = t;
    }
    if (b.tokens < 1) {
      const wait = Math.max(1, Math.ceil((1 - b.tokens) / rate));
      throw new ApiError(429, "rate_limited", `Cannot serve the request: more than ${rate}/s`, {
        headers: { "retry-after": String(wait) },
      });
    }
    b.tokens -= 1;
    await next();
  });
}

/** Options of {@linkcode failureLimiter}. */
export interface FailureLimitOptions {
  /** Failures forgiven per second per client. */
  perSecond: number;
  /** Failures a client may make in a burst. */
  burst: number;
  /** Maximum number of tracked clients. @default 10000 */
  maxClients?: number;
  /** Clock in epoch ms. @default Date.now */
  now?: () => number;
}

/** Counts failures per client and says when a client must wait. */
export interface FailureLimiter {
  /**
   * Tells how long a client must wait before it may try again.
   *
   * @param key The client.
   * @returns Seconds to wait, or 0 when it may try.
   */
  waitSeconds(key: string): number;
  /**
   * Records a failure of a client.
   *
   * @param key The client.
   */
  fail(key: string): void;
}

/**
 * A token bucket per client that only failures drain (failed authentication): a client
 * over its budget is refused before its next token is verified.
 *
 * @param options Rate, burst, clock.
 * @returns The limiter.
 */
export function failureLimiter(options: FailureLimitOptions): FailureLimiter {
  const max = options.maxClients ?? 10_000;
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Bucket>();
  const refill = (key: string): Bucket | undefined => {
    const b = buckets.get(key);
    if (!b) return undefined;
    const t = now();
    b.tokens = Math.min(options.burst, b.tokens + ((t - b.at) / 1000) * options.perSecond);
    b.at = t;
    if (b.tokens >= options.burst) buckets.delete(key);
    return b;
  };
  return {
    waitSeconds(key: string): number {
      const b = refill(key);
      if (!b || b.tokens >= 1) return 0;
      return Math.max(1, Math.ceil((1 - b.tokens) / Math.max(options.perSecond, 1e-9)));
    },
    fail(key: string): void {
      let b = refill(key);
      if (!b) {
        if (buckets.size >= max) {
          const oldest = buckets.keys().next();
          if (!oldest.done) buckets.delete(oldest.value);
        }
        b = { tokens: options.burst, at: now() };
        buckets.set(key, b);
      }
      b.tokens = Math.max(0, b.tokens - 1);
    },
  };
}
