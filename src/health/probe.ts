/**
 * The real {@linkcode FsProbe}: mountinfo, /proc holders, mount/umount, e2fsck,
 * xfs_repair and mkfs through {@linkcode runCommand}.
 *
 * @module
 */
import { type CommandRunner, SYSTEM_RUNNER } from "../process/run.ts";
import { checkFilesystem, repairFilesystem } from "./fsck.ts";
import { realPath } from "../hostfs/mod.ts";
import { holdersOf } from "./holders.ts";
import { fsErrorReason, readExt4Errors } from "./kernel_errors.ts";
import { mountsOf } from "./mounts.ts";
import { reformatFilesystem } from "./reformat.ts";
import {
  DEFAULT_TEMP_ROOT,
  mountTemp,
  newTempMountPath,
  releaseTemp,
  remountReadWrite,
} from "./temp_mount.ts";
import type {
  ActionResult,
  FixResult,
  FsckResult,
  FsIdentity,
  FsProbe,
  MountView,
  WriteTestResult,
} from "./types.ts";
import { removeScratch, writeTest } from "./write_probe.ts";

/** Options of {@linkcode SystemFsProbe}. */
export interface SystemFsProbeOptions {
  /**
   * Runs the programs.
   * @default SYSTEM_RUNNER
   */
  runner?: CommandRunner;
  /**
   * Parent of the private temporary mount points.
   * @default "/run/bynar/mnt"
   */
  tempRoot?: string;
  /**
   * Timeout of fsck, repair and mkfs in milliseconds.
   * @default 3600000
   */
  toolTimeoutMs?: number;
}

/** The filesystem probe backed by the host. */
export class SystemFsProbe implements FsProbe {
  #runner: CommandRunner;
  #tempRoot: string;
  #timeoutMs: number;

  /**
   * Creates the probe.
   *
   * @param options Runner, temporary mount root and tool timeout.
   */
  constructor(options: SystemFsProbeOptions = {}) {
    this.#runner = options.runner ?? SYSTEM_RUNNER;
    this.#tempRoot = options.tempRoot ?? DEFAULT_TEMP_ROOT;
    this.#timeoutMs = options.toolTimeoutMs ?? 3_600_000;
  }

  /** @inheritdoc */
  mounts(device: string): Promise<MountView[]> {
    return mountsOf(device);
  }

  /** @inheritdoc */
  holders(device: string): Promise<number[]> {
    return holdersOf(device);
  }

  /** @inheritdoc */
  newTempMountPath(): string {
    return newTempMountPath(this.#tempRoot);
  }

  /** @inheritdoc */
  mountTemp(
    device: string,
    options: { fsType: string; mountpoint: string },
  ): Promise<ActionResult> {
    return mountTemp(device, { ...options, runner: this.#runner });
  }

  /** @inheritdoc */
  releaseTemp(mountpoint: string): Promise<ActionResult> {
    return releaseTemp(mountpoint, { runner: this.#runner });
  }

  /** @inheritdoc */
  writeTest(device: string, mountpoint: string): Promise<WriteTestResult> {
    return writeTest(device, mountpoint);
  }

  /** @inheritdoc */
  removeScratch(scratch: string): Promise<ActionResult> {
    return removeScratch(scratch);
  }

  /** @inheritdoc */
  async fsErrors(device: string): Promise<string | null> {
    const real = await realPath(device);
    const name = real.slice(real.lastIndexOf("/") + 1);
    const record = readExt4Errors(name);
    if (!record) return null;
    const mount = (await mountsOf(device))[0];
    return fsErrorReason(record, { mountpoint: mount?.mountpoint ?? null });
  }

  /** @inheritdoc */
  remountReadWrite(mountpoint: string): Promise<ActionResult> {
    return remountReadWrite(mountpoint, { runner: this.#runner });
  }

  /** @inheritdoc */
  fsck(device: string, fsType: string): Promise<FsckResult> {
    return checkFilesystem(device, fsType, { runner: this.#runner, timeoutMs: this.#timeoutMs });
  }

  /** @inheritdoc */
  repair(device: string, fsType: string): Promise<FixResult> {
    return repairFilesystem(device, fsType, { runner: this.#runner, timeoutMs: this.#timeoutMs });
  }

  /** @inheritdoc */
  reformat(device: string, fs: FsIdentity): Promise<FixResult> {
    return reformatFilesystem(device, fs, { runner: this.#runner, timeoutMs: this.#timeoutMs });
  }
}
