/**
 * `/v1/tickets`: tickets created by Bynar that are still open.
 *
 * @module
 */
import { Hono } from "hono";
import { reply } from "../codec/negotiate.ts";
import { protoTypes } from "../codec/proto.ts";
import { requireScope, SCOPE_READ } from "../middleware/auth/mod.ts";
import type { AppEnv } from "../types.ts";
import type { RouteContext } from "./context.ts";

/**
 * Builds the `/v1/tickets` sub-app.
 *
 * @param ctx The ticket source.
 * @returns The sub-app.
 */
export function ticketsRoutes(ctx: RouteContext): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/", requireScope(SCOPE_READ), async (c) => {
    const tickets = (await ctx.tickets?.list()) ?? [];
    return reply(c, protoTypes().OpJiraTicketsResult, {
      result: "OK",
      tickets: tickets.map((t) => ({ ticket_id: t.ticketId, server_name: t.serverName })),
    });
  });
  return app;
}
