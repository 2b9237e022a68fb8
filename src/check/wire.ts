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
    store: repo
      ? {
        knownDisks: () => repo.list(),
        recordPass: (pass, now) => repo.recordPass(pass, now),
      }
      : null,
    now: () => new Date(),
  };
}
