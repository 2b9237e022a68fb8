/**
 * The detector's bearer token for the disk-manager, renewed before it expires: minted by a
 * source (Vault's identity token endpoint, or a local issuer signing with the host's key),
 * cached, and minted again once two thirds of its lifetime have passed (or less than a
 * minute is left), so a detector never presents an expired token (a 401 on every call an
 * hour after start, with `bynar token issue`'s default lifetime).
 *
 * @module
 */
import { errorMessage } from "../errors.ts";

/** The times of a token (seconds since the epoch). */
export interface TokenTimes {
  /** Issued at (`iat`), or when it was minted when the token has no `iat`. */
  issuedAt: number;
  /** Expires at (`exp`), or null when the token does not say. */
  expiresAt: number | null;
}

/**
 * Reads `iat` and `exp` from a JWT's payload (no signature check: the disk-manager verifies).
 *
 * @param jwt The token.
 * @param mintedAt When it was minted, seconds (used when the token has no `iat`).
 * @returns Its times; `expiresAt` null when it is not a JWT or has no `exp`.
 */
export function tokenTimes(jwt: string, mintedAt: number): TokenTimes {
  try {
    const part = jwt.split(".")[1] ?? "";
    const json = atob(
      part.replace(/-/g, "+").replace(/_/g, "/").padEnd(
        Math.ceil(part.length / 4) * 4,
        "=",
      ),
    );
    const p = JSON.parse(json) as { iat?: unknown; exp?: unknown };
    return {
      issuedAt: typeof p.iat === "number" ? p.iat : mintedAt,
      expiresAt: typeof p.exp === "number" ? p.exp : null,
    };
  } catch {
    return { issuedAt: mintedAt, expiresAt: null };
  }
}

/**
 * When a token must be renewed: after two thirds of its lifetime, and at the latest a
 * minute (or a third of a short lifetime) before it expires. Pure.
 *
 * @param times The token's times.
 * @returns The renewal time, seconds since the epoch; null when it never expires.
 */
export function renewAt(times: TokenTimes): number | null {
  if (times.expiresAt === null) return null;
  const life = Math.max(0, times.expiresAt - times.issuedAt);
  return Math.min(times.issuedAt + (life * 2) / 3, times.expiresAt - Math.min(60, life / 3));
}

/** Options of {@linkcode renewingToken}. */
export interface RenewingTokenOptions {
  /** What mints the token (for messages), e.g. `Vault role bynar-detect`. */
  what: string;
  /** Now, ms since the epoch. @default Date.now */
  now?: (() => number) | undefined;
  /** Told about every renewal. */
  log?: ((line: string) => void) | undefined;
}

/**
 * A token function for the API client that mints a token, caches it and mints a new one
 * when {@linkcode renewAt} has passed. Concurrent callers share one mint.
 *
 * @param mint Mints a fresh token.
 * @param options Name, clock, log.
 * @returns The function the client calls before every request.
 */
export function renewingToken(
  mint: () => Promise<string>,
  options: RenewingTokenOptions,
): () => Promise<string> {
  const now = options.now ?? Date.now;
  let current: { jwt: string; renewAt: number | null } | null = null;
  let pending: Promise<string> | null = null;
  const refresh = async (): Promise<string> => {
    const mintedAt = now() / 1000;
    let jwt: string;
    try {
      jwt = (await mint()).trim();
    } catch (err) {
      // Keep using a token that has not expired yet; the next call tries again.
      if (current && (tokenTimes(current.jwt, mintedAt).expiresAt ?? Infinity) > mintedAt) {
        options.log?.(
          `Cannot renew the disk-manager token (${options.what}): ${
            errorMessage(err)
          }; using the current one until it expires`,
        );
        return current.jwt;
      }
      throw err;
    }
    const times = tokenTimes(jwt, mintedAt);
    current = { jwt, renewAt: renewAt(times) };
    options.log?.(
      `disk-manager token from ${options.what}` +
        (times.expiresAt !== null
          ? `: valid until ${new Date(times.expiresAt * 1000).toISOString()}, renewed from ${
            new Date(current.renewAt! * 1000).toISOString()
          }`
          : " (no expiry)"),
    );
    return jwt;
  };
  return (): Promise<string> => {
    const t = now() / 1000;
    if (current && (current.renewAt === null || t < current.renewAt)) {
      return Promise.resolve(current.jwt);
    }
    pending ??= refresh().finally(() => {
      pending = null;
    });
    return pending;
  };
}
