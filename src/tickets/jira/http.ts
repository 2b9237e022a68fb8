/**
 * A small JIRA REST client: authentication, proxy, timeouts, and waits on 429/503 that
 * honour `Retry-After`. Credentials never appear in messages or logs.
 *
 * Read requests (and searches) are retried on 429, 5xx and network errors. Writes are
 * retried only on 429 (the request was refused, not carried out); a 5xx or a network
 * error after a write is reported as an *ambiguous* {@linkcode TicketError}, so the
 * caller looks before it tries again.
 *
 * @module
 */
import { backoffMs, type Clock, parseRetryAfter, retry, SYSTEM_CLOCK } from "../../shared/mod.ts";
import { TicketError } from "../errors.ts";

/** How to authenticate. */
export type JiraAuth =
  | { kind: "basic"; user: string; password: string }
  | { kind: "bearer"; token: string };

/** Options of {@linkcode JiraHttp}. */
export interface JiraHttpOptions {
  /** Base URL, e.g. `https://example.atlassian.net` (no credentials in it). */
  baseUrl: string;
  /** Credentials. */
  auth: JiraAuth;
  /** HTTP(S) proxy URL for every request. */
  proxy?: string | undefined;
  /**
   * The fetch implementation (tests count requests through it).
   * @default globalThis.fetch
   */
  fetch?: typeof fetch | undefined;
  /**
   * Clock for waits.
   * @default SYSTEM_CLOCK
   */
  clock?: Clock | undefined;
  /**
   * Per-request timeout in milliseconds.
   * @default 30000
   */
  timeoutMs?: number | undefined;
  /**
   * Attempts per request, including the first.
   * @default 4
   */
  maxAttempts?: number | undefined;
  /**
   * The longest wait honoured inside one call; a longer `Retry-After` fails the call
   * with `retryAt` set, so the caller tries again next pass.
   * @default 120000
   */
  maxWaitMs?: number | undefined;
  /** Log sink (messages never contain credentials). */
  log?: ((message: string) => void) | undefined;
}

/** Options of one request. */
export interface JiraRequestOptions {
  /** Query parameters. */
  query?: Record<string, string> | undefined;
  /** JSON body. */
  body?: unknown;
  /** True for reads (and searches): safe to repeat after any failure. */
  idempotent: boolean;
  /** Cancellation. */
  signal?: AbortSignal | undefined;
}

/** A JIRA answer below 500 (and not 429). */
export interface JiraResponse {
  /** HTTP status. */
  status: number;
  /** Parsed JSON body, or null when empty/not JSON. */
  body: unknown;
}

/** Statuses after which a read is retried. */
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);

/**
 * Builds a short error text from a JIRA error body
 * (`{"errorMessages":[…],"errors":{"field":"msg"}}`).
 *
 * @param body The parsed body.
 * @returns The messages joined by "; ", or "" when none.
 */
export function jiraErrorText(body: unknown): string {
  if (!body || typeof body !== "object") return "";
  const b = body as { errorMessages?: unknown; errors?: unknown };
  const parts: string[] = [];
  if (Array.isArray(b.errorMessages)) parts.push(...b.errorMessages.map(String));
  if (b.errors && typeof b.errors === "object") {
    for (const [k, v] of Object.entries(b.errors)) parts.push(`${k}: ${String(v)}`);
  }
  return parts.join("; ");
}

/** One failed attempt: a network error (status null) or a 429/5xx answer. */
class AttemptFailure extends Error {
  /**
   * @param message The redacted network error ("" for an HTTP answer).
   * @param status The HTTP status, or null for a network error.
   * @param body The answer's parsed body.
   * @param delay The `Retry-After` wait in ms, or null.
   */
  constructor(
    message: string,
    readonly status: number | null = null,
    readonly body: unknown = null,
    readonly delay: number | null = null,
  ) {
    super(message);
  }
}

/** A JIRA REST client. */
export class JiraHttp {
  readonly #base: string;
  readonly #authHeader: string;
  readonly #secrets: string[];
  readonly #fetch: typeof fetch;
  readonly #clock: Clock;
  readonly #timeoutMs: number;
  readonly #maxAttempts: number;
  readonly #maxWaitMs: number;
  readonly #log: (message: string) => void;
  #client: Deno.HttpClient | undefined;

  /**
   * Creates a client (and the proxy client, when a proxy is configured).
   *
   * @param options Base URL, credentials, proxy, clock, limits.
   * @throws {TypeError} When the base URL is invalid or carries credentials.
   */
  constructor(options: JiraHttpOptions) {
    const url = new URL(options.baseUrl);
    if (url.username || url.password) {
      throw new TypeError("Cannot use jira_host: the URL must not contain credentials");
    }
    this.#base = url.href.replace(/\/+$/, "");
    if (options.auth.kind === "basic") {
      const token = btoa(`${options.auth.user}:${options.auth.password}`);
      this.#authHeader = `Basic ${token}`;
      this.#secrets = [options.auth.password, token];
    } else {
      this.#authHeader = `Bearer ${options.auth.token}`;
      this.#secrets = [options.auth.token];
    }
    this.#secrets = this.#secrets.filter((s) => s.length >= 3);
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#clock = options.clock ?? SYSTEM_CLOCK;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#maxAttempts = Math.max(1, options.maxAttempts ?? 4);
    this.#maxWaitMs = options.maxWaitMs ?? 120_000;
    this.#log = options.log ?? (() => {});
    if (options.proxy) this.#client = Deno.createHttpClient({ proxy: { url: options.proxy } });
  }

  /** The base URL (no trailing slash). */
  get baseUrl(): string {
    return this.#base;
  }

  /** The clock used for waits. */
  get clock(): Clock {
    return this.#clock;
  }

  /**
   * Replaces any credential found in a text by `***`.
   *
   * @param text Any text.
   * @returns The text without credentials.
   */
  redact(text: string): string {
    let out = text;
    for (const s of this.#secrets) out = out.split(s).join("***");
    return out;
  }

  /**
   * The wait before retrying after a failure that named `retryAt`, capped at `maxWaitMs`.
   *
   * @param retryAt When the tracker said to retry (epoch ms), if it did.
   * @returns Milliseconds, or null when the tracker named no time (use the back-off).
   */
  delayUntil(retryAt: number | undefined): number | null {
    return retryAt === undefined ? null : Math.min(retryAt - this.#clock.now(), this.#maxWaitMs);
  }

  /**
   * Waits until `retryAt` (epoch ms) or, when unknown, an exponential back-off.
   *
   * @param retryAt When the tracker said to retry, if it did.
   * @param attempt The failed attempt (1-based), for the back-off.
   * @param signal Cancellation.
   * @returns After the wait.
   */
  async pause(retryAt: number | undefined, attempt: number, signal?: AbortSignal): Promise<void> {
    const wait = this.delayUntil(retryAt) ?? backoffMs(attempt);
    if (wait > 0) await this.#clock.sleep(wait, signal);
  }

  /**
   * Sends one request, with retries as described in the module documentation.
   *
   * @param method HTTP method.
   * @param path Path under the base URL, e.g. `/rest/api/2/issue`.
   * @param options Query, body, idempotency, cancellation.
   * @returns The answer when its status is below 500 and not 429.
   * @throws {TicketError} On 429/5xx/network failure after the allowed attempts
   *   (`ambiguous` for writes that may have been carried out).
   */
  async request(method: string, path: string, options: JiraRequestOptions): Promise<JiraResponse> {
    const url = new URL(this.#base + path);
    for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
    const what = `${method} ${path}`;
    const transient = (f: AttemptFailure): boolean =>
      f.status === null ? options.idempotent : (options.idempotent || f.status === 429) &&
        !(f.delay !== null && f.delay > this.#maxWaitMs);
    try {
      return await retry(async () => {
        let res: Response;
        try {
          res = await this.#send(method, url, options);
        } catch (err) {
          if (options.signal?.aborted) throw err;
          throw new AttemptFailure(this.redact(err instanceof Error ? err.message : String(err)));
        }
        if (!RETRY_STATUSES.has(res.status)) {
          return { status: res.status, body: await this.#json(res) };
        }
        const body = await this.#json(res);
        const delay = parseRetryAfter(res.headers.get("retry-after"), this.#clock.now());
        throw new AttemptFailure("", res.status, body, delay);
      }, {
        attempts: this.#maxAttempts,
        clock: this.#clock,
        signal: options.signal,
        isTransient: (err) => err instanceof AttemptFailure && transient(err),
        delayMs: (err) => err instanceof AttemptFailure ? err.delay : null,
        onRetry: ({ error, attempt, delayMs }) => {
          const f = error as AttemptFailure;
          this.#log(
            f.status === null
              ? `JIRA request "${what}" failed (${f.message}); retrying, attempt ${attempt + 1}`
              : `JIRA request "${what}" got HTTP ${f.status}; waiting ${delayMs} ms before attempt ${
                attempt + 1
              }`,
          );
        },
      });
    } catch (err) {
      if (!(err instanceof AttemptFailure)) throw err;
      if (err.status === null) {
        throw new TicketError(`Cannot complete JIRA request "${what}": ${err.message}`, {
          ambiguous: !options.idempotent,
          cause: new Error(err.message),
        });
      }
      const retryAt = err.delay === null ? undefined : this.#clock.now() + err.delay;
      const retriable = options.idempotent || err.status === 429;
      const detail = this.redact(jiraErrorText(err.body));
      throw new TicketError(
        `Cannot complete JIRA request "${what}": HTTP ${err.status}` +
          (detail ? ` (${detail})` : "") +
          (retryAt === undefined ? "" : `; retry after ${new Date(retryAt).toISOString()}`),
        { status: err.status, ambiguous: !retriable, retryAt },
      );
    }
  }

  /** Releases the proxy client. Idempotent. */
  close(): void {
    this.#client?.close();
    this.#client = undefined;
  }

  async #send(method: string, url: URL, options: JiraRequestOptions): Promise<Response> {
    const timeout = AbortSignal.timeout(this.#timeoutMs);
    const signal = options.signal ? AbortSignal.any([timeout, options.signal]) : timeout;
    const headers: Record<string, string> = {
      authorization: this.#authHeader,
      accept: "application/json",
    };
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const init: RequestInit & { client?: Deno.HttpClient } = {
      method,
      headers,
      signal,
      body: options.body === undefined ? null : JSON.stringify(options.body),
    };
    if (this.#client) init.client = this.#client;
    return await this.#fetch(url, init);
  }

  async #json(res: Response): Promise<unknown> {
    const text = await res.text();
    if (!text) return null;
    try {
      return JSON.parse(text);
    } catch {
      return null;
    }
  }
}
