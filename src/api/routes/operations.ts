/**
 * `/v1/operations`: progress of long operations, polled by id.
 *
 * @module
 */
import { Hono } from "hono";
import { reply } from "../codec/negotiate.ts";
import { protoTypes } from "../codec/proto.ts";
import { requireScope, SCOPE_READ } from "../middleware/auth/mod.ts";
import { ApiError } from "../problem.ts";
import type { AppEnv } from "../types.ts";
import type { RouteContext } from "./context.ts";

const ID_REGEXP = /^[A-Za-z0-9-]{1,64}$/;

/**
 * Builds the `/v1/operations` sub-app.
 *
 * @param ctx The registry.
 * @returns The sub-app.
 */
export function operationsRoutes(ctx: RouteContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/", requireScope(SCOPE_READ), (c) => {
    return reply(c, protoTypes().OperationList, { operation: ctx.registry.list() });
  });
  app.get("/:id", requireScope(SCOPE_READ), (c) => {
    const id = c.req.param("id");
    if (!ID_REGEXP.test(id)) {
      throw new ApiError(400, "invalid_operation_id", "Cannot look up the operation: bad id");
    }
    const op = ctx.registry.get(id);
    if (!op) throw new ApiError(404, "operation_not_found", `Cannot find operation "${id}"`);
    return reply(c, protoTypes().OperationStatus, op);
  });
  return app;
}
