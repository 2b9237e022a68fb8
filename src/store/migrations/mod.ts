/**
 * Every schema migration, in version order. Each feature adds its own file here.
 *
 * Reserved versions: 1 core (disks, checks), 2 state machine, 3 backend operations,
 * 4 disk-manager (API operations, audit), 5 detector (tickets, approvals), 8 disk lifecycle
 * (I/O error counter, forgotten disks), 17 signals (decisions, evidence, alarm
 * outcomes), 19–20 hardware (part workflows, parts seen per slot).
 *
 * @module
 */
import type { Migration } from "../migration.ts";
import { MIGRATION_0001 } from "./0001_core.ts";
import { MIGRATION_0002 } from "./0002_machine.ts";
import { MIGRATION_0003 } from "./0003_backend_ops.ts";
import { MIGRATION_0004 } from "./0004_api.ts";
import { MIGRATION_0005 } from "./0005_detect.ts";
import { MIGRATION_0008 } from "./0008_disk_lifecycle.ts";
import { MIGRATION_0017 } from "./0017_signals.ts";
import { MIGRATION_0019 } from "./0019_hardware.ts";
import { MIGRATION_0020 } from "./0020_hardware_slots.ts";

/** All migrations. */
export const MIGRATIONS: readonly Migration[] = [
  MIGRATION_0001,
  MIGRATION_0002,
  MIGRATION_0003,
  MIGRATION_0004,
  MIGRATION_0005,
  MIGRATION_0008,
  MIGRATION_0017,
  MIGRATION_0019,
  MIGRATION_0020,
];
