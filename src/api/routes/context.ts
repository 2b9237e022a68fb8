/**
 * What the route factories share.
 *
 * @module
 */
import type { Backend } from "../../backend/types.ts";
import type { AuditSink } from "../audit/log.ts";
import type { DiskService } from "../disk_service.ts";
import type { OperationRegistry } from "../operations/registry.ts";
import type { TicketSource } from "../types.ts";

/** Dependencies of the route factories. */
export interface RouteContext {
  /** Disk listing and resolution. */
  service: DiskService;
  /** Storage backend. */
  backend: Backend;
  /** Operations and per-disk locks. */
  registry: OperationRegistry;
  /** Audit log. */
  audit: AuditSink;
  /** Tickets. */
  tickets?: TicketSource;
}
