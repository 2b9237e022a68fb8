/**
 * Wires the machine to the host: inventory discovery, SMART through the policy, the real
 * filesystem probe and the SQLite repository. The detector calls this, then
 * {@linkcode runMachine}.
 *
 * @module
 */
import type { DatabaseSync } from "node:sqlite";
import type { SmartPolicyConfig } from "../config/schema.ts";
import { SystemFsProbe } from "../health/probe.ts";
import type { FsProbe } from "../health/types.ts";
import { type BlockDisk, discoverDisks } from "../inventory/mod.ts";
import type { CommandRunner } from "../process/run.ts";
import { MachineRepo } from "../store/machine_repo.ts";
import type { DiskSource, MachineStore, OsdCheck, SmartCheck } from "../machine/ports.ts";
import type { RunMachineOptions } from "../machine/runner.ts";
import { policySmartCheck } from "../machine/smart_check.ts";

/** Options of {@linkcode systemMachine}. */
export interface SystemMachineOptions {
  /** The open, migrated database; unused when `store` is given. */
  db?: DatabaseSync | null;
  /**
   * Replaces the store (simulate without a database uses an empty memory store).
   * @default new MachineRepo(db)
   */
  store?: MachineStore;
  /**
   * Include loop devices (bynar.json `include_loop_devices`).
   * @default false
   */
  includeLoop?: boolean;
  /** bynar.json `loop_devices`: the loop-device allow-list (paths or backing-file globs). */
  loopDevices?: readonly string[] | undefined;
  /**
   * Restrict the pass to these device paths (also limits vanish detection to them).
   * @default undefined (all disks)
   */
  devices?: string[] | undefined;
  /**
   * ceph.json `system_disks` paths.
   * @default []
   */
  systemDisks?: string[];
  /**
   * bynar.json `allow_reformat`.
   * @default false
   */
  allowReformat?: boolean;
  /**
   * bynar.json `smart_policy`.
   * @default DEFAULT_SMART_POLICY
   */
  smartPolicy?: SmartPolicyConfig;
  /**
   * Replaces the SMART check (tests; the detector may share its own reader).
   * @default policySmartCheck({ policy: smartPolicy })
   */
  smart?: SmartCheck;
  /**
   * The cluster backend's OSD check.
   * @default null
   */
  osd?: OsdCheck | null;
  /**
   * Replaces the filesystem probe.
   * @default new SystemFsProbe({ runner })
   */
  fs?: FsProbe;
  /**
   * Runs programs for the filesystem probe.
   * @default SYSTEM_RUNNER
   */
  runner?: CommandRunner;
  /**
   * Simulate (no side effects, no database writes).
   * @default false
   */
  simulate?: boolean;
}

/**
 * Builds the {@linkcode RunMachineOptions} for the real host.
 *
 * @param options Database, scope, policy and overrides.
 * @returns Options ready for {@linkcode runMachine}.
 * @throws {TypeError} When neither `db` nor `store` is given.
 */
export function systemMachine(options: SystemMachineOptions): RunMachineOptions {
  const source: DiskSource = {
    async list(): Promise<BlockDisk[]> {
      const res = await discoverDisks({
        includeLoop: options.includeLoop ?? false,
        loopDevices: options.loopDevices,
        devices: options.devices,
        systemDisks: options.systemDisks ?? [],
      });
      return res.disks;
    },
  };
  return {
    disks: source,
    store: storeOf(options),
    fs: options.fs ?? new SystemFsProbe(options.runner ? { runner: options.runner } : {}),
    smart: options.smart ??
      policySmartCheck(options.smartPolicy ? { policy: options.smartPolicy } : {}),
    osd: options.osd ?? null,
    simulate: options.simulate ?? false,
    allowReformat: options.allowReformat ?? false,
    scopeDevices: options.devices,
  };
}

function storeOf(options: SystemMachineOptions): MachineStore {
  if (options.store) return options.store;
  if (!options.db) throw new TypeError("Cannot build the machine: give a database or a store");
  return new MachineRepo(options.db);
}
