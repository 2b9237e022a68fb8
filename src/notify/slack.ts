/**
 * Slack incoming-webhook notifier: a bounded queue and one background worker, retries
 * with back-off (honouring `Retry-After`), never blocking the caller. A Slack outage
 * never delays a repair; undeliverable messages are logged and dropped.
 *
 * Payload: `{"text":…,"channel":…,"username":…}` (channel and username only when set).
 *
 * @module
 */
import { backoffMs, type Clock, parseRetryAfter, retry, SYSTEM_CLOCK } from "../shared/mod.ts";
import { formatNotification } from "./messages.ts";
import type { Notifier, NotifyEvent } from "./types.ts";

/** Options of {@linkcode SlackNotifier}. */
export interface SlackNotifierOptions {
  /** The incoming-webhook URL (a secret: never logged). */
  webhook: string;
  /** Channel override (`slack_channel`); empty = the webhook's default. */
  channel?: string | undefined;
  /** Bot name (`slack_botname`); empty = the webhook's default. */
  botname?: string | undefined;
  /** HTTP(S) proxy. */
  proxy?: string | undefined;
  /**
   * Attempts per message.
   * @default 5
   */
  maxAttempts?: number | undefined;
  /**
   * Messages waiting behind the one in flight; the oldest is dropped when full.
   * @default 100
   */
  maxQueue?: number | undefined;
  /**
   * Per-request timeout in milliseconds.
   * @default 10000
   */
  timeoutMs?: number | undefined;
  /**
   * Longest wait between attempts in milliseconds.
   * @default 60000
   */
  maxBackoffMs?: number | undefined;
  /** Clock for waits (tests). */
  clock?: Clock | undefined;
  /** fetch implementation (tests). */
  fetch?: typeof fetch | undefined;
  /** Log sink (messages never contain the webhook URL). */
  log?: ((message: string) => void) | undefined;
}

/** Delivery counters, for logs and metrics. */
export interface SlackStats {
  /** Messages delivered. */
  sent: number;
  /** Messages given up on after all attempts or a permanent error. */
  failed: number;
  /** Messages dropped because the queue was full or the notifier closed. */
  dropped: number;
}

/** One failed delivery attempt. */
class Undelivered extends Error {
  /**
   * @param message Why (redacted: never the webhook URL).
   * @param transient Worth another attempt (network error, 429, 5xx).
   * @param wait The `Retry-After` wait in ms, or null.
   */
  constructor(message: string, readonly transient = true, readonly wait: number | null = null) {
    super(message);
  }
}

/** Sends notifications to a Slack incoming webhook in the background. */
export class SlackNotifier implements Notifier {
  readonly #o: SlackNotifierOptions;
  readonly #clock: Clock;
  readonly #fetch: typeof fetch;
  readonly #log: (message: string) => void;
  readonly #queue: string[] = [];
  readonly #abort = new AbortController();
  readonly #stats: SlackStats = { sent: 0, failed: 0, dropped: 0 };
  #worker: Promise<void> | null = null;
  #client: Deno.HttpClient | undefined;
  #closed = false;

  /**
   * Creates the notifier.
   *
   * @param options Webhook, channel, bot name, retry limits, clock.
   * @throws {TypeError} When the webhook is not an http(s) URL.
   */
  constructor(options: SlackNotifierOptions) {
    const url = URL.parse(options.webhook);
    if (!url || !/^https?:$/.test(url.protocol)) {
      throw new TypeError("Cannot use slack_webhook: it is not an http(s) URL");
    }
    this.#o = options;
    this.#clock = options.clock ?? SYSTEM_CLOCK;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#log = options.log ?? (() => {});
    if (options.proxy) this.#client = Deno.createHttpClient({ proxy: { url: options.proxy } });
  }

  /** Delivery counters so far. */
  get stats(): Readonly<SlackStats> {
    return { ...this.#stats };
  }

  /**
   * Queues a message and returns at once.
   *
   * @param event What happened.
   */
  notify(event: NotifyEvent): void {
    this.send(formatNotification(event));
  }

  /**
   * Queues a raw text and returns at once.
   *
   * @param text The message.
   */
  send(text: string): void {
    if (this.#closed) {
      this.#stats.dropped++;
      return;
    }
    if (this.#queue.length >= (this.#o.maxQueue ?? 100)) {
      this.#queue.shift();
      this.#stats.dropped++;
      this.#log("Slack queue full: dropped the oldest message");
    }
    this.#queue.push(text);
    this.#worker ??= this.#run().finally(() => {
      this.#worker = null;
    });
  }

  /**
   * Waits until the queue is drained or the timeout passes.
   *
   * @param options Timeout in milliseconds (default 5000).
   * @returns True when the queue drained in time.
   */
  async flush(options: { timeoutMs?: number } = {}): Promise<boolean> {
    const worker = this.#worker;
    if (!worker) return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), options.timeoutMs ?? 5000);
    });
    try {
      return await Promise.race([worker.then(() => true), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops the worker and drops queued messages. Idempotent. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#stats.dropped += this.#queue.length;
    this.#queue.length = 0;
    this.#abort.abort(new Error("Slack notifier closed"));
    this.#client?.close();
    this.#client = undefined;
  }

  async #run(): Promise<void> {
    while (this.#queue.length > 0 && !this.#closed) {
      const text = this.#queue.shift() as string;
      try {
        await this.#deliver(text);
      } catch {
        // Only a close() abort lands here: the message in flight is dropped.
        this.#stats.dropped++;
        return;
      }
    }
  }

  async #deliver(text: string): Promise<void> {
    const max = Math.max(1, this.#o.maxAttempts ?? 5);
    const payload: Record<string, string> = { text };
    if (this.#o.channel) payload.channel = this.#o.channel;
    if (this.#o.botname) payload.username = this.#o.botname;
    try {
      await retry(async () => {
        let res: Response;
        try {
          res = await this.#post(payload);
        } catch (err) {
          if (this.#abort.signal.aborted) throw err;
          throw new Undelivered(this.#redact(err instanceof Error ? err.message : String(err)));
        }
        const body = (await res.text()).slice(0, 200);
        if (res.ok) return;
        throw new Undelivered(
          `HTTP ${res.status}${body ? ` (${body})` : ""}`,
          res.status === 429 || res.status >= 500,
          parseRetryAfter(res.headers.get("retry-after"), this.#clock.now()),
        );
      }, {
        attempts: max,
        clock: this.#clock,
        signal: this.#abort.signal,
        isTransient: (err) => err instanceof Undelivered && err.transient,
        delayMs: (err, attempt) =>
          Math.min((err as Undelivered).wait ?? backoffMs(attempt), this.#o.maxBackoffMs ?? 60_000),
        onRetry: ({ error, delayMs }) =>
          this.#log(
            `Slack message failed (${(error as Error).message}); retrying in ${delayMs} ms`,
          ),
      });
      this.#stats.sent++;
    } catch (err) {
      // A close() abort is rethrown: the worker counts the message in flight as dropped.
      if (!(err instanceof Undelivered)) throw err;
      this.#stats.failed++;
      this.#log(
        err.transient
          ? `Cannot send Slack message after ${max} attempts: ${err.message}; dropped`
          : `Cannot send Slack message: ${err.message}; dropped (check slack_webhook)`,
      );
    }
  }

  #post(payload: Record<string, string>): Promise<Response> {
    const timeout = AbortSignal.timeout(this.#o.timeoutMs ?? 10_000);
    const init: RequestInit & { client?: Deno.HttpClient } = {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
      signal: AbortSignal.any([timeout, this.#abort.signal]),
    };
    if (this.#client) init.client = this.#client;
    return this.#fetch(this.#o.webhook, init);
  }

  #redact(text: string): string {
    const url = new URL(this.#o.webhook);
    return text.split(this.#o.webhook).join("<slack_webhook>")
      .split(url.pathname).join("/<redacted>");
  }
}
