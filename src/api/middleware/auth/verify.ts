/**
 * Verifies a bearer JWT: algorithm allow-list, required `kid`, signature against the key
 * source, issuer, audience, expiry/not-before with a small skew, scopes and host binding.
 *
 * @module
 */
import { decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from "jose";
import { ApiError } from "../../problem.ts";
import type { Principal } from "../../types.ts";
import type { KeySource } from "./key_source.ts";

/** Algorithms a verifier may accept (asymmetric only, as Vault issues them). */
export const SUPPORTED_ALGORITHMS = ["EdDSA", "ES256", "ES384", "RS256", "RS384", "RS512"] as const;

/** Options of {@linkcode verifyToken}. */
export interface VerifyOptions {
  /** Verifying keys. */
  keys: KeySource;
  /** Expected `iss`. */
  issuer: string;
  /** Expected `aud` (one of). */
  audience: string | string[];
  /** Allowed algorithms (non-empty, asymmetric). */
  algorithms: readonly string[];
  /** Names of this host; the token's `bynar_hosts` must contain one of them. */
  hostnames: readonly string[];
  /**
   * Clock skew tolerated on `exp`/`nbf`/`iat`, seconds.
   * @default 30
   */
  clockToleranceSeconds?: number;
  /** Clock in epoch ms. @default Date.now */
  now?: () => number;
}

/** A verified token. */
export interface VerifiedToken {
  /** The principal. */
  principal: Principal;
  /** Signing key id. */
  kid: string;
}

/** Claim listing the hosts a token is valid for. */
export const HOSTS_CLAIM = "bynar_hosts";

function unauthorized(code: string, message: string, cause?: unknown): ApiError {
  return new ApiError(401, code, message, {
    cause,
    headers: { "www-authenticate": `Bearer realm="bynar", error="${code}"` },
  });
}

function listClaim(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string");
  if (typeof v === "string") return v.split(/[\s,]+/).filter((x) => x !== "");
  return [];
}

/**
 * Validates verifier options once (at start-up).
 *
 * @param options The options.
 * @throws {TypeError} On an empty or unsupported algorithm list, or a missing issuer/audience.
 */
export function validateVerifyOptions(options: VerifyOptions): void {
  if (options.algorithms.length === 0) throw new TypeError("Cannot verify tokens: no algorithms");
  for (const a of options.algorithms) {
    if (!(SUPPORTED_ALGORITHMS as readonly string[]).includes(a)) {
      throw new TypeError(`Cannot verify tokens with algorithm "${a}": not an asymmetric JWS alg`);
    }
  }
  if (!options.issuer) throw new TypeError("Cannot verify tokens: issuer is empty");
  if (!options.audience || options.audience.length === 0) {
    throw new TypeError("Cannot verify tokens: audience is empty");
  }
  if (options.hostnames.length === 0) throw new TypeError("Cannot verify tokens: no hostname");
}

/**
 * Verifies a token fully (no cache).
 *
 * @param token The raw JWT.
 * @param options Keys, issuer, audience, algorithms, hostnames, skew.
 * @returns The principal and key id.
 * @throws {ApiError} 401 `invalid_token`, 403 `wrong_host`, 503 `key_source_unavailable`.
 */
export async function verifyToken(token: string, options: VerifyOptions): Promise<VerifiedToken> {
  let kid: string | undefined;
  let alg: string | undefined;
  try {
    const header = decodeProtectedHeader(token);
    kid = header.kid;
    alg = header.alg;
  } catch (err) {
    throw unauthorized("invalid_token", "Cannot authenticate: the bearer token is malformed", err);
  }
  if (!alg || !options.algorithms.includes(alg)) {
    throw unauthorized(
      "invalid_token",
      `Cannot authenticate: token algorithm "${String(alg).slice(0, 16)}" is not allowed`,
    );
  }
  if (!kid) throw unauthorized("invalid_token", 'Cannot authenticate: the token has no "kid"');
  let payload: JWTPayload;
  try {
    const now = options.now?.();
    const result = await jwtVerify(token, options.keys.getKey, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: [...options.algorithms],
      clockTolerance: options.clockToleranceSeconds ?? 30,
      requiredClaims: ["exp", "sub"],
      ...(now === undefined ? {} : { currentDate: new Date(now) }),
    });
    payload = result.payload;
  } catch (err) {
    if (isKeySourceFailure(err)) {
      throw new ApiError(
        503,
        "key_source_unavailable",
        "Cannot authenticate: the token verification keys cannot be fetched; retry later",
        { cause: err, headers: { "retry-after": "5" } },
      );
    }
    throw unauthorized(
      "invalid_token",
      `Cannot authenticate: ${describeJoseError(err as errors.JOSEError)}`,
      err,
    );
  }
  if (typeof payload.sub !== "string" || payload.sub === "" || payload.sub.length > 256) {
    throw unauthorized("invalid_token", 'Cannot authenticate: the token\'s "sub" must be a string');
  }
  if (payload.iat !== undefined) {
    const skew = options.clockToleranceSeconds ?? 30;
    const nowS = (options.now?.() ?? Date.now()) / 1000;
    if (typeof payload.iat !== "number" || !Number.isFinite(payload.iat)) {
      throw unauthorized("invalid_token", 'Cannot authenticate: the token\'s "iat" is not a time');
    }
    if (payload.iat > nowS + skew) {
      throw unauthorized(
        "invalid_token",
        'Cannot authenticate: the token\'s "iat" is in the future (check the clocks)',
      );
    }
  }
  const hosts = listClaim(payload[HOSTS_CLAIM]);
  const wanted = options.hostnames.map((h) => h.toLowerCase());
  if (!hosts.some((h) => wanted.includes(h.toLowerCase()))) {
    throw new ApiError(
      403,
      "wrong_host",
      `Cannot authorise: the token is not valid for host "${options.hostnames[0]}"`,
    );
  }
  const scopes = new Set([...listClaim(payload.scope), ...listClaim(payload.scp)]);
  return {
    kid,
    principal: {
      sub: payload.sub,
      scopes,
      hosts,
      expiresAt: (payload.exp ?? 0) * 1000,
    },
  };
}

function isKeySourceFailure(err: unknown): boolean {
  if (!(err instanceof errors.JOSEError)) return true;
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid) return true;
  // jose reports a non-200 or non-JSON JWKS response as a generic JOSEError.
  return err.code === "ERR_JOSE_GENERIC" && /JSON Web Key Set/.test(err.message);
}

function describeJoseError(err: errors.JOSEError): string {
  if (err instanceof errors.JWTExpired) return "the token has expired";
  if (err instanceof errors.JWTClaimValidationFailed) {
    return `the token's "${err.claim}" claim is not accepted (${err.reason})`;
  }
  if (err instanceof errors.JWKSNoMatchingKey) return "the token's key id is unknown";
  if (err instanceof errors.JWSSignatureVerificationFailed) return "the signature is invalid";
  if (err instanceof errors.JOSEAlgNotAllowed) return "the token algorithm is not allowed";
  return "the bearer token is invalid";
}
