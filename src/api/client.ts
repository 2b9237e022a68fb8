/**
 * The disk-manager API client (used by `bynar client`): protobuf on the wire, TLS with
 * a private CA and/or a pinned certificate fingerprint, bearer token.
 *
 * @module
 */
import { X509Certificate } from "node:crypto";
import { connect } from "node:tls";
import { BynarError } from "../errors.ts";
import { normalisePin } from "../vault/cert_pin.ts";
import { decodeMessage, encodeMessage, type ProtoTypes, protoTypes } from "./codec/proto.ts";
import type {
  DiskMsg,
  JiraInfoMsg,
  OperationStatusMsg,
  OpName,
  OpOutcomeResultMsg,
} from "./codec/messages.ts";
import { PROTOBUF_TYPE } from "./codec/negotiate.ts";

/** A request to the disk-manager failed. */
export class ApiClientError extends BynarError {
  /** HTTP status (0 when unreachable). */
  readonly status: number;

  /**
   * Creates a client error.
   *
   * @param status HTTP status or 0.
   * @param code Problem code.
   * @param message Server's message.
   * @param options Cause.
   */
  constructor(status: number, code: string, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
    this.name = "ApiClientError";
    this.status = status;
  }
}

/** Options of {@linkcode ApiClient}. */
export interface ApiClientOptions {
  /** Bearer token, or a function returning one. */
  token: string | (() => Promise<string>);
  /** CA certificate(s) (PEM) to verify the server. */
  caCert?: string;
  /**
   * Expected SHA-256 fingerprint of the server certificate (hex, colons allowed). Alone
   * it suits self-signed certificates; with a CA-issued certificate give `caCert` too.
   */
  pin?: string;
  /**
   * Request timeout, ms.
   * @default 30000
   */
  timeoutMs?: number;
}

/** Reply of a mutating call: a direct result (200) or a started operation (202). */
export interface MutationReply {
  /** Result for simulate / Skipped / SkipRepeat. */
  result?: OpOutcomeResultMsg;
  /** Started operation. */
  operation?: OperationStatusMsg;
}

/** A server certificate whose pin matched. */
export interface PinnedCertificate {
  /** The leaf certificate as PEM. */
  pem: string;
  /** True when the certificate signs itself (it can then be its own trust anchor). */
  selfSigned: boolean;
  /** Its issuer (for messages). */
  issuer: string;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Fetches the server certificate and checks a pin against it: the SHA-256 of the whole
 * certificate (what the disk-manager publishes) or of its public key (SPKI, which survives
 * a renewal with the same key).
 *
 * @param host Server host.
 * @param port Server port.
 * @param pin Expected fingerprint.
 * @returns The pinned certificate (PEM, whether self-signed, issuer).
 * @throws {ApiClientError} `pin_mismatch` or `unreachable`.
 */
export function checkPin(host: string, port: number, pin: string): Promise<PinnedCertificate> {
  const want = normalisePin(pin);
  return new Promise((resolve, reject) => {
    const sock = connect({ host, port, servername: host, rejectUnauthorized: false }, () => {
      const cert = sock.getPeerCertificate(false) as { raw?: Uint8Array };
      sock.end();
      if (!cert?.raw) {
        reject(new ApiClientError(0, "pin_mismatch", `Cannot pin ${host}:${port}: no certificate`));
        return;
      }
      const raw = new Uint8Array(cert.raw);
      const b64 = btoa(String.fromCharCode(...raw)).replace(/(.{64})/g, "$1\n");
      const pem = `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
      (async () => {
        const x = new X509Certificate(pem);
        const spki = new Uint8Array(x.publicKey.export({ type: "spki", format: "der" }));
        const got = await sha256Hex(raw);
        if (got !== want && (await sha256Hex(spki)) !== want) {
          throw new ApiClientError(
            0,
            "pin_mismatch",
            `Cannot trust ${host}:${port}: certificate SHA-256 ${got} differs from the pin ` +
              "(neither the certificate's nor its public key's SHA-256)",
          );
        }
        return { pem, selfSigned: x.issuer === x.subject, issuer: x.issuer };
      })().then(resolve, reject);
    });
    sock.setTimeout(10_000, () => {
      sock.destroy();
      reject(new ApiClientError(0, "unreachable", `Cannot reach ${host}:${port}: timeout`));
    });
    sock.on(
      "error",
      (err: Error) =>
        reject(
          new ApiClientError(0, "unreachable", `Cannot reach ${host}:${port}: ${err.message}`),
        ),
    );
  });
}

/** Client of the disk-manager API. */
export class ApiClient {
  #base: URL;
  #opts: ApiClientOptions;
  #http: Deno.HttpClient | undefined;
  #ready: Promise<void> | undefined;
  #pinnedIssuer: string | undefined;

  /**
   * Creates a client.
   *
   * @param baseUrl e.g. `https://host:5555`.
   * @param options Token, CA, pin, timeout.
   */
  constructor(baseUrl: string, options: ApiClientOptions) {
    this.#base = new URL(baseUrl);
    this.#opts = options;
  }

  async #prepare(): Promise<void> {
    // With a pin, the certificate is checked first (pre-flight TLS handshake). Requests
    // then verify the chain as well: against the CA when one is given, against exactly the
    // pinned certificate when it is self-signed, else against the system store (a
    // CA-signed certificate: the pin checks the leaf, the chain is verified too).
    let pinned: PinnedCertificate | undefined;
    if (this.#opts.pin && this.#base.protocol === "https:") {
      const port = Number(this.#base.port || 443);
      pinned = await checkPin(this.#base.hostname, port, this.#opts.pin);
      this.#pinnedIssuer = pinned.selfSigned ? undefined : pinned.issuer;
    }
    const anchor = this.#opts.caCert ?? (pinned?.selfSigned ? pinned.pem : undefined);
    if (anchor) this.#http = Deno.createHttpClient({ caCerts: [anchor] });
  }

  async #call(method: string, path: string, body?: Uint8Array): Promise<Response> {
    this.#ready ??= this.#prepare();
    await this.#ready;
    const token = typeof this.#opts.token === "string"
      ? this.#opts.token
      : await this.#opts.token();
    const headers: Record<string, string> = {
      accept: PROTOBUF_TYPE,
      authorization: `Bearer ${token}`,
    };
    if (body) headers["content-type"] = PROTOBUF_TYPE;
    let res: Response;
    try {
      res = await fetch(new URL(path, this.#base), {
        method,
        headers,
        ...(body ? { body: body as Uint8Array<ArrayBuffer> } : {}),
        ...(this.#http ? { client: this.#http } : {}),
        signal: AbortSignal.timeout(this.#opts.timeoutMs ?? 30_000),
      });
    } catch (err) {
      const hint = this.#pinnedIssuer && !this.#opts.caCert
        ? ` (its certificate matches the pin but is signed by "${this.#pinnedIssuer}", ` +
          "which the system store does not trust: give --ca with that CA so the chain is " +
          "verified too)"
        : "";
      throw new ApiClientError(
        0,
        "unreachable",
        `Cannot reach the disk-manager at ${this.#base.origin}: ${(err as Error).message}${hint}`,
        { cause: err },
      );
    }
    if (res.status >= 400) {
      const bytes = new Uint8Array(await res.arrayBuffer());
      let msg = `HTTP ${res.status}`;
      let code = "http_error";
      if ((res.headers.get("content-type") ?? "").startsWith(PROTOBUF_TYPE)) {
        try {
          const e = decodeMessage(protoTypes().OpOutcomeResult, bytes);
          msg = String(e.error_msg ?? msg);
          code = String(e.error_type ?? code);
        } catch { /* keep the generic message */ }
      } else {
        try {
          const p = JSON.parse(new TextDecoder().decode(bytes));
          msg = String(p.detail ?? msg);
          code = String(p.title ?? code);
        } catch { /* keep the generic message */ }
      }
      throw new ApiClientError(res.status, code, msg);
    }
    return res;
  }

  async #decode<T>(res: Response, type: keyof Omit<ProtoTypes, "root">): Promise<T> {
    return decodeMessage(protoTypes()[type], new Uint8Array(await res.arrayBuffer())) as T;
  }

  /**
   * Lists the host's disks.
   *
   * @returns The disks.
   * @throws {ApiClientError} On refusal or network failure.
   */
  async listDisks(): Promise<DiskMsg[]> {
    const r = await this.#decode<{ disk?: DiskMsg[] }>(
      await this.#call("GET", "/v1/disks"),
      "Disks",
    );
    return r.disk ?? [];
  }

  /**
   * Asks whether a disk may be removed.
   *
   * @param disk Device path.
   * @param identity Optional serial/WWN (checked when given; required for a disk that is
   *   gone).
   * @param options The OSD id the disk carried (finds the OSD of a disk that is gone).
   * @returns The answer.
   * @throws {ApiClientError} On refusal.
   */
  async safeToRemove(
    disk: string,
    identity?: string,
    options: { osdId?: number } = {},
  ): Promise<OpOutcomeResultMsg> {
    const body = this.#op("SafeToRemove", disk, identity, options);
    return await this.#decode(
      await this.#call("POST", "/v1/disks/safe-to-remove", body),
      "OpOutcomeResult",
    );
  }

  #op(
    op: OpName,
    disk: string,
    identity: string | undefined,
    o: { simulate?: boolean; osdId?: number },
  ): Uint8Array {
    return encodeMessage(protoTypes().Operation, {
      Op_type: op,
      disk,
      ...(identity ? { disk_identity: identity } : {}),
      ...(o.simulate ? { simulate: true } : {}),
      ...(o.osdId !== undefined ? { osd_id: o.osdId } : {}),
    });
  }

  async #mutate(path: string, body: Uint8Array): Promise<MutationReply> {
    const res = await this.#call("POST", path, body);
    if (res.status === 202) return { operation: await this.#decode(res, "OperationStatus") };
    return { result: await this.#decode(res, "OpOutcomeResult") };
  }

  /**
   * Removes a disk (or plans it with `simulate`).
   *
   * @param disk Device path.
   * @param identity Serial/WWN/key of the disk (the one last seen there, for a disk that is
   *   gone).
   * @param options Simulate; the OSD id the disk carried (finds the OSD of a disk that is
   *   gone).
   * @returns Direct result or started operation.
   * @throws {ApiClientError} On refusal.
   */
  async remove(
    disk: string,
    identity: string,
    options: { simulate?: boolean; osdId?: number } = {},
  ): Promise<MutationReply> {
    return await this.#mutate("/v1/disks/remove", this.#op("Remove", disk, identity, options));
  }

  /**
   * Adds a disk (or plans it with `simulate`).
   *
   * @param disk Device path.
   * @param identity Serial/WWN/key of the disk.
   * @param options Simulate, OSD id.
   * @returns Direct result or started operation.
   * @throws {ApiClientError} On refusal.
   */
  async add(
    disk: string,
    identity: string,
    options: { simulate?: boolean; osdId?: number } = {},
  ): Promise<MutationReply> {
    return await this.#mutate("/v1/disks/add", this.#op("Add", disk, identity, options));
  }

  /**
   * Lists Bynar's open tickets.
   *
   * @returns The tickets.
   * @throws {ApiClientError} On refusal.
   */
  async tickets(): Promise<JiraInfoMsg[]> {
    const r = await this.#decode<{ tickets?: JiraInfoMsg[] }>(
      await this.#call("GET", "/v1/tickets"),
      "OpJiraTicketsResult",
    );
    return r.tickets ?? [];
  }

  /**
   * Reads an operation.
   *
   * @param id Operation id.
   * @returns Its status.
   * @throws {ApiClientError} On refusal or unknown id.
   */
  async operation(id: string): Promise<OperationStatusMsg> {
    return await this.#decode(
      await this.#call("GET", `/v1/operations/${encodeURIComponent(id)}`),
      "OperationStatus",
    );
  }

  /**
   * Lists the disk-manager's operations, newest first.
   *
   * @returns Their statuses.
   * @throws {ApiClientError} On refusal or network failure.
   */
  async operations(): Promise<OperationStatusMsg[]> {
    const r = await this.#decode<{ operation?: OperationStatusMsg[] }>(
      await this.#call("GET", "/v1/operations"),
      "OperationList",
    );
    return r.operation ?? [];
  }

  /**
   * Polls an operation until it finishes.
   *
   * @param id Operation id.
   * @param options Poll interval, overall timeout, progress callback.
   * @returns The final status.
   * @throws {ApiClientError} On refusal, or `timeout` when it does not finish in time.
   */
  async waitOperation(
    id: string,
    options: {
      intervalMs?: number;
      timeoutMs?: number;
      onUpdate?: (s: OperationStatusMsg) => void;
    } = {},
  ): Promise<OperationStatusMsg> {
    const deadline = Date.now() + (options.timeoutMs ?? 3_600_000);
    for (;;) {
      const s = await this.operation(id);
      options.onUpdate?.(s);
      if (s.state === "SUCCEEDED" || s.state === "FAILED") return s;
      if (Date.now() > deadline) {
        throw new ApiClientError(0, "timeout", `Cannot wait longer for operation ${id}`);
      }
      await new Promise((r) => setTimeout(r, options.intervalMs ?? 1000));
    }
  }

  /** Releases the HTTP client (idempotent). */
  close(): void {
    this.#http?.close();
    this.#http = undefined;
  }
}
