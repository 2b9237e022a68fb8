/**
 * Local signing keys and tokens for single-host setups without Vault: `bynar token
 * keygen` writes a private JWK and the public JWKS (for `jwks_file`), `bynar token issue`
 * signs a token with the same claims Vault's identity tokens carry.
 *
 * @module
 */
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";
import { ConfigError } from "../errors.ts";
import { HOSTS_CLAIM } from "./middleware/auth/verify.ts";

/** Key algorithms for local keys. */
export type LocalAlgorithm = "EdDSA" | "ES256" | "RS256";

/** A new key pair as JWKs. */
export interface LocalKeyPair {
  /** Private JWK (with `kid`, `alg`). Keep it secret (mode 0600). */
  privateJwk: JWK;
  /** Public JWKS document for `jwks_file`. */
  jwks: { keys: JWK[] };
}

/**
 * Generates a signing key pair.
 *
 * @param options Algorithm and key id.
 * @returns The private JWK and public JWKS.
 */
export async function generateLocalKey(
  options: { algorithm?: LocalAlgorithm; kid?: string } = {},
): Promise<LocalKeyPair> {
  const alg = options.algorithm ?? "EdDSA";
  const kid = options.kid ?? crypto.randomUUID();
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const priv = { ...(await exportJWK(privateKey)), kid, alg, use: "sig" };
  const pub = { ...(await exportJWK(publicKey)), kid, alg, use: "sig" };
  return { privateJwk: priv, jwks: { keys: [pub] } };
}

/** Claims of a local token. */
export interface LocalTokenClaims {
  /** Issuer (must match `jwt_issuer`). */
  issuer: string;
  /** Audience (must match `jwt_audience`). */
  audience: string;
  /** Subject (who the caller is). */
  subject: string;
  /** Scopes, e.g. `["disks:read"]`. */
  scopes: string[];
  /** Hosts the token is valid for. */
  hosts: string[];
  /** Lifetime, seconds. */
  ttlSeconds: number;
}

/**
 * Signs a token with a private JWK.
 *
 * @param privateJwk The private key (with `kid` and `alg`).
 * @param claims Claims.
 * @param options Clock.
 * @returns The JWT.
 * @throws {ConfigError} When the key lacks `kid`/`alg` or is not a private key.
 */
export async function issueLocalToken(
  privateJwk: JWK,
  claims: LocalTokenClaims,
  options: { now?: () => number } = {},
): Promise<string> {
  if (!privateJwk.kid || !privateJwk.alg || !privateJwk.d) {
    throw new ConfigError("(signing key)", 'Cannot sign: the key needs "kid", "alg" and "d"');
  }
  const key = await importJWK(privateJwk, privateJwk.alg);
  const iat = Math.floor((options.now ?? Date.now)() / 1000);
  return await new SignJWT({ scope: claims.scopes.join(" "), [HOSTS_CLAIM]: claims.hosts })
    .setProtectedHeader({ alg: privateJwk.alg, kid: privateJwk.kid, typ: "JWT" })
    .setIssuer(claims.issuer)
    .setAudience(claims.audience)
    .setSubject(claims.subject)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + claims.ttlSeconds)
    .sign(key);
}
