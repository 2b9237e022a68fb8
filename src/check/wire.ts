/**
 * Wires a check pass to the real adapters: sysfs/libblkid inventory, SMART sources,
 * the policy, /etc/fstab and the SQLite history.
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import type { Config } from "../config/mod.ts";
import { discoverDisks, hostInfo } from "../inventory/mod.ts";
import { assess, readSmart } from "../smart/mod.ts";
import { DisksRepo } from "../store/disks_repo.ts";
import {
  fsErrorReason,
  readExt4Errors,
  readScsiIoErrors,
  shutdownReason,
} from "../health/kernel_errors.ts";
import type { BlockDisk } from "../inventory/model.ts";
import type { KernelErrorFindings } from "./run.ts";
import { declaredReadOnly, parseFstab } from "./fstab.ts";
import type { CheckDeps } from "./run.ts";
import { hardwareSettings } from "../hardware/settings.ts";
import { readHardware } from "../hardware/read.ts";
import { VaultClient } from "../vault/client.ts";

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
  const b = config.bynar;
  let hw: ReturnType<typeof hardwareSettings> = null;
  let hwError: string | null = null;
  try {
    hw = hardwareSettings(b);
  } catch (err) {
    hwError = (err as Error).message;
  }
  return {
    ...(hwError
      ? {
        hardware: () =>
          Promise.resolve({
            endpoint: b.hardware.endpoint ?? b.redfish_ip ?? "(none)",
            inventory: null,
            assessment: null,
            problems: [hwError!],
          }),
      }
      : {}),
    ...(hw
      ? {
        hardware: () =>
          readHardware(hw!, {
            vault: b.vault_endpoint && hw.vault
              ? new VaultClient(b.vault_endpoint, { token: b.vault_token })
              : null,
          }),
      }
      : {}),
    discover: () =>
      discoverDisks({
        includeLoop: options.includeLoop || config.bynar.include_loop_devices,
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
