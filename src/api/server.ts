/**
 * Serves the API app over TLS (`Deno.serve({ cert, key })`) and the ops app on a separate
 * loopback listener. Plain HTTP is refused unless explicitly asked for on loopback.
 *
 * @module
 */
import { SafetyError } from "../errors.ts";
import { type FetchApp, serveNodeTls } from "./node_tls_server.ts";
import { guardHostRouting } from "./request_target.ts";

export type { FetchApp } from "./node_tls_server.ts";

/** Options of {@linkcode listen}. */
export interface ListenOptions {
  /** Address of the API listener. */
  hostname: string;
  /** API port (0 = any). */
  port: number;
  /** PEM certificate chain and key (required unless `insecureHttp`). */
  tls?: { cert: string; key: string };
  /** Serve plain HTTP (loopback addresses only). */
  insecureHttp?: boolean;
  /** Port of the loopback ops listener (0 = any; undefined = none). */
  metricsPort?: number;
  /**
   * TLS server: `node` (node:https, TCP_NODELAY; avoids the ≈40 ms stall of Deno.serve's
   * TLS sockets on replies over ≈350 bytes) or `deno` (Deno.serve).
   * @default "node"
   */
  tlsServer?: "deno" | "node";
}

/** Running listeners. */
export interface RunningServer {
  /** API address. */
  addr: Deno.NetAddr;
  /** Ops address, when started. */
  opsAddr?: Deno.NetAddr;
  /** Resolves when both listeners have stopped. */
  finished: Promise<void>;
  /**
   * Stops accepting and waits for in-flight requests.
   *
   * @returns When stopped.
   */
  shutdown(): Promise<void>;
}

/**
 * Tells whether an address is loopback.
 *
 * @param hostname Address or name.
 * @returns True for 127.0.0.0/8, ::1, localhost.
 */
export function isLoopback(hostname: string): boolean {
  return /^127(\.\d{1,3}){3}$/.test(hostname) || hostname === "::1" ||
    hostname === "[::1]" || hostname === "localhost";
}

/**
 * Starts the API listener (TLS) and the ops listener (loopback).
 *
 * @param app The API app.
 * @param opsApp The ops app (`/healthz`, `/metrics`).
 * @param options Addresses, TLS material.
 * @returns The running server.
 * @throws {SafetyError} When plain HTTP is asked for on a non-loopback address, or TLS
 *   material is missing.
 */
export async function listen(
  app: FetchApp,
  opsApp: FetchApp,
  options: ListenOptions,
): Promise<RunningServer> {
  if (options.insecureHttp && !isLoopback(options.hostname)) {
    throw new SafetyError(
      "insecure_http_refused",
      `Cannot serve plain HTTP on "${options.hostname}": insecure_http is allowed on loopback only`,
    );
  }
  if (!options.insecureHttp && !options.tls) {
    throw new SafetyError("tls_required", "Cannot serve the API: TLS certificate and key needed");
  }
  const quiet = { onListen: () => {} };
  const server = options.insecureHttp
    ? Deno.serve(
      { hostname: options.hostname, port: options.port, ...quiet },
      guardHostRouting((req: Request, info: Deno.ServeHandlerInfo<Deno.NetAddr>) =>
        app.fetch(req, info)
      ),
    )
    : (options.tlsServer ?? "node") === "node"
    ? await serveNodeTls(app, {
      hostname: options.hostname,
      port: options.port,
      cert: options.tls!.cert,
      key: options.tls!.key,
    })
    : Deno.serve({
      hostname: options.hostname,
      port: options.port,
      cert: options.tls!.cert,
      key: options.tls!.key,
      ...quiet,
    }, guardHostRouting((req: Request, info) => app.fetch(req, info)));
  const ops = options.metricsPort === undefined ? undefined : Deno.serve({
    hostname: "127.0.0.1",
    port: options.metricsPort,
    ...quiet,
  }, (req, info) => opsApp.fetch(req, info));
  return {
    addr: server.addr as Deno.NetAddr,
    ...(ops ? { opsAddr: ops.addr as Deno.NetAddr } : {}),
    finished: Promise.all([server.finished, ops?.finished]).then(() => {}),
    async shutdown(): Promise<void> {
      await Promise.all([server.shutdown(), ops?.shutdown()]);
    },
  };
}
