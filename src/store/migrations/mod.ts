/**
 * Every schema migration, in version order. Each feature adds its own file here.
 *
 * Reserved versions: 1 core (disks, checks), 2 state machine, 3 backend operations,
 * 4 disk-manager (API operations, audit), 5 detector (tickets, approvals).
 *
 * @module
 */
import type { Migration } from "../migration.ts";
import { MIGRATION_0001 } from "./0001_core.ts";

/** All migrations. */
export const MIGRATIONS: readonly Migration[] = [
  MIGRATION_0001,
];
