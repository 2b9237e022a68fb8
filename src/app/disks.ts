/**
 * Composition root of `bynar disks`: the inventory joined with the stored machine states
 * (read-only) and one pass of the disk-health state machine (`--run`, `--simulate`) on the
 * real host (inventory, SMART through the policy, filesystem probes, SQLite).
 *
 * @module
 */
import { existsSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { pathToFileURL } from "node:url";
import { type Config, databasePath, loadConfig } from "../config/load.ts";
import { discoverDisks, type DiscoverResult } from "../inventory/mod.ts";
import type { BlockDisk } from "../inventory/model.ts";
import {
  type DiskStateView,
  listDiskStates,
  MemoryMachineStore,
  type PassReport,
  runMachine,
} from "../machine/mod.ts";
import { systemMachine, type SystemMachineOptions } from "./machine.ts";
import { openDatabase } from "../store/db.ts";
import { MachineRepo } from "../store/machine_repo.ts";

/** The configuration files `bynar disks` reads. */
export const DISKS_CONFIG_FILES = ["bynar", "ceph"] as const;

/** Options of {@linkcode listDisksProgram} and {@linkcode runMachineProgram}. */
export interface DisksProgramOptions {
  /** The configuration directory. */
  configDir: string;
  /** Include loop devices (or bynar.json `include_loop_devices`). */
  includeLoop?: boolean;
  /** Device filter. */
  devices?: string[] | undefined;
  /** Database path. @default bynar.json database_path */
  db?: string | undefined;
}

/** The inventory with the machine state of every disk. */
export interface DisksListing extends DiscoverResult {
  /** One row per disk (attached or known and gone). */
  states: DiskStateRow[];
}

/**
 * Loads the configuration `bynar disks` needs (`bynar.json`, `ceph.json`).
 *
 * @param configDir The configuration directory.
 * @returns The configuration.
 * @throws {ConfigError} When one of those files is invalid.
 */
export function loadDisksConfig(configDir: string): Promise<Config> {
  return loadConfig(configDir, { files: DISKS_CONFIG_FILES });
}

function scope(
  options: DisksProgramOptions,
  config: Config,
): { includeLoop: boolean; systemDisks: string[] } {
  return {
    includeLoop: (options.includeLoop ?? false) || config.bynar.include_loop_devices,
    systemDisks: config.ceph.system_disks.map((d) => d.device),
  };
}

/**
 * Lists this host's disks with their stored machine states (read-only).
 *
 * @param options Configuration directory, scope and database.
 * @param overrides Replaces the configuration (tests).
 * @returns The inventory and the state rows.
 * @throws {ConfigError} When the configuration is invalid.
 * @throws {BynarError} When the inventory cannot be read.
 */
export async function listDisksProgram(
  options: DisksProgramOptions,
  overrides: { config?: Config } = {},
): Promise<DisksListing> {
  const config = overrides.config ?? await loadDisksConfig(options.configDir);
  const result = await discoverDisks({ ...scope(options, config), devices: options.devices });
  const states = stateRows(result.disks, readDiskStates(options.db ?? databasePath(config.bynar)), {
    devices: options.devices,
  });
  return { ...result, states };
}

/**
 * Runs one pass of the disk-health state machine on this host (`bynar disks --run`).
 * With `simulate` nothing changes: no side effect, no database file created or written.
 *
 * @param options Configuration directory, scope, database and simulate.
 * @param overrides Replaces the configuration or single machine ports (tests).
 * @returns The pass report.
 * @throws {ConfigError} When the configuration is invalid.
 * @throws {StoreError} When the database cannot be opened.
 */
export async function runMachineProgram(
  options: DisksProgramOptions & { simulate?: boolean },
  overrides: { config?: Config; machine?: Partial<SystemMachineOptions> } = {},
): Promise<PassReport> {
  const config = overrides.config ?? await loadDisksConfig(options.configDir);
  const dbPath = options.db ?? databasePath(config.bynar);
  const simulate = options.simulate ?? false;
  const db = simulate ? openSnapshot(dbPath) : openDatabase(dbPath);
  try {
    let store: MemoryMachineStore | undefined;
    if (simulate) {
      let base: MachineRepo | null = db ? new MachineRepo(db) : null;
      try {
        base?.listDisks();
      } catch {
        base = null;
      }
      store = new MemoryMachineStore(base);
    }
    return await runMachine(systemMachine({
      db,
      ...(store ? { store } : {}),
      ...scope(options, config),
      devices: options.devices,
      allowReformat: config.bynar.allow_reformat,
      smartPolicy: config.bynar.smart_policy,
      simulate,
      ...overrides.machine,
    }));
  } finally {
    db?.close();
  }
}

/** One disk with its machine state, for the listing. */
export interface DiskStateRow {
  /** Device path (last seen). */
  path: string;
  /** Identity key. */
  diskKey: string;
  /** Attached now. */
  present: boolean;
  /** Current state (`unscanned` when never run). */
  state: string;
  /** Why. */
  reason: string;
  /** Last transition, if any. */
  lastTransition: DiskStateView["lastTransition"];
}

/**
 * Reads the stored machine states (read-only; none when the database does not exist yet).
 *
 * @param dbPath The database path.
 * @returns States by disk key.
 */
export function readDiskStates(dbPath: string): Map<string, DiskStateView> {
  if (!existsSync(dbPath)) return new Map();
  const db = openDatabase(dbPath, { readOnly: true });
  try {
    return new Map(listDiskStates(new MachineRepo(db)).map((s) => [s.diskKey, s]));
  } catch {
    return new Map(); // schema older than the machine: nothing stored yet
  } finally {
    db.close();
  }
}

/**
 * Joins the attached disks with the stored states; known disks that are gone are listed
 * too (not present).
 *
 * @param disks The attached disks.
 * @param states The stored states.
 * @param options Device filter for the disks that are gone.
 * @returns One row per disk.
 */
export function stateRows(
  disks: readonly BlockDisk[],
  states: ReadonlyMap<string, DiskStateView>,
  options: { devices?: string[] | undefined } = {},
): DiskStateRow[] {
  const rest = new Map(states);
  const rows: DiskStateRow[] = disks.map((d) => {
    const s = rest.get(d.identity.key);
    rest.delete(d.identity.key);
    return {
      path: d.path,
      diskKey: d.identity.key,
      present: true,
      state: s?.state ?? "unscanned",
      reason: s?.reason ?? "never checked by the state machine",
      lastTransition: s?.lastTransition ?? null,
    };
  });
  for (const s of rest.values()) {
    if (options.devices && !options.devices.includes(s.path)) continue;
    rows.push({
      path: s.path,
      diskKey: s.diskKey,
      present: false,
      state: s.state,
      reason: s.reason,
      lastTransition: s.lastTransition,
    });
  }
  return rows;
}

/**
 * Opens the database for a simulate run without creating or changing any file: when no
 * writer has it open (no `-wal` file) it is opened `immutable`, so not even the `-shm`
 * and `-wal` side files appear; otherwise read-only (the side files exist already).
 *
 * @param dbPath The database path.
 * @returns The connection, or null when there is no database yet.
 */
export function openSnapshot(dbPath: string): DatabaseSync | null {
  if (!existsSync(dbPath)) return null;
  if (existsSync(`${dbPath}-wal`)) return openDatabase(dbPath, { readOnly: true });
  const url = pathToFileURL(dbPath);
  url.search = "immutable=1";
  return new DatabaseSync(url, { readOnly: true });
}
