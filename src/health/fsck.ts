/**
 * Filesystem check (`e2fsck -f -n`, `xfs_repair -n`) and repair (`e2fsck -f -p`,
 * `xfs_repair`), with exact exit-code interpretation.
 *
 * `-f` is needed: without it e2fsck trusts the superblock's "clean" flag and reports a
 * filesystem with corrupt metadata as clean.
 *
 * @module
 */
import { type CommandRunner, SYSTEM_RUNNER } from "../process/run.ts";
import type { FixResult, FsckResult } from "./types.ts";

/** Filesystem types the checks support. */
export const CHECKABLE_FS_TYPES: ReadonlySet<string> = new Set(["ext2", "ext3", "ext4", "xfs"]);

const BUSY_REGEXP = /in use|busy|is mounted|contains a mounted filesystem/i;

/** What a finished tool reported. */
export interface ToolExit {
  /** Exit code, null when killed by a signal. */
  code: number | null;
  /** Standard output. */
  stdout: string;
  /** Standard error. */
  stderr: string;
}

function lastLine(exit: ToolExit): string {
  const lines = `${exit.stderr}\n${exit.stdout}`.split("\n").map((l) => l.trim()).filter((l) =>
    l.length > 0
  );
  return lines.length ? lines[lines.length - 1]! : "";
}

/**
 * Interprets `e2fsck -f -n` (exit status is a bit mask, e2fsck(8)): 0 no errors; 4 errors
 * left uncorrected → corrupt (also with 8 set, e.g. 12 for unreadable inode tables);
 * 8 alone → operational error (busy device → `in_use`); 16 usage, 32 cancelled,
 * 128 library error → error; 1 and 2 cannot occur with `-n` and are treated as corrupt.
 *
 * @param exit The tool's exit.
 * @returns The result.
 */
export function interpretE2fsckCheck(exit: ToolExit): FsckResult {
  const code = exit.code;
  const detail = lastLine(exit);
  if (code === null) return { status: "error", exitCode: null, detail: `killed: ${detail}` };
  if (code === 0) return { status: "clean", exitCode: 0, detail };
  if (code & (16 | 32 | 128)) return { status: "error", exitCode: code, detail };
  if (code & 4) return { status: "corrupt", exitCode: code, detail };
  if (code & 8) {
    return { status: BUSY_REGEXP.test(detail) ? "in_use" : "error", exitCode: code, detail };
  }
  return { status: "corrupt", exitCode: code, detail };
}

/**
 * Interprets `xfs_repair -n` (xfs_repair(8)): 0 no corruption; 1 corruption found;
 * 2 the log is dirty (mounting replays it; reported as clean with that detail);
 * any other status or a busy/mounted device → error / `in_use`.
 *
 * @param exit The tool's exit.
 * @returns The result.
 */
export function interpretXfsCheck(exit: ToolExit): FsckResult {
  const code = exit.code;
  const detail = lastLine(exit);
  if (code === null) return { status: "error", exitCode: null, detail: `killed: ${detail}` };
  if (BUSY_REGEXP.test(`${exit.stderr}`) && code !== 0) {
    return { status: "in_use", exitCode: code, detail };
  }
  if (code === 0) return { status: "clean", exitCode: 0, detail };
  if (code === 1) return { status: "corrupt", exitCode: 1, detail };
  if (code === 2) {
    return { status: "clean", exitCode: 2, detail: `log needs replay by mounting: ${detail}` };
  }
  return { status: "error", exitCode: code, detail };
}

/**
 * Interprets `e2fsck -f -p`: 0 clean, 1 errors corrected, 2 corrected (reboot advised for
 * a root filesystem) → ok; 4 uncorrected ("run fsck manually") or 8 operational error
 * (e.g. no usable superblock) → failed, unless the device is busy → `in_use`;
 * 16/32/128 → error.
 *
 * @param exit The tool's exit.
 * @returns The result.
 */
export function interpretE2fsckRepair(exit: ToolExit): FixResult {
  const code = exit.code;
  const detail = lastLine(exit);
  if (code === null) return { status: "error", exitCode: null, detail: `killed: ${detail}` };
  if (code === 0 || code === 1 || code === 2 || code === 3) {
    return { status: "ok", exitCode: code, detail };
  }
  if (code & (16 | 32 | 128)) return { status: "error", exitCode: code, detail };
  if ((code & 8) && BUSY_REGEXP.test(detail)) return { status: "in_use", exitCode: code, detail };
  return { status: "failed", exitCode: code, detail };
}

/**
 * Interprets `xfs_repair`: 0 repaired or clean → ok; a busy/mounted device → `in_use`;
 * any other status (1 could not repair, 2 dirty log that only mounting or `-L` can clear)
 * → failed. Bynar never runs `xfs_repair -L` (it throws away the log).
 *
 * @param exit The tool's exit.
 * @returns The result.
 */
export function interpretXfsRepair(exit: ToolExit): FixResult {
  const code = exit.code;
  const detail = lastLine(exit);
  if (code === null) return { status: "error", exitCode: null, detail: `killed: ${detail}` };
  if (code === 0) return { status: "ok", exitCode: 0, detail };
  if (BUSY_REGEXP.test(exit.stderr)) return { status: "in_use", exitCode: code, detail };
  return { status: "failed", exitCode: code, detail };
}

/** Options of the fsck functions. */
export interface FsckOptions {
  /**
   * Runs the programs.
   * @default SYSTEM_RUNNER
   */
  runner?: CommandRunner;
  /**
   * Timeout in milliseconds.
   * @default 3600000
   */
  timeoutMs?: number;
}

/**
 * Checks an unmounted filesystem without modifying it.
 *
 * @param device The device.
 * @param fsType `ext2`, `ext3`, `ext4` or `xfs`.
 * @param options Runner and timeout.
 * @returns The result (`error` for an unsupported filesystem type).
 * @throws {CommandError} When the tool cannot be started or times out.
 */
export async function checkFilesystem(
  device: string,
  fsType: string,
  options: FsckOptions = {},
): Promise<FsckResult> {
  const runner = options.runner ?? SYSTEM_RUNNER;
  const run = { timeoutMs: options.timeoutMs ?? 3_600_000 };
  if (fsType === "xfs") {
    return interpretXfsCheck(await runner.run("xfs_repair", ["-n", device], run));
  }
  if (fsType.startsWith("ext")) {
    return interpretE2fsckCheck(await runner.run("e2fsck", ["-f", "-n", device], run));
  }
  return { status: "error", exitCode: null, detail: `unsupported filesystem "${fsType}"` };
}

/**
 * Repairs an unmounted filesystem without asking questions.
 *
 * @param device The device.
 * @param fsType `ext2`, `ext3`, `ext4` or `xfs`.
 * @param options Runner and timeout.
 * @returns The result (`error` for an unsupported filesystem type).
 * @throws {CommandError} When the tool cannot be started or times out.
 */
export async function repairFilesystem(
  device: string,
  fsType: string,
  options: FsckOptions = {},
): Promise<FixResult> {
  const runner = options.runner ?? SYSTEM_RUNNER;
  const run = { timeoutMs: options.timeoutMs ?? 3_600_000 };
  if (fsType === "xfs") return interpretXfsRepair(await runner.run("xfs_repair", [device], run));
  if (fsType.startsWith("ext")) {
    return interpretE2fsckRepair(await runner.run("e2fsck", ["-f", "-p", device], run));
  }
  return { status: "error", exitCode: null, detail: `unsupported filesystem "${fsType}"` };
}
