/**
 * Sources of the keys that verify bearer tokens: Vault's identity OIDC JWKS
 * (`/v1/identity/oidc/.well-known/keys`) fetched with jose's cached remote key set, or a
 * local JWKS file for single-host setups.
 *
 * @module
 */
import { jsonErrorWhere, readTextConfined } from "../../../config/confined_read.ts";
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
} from "jose";
import { ConfigError } from "../../../errors.ts";

/** Verifying keys plus what the token cache needs to honour key rotation. */
export interface KeySource {
  /** Key resolver for `jwtVerify`. */
  getKey: JWTVerifyGetKey;
  /**
   * Tells whether a key id is still published (a cached token whose key was withdrawn
   * must be verified again, and then fails).
   *
   * @param kid The key id.
   * @returns True while the key is published.
   */
  hasKid(kid: string): boolean;
  /** Starts a background refresh when the cached key set is older than its max age. */
  maintain(): void;
}

/** Options of {@linkcode remoteKeySource}. */
export interface RemoteKeySourceOptions {
  /**
   * Minimum time between two fetches (bounds the refresh rate on unknown `kid`s), ms.
   * @default 10000
   */
  cooldownMs?: number;
  /**
   * Age after which the key set is refreshed in the background, ms.
   * @default 300000
   */
  maxAgeMs?: number;
  /**
   * Fetch timeout, ms.
   * @default 5000
   */
  timeoutMs?: number;
  /** Fetch implementation (e.g. with a private CA). @default globalThis.fetch */
  fetch?: typeof fetch;
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
 * A key source backed by a remote JWKS (cached, single-flight, refetched on an unknown
 * `kid` at most once per cooldown).
 *
 * @param url The JWKS URL.
 * @param options Cooldown, max age, timeout, fetch.
 * @returns The key source.
 */
export function remoteKeySource(url: URL, options: RemoteKeySourceOptions = {}): KeySource {
  const f = options.fetch;
  const set = createRemoteJWKSet(url, {
    cooldownDuration: options.cooldownMs ?? 10_000,
    cacheMaxAge: options.maxAgeMs ?? 300_000,
    timeoutDuration: options.timeoutMs ?? 5_000,
    ...(f ? { [customFetch]: (u: string, init: RequestInit) => f(u, init) } : {}),
  });
  let kids = new Set<string>();
  const refreshKids = (): void => {
    kids = new Set((set.jwks()?.keys ?? []).map((k) => k.kid ?? ""));
  };
  const getKey: JWTVerifyGetKey = async (header, token) => {
    try {
      return await set(header, token);
    } finally {
      refreshKids();
    }
  };
  return {
    getKey,
    hasKid: (kid) => kids.has(kid),
    maintain(): void {
      if (!set.fresh && !set.reloading) set.reload().then(refreshKids, () => {});
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
