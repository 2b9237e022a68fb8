/**
 * The unauthenticated operations app: `/healthz` (the process serves), `/readyz` (the
 * storage backend answers) and `/metrics` (Prometheus), served on a
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
  /** Readiness of the storage backend, for `/readyz`. @default always ready */
  readiness?: () => Promise<{ ready: boolean; backend: string; reason?: string }>;
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
  // Readiness: 200 when the storage backend answers, else 503 with the reason (the API
  // keeps serving; backend calls answer 503 meanwhile).
  app.get("/readyz", async (c) => {
    const r = options.readiness
      ? await options.readiness().catch((err) => ({
        ready: false,
        backend: "unknown",
        reason: String(err),
      }))
      : { ready: true, backend: "unknown" };
    return c.json(
      r.ready
        ? { status: "ready", backend: r.backend }
        : { status: "unavailable", backend: r.backend, reason: r.reason ?? "unknown" },
      r.ready ? 200 : 503,
    );
  });
  app.get("/metrics", (c) =>
    c.body(options.metrics.render(), 200, {
      "content-type": "text/plain; version=0.0.4; charset=utf-8",
    }));
  app.notFound((c) => c.text("not found", 404));
  return app;
}
