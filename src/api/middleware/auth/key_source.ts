/**
 * Sources of the keys that verify bearer tokens: Vault's identity OIDC JWKS
 * (`/v1/identity/oidc/.well-known/keys`), fetched and used for at most its max age
 * (configurable, lowered by the response's `Cache-Control`), or a local JWKS file for
 * single-host setups.
 *
 * @module
 */
import { jsonErrorWhere, readTextConfined } from "../../../config/confined_read.ts";
import { createLocalJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from "jose";
import { ConfigError } from "../../../errors.ts";

/** Verifying keys plus what the token cache needs to honour key rotation. */
export interface KeySource {
  /** Key resolver for `jwtVerify`. */
  getKey: JWTVerifyGetKey;
  /**
   * Tells whether a key id is published in a key set that is still fresh (a cached token
   * whose key was withdrawn, or whose key set is older than its max age, is verified again).
   *
   * @param kid The key id.
   * @returns True while the key is published and the set fresh.
   */
  hasKid(kid: string): boolean;
  /** Starts a background refresh when the cached key set is older than its max age. */
  maintain(): void;
  /**
   * Why destructive calls must fail closed now: the keys could not be refreshed for longer
   * than the grace (Vault unreachable or sealed), so a withdrawn key might still validate.
   *
   * @returns The reason, or undefined while the keys are fresh or within the grace.
   */
  staleReason?(): string | undefined;
}

/** Options of {@linkcode remoteKeySource}. */
export interface RemoteKeySourceOptions {
  /**
   * Minimum time between two fetches (bounds the refresh rate on unknown `kid`s and while
   * the JWKS is unreachable), ms.
   * @default 10000
   */
  cooldownMs?: number;
  /**
   * Longest time a fetched key set is used before it is fetched again, ms; a lower
   * `Cache-Control: max-age` of the response wins. A withdrawn key stops validating within
   * this bound (plus one fetch).
   * @default 60000
   */
  maxAgeMs?: number;
  /**
   * How long after the key set expired, while it cannot be refreshed, destructive calls may
   * still use it; past it {@linkcode KeySource.staleReason} says why they must fail, ms.
   * @default 120000
   */
  unreachableGraceMs?: number;
  /**
   * Fetch timeout, ms.
   * @default 5000
   */
  timeoutMs?: number;
  /** Fetch implementation (e.g. with a private CA). @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Clock, epoch ms. @default Date.now */
  now?: () => number;
}

/**
 * The Vault identity OIDC JWKS URL for a Vault address.
 *
 * @param vaultEndpoint Vault address, e.g. `https://vault:8200`.
 * @returns `<endpoint>/v1/identity/oidc/.well-known/keys`.
 */
export function vaultJwksUrl(vaultEndpoint: string): URL {
  return new URL("/v1/identity/oidc/.well-known/keys", vaultEndpoint);
}

/**
 * The max age a `Cache-Control` header allows, ms (`no-store`/`no-cache` → 0).
 *
 * @param header The header value.
 * @returns The max age, or undefined when the header sets none.
 */
export function cacheControlMaxAgeMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const h = header.toLowerCase();
  if (/(?:^|[,\s])(?:no-store|no-cache)(?:$|[,\s=])/.test(h)) return 0;
  const m = /(?:^|[,\s])max-age\s*=\s*"?(\d{1,10})"?/.exec(h);
  return m ? Number(m[1]) * 1000 : undefined;
}

/** The JWKS endpoint cannot be read (a key-source failure: 503, never a 401). */
export class KeySourceUnavailable extends Error {
  /**
   * Creates the error.
   *
   * @param message What failed.
   */
  constructor(message: string) {
    super(message);
    this.name = "KeySourceUnavailable";
  }
}

/**
 * A key source backed by a remote JWKS: the set is used for at most its max age (the
 * lower of `maxAgeMs` and the response's `Cache-Control: max-age`), then fetched again
 * before the next verification (single-flight, at most once per cooldown); an unknown
 * `kid` refetches at most once per cooldown. While the JWKS cannot be fetched the last set
 * keeps verifying, and past `unreachableGraceMs` {@linkcode KeySource.staleReason} says
 * destructive calls must fail closed.
 *
 * @param url The JWKS URL.
 * @param options Cooldown, max age, grace, timeout, fetch, clock.
 * @returns The key source.
 */
export function remoteKeySource(url: URL, options: RemoteKeySourceOptions = {}): KeySource {
  const f = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const cooldownMs = options.cooldownMs ?? 10_000;
  const graceMs = options.unreachableGraceMs ?? 120_000;
  const timeoutMs = options.timeoutMs ?? 5_000;
  let local: JWTVerifyGetKey | undefined;
  let kids = new Set<string>();
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let ageLimit = maxAgeMs;
  let lastAttempt = Number.NEGATIVE_INFINITY;
  let lastError: string | undefined;
  let inflight: Promise<void> | undefined;
  const load = (): Promise<void> =>
    inflight ??= (async () => {
      lastAttempt = now();
      try {
        const res = await f(url, {
          headers: { accept: "application/json" },
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (!res.ok) {
          await res.body?.cancel();
          throw new Error(`HTTP ${res.status}`);
        }
        const doc = await res.json() as JSONWebKeySet;
        if (!doc || !Array.isArray(doc.keys)) throw new Error("not a JSON Web Key Set");
        local = createLocalJWKSet(doc);
        kids = new Set(doc.keys.map((k) => k.kid ?? ""));
        fetchedAt = now();
        ageLimit = Math.min(
          maxAgeMs,
          cacheControlMaxAgeMs(res.headers.get("cache-control")) ?? maxAgeMs,
        );
        lastError = undefined;
      } catch (err) {
        lastError = err instanceof Error ? err.message : String(err);
      } finally {
        inflight = undefined;
      }
    })();
  const fresh = (): boolean => now() - fetchedAt < ageLimit;
  const mayFetch = (): boolean => now() - lastAttempt >= cooldownMs;
  const getKey: JWTVerifyGetKey = async (header, token) => {
    if (inflight) await inflight;
    else if (!fresh() && (mayFetch() || !local)) await load();
    else if (header.kid && !kids.has(header.kid) && mayFetch()) await load();
    if (!local) {
      throw new KeySourceUnavailable(
        `Cannot fetch the token verification keys from ${url.origin}: ${
          lastError ?? "not fetched"
        }`,
      );
    }
    return local(header, token);
  };
  return {
    getKey,
    hasKid: (kid) => fresh() && kids.has(kid),
    maintain(): void {
      if (!fresh() && !inflight && mayFetch()) void load();
    },
    staleReason(): string | undefined {
      if (fresh()) return undefined;
      const staleFor = now() - (fetchedAt + ageLimit);
      if (local && staleFor <= graceMs) return undefined;
      return local
        ? `the token verification keys could not be refreshed for ${
          Math.round(staleFor / 1000)
        } s (${lastError ?? "not retried yet"})`
        : `the token verification keys were never fetched (${lastError ?? "not tried yet"})`;
    },
  };
}

/**
 * A key source from a JWKS document already in memory.
 *
 * @param jwks The key set.
 * @returns The key source.
 * @throws {TypeError} When the document is not a JWKS.
 */
export function localKeySource(jwks: JSONWebKeySet): KeySource {
  const getKey = createLocalJWKSet(jwks);
  const kids = new Set(jwks.keys.map((k) => k.kid ?? ""));
  return { getKey, hasKid: (kid) => kids.has(kid), maintain: () => {} };
}

/**
 * Loads a JWKS file (`{"keys":[…]}`, public keys only) as a key source.
 *
 * @param path The file.
 * @returns The key source.
 * @throws {ConfigError} When the file is unreadable, not a JWKS, or holds a private key.
 */
export async function fileKeySource(path: string): Promise<KeySource> {
  let text: string;
  try {
    text = await readTextConfined(path);
  } catch (err) {
    throw new ConfigError(path, `Cannot read JWKS file "${path}": ${(err as Error).message}`, {
      field: "jwks_file",
      cause: err,
    });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(
      path,
      `Cannot read JWKS file "${path}": not valid JSON (${jsonErrorWhere(err)})`,
      { field: "jwks_file" },
    );
  }
  const keys = (doc as { keys?: unknown }).keys;
  if (!Array.isArray(keys) || keys.length === 0) {
    throw new ConfigError(path, `Cannot use JWKS file "${path}": it has no "keys" array`, {
      field: "jwks_file",
    });
  }
  for (const k of keys as Record<string, unknown>[]) {
    if ("d" in k) {
      throw new ConfigError(
        path,
        `Cannot use JWKS file "${path}": it contains a private key; publish public keys only`,
        { field: "jwks_file" },
      );
    }
    if (typeof k.kid !== "string" || k.kid === "") {
      throw new ConfigError(path, `Cannot use JWKS file "${path}": every key needs a "kid"`, {
        field: "jwks_file",
      });
    }
  }
  try {
    return localKeySource(doc as JSONWebKeySet);
  } catch (err) {
    throw new ConfigError(path, `Cannot use JWKS file "${path}": ${(err as Error).message}`, {
      field: "jwks_file",
      cause: err,
    });
  }
}
