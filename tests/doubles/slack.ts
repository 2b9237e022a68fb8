/**
 * A loopback Slack incoming-webhook double: `POST /services/T…/B…/…` with
 * `{"text","channel"?,"username"?}` answers `200 ok` (text/plain), `400 invalid_payload`
 * or `no_text`, `404 no_service` for an unknown hook, and injected 429/5xx faults with
 * `Retry-After`.
 *
 * @module
 */

/** One received message. */
export interface SlackMessage {
  /** Message text. */
  text: string;
  /** Channel override, if sent. */
  channel?: string;
  /** Bot name, if sent. */
  username?: string;
}

/** An injected failure for the next request(s). */
export interface SlackFault {
  /** Status to answer. */
  status: number;
  /** Retry-After value. */
  retryAfter?: string;
  /** Requests it hits. @default 1 */
  times?: number;
}

/** The double. */
export class SlackDouble {
  readonly messages: SlackMessage[] = [];
  readonly faults: SlackFault[] = [];
  /** Requests seen, including failed ones. */
  requests = 0;
  readonly path = "/services/T000/B000/XXXXXXXXsecretXXXX";
  #server: Deno.HttpServer | null = null;
  #base = "";

  /**
   * Starts listening on a free loopback port.
   *
   * @returns The webhook URL.
   */
  start(): string {
    this.#server = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen: () => {} },
      (req) => this.#handle(req),
    );
    this.#base = `http://127.0.0.1:${(this.#server.addr as Deno.NetAddr).port}`;
    return this.webhook;
  }

  /** The webhook URL. */
  get webhook(): string {
    return this.#base + this.path;
  }

  /** Stops the server. */
  async close(): Promise<void> {
    await this.#server?.shutdown();
    this.#server = null;
  }

  async #handle(req: Request): Promise<Response> {
    this.requests++;
    const text = await req.text();
    const fault = this.faults[0];
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) this.faults.shift();
      const headers: Record<string, string> = { "content-type": "text/plain" };
      if (fault.retryAfter !== undefined) headers["retry-after"] = fault.retryAfter;
      return new Response(fault.status === 429 ? "rate_limited" : "service_unavailable", {
        status: fault.status,
        headers,
      });
    }
    if (req.method !== "POST" || new URL(req.url).pathname !== this.path) {
      return new Response("no_service", { status: 404 });
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text);
    } catch {
      return new Response("invalid_payload", { status: 400 });
    }
    if (typeof body.text !== "string" || !body.text) {
      return new Response("no_text", { status: 400 });
    }
    const msg: SlackMessage = { text: body.text };
    if (typeof body.channel === "string") msg.channel = body.channel;
    if (typeof body.username === "string") msg.username = body.username;
    this.messages.push(msg);
    return new Response("ok", { status: 200, headers: { "content-type": "text/plain" } });
  }
}
