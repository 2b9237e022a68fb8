/**
 * The unauthenticated operations app: `/healthz` and `/metrics` (Prometheus), served on a
 * separate loopback listener (`metrics_port`), never on the API port.
 *
 * @module
 */
import { Hono } from "hono";
import type { ApiMetrics } from "./metrics.ts";

/** Options of {@linkcode createOpsApp}. */
export interface OpsAppOptions {
  /** Metrics to expose. */
  metrics: ApiMetrics;
  /** Readiness check (e.g. backend reachable); true when healthy. */
  ready?: () => Promise<boolean>;
}

/**
 * Builds the ops app.
 *
 * @param options Metrics and readiness.
 * @returns The app.
 */
export function createOpsApp(options: OpsAppOptions): Hono {
  const app = new Hono();
  app.get("/healthz", async (c) => {
    const ok = options.ready ? await options.ready().catch(() => false) : true;
    return c.json({ status: ok ? "ok" : "degraded" }, ok ? 200 : 503);
  });
  app.get("/metrics", (c) =>
    c.body(options.metrics.render(), 200, {
      "content-type": "text/plain; version=0.0.4; charset=utf-8",
    }));
  app.notFound((c) => c.text("not found", 404));
  return app;
}
