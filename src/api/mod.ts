/**
 * The disk-manager HTTPS API: the Hono app (`createApp`), the service start-up
 * (`startDiskManager`), the client used by `bynar client` (`ApiClient`), the audit log and
 * the wire format (proto/bynar.proto).
 *
 * @example Start the disk-manager from its configuration
 * ```ts ignore
 * import { loadConfig } from "../config/mod.ts";
 * import { openDatabase } from "../store/db.ts";
 * import { createCephBackend } from "../backend/ceph/mod.ts";
 * import { discoverInventory, startDiskManager } from "./mod.ts";
 * const config = await loadConfig("/etc/bynar");
 * const db = openDatabase("/var/lib/bynar/bynar.db");
 * const running = await startDiskManager(config.diskManager, {
 *   backend: await createCephBackend(config.ceph, { db }),
 *   inventory: discoverInventory(),
 *   db,
 * });
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
export { isLoopback, listen } from "./server.ts";
export type { AppEnv, DiskInventory, Principal, TicketSource } from "./types.ts";
