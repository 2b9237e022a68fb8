/**
 * An alternative TLS listener on `node:https` for the API app. Deno.serve's TLS sockets
 * do not set TCP_NODELAY, so on keep-alive connections a reply larger than ≈350 bytes
 * (written as two TLS records) waits ≈40 ms for the client's delayed ACK (Nagle); node's
 * server sets `noDelay`. Selected with disk-manager.json `tls_server: "node"`.
 *
 * @module
 */
import https from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { checkRequestTarget } from "./request_target.ts";

/** Something with a fetch handler (a Hono app). */
export interface FetchApp {
  /** Handles a request. */
  fetch(req: Request, info: Deno.ServeHandlerInfo<Deno.NetAddr>): Response | Promise<Response>;
}

/** A running node:https server. */
export interface NodeTlsServer {
  /** Bound address. */
  addr: Deno.NetAddr;
  /** Resolves when closed. */
  finished: Promise<void>;
  /**
   * Stops accepting and closes idle connections.
   *
   * @returns When closed.
   */
  shutdown(): Promise<void>;
}

function refuse(
  res: ServerResponse,
  status: number,
  code: string,
  detail: string,
  extra: Record<string, string> = {},
): void {
  const body = JSON.stringify({ type: "about:blank", title: code, status, detail });
  res.writeHead(status, {
    "content-type": "application/problem+json",
    "content-length": String(new TextEncoder().encode(body).byteLength),
    ...extra,
  });
  res.end(body);
}

/**
 * The URL handed to the app: the server's own origin and the request target (origin-form
 * only); the Host header is checked, never used to route.
 *
 * @returns The URL, or undefined when the request was refused.
 */
function requestUrl(req: IncomingMessage, res: ServerResponse, origin: string): string | undefined {
  const target = req.url ?? "";
  const refusal = checkRequestTarget(req.method ?? "", req.headers.host, { target });
  if (refusal) {
    refuse(res, refusal.status, refusal.code, refusal.detail, refusal.headers);
    return undefined;
  }
  return origin + target;
}

async function handle(
  app: FetchApp,
  req: IncomingMessage,
  res: ServerResponse,
  origin: string,
): Promise<void> {
  const url = requestUrl(req, res, origin);
  if (url === undefined) return;
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) { for (const x of v) headers.append(k, x); }
    else headers.set(k, v);
  }
  const method = req.method ?? "GET";
  const hasBody = method !== "GET" && method !== "HEAD";
  const request = new Request(url, {
    method,
    headers,
    ...(hasBody
      ? { body: Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>, duplex: "half" }
      : {}),
  } as RequestInit);
  const remote = req.socket.remoteAddress ?? "unknown";
  const info = {
    remoteAddr: { transport: "tcp", hostname: remote, port: req.socket.remotePort ?? 0 },
    completed: Promise.resolve(),
  } as unknown as Deno.ServeHandlerInfo<Deno.NetAddr>;
  const response = await app.fetch(request, info);
  const body = new Uint8Array(await response.arrayBuffer());
  const out: Record<string, string | string[]> = {};
  response.headers.forEach((v, k) => {
    out[k] = k === "set-cookie" ? response.headers.getSetCookie() : v;
  });
  out["content-length"] = String(body.byteLength);
  res.writeHead(response.status, out);
  res.end(body);
}

/**
 * Serves an app over TLS with node:https (TCP_NODELAY on).
 *
 * @param app The app.
 * @param options Address and PEM material.
 * @returns The running server.
 */
export async function serveNodeTls(
  app: FetchApp,
  options: { hostname: string; port: number; cert: string; key: string },
): Promise<NodeTlsServer> {
  // The app sees this origin whatever the client sent as Host (routing by target only).
  const origin = `https://${
    options.hostname.includes(":") ? `[${options.hostname}]` : options.hostname
  }:${options.port}`;
  const server = https.createServer(
    { cert: options.cert, key: options.key, noDelay: true, keepAliveTimeout: 5000 },
    (req, res) => {
      handle(app, req, res, origin).catch(() => {
        if (!res.headersSent) {
          refuse(res, 500, "internal", "Cannot serve the request: internal error");
        } else res.end();
      });
    },
  );
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  server.on("close", () => done());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.hostname, () => resolve());
  });
  const a = server.address() as { address: string; port: number };
  return {
    addr: { transport: "tcp", hostname: a.address, port: a.port },
    finished,
    shutdown: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections?.();
      }),
  };
}
