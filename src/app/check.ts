/**
 * Composition root of `bynar --check`: loads the configuration it needs (`bynar.json`,
 * `ceph.json` for the system disks; never `disk-manager.json`), opens the history database
 * and wires a check pass to the real adapters (sysfs/libblkid inventory, SMART sources,
 * the policy, /etc/fstab, the SQLite history), then writes the Prometheus textfile.
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import { declaredReadOnly, parseFstab } from "../check/fstab.ts";
import type { CheckResult } from "../check/model.ts";
import { type CheckDeps, type KernelErrorFindings, runCheck } from "../check/run.ts";
import { type Config, databasePath, loadConfig } from "../config/load.ts";
import { BynarError, errorMessage } from "../errors.ts";
import { discoverDisks, hostInfo } from "../inventory/mod.ts";
import { formatPrometheus, writeTextfile } from "../output/prometheus.ts";
import { assess, readSmart } from "../smart/mod.ts";
import { openDatabase } from "../store/db.ts";
import { DisksRepo } from "../store/disks_repo.ts";
import { hardwareSource } from "./hardware.ts";
import {
  fsErrorReason,
  readExt4Errors,
  readScsiIoErrors,
  shutdownReason,
} from "../health/kernel_errors.ts";
import type { BlockDisk } from "../inventory/model.ts";

/** Options for {@linkcode realCheckDeps}. */
export interface RealCheckDepsOptions {
  /** Include loop devices. */
  includeLoop?: boolean;
  /** Restrict the check to these device paths. */
  devices?: string[] | undefined;
  /** The database, or null to keep no history. */
  db: DatabaseSync | null;
  /**
   * Path of fstab.
   * @default "/etc/fstab"
   */
  fstabPath?: string;
}

/**
 * Builds the real dependencies of a check pass.
 *
 * @param config The loaded configuration.
 * @param options Scope and database.
 * @returns The dependencies.
 */
export function realCheckDeps(config: Config, options: RealCheckDepsOptions): CheckDeps {
  const repo = options.db ? new DisksRepo(options.db) : null;
  const fstabPath = options.fstabPath ?? "/etc/fstab";
  const hardware = hardwareSource(config.bynar);
  return {
    ...(hardware ? { hardware } : {}),
    discover: () =>
      discoverDisks({
        includeLoop: options.includeLoop || config.bynar.include_loop_devices,
        loopDevices: config.bynar.loop_devices,
        devices: options.devices,
        systemDisks: config.ceph.system_disks.map((d) => d.device),
      }),
    readSmart: (disk) => readSmart(disk.path, { diskType: disk.type }),
    assess: (report) => assess(report, config.bynar.smart_policy),
    host: () => hostInfo(),
    declaredReadOnly: async () => {
      try {
        return declaredReadOnly(parseFstab(await Deno.readTextFile(fstabPath)));
      } catch (err) {
        if (err instanceof Deno.errors.NotFound) return new Set<string>();
        throw err;
      }
    },
    kernelErrors: (disk) => Promise.resolve(kernelErrorsOf(disk)),
    store: repo
      ? {
        knownDisks: () => repo.list(),
        retired: () => repo.retired(),
        recordPass: (pass, now) => repo.recordPass(pass, now),
      }
      : null,
    now: () => new Date(),
  };
}

/** The check could not run (configuration, database, inventory): Nagios UNKNOWN. */
export class CheckSetupError extends BynarError {
  /**
   * Creates the error.
   *
   * @param message What failed and what to do.
   * @param cause The underlying error.
   */
  constructor(message: string, cause: unknown) {
    super("check_setup", message, { cause });
    this.name = "CheckSetupError";
  }
}

/** Options of {@linkcode runCheckProgram}. */
export interface CheckProgramOptions {
  /**
   * The configuration directory.
   * @default "/etc/bynar"
   */
  configDir?: string;
  /** Database path; `false` keeps no history. @default bynar.json database_path */
  db?: string | false | undefined;
  /** Include loop devices. */
  includeLoop?: boolean;
  /** Restrict the check to these device paths. */
  devices?: string[] | undefined;
  /** Also write `bynar.prom` into this directory. @default bynar.json textfile_directory */
  textfile?: string | undefined;
  /** Replaces single adapters of the pass (tests). */
  overrides?: Partial<CheckDeps> & { fstabPath?: string };
}

/** The configuration files `bynar --check` reads. */
export const CHECK_CONFIG_FILES = ["bynar", "ceph"] as const;

/**
 * Runs one check of this host: the result, with a textfile write failure added to its
 * problems (and OK turned UNKNOWN).
 *
 * @param options Configuration directory, database, scope, textfile and overrides.
 * @returns The check result.
 * @throws {CheckSetupError} When the configuration or database is unusable or the pass
 *   cannot complete (the message names file, field and reason).
 */
export async function runCheckProgram(options: CheckProgramOptions = {}): Promise<CheckResult> {
  let config;
  try {
    config = await loadConfig(options.configDir ?? "/etc/bynar", { files: CHECK_CONFIG_FILES });
  } catch (err) {
    throw new CheckSetupError(errorMessage(err), err);
  }
  let db = null;
  if (options.db !== false) {
    const path = options.db ?? databasePath(config.bynar);
    try {
      db = openDatabase(path);
    } catch (err) {
      throw new CheckSetupError(errorMessage(err), err);
    }
  }
  try {
    const { fstabPath, ...overrides } = options.overrides ?? {};
    const deps: CheckDeps = {
      ...realCheckDeps(config, {
        includeLoop: options.includeLoop ?? false,
        devices: options.devices,
        db,
        ...(fstabPath ? { fstabPath } : {}),
      }),
      ...overrides,
    };
    let result;
    try {
      result = await runCheck(deps, { onlyPaths: options.devices ?? null });
    } catch (err) {
      throw new CheckSetupError(`Cannot complete the check: ${errorMessage(err)}`, err);
    }
    const textfileDir = options.textfile ?? config.bynar.textfile_directory;
    if (textfileDir) {
      try {
        await writeTextfile(textfileDir, formatPrometheus(result));
      } catch (err) {
        result.problems.push(`Cannot write the textfile in "${textfileDir}": ${errorMessage(err)}`);
        if (result.status === "OK") result.status = "UNKNOWN";
      }
    }
    return result;
  } finally {
    db?.close();
  }
}

/**
 * Reads what the kernel recorded for a disk: the ext4 error record of every mounted
 * filesystem on it (whole disk or partitions), whether a mounted filesystem has shut down
 * (its root answers EIO: XFS), and the SCSI failed-command counter.
 *
 * @param disk The disk.
 * @param options The sysfs root.
 * @returns The findings.
 * @throws {Deno.errors.NotCapable} When the sandbox refuses the reads.
 */
export function kernelErrorsOf(
  disk: BlockDisk,
  options: { sys?: string } = {},
): KernelErrorFindings {
  const fsErrors: string[] = [];
  for (const dev of [disk, ...disk.partitions]) {
    const name = dev.path.slice(dev.path.lastIndexOf("/") + 1);
    const mount = dev.mounts[0];
    const record = readExt4Errors(name, options);
    const reason = record && fsErrorReason(record, { mountpoint: mount?.mountpoint ?? null });
    if (reason) fsErrors.push(reason);
    const down = mount && options.sys === undefined ? shutdownReason(dev.path, mount) : null;
    if (down) fsErrors.push(down);
  }
  return { fsErrors, ioErrors: readScsiIoErrors(disk.name, options) };
}
