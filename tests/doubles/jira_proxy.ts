/**
 * A loopback forward HTTP proxy for tests: it records each proxied request and forwards
 * it (plain HTTP, absolute-form request targets) to the origin.
 *
 * @module
 */

/** The proxy double. */
export class ProxyDouble {
  /** `METHOD url` of every proxied request. */
  readonly seen: string[] = [];
  #server: Deno.HttpServer | null = null;

  /**
   * Starts listening on a free loopback port.
   *
   * @returns The proxy URL.
   */
  start(): string {
    this.#server = Deno.serve(
      { hostname: "127.0.0.1", port: 0, onListen: () => {} },
      async (req) => {
        this.seen.push(`${req.method} ${req.url}`);
        const headers = new Headers(req.headers);
        headers.delete("proxy-connection");
        const body = req.method === "GET" || req.method === "HEAD" ? null : await req.arrayBuffer();
        const res = await fetch(req.url, { method: req.method, headers, body });
        return new Response(await res.arrayBuffer(), { status: res.status, headers: res.headers });
      },
    );
    return `http://127.0.0.1:${(this.#server.addr as Deno.NetAddr).port}`;
  }

  /** Stops the server. */
  async close(): Promise<void> {
    await this.#server?.shutdown();
    this.#server = null;
  }
}
