/**
 * What the route factories share.
 *
 * @module
 */
import type { Backend } from "../../backend/types.ts";
import type { AuditEntry, AuditSink } from "../audit/log.ts";
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
  /**
   * Raises the alarm for an audit record that could not be written (metric + log line):
   * never silent.
   */
  auditAlarm: (kind: "start" | "finish" | "refusal", err: unknown, entry: AuditEntry) => void;
  /** Tickets. */
  tickets?: TicketSource;
}
