/**
 * A bounded cache of already-verified bearer tokens, so that a token is verified with
 * jose once and then only looked up (the per-request signature check costs ≈100 µs).
 *
 * Entries expire with the token, and a hit is only honoured while the signing key is
 * still published (key withdrawal after rotation invalidates it). The cache lives in
 * memory only and is never logged.
 *
 * @module
 */
import type { Principal } from "../../types.ts";

/** A cached verification. */
export interface CachedToken {
  /** The principal the token proved. */
  principal: Principal;
  /** The signing key id. */
  kid: string;
}

/** Options of {@linkcode TokenCache}. */
export interface TokenCacheOptions {
  /**
   * Maximum number of entries (oldest evicted first).
   * @default 10000
   */
  maxEntries?: number;
  /** Clock in epoch ms. @default Date.now */
  now?: () => number;
}

/** Bounded verified-token cache. */
export class TokenCache {
  #map = new Map<string, CachedToken>();
  #max: number;
  #now: () => number;

  /**
   * Creates a cache.
   *
   * @param options Size and clock.
   */
  constructor(options: TokenCacheOptions = {}) {
    this.#max = Math.max(1, options.maxEntries ?? 10_000);
    this.#now = options.now ?? Date.now;
  }

  /** Number of entries. */
  get size(): number {
    return this.#map.size;
  }

  /**
   * Returns a still-valid entry for the token, dropping it when expired or when its key
   * is no longer published.
   *
   * @param token The raw bearer token.
   * @param hasKid Whether a key id is still published.
   * @returns The entry, or undefined.
   */
  get(token: string, hasKid: (kid: string) => boolean): CachedToken | undefined {
    const e = this.#map.get(token);
    if (!e) return undefined;
    if (e.principal.expiresAt <= this.#now() || !hasKid(e.kid)) {
      this.#map.delete(token);
      return undefined;
    }
    return e;
  }

  /**
   * Stores a verified token (evicting the oldest entry when full).
   *
   * @param token The raw bearer token.
   * @param entry What it proved.
   */
  set(token: string, entry: CachedToken): void {
    if (this.#map.size >= this.#max && !this.#map.has(token)) {
      const oldest = this.#map.keys().next();
      if (!oldest.done) this.#map.delete(oldest.value);
    }
    this.#map.set(token, entry);
  }

  /** Empties the cache. */
  clear(): void {
    this.#map.clear();
  }
}
