/**
 * A Redfish client: HTTPS to a host's BMC with Basic or session authentication, a private
 * CA or a pinned certificate, a per-request timeout, bounded concurrency, and responses
 * validated against the zod shapes Bynar relies on.
 *
 * Sessions follow DSP0266 §13.3: `POST /redfish/v1/SessionService/Sessions` with
 * `{"UserName","Password"}` returns the token in `X-Auth-Token` and the session in
 * `Location`; {@linkcode RedfishClient.close} deletes it. A session that expired mid-walk
 * (401) is re-created once.
 *
 * @module
 */
import { connect } from "node:tls";
import type { z } from "zod";
import { retry } from "../../shared/retry.ts";
import { normalisePin } from "../../vault/cert_pin.ts";
import { RedfishError } from "./errors.ts";
import { ServiceRootSchema } from "./schemas.ts";

/** BMC credentials. */
export interface RedfishCredentials {
  /** User name. */
  username: string;
  /** Password (never logged, never put into an error). */
  password: string;
}

/** Options of {@linkcode RedfishClient}. */
export interface RedfishClientOptions {
  /** Credentials. */
  credentials: RedfishCredentials;
  /**
   * `session` (X-Auth-Token, what BMCs prefer: one login per walk) or `basic`.
   * @default "session"
   */
  auth?: "session" | "basic";
  /** CA certificate(s), PEM, that signed the BMC's certificate. */
  caCert?: string | undefined;
  /**
   * SHA-256 fingerprint of the BMC's certificate. Alone it suits self-signed BMC
   * certificates (which must still name the BMC's address in their subjectAltName).
   */
  pin?: string;
  /**
   * Time limit of one request, ms.
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * Requests in flight at once (BMCs are small computers).
   * @default 4
   */
  concurrency?: number;
}

/**
 * Turns a refusal by Bynar's own sandbox into a typed error naming the fix (it is never a
 * BMC fault).
 */
function sandboxRefusal(err: unknown, url: URL): RedfishError | null {
  const refused = err instanceof Deno.errors.NotCapable ||
    err instanceof Deno.errors.PermissionDenied ||
    // node:tls (the pin pre-flight) reports the refusal as a plain error.
    (err instanceof Error && /^Requires net access to /.test(err.message));
  if (!refused) return null;
  return new RedfishError(
    "redfish_sandbox",
    `Cannot reach the BMC at ${url.href}: Bynar's sandbox refuses the connection; add ` +
      `"${url.host}" to BYNAR_ALLOW_NET in /etc/default/bynar`,
    { url: url.href, cause: err },
  );
}

function hex(bytes: ArrayBuffer | Uint8Array): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Fetches the BMC's certificate and checks its SHA-256 against a pin.
 *
 * @param host The BMC host.
 * @param port The BMC port.
 * @param pin The expected fingerprint.
 * @returns The certificate as PEM, to be used as the only trust anchor.
 * @throws {RedfishError} `redfish_tls` on a mismatch, `redfish_unreachable` otherwise.
 */
export function fetchPinnedCertificate(host: string, port: number, pin: string): Promise<string> {
  const want = normalisePin(pin);
  const url = `https://${host}:${port}/`;
  return new Promise<string>((resolve, reject) => {
    const ip = /^[\d.]+$/.test(host) || host.includes(":");
    const sni = ip ? {} : { servername: host };
    const sock = connect({ host, port, ...sni, rejectUnauthorized: false }, () => {
      const cert = sock.getPeerCertificate(false) as { raw?: Uint8Array };
      sock.end();
      if (!cert?.raw) {
        reject(
          new RedfishError("redfish_tls", `Cannot pin the BMC at ${url}: no certificate`, { url }),
        );
        return;
      }
      const raw = new Uint8Array(cert.raw);
      crypto.subtle.digest("SHA-256", raw).then((d) => {
        const got = hex(d);
        if (got !== want) {
          reject(
            new RedfishError(
              "redfish_tls",
              `Cannot trust the BMC at ${url}: certificate SHA-256 ${got} differs from ` +
                `hardware.cert_pin; check the BMC certificate and update the pin`,
              { url },
            ),
          );
          return;
        }
        const b64 = btoa(String.fromCharCode(...raw)).replace(/(.{64})/g, "$1\n");
        resolve(`-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`);
      }, reject);
    });
    sock.setTimeout(10_000, () => {
      sock.destroy();
      reject(
        new RedfishError("redfish_timeout", `Cannot reach the BMC at ${url}: timeout`, { url }),
      );
    });
    sock.on("error", (err: Error) =>
      reject(
        sandboxRefusal(err, new URL(url)) ??
          new RedfishError(
            "redfish_unreachable",
            `Cannot reach the BMC at ${url}: ${err.message}`,
            {
              url,
              cause: err,
            },
          ),
      ));
  }).catch((err) => {
    throw sandboxRefusal(err, new URL(url)) ?? err;
  });
}

/** Counts of what the client did (tests and logs). */
export interface RedfishStats {
  /** GET requests sent. */
  gets: number;
  /** Sessions created. */
  logins: number;
  /** Sessions deleted. */
  logouts: number;
  /** Most requests in flight at once. */
  maxInFlight: number;
}

/** The session token was refused (HTTP 401): log in again and resend, once. */
class SessionExpired extends Error {}

/** A client of one BMC. */
export class RedfishClient {
  #base: URL;
  #opts: RedfishClientOptions;
  #http: Deno.HttpClient | undefined;
  #ready: Promise<void> | undefined;
  #token: string | null = null;
  #session: string | null = null;
  #login: Promise<void> | null = null;
  #inFlight = 0;
  #queue: (() => void)[] = [];
  #sessionsPath = "/redfish/v1/SessionService/Sessions";
  /** What the client did. */
  readonly stats: RedfishStats = { gets: 0, logins: 0, logouts: 0, maxInFlight: 0 };

  /**
   * Creates a client; nothing is sent until the first request.
   *
   * @param endpoint The BMC, e.g. `https://10.0.0.5` (https only).
   * @param options Credentials, trust, limits.
   * @throws {TypeError} On an endpoint that is not an https URL.
   */
  constructor(endpoint: string, options: RedfishClientOptions) {
    const base = new URL(endpoint);
    if (base.protocol !== "https:") {
      throw new TypeError(`Cannot use Redfish endpoint "${endpoint}": only https is allowed`);
    }
    this.#base = base;
    this.#opts = options;
  }

  /** The BMC origin. */
  get endpoint(): string {
    return this.#base.origin;
  }

  async #prepare(): Promise<void> {
    let pinned: string | undefined;
    if (this.#opts.pin) {
      pinned = await fetchPinnedCertificate(
        this.#base.hostname.replace(/^\[|\]$/g, ""),
        Number(this.#base.port || 443),
        this.#opts.pin,
      );
    }
    const anchor = this.#opts.caCert ?? pinned;
    if (anchor) this.#http = Deno.createHttpClient({ caCerts: [anchor] });
  }

  async #slot<T>(fn: () => Promise<T>): Promise<T> {
    const limit = Math.max(1, this.#opts.concurrency ?? 4);
    if (this.#inFlight >= limit) await new Promise<void>((r) => this.#queue.push(r));
    this.#inFlight++;
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.#inFlight);
    try {
      return await fn();
    } finally {
      this.#inFlight--;
      this.#queue.shift()?.();
    }
  }

  async #send(
    method: string,
    url: URL,
    init: { headers?: Record<string, string>; body?: string } = {},
  ): Promise<Response> {
    this.#ready ??= this.#prepare();
    await this.#ready;
    const timeoutMs = this.#opts.timeoutMs ?? 10_000;
    try {
      return await fetch(url, {
        method,
        headers: { accept: "application/json", "odata-version": "4.0", ...init.headers },
        ...(init.body === undefined ? {} : { body: init.body }),
        ...(this.#http ? { client: this.#http } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const u = url.href;
      const refused = sandboxRefusal(err, url);
      if (refused) throw refused;
      if ((err as Error).name === "TimeoutError") {
        throw new RedfishError(
          "redfish_timeout",
          `Cannot read ${u}: no reply within ${timeoutMs} ms (hardware.timeout_seconds)`,
          { url: u, cause: err },
        );
      }
      const cause = (err as Error).cause;
      const msg = cause instanceof Error
        ? cause.message.replace(/^error sending request for url \([^)]*\): /, "")
        : (err as Error).message;
      throw new RedfishError(
        /certificate|tls|ssl|handshake|UnknownIssuer/i.test(msg)
          ? "redfish_tls"
          : "redfish_unreachable",
        `Cannot reach the BMC at ${u}: ${msg}`,
        { url: u, cause: err },
      );
    }
  }

  #basic(): string {
    const { username, password } = this.#opts.credentials;
    const bytes = new TextEncoder().encode(`${username}:${password}`);
    return `Basic ${btoa(String.fromCharCode(...bytes))}`;
  }

  async #createSession(): Promise<void> {
    const url = new URL(this.#sessionsPath, this.#base);
    const res = await this.#send("POST", url, {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        UserName: this.#opts.credentials.username,
        Password: this.#opts.credentials.password,
      }),
    });
    await res.body?.cancel();
    const token = res.headers.get("x-auth-token");
    if (res.status === 401 || res.status === 403) {
      throw new RedfishError(
        "redfish_auth",
        `Cannot log in to the BMC at ${url.href}: HTTP ${res.status}; check the user name and ` +
          `password (hardware.username, hardware.password_file or Vault)`,
        { url: url.href, status: res.status },
      );
    }
    if (res.status >= 300 || !token) {
      throw new RedfishError(
        "redfish_http",
        `Cannot create a Redfish session at ${url.href}: HTTP ${res.status}` +
          (token ? "" : ", no X-Auth-Token header") + `; try hardware.auth "basic"`,
        { url: url.href, status: res.status },
      );
    }
    this.#token = token;
    const location = res.headers.get("location");
    this.#session = location ? new URL(location, this.#base).href : null;
    this.stats.logins++;
  }

  async #authHeaders(): Promise<Record<string, string>> {
    if ((this.#opts.auth ?? "session") === "basic") return { authorization: this.#basic() };
    if (!this.#token) {
      this.#login ??= this.#createSession().finally(() => (this.#login = null));
      await this.#login;
    }
    return { "x-auth-token": this.#token ?? "" };
  }

  /**
   * Reads a resource and validates it.
   *
   * @param path The resource path (`/redfish/v1/…`) or absolute URL on the BMC.
   * @param schema The zod shape the reply must have.
   * @returns The validated body.
   * @throws {RedfishError} On network, auth, HTTP or shape failures (naming URL and field).
   */
  get<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
    return this.#slot(async () => {
      const url = new URL(path, this.#base);
      if (url.origin !== this.#base.origin) {
        throw new RedfishError(
          "redfish_http",
          `Cannot follow ${url.href}: not on the BMC ${this.#base.origin}`,
          {
            url: url.href,
          },
        );
      }
      url.hash = "";
      // A 401 on a session token: the session expired; log in again once and resend.
      const res = await retry(async (attempt) => {
        const sent = this.#token;
        this.stats.gets++;
        const r = await this.#send("GET", url, { headers: await this.#authHeaders() });
        if (r.status === 401 && (this.#opts.auth ?? "session") === "session" && attempt === 1) {
          await r.body?.cancel();
          if (this.#token === sent) this.#token = null;
          throw new SessionExpired();
        }
        return r;
      }, { attempts: 2, backoff: { baseMs: 0 }, isTransient: (e) => e instanceof SessionExpired });
      if (res.status === 401 || res.status === 403) {
        await res.body?.cancel();
        throw new RedfishError(
          "redfish_auth",
          `Cannot read ${url.href}: HTTP ${res.status}; check the BMC account and its role`,
          { url: url.href, status: res.status },
        );
      }
      if (res.status !== 200) {
        const text = (await res.text()).slice(0, 200);
        throw new RedfishError(
          "redfish_http",
          `Cannot read ${url.href}: HTTP ${res.status} ${text}`,
          {
            url: url.href,
            status: res.status,
          },
        );
      }
      let body: unknown;
      try {
        body = await res.json();
      } catch (err) {
        throw new RedfishError("redfish_shape", `Cannot read ${url.href}: the reply is not JSON`, {
          url: url.href,
          status: 200,
          cause: err,
        });
      }
      const parsed = schema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.map(String).join(".") || "(root)";
        throw new RedfishError(
          "redfish_shape",
          `Cannot read ${url.href}: field "${field}" ${issue?.message ?? "is invalid"}`,
          { url: url.href, status: 200, field },
        );
      }
      return parsed.data;
    });
  }

  /**
   * Reads the service root (unauthenticated per DSP0266, but sent with credentials anyway)
   * and learns the sessions path.
   *
   * @returns The service root.
   * @throws {RedfishError} On failure.
   */
  async serviceRoot(): Promise<z.infer<typeof ServiceRootSchema>> {
    const root = await this.get("/redfish/v1/", ServiceRootSchema);
    const sessions = root.Links?.Sessions?.["@odata.id"];
    if (sessions) this.#sessionsPath = sessions;
    return root;
  }

  /**
   * Ends the session (DELETE on its URI) and releases the HTTP client. Idempotent; a
   * failure to delete is ignored (the BMC expires sessions itself).
   */
  async close(): Promise<void> {
    const session = this.#session;
    const token = this.#token;
    this.#session = null;
    this.#token = null;
    if (session && token) {
      try {
        const res = await this.#send("DELETE", new URL(session), {
          headers: { "x-auth-token": token },
        });
        await res.body?.cancel();
        if (res.status < 300) this.stats.logouts++;
      } catch { /* the BMC expires it */ }
    }
    this.#http?.close();
    this.#http = undefined;
    this.#ready = undefined;
  }
}
