/**
 * Persistence: the SQLite database, migrations and repositories.
 *
 * @module
 */
export * from "./db.ts";
export * from "./disks_repo.ts";
export * from "./machine_repo.ts";
