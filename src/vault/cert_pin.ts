/**
 * Publication of the disk-manager's TLS certificate fingerprint to Vault KV v2, so that
 * clients can pin it. Path: `<mount>/data/bynar/hosts/<hostname>/tls` with data
 * `{"sha256": "<hex>", "host": "<hostname>", "updated_at": "<RFC 3339>"}`. Writes are
 * `cas`-guarded: `cas:0` when absent, `cas:<current version>` when replacing.
 *
 * @module
 */
import { ParseError } from "../errors.ts";
import { retry } from "../shared/retry.ts";
import { type VaultClient, VaultError } from "./client.ts";

/**
 * The KV v2 secret path (below the mount) of a host's certificate pin.
 *
 * @param hostname The host.
 * @returns `bynar/hosts/<hostname>/tls`.
 * @throws {TypeError} On a hostname with characters outside `[A-Za-z0-9_.-]`.
 */
export function certPinPath(hostname: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(hostname)) {
    throw new TypeError(`Cannot build the certificate pin path for host "${hostname}"`);
  }
  return `bynar/hosts/${hostname}/tls`;
}

/**
 * SHA-256 fingerprint (lower-case hex, no colons) of the first certificate of a PEM text.
 *
 * @param pem PEM text.
 * @returns The fingerprint.
 * @throws {ParseError} When there is no certificate in the text.
 */
export async function certFingerprint(pem: string): Promise<string> {
  const m = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(pem);
  if (!m) throw new ParseError("Cannot fingerprint the TLS certificate: no PEM certificate found");
  const der = Uint8Array.from(atob(m[1]!.replace(/\s+/g, "")), (ch) => ch.charCodeAt(0));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", der));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Normalises a fingerprint given by a user (`AB:CD:…`, `sha256:abcd…`, hex).
 *
 * @param pin The pin.
 * @returns Lower-case hex.
 * @throws {TypeError} When it is not 32 bytes of hex.
 */
export function normalisePin(pin: string): string {
  const hex = pin.trim().toLowerCase().replace(/^sha256[:=]/, "").replace(/:/g, "");
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw new TypeError("Cannot use the certificate pin: expected 64 hex digits (SHA-256)");
  }
  return hex;
}

/** Result of {@linkcode publishCertPin}. */
export interface PublishResult {
  /** KV version now holding the pin. */
  version: number;
  /** False when Vault already held the same fingerprint. */
  changed: boolean;
  /** The secret path below the mount. */
  path: string;
}

/**
 * Publishes (or confirms) a host's certificate fingerprint in Vault KV v2.
 *
 * @param vault The Vault client (token with create/update on the path).
 * @param fingerprint Lower-case hex SHA-256.
 * @param options Mount, hostname, clock.
 * @returns What was written.
 * @throws {VaultError} When Vault refuses, or a concurrent writer wins twice.
 */
export async function publishCertPin(
  vault: VaultClient,
  fingerprint: string,
  options: { mount: string; hostname: string; now?: () => number },
): Promise<PublishResult> {
  const path = certPinPath(options.hostname);
  // A concurrent writer moving the version between our read and write (cas conflict: 400)
  // is worth one fresh read and write; a second conflict is reported.
  return await retry(async () => {
    const current = await vault.kvRead(options.mount, path);
    if (current && current.data.sha256 === fingerprint) {
      return { version: current.version, changed: false, path };
    }
    const version = await vault.kvWrite(options.mount, path, {
      sha256: fingerprint,
      host: options.hostname,
      updated_at: new Date((options.now ?? Date.now)()).toISOString(),
    }, { cas: current ? current.version : 0 });
    return { version, changed: true, path };
  }, {
    attempts: 2,
    backoff: { baseMs: 0 },
    isTransient: (err) => err instanceof VaultError && err.status === 400,
  });
}

/**
 * Reads a host's published certificate fingerprint.
 *
 * @param vault The Vault client.
 * @param options Mount and hostname.
 * @returns The fingerprint, or null when none is published.
 * @throws {VaultError} On failure.
 */
export async function readCertPin(
  vault: VaultClient,
  options: { mount: string; hostname: string },
): Promise<string | null> {
  const s = await vault.kvRead(options.mount, certPinPath(options.hostname));
  const v = s?.data.sha256;
  return typeof v === "string" ? v : null;
}
