/**
 * A small HashiCorp Vault HTTP client for what Bynar needs: `sys/health`, identity OIDC
 * tokens (`identity/oidc/token/:role`), and KV v2 read/write with `cas`.
 *
 * Requests carry `X-Vault-Token`; Vault errors (`{"errors":[…]}`) become
 * {@linkcode VaultError} with the status. The token never appears in a message.
 *
 * @module
 */
import { BynarError } from "../errors.ts";

/** A Vault request failed. */
export class VaultError extends BynarError {
  /** HTTP status (0 when Vault could not be reached). */
  readonly status: number;

  /**
   * Creates a Vault error.
   *
   * @param status HTTP status or 0.
   * @param message What failed.
   * @param options Cause.
   */
  constructor(status: number, message: string, options: { cause?: unknown } = {}) {
    super(status === 0 ? "vault_unreachable" : "vault_failed", message, options);
    this.name = "VaultError";
    this.status = status;
  }
}

/** Options of {@linkcode VaultClient}. */
export interface VaultClientOptions {
  /** Vault token (sent as `X-Vault-Token`). */
  token?: string | undefined;
  /**
   * Request timeout, ms.
   * @default 10000
   */
  timeoutMs?: number;
  /** Fetch implementation (e.g. with a private CA). @default globalThis.fetch */
  fetch?: typeof fetch;
}

/** `GET sys/health`. */
export interface VaultHealth {
  /** HTTP status: 200 active, 429 standby, 501 uninitialised, 503 sealed. */
  status: number;
  /** Initialised. */
  initialized: boolean;
  /** Sealed. */
  sealed: boolean;
  /** Standby. */
  standby: boolean;
  /** Version, when reported. */
  version?: string;
}

/** An identity OIDC token. */
export interface VaultOidcToken {
  /** The JWT. */
  token: string;
  /** The role's client id (the token's `aud`). */
  clientId: string;
  /** Lifetime, seconds. */
  ttl: number;
}

/** A KV v2 secret version. */
export interface KvSecret {
  /** The data. */
  data: Record<string, unknown>;
  /** Its version. */
  version: number;
}

const SEGMENT_REGEXP = /^[A-Za-z0-9_.-]+$/;

function cleanPath(path: string): string {
  const parts = path.split("/").filter((p) => p !== "");
  if (parts.length === 0 || parts.some((p) => !SEGMENT_REGEXP.test(p) || p === "..")) {
    throw new TypeError(`Cannot use Vault path "${path}": only [A-Za-z0-9_.-] segments`);
  }
  return parts.join("/");
}

/** Vault HTTP client. */
export class VaultClient {
  #endpoint: string;
  #token: string | undefined;
  #timeoutMs: number;
  #fetch: typeof fetch;

  /**
   * Creates a client.
   *
   * @param endpoint Vault address, e.g. `https://vault.example:8200`.
   * @param options Token, timeout, fetch.
   * @throws {TypeError} When the endpoint is not an http(s) URL.
   */
  constructor(endpoint: string, options: VaultClientOptions = {}) {
    const u = new URL(endpoint);
    if (u.protocol !== "https:" && u.protocol !== "http:") {
      throw new TypeError(`Cannot use Vault endpoint "${endpoint}": not http(s)`);
    }
    this.#endpoint = u.origin;
    this.#token = options.token;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
    this.#fetch = options.fetch ?? fetch;
  }

  /** The Vault origin. */
  get endpoint(): string {
    return this.#endpoint;
  }

  async #request(
    method: string,
    path: string,
    body?: unknown,
    options: { auth?: boolean; okStatuses?: number[] } = {},
  ): Promise<{ status: number; json: unknown }> {
    const headers: Record<string, string> = { accept: "application/json" };
    if (options.auth !== false) {
      if (!this.#token) throw new VaultError(0, `Cannot call Vault ${path}: no Vault token`);
      headers["x-vault-token"] = this.#token;
    }
    if (body !== undefined) headers["content-type"] = "application/json";
    let res: Response;
    try {
      res = await this.#fetch(`${this.#endpoint}/v1/${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch (err) {
      throw new VaultError(
        0,
        `Cannot reach Vault at ${this.#endpoint} for ${path}: ${(err as Error).message}`,
        { cause: err },
      );
    }
    const text = await res.text();
    let json: unknown = null;
    if (text !== "") {
      try {
        json = JSON.parse(text);
      } catch (err) {
        throw new VaultError(res.status, `Cannot parse Vault's reply to ${path}: not JSON`, {
          cause: err,
        });
      }
    }
    if (!res.ok && !(options.okStatuses ?? []).includes(res.status)) {
      const errs = (json as { errors?: unknown })?.errors;
      const detail = Array.isArray(errs) && errs.length ? errs.map(String).join("; ") : "";
      throw new VaultError(
        res.status,
        `Cannot ${method} Vault ${path}: HTTP ${res.status}${
          detail ? ` (${detail.slice(0, 200)})` : ""
        }`,
      );
    }
    return { status: res.status, json };
  }

  /**
   * Reads `sys/health` (no token needed). Standby/sealed/uninitialised are answers,
   * not errors.
   *
   * @returns The health.
   * @throws {VaultError} When Vault cannot be reached.
   */
  async health(): Promise<VaultHealth> {
    const { status, json } = await this.#request("GET", "sys/health", undefined, {
      auth: false,
      okStatuses: [429, 472, 473, 501, 503],
    });
    const j = (json ?? {}) as Record<string, unknown>;
    return {
      status,
      initialized: j.initialized === true,
      sealed: j.sealed === true,
      standby: j.standby === true,
      ...(typeof j.version === "string" ? { version: j.version } : {}),
    };
  }

  /**
   * Gets a signed identity token for a role (`GET identity/oidc/token/:role`).
   *
   * @param role The role name.
   * @returns The token.
   * @throws {VaultError} On refusal or a malformed reply.
   */
  async oidcToken(role: string): Promise<VaultOidcToken> {
    const { json } = await this.#request("GET", `identity/oidc/token/${cleanPath(role)}`);
    const d = (json as { data?: Record<string, unknown> })?.data;
    if (!d || typeof d.token !== "string") {
      throw new VaultError(200, `Cannot use Vault's reply for role "${role}": no data.token`);
    }
    return {
      token: d.token,
      clientId: typeof d.client_id === "string" ? d.client_id : "",
      ttl: typeof d.ttl === "number" ? d.ttl : 0,
    };
  }

  /**
   * Reads the latest version of a KV v2 secret.
   *
   * @param mount KV v2 mount (e.g. `secret`).
   * @param path Secret path.
   * @returns The secret, or null when absent.
   * @throws {VaultError} On other failures.
   */
  async kvRead(mount: string, path: string): Promise<KvSecret | null> {
    const { status, json } = await this.#request(
      "GET",
      `${cleanPath(mount)}/data/${cleanPath(path)}`,
      undefined,
      { okStatuses: [404] },
    );
    if (status === 404) return null;
    const d = (json as { data?: { data?: unknown; metadata?: { version?: unknown } } })?.data;
    if (!d || typeof d.data !== "object" || d.data === null) return null;
    return {
      data: d.data as Record<string, unknown>,
      version: typeof d.metadata?.version === "number" ? d.metadata.version : 0,
    };
  }

  /**
   * Writes a KV v2 secret, guarded by `cas` (0 = only if absent; N = only if the current
   * version is N).
   *
   * @param mount KV v2 mount.
   * @param path Secret path.
   * @param data The data.
   * @param options The `cas` version.
   * @returns The new version.
   * @throws {VaultError} On refusal (a `cas` mismatch is HTTP 400).
   */
  async kvWrite(
    mount: string,
    path: string,
    data: Record<string, unknown>,
    options: { cas?: number } = {},
  ): Promise<number> {
    const body = options.cas === undefined ? { data } : { options: { cas: options.cas }, data };
    const { json } = await this.#request(
      "POST",
      `${cleanPath(mount)}/data/${cleanPath(path)}`,
      body,
    );
    const v = (json as { data?: { version?: unknown } })?.data?.version;
    return typeof v === "number" ? v : 0;
  }
}
