/**
 * The disk-manager HTTPS API: the Hono app (`createApp`), the service start-up
 * (`startDiskManager`), the client used by `bynar client` (`ApiClient`), the audit log and
 * the wire format (proto/bynar.proto).
 *
 * The disk-manager program is composed in `src/app/disk_manager.ts`.
 *
 * @example Start the disk-manager from its configuration
 * ```ts ignore
 * import { startDiskManagerProgram } from "../app/disk_manager.ts";
 * const running = await startDiskManagerProgram({ configDir: "/etc/bynar" });
 * await running.finished;
 * ```
 *
 * @module
 */
export { type ApiDeps, type ApiLimits, createApp, OPENAPI_DOCUMENT, toApiError } from "./app.ts";
export { ApiClient, ApiClientError, type ApiClientOptions, checkPin } from "./client.ts";
export { AuditLog, type AuditSink, verifyAuditLog } from "./audit/log.ts";
export { discoverInventory } from "./inventory_source.ts";
export { createOpsApp } from "./ops_app.ts";
export { ApiError } from "./problem.ts";
export { HttpDiskManager, type HttpDiskManagerOptions, type ManagerApi } from "./detect_manager.ts";
export { isLoopback, listen } from "./server.ts";
export type { AppEnv, DiskInventory, Principal, TicketSource } from "./types.ts";
