/**
 * Composition root of `bynar disks`: the inventory joined with the stored machine states
 * (read-only) and one pass of the disk-health state machine (`--run`, `--simulate`) on the
 * real host (inventory, SMART through the policy, filesystem probes, SQLite).
 *
 * @module
 */
import { existsSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
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
import { type DiskAcknowledgement, DisksRepo, type KnownDisk } from "../store/disks_repo.ts";
import type { StoredDecision } from "../store/signals_repo.ts";
import { readSignalDecisions } from "./stats.ts";

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
  /** Disks acknowledged as gone (`bynar disks forget`), newest first. */
  acknowledgements: DiskAcknowledgement[];
  /** Each disk's newest signal decision (warn, ticket, removal) with its evidence. */
  signals: StoredDecision[];
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
  const dbPath = options.db ?? databasePath(config.bynar);
  const states = stateRows(result.disks, readDiskStates(dbPath), { devices: options.devices });
  const keys = new Set(states.map((r) => r.diskKey));
  const signals = [...readSignalDecisions(dbPath).values()].filter((d) => keys.has(d.diskKey));
  return { ...result, states, acknowledgements: readAcknowledgements(dbPath), signals };
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
  const snapshot = simulate ? await openSnapshot(dbPath) : null;
  const db = simulate ? snapshot?.db ?? null : openDatabase(dbPath);
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
    if (snapshot) snapshot[Symbol.dispose]();
    else db?.close();
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

/** A read-only view of the database for a simulate run; dispose it when done. */
export interface DatabaseSnapshot extends Disposable {
  /** The connection. */
  readonly db: DatabaseSync;
}

/** Where simulate runs keep their private copy of the database (granted as shipped). */
export const SNAPSHOT_PARENT = "/run/bynar";

/**
 * Opens the database for a simulate run without creating or changing any file next to
 * it. When a writer has it open (a `-wal` file exists) it is opened read-only (the side
 * files exist already). Otherwise the database file is copied into a private directory
 * under {@linkcode SNAPSHOT_PARENT} (writable as shipped; the system temp directory when
 * that cannot be created, e.g. not root) and the copy is opened: a plain read-only open
 * would create `-wal`/`-shm` next to the original, and SQLite's `immutable=1` URI is
 * refused by Deno under scoped permissions (the URL is taken for a relative path).
 *
 * @param dbPath The database path.
 * @param options Parent of the private copy.
 * @returns The snapshot, or null when there is no database yet.
 */
export async function openSnapshot(
  dbPath: string,
  options: { parent?: string } = {},
): Promise<DatabaseSnapshot | null> {
  if (!existsSync(dbPath)) return null;
  if (existsSync(`${dbPath}-wal`)) {
    const db = openDatabase(dbPath, { readOnly: true });
    return { db, [Symbol.dispose]: () => db.close() };
  }
  const parent = options.parent ?? SNAPSHOT_PARENT;
  let dir: string;
  try {
    await Deno.mkdir(parent, { recursive: true, mode: 0o700 });
    dir = await Deno.makeTempDir({ dir: parent, prefix: "simulate-" });
  } catch {
    dir = await Deno.makeTempDir({ prefix: "bynar-simulate-" });
  }
  const copy = `${dir}/snapshot.db`;
  await Deno.writeFile(copy, await Deno.readFile(dbPath), { mode: 0o600 });
  const db = new DatabaseSync(copy, { readOnly: true });
  return {
    db,
    [Symbol.dispose]: () => {
      db.close();
      Deno.removeSync(dir, { recursive: true });
    },
  };
}

function readAcknowledgements(dbPath: string): DiskAcknowledgement[] {
  if (!existsSync(dbPath)) return [];
  const db = openDatabase(dbPath, { readOnly: true });
  try {
    return new DisksRepo(db).acknowledgements();
  } catch {
    return []; // schema older than the acknowledgements: none stored yet
  } finally {
    db.close();
  }
}

/**
 * Finds a known disk by key or serial.
 *
 * @param repo The repository.
 * @param wanted A disk key (`serial:…`, `wwn:…`) or a serial.
 * @returns The disk.
 * @throws {RangeError} When no disk or more than one disk matches.
 */
export function findKnownDisk(repo: DisksRepo, wanted: string): KnownDisk {
  const all = repo.list();
  const hits = all.filter((d) => d.diskKey === wanted || d.serial === wanted);
  if (hits.length === 1) return hits[0]!;
  if (!hits.length) {
    throw new RangeError(
      `No known disk has the key or serial "${wanted}"; known: ${
        all.map((d) => `${d.serial ?? "-"} (${d.diskKey})`).join(", ") || "none"
      }`,
    );
  }
  throw new RangeError(
    `"${wanted}" matches ${hits.length} disks (${
      hits.map((d) => d.diskKey).join(", ")
    }); give the disk key`,
  );
}

/** Options of {@linkcode forgetDiskProgram}. */
export interface ForgetDiskOptions {
  /** The configuration directory. */
  configDir: string;
  /** Database path. @default bynar.json database_path */
  db?: string | undefined;
  /** Why the disk is gone (kept in the audit record). */
  reason: string;
  /** Who (for the audit record). */
  actor: string;
}

/**
 * Acknowledges a vanished disk as gone for good (`bynar disks forget`): `bynar --check`
 * stops reporting it; who, when and why are stored in `disk_acknowledgements`.
 *
 * @param wanted The disk's serial or key.
 * @param options Configuration directory, database, reason and actor.
 * @returns The disk that was forgotten.
 * @throws {ConfigError} When the configuration is invalid.
 * @throws {RangeError} When there is no database, no such disk, several match, or the
 *   disk is not vanished.
 */
export async function forgetDiskProgram(
  wanted: string,
  options: ForgetDiskOptions,
): Promise<KnownDisk> {
  const config = await loadDisksConfig(options.configDir);
  const dbPath = options.db ?? databasePath(config.bynar);
  if (!existsSync(dbPath)) throw new RangeError(`No database at "${dbPath}"`);
  const db = openDatabase(dbPath);
  try {
    const repo = new DisksRepo(db);
    const disk = findKnownDisk(repo, wanted);
    if (disk.vanishedAt === null) {
      throw new RangeError(
        `Disk ${disk.diskKey} is not vanished (last seen at ${disk.path} ${disk.lastSeen}); ` +
          "only a disk that is gone can be forgotten",
      );
    }
    repo.forget(disk.diskKey, { actor: options.actor, reason: options.reason, now: new Date() });
    return disk;
  } finally {
    db.close();
  }
}
