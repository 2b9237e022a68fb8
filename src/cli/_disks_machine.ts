/**
 * The state-machine part of `bynar disks`: state columns, `--graph` and `--run`
 * (internal to the CLI folder; `disks.ts` wires it in).
 *
 * @module
 */
import { existsSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import type { Config } from "../config/load.ts";
import { databasePath } from "../config/load.ts";
import type { BlockDisk } from "../inventory/model.ts";
import {
  type DiskStateView,
  listDiskStates,
  MemoryMachineStore,
  type PassReport,
  renderDot,
  runMachine,
  systemMachine,
} from "../machine/mod.ts";
import { openDatabase } from "../store/db.ts";
import { MachineRepo } from "../store/machine_repo.ts";

/** The machine options of `bynar disks`. */
export interface DisksMachineOptions {
  /** Print the machine as DOT. */
  graph?: true;
  /** Run one pass. */
  run?: true;
  /** With `run`: no side effects, no database writes. */
  simulate?: true;
  /** Database path override. */
  db?: string;
  /** Output format. */
  format: string;
  /** Device filter. */
  device?: string[];
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
    return new Map(listDiskStates(db).map((s) => [s.diskKey, s]));
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
 * Formats state rows as a table: device, state, present, last transition, reason.
 *
 * @param rows The rows.
 * @returns The table text.
 */
export function formatStateTable(rows: readonly DiskStateRow[]): string {
  const table = [
    ["DEVICE", "STATE", "PRESENT", "LAST TRANSITION", "REASON"],
    ...rows.map((r) => [
      r.path,
      r.state,
      r.present ? "yes" : "no",
      r.lastTransition
        ? `${r.lastTransition.at.slice(0, 19)}Z ${r.lastTransition.from}->${r.lastTransition.to}`
        : "-",
      r.reason,
    ]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  return table.map((r) => r.map((cell, c) => cell.padEnd(widths[c]!)).join("  ").trimEnd())
    .join("\n");
}

/**
 * Formats a pass report: recovery notes, then per disk its transitions and final reason.
 *
 * @param report The report.
 * @returns The text.
 */
export function formatPass(report: PassReport): string {
  const out = [`${report.simulate ? "Simulated pass (nothing changed)" : "Pass"} ${report.passId}`];
  for (const n of report.recovered) out.push(`recovered: ${n.detail}`);
  for (const d of report.disks) {
    out.push(
      `${d.path} (${d.diskKey}): ${d.startState} -> ${d.finalState}${
        d.unknown ? " (UNKNOWN: Bynar could not check it)" : d.held ? " (held)" : ""
      }`,
    );
    for (const t of d.transitions) {
      out.push(`  ${t.from} -> ${t.to} [${t.step}, ${Math.round(t.durationMs)} ms] ${t.reason}`);
    }
    out.push(`  reason: ${d.reason}`);
  }
  return out.join("\n");
}

/**
 * Handles `--graph` and `--run` (printing the result).
 *
 * @param opts The parsed options.
 * @param env Loaded configuration and the resolved loop/system-disk settings.
 * @returns True when the options were handled (the listing must not run).
 * @throws {StoreError} When the database cannot be opened.
 */
export async function disksMachineAction(
  opts: DisksMachineOptions,
  env: { config: Config; includeLoop: boolean; systemDisks: string[] },
): Promise<boolean> {
  if (opts.graph) {
    console.log(renderDot().trimEnd());
    return true;
  }
  if (!opts.run) return false;
  const dbPath = dbPathOf(opts, env.config);
  const simulate = opts.simulate ?? false;
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
    const report = await runMachine(systemMachine({
      db,
      ...(store ? { store } : {}),
      includeLoop: env.includeLoop,
      devices: opts.device,
      systemDisks: env.systemDisks,
      allowReformat: env.config.bynar.allow_reformat,
      smartPolicy: env.config.bynar.smart_policy,
      simulate,
    }));
    console.log(opts.format === "json" ? JSON.stringify(report, null, 2) : formatPass(report));
  } finally {
    if (snapshot) snapshot[Symbol.dispose]();
    else db?.close();
  }
  return true;
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

/**
 * Resolves the database path: `--db`, else bynar.json `database_path`, else the default.
 *
 * @param opts The options.
 * @param config The configuration.
 * @returns The path.
 */
export function dbPathOf(opts: { db?: string }, config: Config): string {
  return opts.db ?? databasePath(config.bynar);
}
