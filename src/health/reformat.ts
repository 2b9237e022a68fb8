/**
 * Recreating a filesystem with the SAME type, UUID and label (B-13: the original turned
 * everything it did not know into XFS).
 *
 * @module
 */
import { type CommandRunner, SYSTEM_RUNNER } from "../process/run.ts";
import type { FixResult, FsIdentity } from "./types.ts";

const UUID_REGEXP = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Builds the mkfs command that recreates a filesystem of the same type and identity.
 *
 * @param device The device.
 * @param fs The type, UUID and label to keep.
 * @returns The program and its arguments.
 * @throws {RangeError} When the type is not `ext2`, `ext3`, `ext4` or `xfs` (never guessed).
 */
export function mkfsCommand(device: string, fs: FsIdentity): { cmd: string; args: string[] } {
  const uuid = fs.uuid && UUID_REGEXP.test(fs.uuid) ? fs.uuid : null;
  if (fs.fsType === "xfs") {
    const args = ["-f", "-q"];
    if (uuid) args.push("-m", `uuid=${uuid}`);
    if (fs.label) args.push("-L", fs.label.slice(0, 12));
    return { cmd: "mkfs.xfs", args: [...args, device] };
  }
  if (fs.fsType === "ext2" || fs.fsType === "ext3" || fs.fsType === "ext4") {
    const args = ["-F", "-q"];
    if (uuid) args.push("-U", uuid);
    if (fs.label) args.push("-L", fs.label.slice(0, 16));
    return { cmd: `mkfs.${fs.fsType}`, args: [...args, device] };
  }
  throw new RangeError(
    `Cannot reformat "${device}": filesystem type "${fs.fsType}" is not ext2, ext3, ext4 or xfs`,
  );
}

/**
 * Recreates the filesystem on an unmounted device. Destroys all data on it: callers must
 * have checked the reformat policy (allowed, not an OSD, not a system disk).
 *
 * @param device The device.
 * @param fs The type, UUID and label to keep.
 * @param options Runner and timeout (default 1 h).
 * @returns `ok` or `failed` with mkfs's message.
 * @throws {RangeError} For an unsupported type.
 * @throws {CommandError} When mkfs cannot be started or times out.
 */
export async function reformatFilesystem(
  device: string,
  fs: FsIdentity,
  options: { runner?: CommandRunner; timeoutMs?: number } = {},
): Promise<FixResult> {
  const { cmd, args } = mkfsCommand(device, fs);
  const res = await (options.runner ?? SYSTEM_RUNNER).run(cmd, args, {
    timeoutMs: options.timeoutMs ?? 3_600_000,
  });
  const detail = (res.stderr.trim() || res.stdout.trim()).split("\n").pop() ?? "";
  if (res.code === 0) return { status: "ok", exitCode: 0, detail: `${cmd} succeeded` };
  return { status: "failed", exitCode: res.code, detail: `${cmd} failed: ${detail}` };
}
